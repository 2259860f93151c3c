"""gemeente.toml that is not TOML, not UTF-8 or far too big: a Dutch path:line message, never a traceback."""

from __future__ import annotations

import pytest
from project_support import problems_of

from geletterdheid.project.source import MAX_BYTES
from geletterdheid.project.toml_lines import scan_key_lines


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        (
            "[gemeente]\nnaam = Gemeente Testdorp\n",
            "gemeente.toml:2: geen geldige TOML (kolom 8): ongeldige waarde: zet tekst tussen aanhalingstekens "
            '("..."), schrijf true of false met kleine letters en een lijst als ["a", "b"]',
        ),
        (
            '[gemeente]\nnaam "Gemeente Testdorp"\n',
            "gemeente.toml:2: geen geldige TOML (kolom 6): hier ontbreekt '=' tussen de sleutel en de waarde",
        ),
        (
            '[gemeente]\nnaam = "Gemeente Testdorp\nwebsite = "https://t.nl"\n',
            "gemeente.toml:2: geen geldige TOML (kolom 26): een tekst mist het aanhalingsteken aan het eind",
        ),
        # tomllib places a duplicate key "at end of document"; the scanner finds the second one.
        (
            '[gemeente]\nnaam = "A"\n\nnaam = "B"\n[forum]\nbasis_url = "https://t.nl/"\n',
            "gemeente.toml:4: 'gemeente.naam' staat er twee keer (ook op regel 2); haal er één weg",
        ),
        (
            '[gemeente]\nnaam = "A"\n[forum]\nbasis_url = "https://t.nl/"\n[gemeente]\nwebsite = "https://t.nl"\n',
            "gemeente.toml:5: 'gemeente' staat er twee keer (ook op regel 1); haal er één weg",
        ),
    ],
)
def test_syntax_errors_are_dutch_and_at_their_line(project, toml, expected):
    assert problems_of(project(toml)) == [expected]


def test_a_file_that_is_not_utf8_names_the_line(project):
    root = project("")
    (root / "gemeente.toml").write_bytes('[gemeente]\n# logo\nnaam = "Gemeente Súdwest"\n'.encode("latin-1"))
    assert problems_of(root) == ["gemeente.toml:3: het bestand is geen UTF-8-tekst (teken 0xfa); sla het op als UTF-8"]


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(project):
    root = project("")
    (root / "gemeente.toml").write_bytes(b'\xef\xbb\xbfforum = false\n[gemeente]\nnaam = "Gemeente Testdorp"\n')
    from geletterdheid.project.config import load_config

    assert load_config(root).name == "Gemeente Testdorp"


def test_a_huge_file_is_refused_without_reading_it_as_toml(project):
    root = project("")
    (root / "gemeente.toml").write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    assert problems_of(root) == [
        f"gemeente.toml:1: het bestand is {MAX_BYTES + 3} bytes; een projectbestand is hooguit 1 MB. "
        "Is dit het goede bestand?"
    ]


def test_lists_nested_too_deep_are_a_problem_not_a_crash(project):
    root = project("forum = false\n[gemeente]\nnaam = " + "[" * 100_000 + "\n")
    assert problems_of(root) == ["gemeente.toml:1: geen geldige TOML: lijsten zijn te diep genest"]


def test_the_scanner_is_not_fooled_by_strings_comments_and_multiline_values():
    text = (
        '# naam = "in commentaar"\n'  # 1
        "[gemeente]\n"  # 2
        'naam = "a = b # geen commentaar"\n'  # 3
        'website = """\n'  # 4
        "kleur = niet echt\n"  # 5
        '"""\n'  # 6
        "[inhoud]  # kop met commentaar\n"  # 7
        "weglaten = [\n"  # 8
        '  "m16",  # kleur = ook niet\n'  # 9
        "]\n"  # 10
        '"contact".\'fg\' = { naam = "FG", email = "x@y.nl" }\n'  # 11: quoted keys, a dotted key
        "[forum.onderwerpen]\n"  # 12: opens [forum] as well
        "a-b = 'c'\n"  # 13
    )
    found = scan_key_lines(text)
    assert found.lines == {
        ("gemeente",): 2,
        ("gemeente", "naam"): 3,
        ("gemeente", "website"): 4,
        ("inhoud",): 7,
        ("inhoud", "weglaten"): 8,
        ("inhoud", "contact"): 11,
        ("inhoud", "contact", "fg"): 11,
        ("inhoud", "contact", "fg", "naam"): 11,
        ("inhoud", "contact", "fg", "email"): 11,
        ("forum",): 12,
        ("forum", "onderwerpen"): 12,
        ("forum", "onderwerpen", "a-b"): 13,
    }
    assert found.duplicates == []
    assert found.line_of(("gemeente", "kleur")) == 2  # not there: its table's line


def test_the_scanner_keeps_what_it_found_before_text_it_cannot_follow():
    found = scan_key_lines('[gemeente]\nnaam = "A"\n= kapot\nwebsite = "x"\n')
    assert found.lines == {("gemeente",): 1, ("gemeente", "naam"): 2}
