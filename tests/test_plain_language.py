"""Plain language (issue 16, item 8): the modules for all staff are written at B1.

The rule (src/geletterdheid/content/readability.py): on average at most 15 words per sentence of
prose, and at most 5 % of the sentences longer than 25 words. ``python -m
geletterdheid.content.readability modules/m03-*.md`` prints the figures and the long sentences.
"""

from __future__ import annotations

import pytest

from geletterdheid.content import catalog_or_exit
from geletterdheid.content.model import ALL_STAFF_ROLE
from geletterdheid.content.readability import measure, prose_blocks, sentences
from repo_paths import REPO

pytestmark = pytest.mark.content


def _all_staff_modules() -> list[str]:
    catalog = catalog_or_exit(REPO)
    return sorted(m for m, module in catalog.modules.items() if ALL_STAFF_ROLE in module.roles)


def test_the_modules_for_all_staff_are_m01_to_m04():
    assert _all_staff_modules() == ["m01", "m02", "m03", "m04"]


@pytest.mark.parametrize("module_id", ["m01", "m02", "m03", "m04"])
def test_module_for_all_staff_is_written_at_b1(module_id):
    path = catalog_or_exit(REPO).module_paths[module_id]
    figures = measure(path.read_text(encoding="utf-8"))
    assert figures.sentences > 20, f"{module_id}: too few sentences measured ({figures.sentences})"
    assert figures.is_b1, f"{module_id}: {figures.summary()}"


def test_sentences_split_at_end_marks_but_not_after_abbreviations_or_inside_numbers():
    text = "Dit is zin een. Zie bijv. art. 5 van de wet! Staat in 3.1 van de bijlage? Ja.\n"
    assert sentences(text.strip()) == [
        "Dit is zin een.",
        "Zie bijv. art. 5 van de wet!",
        "Staat in 3.1 van de bijlage?",
        "Ja.",
    ]


def test_a_role_is_one_word_and_a_link_counts_its_text():
    figures = measure("Lees {artikel}`bijlage III, punt 5(a)` en [de wet](https://eur-lex.europa.eu/x) goed.\n")
    assert (figures.sentences, figures.words) == (1, 6)


def test_front_matter_code_headings_tables_and_directive_options_are_not_prose():
    text = "\n".join(
        [
            "---",
            "id: m99",
            "titel: Een heel lange titel die niet meetelt want het is front matter",
            "---",
            "# Kop die niet meetelt",
            "",
            "Eerste zin.",
            "",
            "| cel | cel |",
            "|---|---|",
            "| geen | proza |",
            "",
            "```python",
            "print('geen proza')",
            "```",
            "",
            "```{admonition} Titel",
            ":class: tip",
            "Tweede zin in een directive.",
            "```",
            "",
            "Term van een definitie",
            ": Tekst van de definitie.",
            "",
            "% een opmerking",
            "- Een lijstpunt zonder punt",
            "- Nog een",
            "",
            "## Bronnen",
            "",
            "- AI-verordening, artikel 4: https://eur-lex.europa.eu/",
        ]
    )
    assert prose_blocks(text) == [
        "Eerste zin.",
        "Tweede zin in een directive.",
        "Tekst van de definitie.",
        "Een lijstpunt zonder punt",
        "Nog een",
    ]
    assert measure(text).sentences == 5


def test_long_sentences_count_against_the_share():
    long = " ".join(["woord"] * 26) + "."
    figures = measure(f"{long} Kort.\n")
    assert (figures.long, figures.sentences) == (1, 2)
    assert not figures.is_b1
