"""The content model: modules, quizzes, roles and topics, loaded and validated once."""

from ..problems import Problem
from .access import InvalidContent, catalog_or_exit, format_problems
from .load import load_catalog
from .model import Catalog, Module, Question, Quiz, Role, Topic

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
]
