"""A gemeente project's settings applied to the Catalog of its assembled tree (see project/assemble.py).

Two things change when the content root was assembled from a gemeente project: every problem is
reported at the gemeente's own file and line (not at the copy Sphinx reads), and the settings of
``gemeente.toml`` apply: forum addresses per topic (or no forum), base modules left out.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..problems import Problem
from ..project.assemble import Origins
from ..project.config import PROJECT_FILE, load_config
from .model import Catalog

Result = tuple[Catalog | None, list[Problem]]


def apply_project(root: Path, result: Result) -> Result:
    origins = Origins.of(root)
    if origins is None:
        return result
    project = origins.project
    catalog, problems = result
    if catalog is None:
        return None, [Problem(*origins.locate(p.path, p.line), p.message) for p in problems]
    config = load_config(project)
    settings = project / PROJECT_FILE
    found: list[Problem] = []
    leave_out = set(config.leave_out)
    for module_id in sorted(leave_out - set(catalog.modules)):
        found.append(
            Problem(settings, config.line_of("inhoud", "weglaten"), f"weglaten: onbekende module '{module_id}'")
        )
    for module_id, module in catalog.modules.items():
        needed = sorted(set(module.requires) & leave_out)
        if module_id not in leave_out and needed:
            found.append(
                Problem(
                    settings,
                    config.line_of("inhoud", "weglaten"),
                    f"weglaten: module {module_id} heeft {', '.join(needed)} nodig (vereist); laat die ook weg "
                    "of houd ze allebei",
                )
            )
    if found:
        return None, found
    topics = catalog.topics
    if config.forum is not None:
        forum = config.forum
        topics = {tid: topic.model_copy(update={"forum_url": forum.url_for(tid)}) for tid, topic in topics.items()}

    def kept(items: dict) -> dict:  # type: ignore[type-arg]
        return {key: value for key, value in items.items() if key not in leave_out}

    return (
        dataclasses.replace(
            catalog,
            modules=kept(catalog.modules),
            quizzes=kept(catalog.quizzes),
            module_paths=kept(catalog.module_paths),
            quiz_paths=kept(catalog.quiz_paths),
            topics=topics,
            forum=config.forum is not None,
            left_out={mid: path for mid, path in catalog.module_paths.items() if mid in leave_out},
        ),
        [],
    )
