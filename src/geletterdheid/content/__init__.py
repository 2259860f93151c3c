"""The content model: modules, quizzes, roles and topics, loaded and validated once."""

from .load import ContentError, load_catalog, load_catalog_or_raise
from .model import Catalog, Module, Question, Quiz, Role, Topic
from .problems import Problem

__all__ = [
    "Catalog",
    "ContentError",
    "Module",
    "Problem",
    "Question",
    "Quiz",
    "Role",
    "Topic",
    "load_catalog",
    "load_catalog_or_raise",
]
