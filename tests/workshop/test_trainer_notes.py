"""Trainer notes (``trainer:`` in a module's front matter): every base module has them, and check
reports a broken block with file and line."""

from __future__ import annotations

import pytest

from geletterdheid.content import load_catalog

BLOCK = """trainer:
  minuten: 25
  kernpunten:
    - "Een."
    - "Twee."
    - "Drie."
  casus:
    werkvorm: "In tweetallen"
    minuten: 10
    samenvatting: "Een casus."
    opdracht: "Doe iets."
  discussievragen:
    - "Wat vind jij?"
  misverstanden:
    - misverstand: "Iets fout."
      juist: "Iets goed."
      artikelen: ["4"]
"""


def test_every_base_module_has_trainer_notes_with_a_casus_from_its_page(catalog):
    for module_id, module in catalog.modules.items():
        notes = module.trainer
        assert notes is not None, f"{module_id} heeft geen trainer-blok"
        assert 3 <= len(notes.key_points) <= 5 and notes.misconceptions and notes.discussion_questions
        assert notes.explain_minutes >= 3
        page = catalog.module_paths[module_id].read_text(encoding="utf-8")
        assert "## Casus" in page, f"{module_id}: de trainer-casus hoort bij een casus in de module"


def _with_block(content_tree, block: str):
    path = content_tree / "modules" / "m01-basis.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("laatst_gecontroleerd: 2026-11-28\n", "laatst_gecontroleerd: 2026-11-28\n" + block, 1))
    return load_catalog(content_tree)


def test_a_valid_block_loads(content_tree):
    catalog, problems = _with_block(content_tree, BLOCK)
    assert problems == []
    assert catalog.modules["m01"].trainer.explain_minutes == 25 - 10 - 5


@pytest.mark.parametrize(
    ("old", "new", "line", "fragment"),
    [
        ('      artikelen: ["4"]', '      artikelen: ["bijlage XX"]', 31, "bijlage XX bestaat niet"),
        (
            '    - "Drie."\n',
            '    - "Drie."\n    - "Vier."\n    - "Vijf."\n    - "Zes."\n',
            18,
            "'kernpunten' heeft te veel items (hoogstens 5, nu 6)",
        ),
        ("  minuten: 25", "  minuten: 16", 16, "te weinig tijd voor de kernpunten"),
        ('    werkvorm: "In tweetallen"\n', "", 22, "verplicht veld 'werkvorm' ontbreekt"),
    ],
    ids=["unknown-provision", "too-many-key-points", "parts-do-not-fit", "missing-work-form"],
)
def test_a_broken_block_is_reported_with_file_and_line(content_tree, old, new, line, fragment):
    assert old in BLOCK
    catalog, problems = _with_block(content_tree, BLOCK.replace(old, new, 1))
    assert catalog is None
    matching = [p for p in problems if fragment in p.message]
    assert matching, problems
    assert (matching[0].path.name, matching[0].line) == ("m01-basis.md", line), matching[0]
