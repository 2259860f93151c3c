"""Odd and hostile content files: a Dutch message with path:line from `geletterdheid check`, never
"Interne fout", and no gigabytes for a YAML alias bomb."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from geletterdheid.cli import main
from records.peak_memory import run_measured


def check(root: Path, capsys) -> tuple[int, str]:
    code = main(["--root", str(root), "check"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def prepend(path: Path, text: str) -> None:
    path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")


def alias_bomb(levels: int = 9) -> str:
    """The "billion laughs": each line nine aliases of the one before, 9**levels values in all."""
    lines = ["a0: &a0 [lach, lach, lach, lach, lach, lach, lach, lach, lach]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_in_a_quiz_is_refused_quickly_and_in_little_memory(content_tree):
    prepend(content_tree / "quizzes" / "m01.yaml", alias_bomb())
    measured = run_measured("--root", content_tree, "check", timeout=60)
    assert measured.code == 1
    assert (
        "quizzes/m01.yaml:1: ankers en verwijzingen ('&a0') worden niet ondersteund; schrijf de waarde uit"
        in measured.err
    )
    assert measured.peak_mib < 200, f"{measured.peak_mib:.0f} MiB"


@pytest.mark.parametrize(
    "old, new, line, message",
    [
        ("vereist: []", "vereist: &a [*a]", 13, "ankers en verwijzingen ('&a') worden niet ondersteund"),
        (
            "vereist: []",
            "extra: &x {titel: X}\nvereist: []",
            13,
            "ankers en verwijzingen ('&x') worden niet ondersteund",
        ),
        ("vereist: []", "vereist: []\n<<: {duur_minuten: 20}", 14, "de samenvoegsleutel '<<' wordt niet ondersteund"),
        (
            "samenvatting: Een korte testmodule.",
            "samenvatting: *Belangrijk voor iedereen.",
            4,
            "ankers en verwijzingen ('*Belangrijk') worden niet ondersteund; schrijf de waarde uit (begint een "
            "tekst met & of *, zet hem dan tussen aanhalingstekens)",
        ),
        (
            "laatst_gecontroleerd: 2026-11-28",
            "laatst_gecontroleerd: 2026-02-30",
            14,
            "ongeldige datum '2026-02-30': die dag bestaat niet in die maand",
        ),
        (
            "laatst_gecontroleerd: 2026-11-28",
            "laatst_gecontroleerd: 2026-13-01",
            14,
            "ongeldige datum '2026-13-01': de maand moet tussen 1 en 12 liggen",
        ),
    ],
    ids=["zelfverwijzing", "anker", "samenvoegsleutel", "tekst-met-ster", "30-februari", "maand-13"],
)
def test_yaml_features_and_impossible_dates_are_named_with_their_line(content_tree, capsys, old, new, line, message):
    module = content_tree / "modules" / "m01-basis.md"
    text = module.read_text(encoding="utf-8")
    assert old in text
    module.write_text(text.replace(old, new), encoding="utf-8")
    code, output = check(content_tree, capsys)
    assert code == 1
    assert f"modules/m01-basis.md:{line}: {message}" in output
    assert "Interne fout" not in output
    assert "moet een datum zijn" not in output  # one message per mistake


def test_a_module_saved_with_a_utf8_bom_is_read(content_tree, capsys):
    module = content_tree / "modules" / "m01-basis.md"
    module.write_bytes(codecs.BOM_UTF8 + module.read_bytes())
    code, output = check(content_tree, capsys)
    assert code == 0, output
    assert "In orde: 2 modules" in output


def test_symlink_loops_in_modules_are_skipped_with_a_message(content_tree, capsys):
    modules = content_tree / "modules"
    (modules / "lus.md").symlink_to("lus.md")
    (modules / "a.md").symlink_to("b.md")
    (modules / "b.md").symlink_to("a.md")
    code, output = check(content_tree, capsys)
    assert code == 0, output
    for name in ("a.md", "b.md", "lus.md"):
        assert f"Let op: modules/{name}:1: symbolische koppeling die naar zichzelf terugverwijst; overgeslagen" in (
            output
        )
    assert "In orde: 2 modules" in output


def test_the_site_builds_past_a_symlink_loop_in_modules(content_tree, tmp_path, capsys):
    (content_tree / "modules" / "lus.md").symlink_to("lus.md")
    code = main(["--root", str(content_tree), "build", "--only", "html", "--out", str(tmp_path / "uit")])
    output = capsys.readouterr()
    assert code == 0, output.out + output.err
    assert (tmp_path / "uit" / "html" / "modules" / "m01-basis.html").is_file()
    assert not (tmp_path / "uit" / "html" / "modules" / "lus.html").exists()
