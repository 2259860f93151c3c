"""Which modules an export holds: one module, a role's learning path, or all. Pure."""

from __future__ import annotations

from ..content.model import Catalog
from ..curriculum import required_module_ids
from ..errors import UserError


class UnknownModule(UserError, ValueError):
    def __init__(self, module_id: str, valid: list[str]):
        super().__init__(f"onbekende module '{module_id}'. Geldige modules zijn: {', '.join(valid)}.")


class ModuleWithoutQuiz(UserError, ValueError):
    def __init__(self, module_id: str):
        super().__init__(
            f"module {module_id} heeft geen toets (quizzes/{module_id}.yaml): een LMS-pakket heeft een toets nodig"
        )


def module_ids_for(catalog: Catalog, module: str | None, role: str | None) -> list[str]:
    """``module``, the learning path of ``role`` (prerequisites first), or every module (both None).

    Raises UnknownModule, curriculum.UnknownRole, ModuleWithoutQuiz (Dutch messages)."""
    if module is not None:
        if module not in catalog.modules:
            raise UnknownModule(module, list(catalog.modules))
        ids = [module]
    elif role is not None:
        ids = required_module_ids(catalog, [role])
    else:
        ids = list(catalog.modules)
    for module_id in ids:
        if module_id not in catalog.quizzes:
            raise ModuleWithoutQuiz(module_id)
    return ids
