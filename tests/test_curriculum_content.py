"""The real curriculum: the counts issue 3 promises, and legal hygiene every editor must keep.

Content QA (marker ``content``): a content edit fails here, not in the code tests, which use
fixture trees. Run only these with ``pytest -m content``.
"""

from __future__ import annotations

import re

import pytest

from geletterdheid.content import Catalog, catalog_or_exit
from geletterdheid.content.articles import parse_provision
from repo_paths import REPO

pytestmark = pytest.mark.content


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return catalog_or_exit(REPO)


ROLES = {
    "alle-medewerkers": "bewust",
    "beleidsadviseur": "bekwaam",
    "bestuurder-manager": "bekwaam",
    "uitvoerend-professional": "bekwaam",
    "inkoper": "vloeiend",
    "jurist-privacy": "vloeiend",
    "technisch-specialist": "expert",
}


def test_sixteen_modules_each_with_a_quiz_of_at_least_ten_questions(catalog):
    assert list(catalog.modules) == [f"m{n:02d}" for n in range(1, 17)]
    assert set(catalog.quizzes) == set(catalog.modules)
    for module_id, quiz in catalog.quizzes.items():
        assert len(quiz.questions) >= 10, module_id
    assert sum(len(q.questions) for q in catalog.quizzes.values()) >= 160


def test_each_quiz_mixes_types_and_has_at_least_three_cases(catalog):
    for module_id, quiz in catalog.quizzes.items():
        assert {q.type for q in quiz.questions} == {"enkelvoudig", "meervoudig", "juist-onwaar"}, module_id
        assert sum(1 for q in quiz.questions if q.case) >= 3, module_id


def test_every_explanation_cites_an_article(catalog):
    for quiz in catalog.quizzes.values():
        for question in quiz.questions:
            assert question.articles, f"{question.id}: geen artikelen"
            for reference in question.articles:
                parse_provision(reference)
            assert re.search(r"\b(artikel|bijlage|overweging)\b", question.explanation, re.IGNORECASE), (
                f"{question.id}: de uitleg noemt geen artikel"
            )


def test_seven_roles_with_their_levels_and_ten_topics(catalog):
    assert {role_id: role.level for role_id, role in catalog.roles.items()} == ROLES
    assert len(catalog.topics) >= 10


def test_modules_have_three_to_six_learning_goals_and_a_recent_legal_check(catalog):
    import datetime as dt

    for module in catalog.modules.values():
        assert 3 <= len(module.learning_goals) <= 6, module.id
        # checked against the law as amended by Regulation (EU) 2026/1744 (in force 27 July 2026)
        assert module.last_checked >= dt.date(2026, 7, 27), module.id


def test_module_pages_have_the_required_sections(catalog):
    for module_id, path in catalog.module_paths.items():
        text = path.read_text(encoding="utf-8")
        for heading in ("## Casus", "## Wat betekent dit voor jou?", "## Checklist", "## Bronnen"):
            assert heading in text, f"{path.name}: sectie '{heading}' ontbreekt"
        assert "{artikel}`" in text, path.name
        for role_id in catalog.modules[module_id].roles:
            assert catalog.roles[role_id].title in text.split("## Wat betekent dit voor jou?")[1], (
                f"{path.name}: geen deel voor rol {role_id}"
            )


def test_glossary_has_at_least_forty_terms():
    text = (REPO / "docs" / "begrippen.md").read_text(encoding="utf-8")
    block = text.split("```{glossary}")[1].split("```")[0]
    terms = [line for line in block.splitlines() if line and not line.startswith((" ", ":"))]
    assert len(terms) >= 40


# Statements the fact sheet flags as errors (section 17), as patterns that must not appear.
OUTDATED = {
    "1 februari 2025": r"1 februari 2025",
    "high-risk from 2 Aug 2026": r"hoog risico[^.]{0,80}(vanaf|per|op) 2 augustus 2026",
    "Art. 4 abolished": (
        r"(artikel 4|geletterdheidsplicht)[^.]{0,60}(geschrapt|afgeschaft|vervallen)(?![^.]{0,40}\bniet\b)"
    ),
    "DPIA replaces FRIA": r"DPIA (vervangt|is genoeg voor) de (FRIA|grondrechteneffectbeoordeling)",
}


def _quiz_statements(catalog):
    """What a quiz asserts: the question, its case, the explanation and the correct options.

    Wrong options are left out on purpose: a distractor may repeat a common error.
    """
    for module_id, quiz in catalog.quizzes.items():
        for question in quiz.questions:
            texts = [question.text, question.case or "", question.explanation]
            texts += [question.options[key] for key in question.correct]
            for text in texts:
                yield f"{catalog.quiz_paths[module_id].relative_to(REPO)} ({question.id})", text


@pytest.mark.parametrize("error", sorted(OUTDATED))
def test_no_page_repeats_a_flagged_error(catalog, error):
    pattern = re.compile(OUTDATED[error], re.IGNORECASE)
    negation = re.compile(r"\b(niet|onjuist|fout|verouderd|oude)\b", re.IGNORECASE)
    offenders = []
    for path in [*REPO.glob("modules/*.md"), *REPO.glob("docs/**/*.md"), REPO / "index.md"]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.lstrip().startswith("- misverstand:"):
                continue  # a trainer note states the misconception on purpose; its 'juist' line is checked
            if pattern.search(line) and not negation.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()[:100]}")
    for where, text in _quiz_statements(catalog):
        if pattern.search(text) and not negation.search(text):
            offenders.append(f"{where}: {text[:100]}")
    assert offenders == []
