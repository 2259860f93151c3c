"""In a gemeente project, `check` reports a problem in a module text at the gemeente's own file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from geletterdheid.cli import main


def test_a_problem_in_an_aanvulling_is_named_at_the_aanvulling(
    overlay_project: Path, capsys: pytest.CaptureFixture[str]
):
    (overlay_project / "aanvullingen" / "m02.md").write_text(
        "Vraag het AI-loket als je twijfelt.\n\nZie [de basis](m01-basis.md) en ![](kaart.png).\n", encoding="utf-8"
    )
    assert main(["--root", str(overlay_project), "check"]) == 1
    err = capsys.readouterr().err
    assert "aanvullingen/m02.md:3: afbeelding kaart.png heeft geen alternatieve tekst" in err
    assert "m01-basis.md" not in err  # the link to the base module reaches it in the assembled tree
    assert "bron" not in err
