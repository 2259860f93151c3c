"""The content model: modules, quizzes, roles and topics, loaded and validated once."""

from .access import InvalidContent, catalog_or_exit, format_problems
from .load import load_catalog
from .model import Catalog, Module, Question, Quiz, Role, Topic
from .problems import Problem

#: The old name of :func:`catalog_or_exit`, kept only while the handbook tests and benchmarks
#: (tests/handbook/, bench/bench_pdf.py, bench/bench_build.py, being rewritten elsewhere) still
#: import it. Remove it once they use ``catalog_or_exit``.
load_catalog_or_raise = catalog_or_exit

__all__ = [
    "Catalog",
    "InvalidContent",
    "Module",
    "Problem",
    "Question",
    "Quiz",
    "Role",
    "Topic",
    "catalog_or_exit",
    "format_problems",
    "load_catalog",
    "load_catalog_or_raise",
]
