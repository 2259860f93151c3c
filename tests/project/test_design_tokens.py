"""``[huisstijl] tokens``: an NL Design System tokens file is checked, copied and mapped onto the theme."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from project_support import problems_of

from geletterdheid.project import branding
from geletterdheid.project.config import load_config
from geletterdheid.project.design_tokens import THEME_MAPPING, DesignTokens, parse_tokens, resolve_colour
from geletterdheid.project.init import example_tokens

TOML = 'forum = false\n[gemeente]\nnaam = "Gemeente Testdorp"\n[huisstijl]\n{kleur}tokens = "huisstijl/tokens.css"\n'


@pytest.fixture
def with_tokens(project):
    """``with_tokens(css, kleur=None)``: a project whose tokens file holds ``css``."""

    def write(css: str, kleur: str | None = None) -> Path:
        root = project(TOML.format(kleur=f'kleur = "{kleur}"\n' if kleur else ""))
        (root / "huisstijl").mkdir(exist_ok=True)
        (root / "huisstijl" / "tokens.css").write_text(textwrap.dedent(css).lstrip("\n"), encoding="utf-8")
        return root

    return write


def parsed(css: str) -> DesignTokens:
    tokens = parse_tokens(Path("tokens.css"), textwrap.dedent(css))
    assert isinstance(tokens, DesignTokens), tokens
    return tokens


def test_the_example_file_passes_and_maps_every_theme_variable():
    tokens = parsed(example_tokens())
    assert [entry.token for entry in tokens.mapped()] == [entry.token for entry in THEME_MAPPING]


def test_the_site_copies_the_file_and_points_the_theme_at_its_tokens(with_tokens):
    css = ":root {\n  --basis-color-action-1-color-default: #0b578a;\n  --basis-text-font-family-default: Arial;\n}\n"
    config = load_config(with_tokens(css))
    files = branding.assets(config)
    assert files["_gemeente/tokens.css"].decode() == css  # as the gemeente wrote it
    theme = files["_gemeente/gemeente.css"].decode()
    assert 'html[data-theme="light"] { --pst-color-link: var(--basis-color-action-1-color-default); }' in theme
    assert ":root { --pst-font-family-base: var(--basis-text-font-family-default); }" in theme
    assert "--pst-color-text-base" not in theme  # only what the file sets
    assert branding.css_files(config) == ["tokens.css", "gemeente.css"]  # the tokens before their use
    assert "html_css_files = ['tokens.css', 'gemeente.css']" in branding.conf_lines(config)


def test_kleur_wins_over_the_tokens_for_the_primary_colour(with_tokens):
    css = ":root { --basis-color-action-1-color-default: #0b578a; --basis-color-default-color-default: #111111; }"
    theme = branding.gemeente_css(load_config(with_tokens(css, kleur="#00589c")))
    assert "--pst-color-link: var(" not in theme
    assert "--pst-color-link: #00589c" in theme
    assert "--pst-color-text-base: var(--basis-color-default-color-default)" in theme


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        (
            ":root {\n  --basis-color-default-color-default: #999999;\n}\n",
            "huisstijl/tokens.css:2: --basis-color-default-color-default (#999999) heeft een contrast van 2,8:1 met "
            "de achtergrond #ffffff; WCAG 1.4.3 vraagt minstens 4,5:1",
        ),
        (  # a dark link on a dark background the file sets itself
            ":root {\n  --basis-color-default-bg-document: #222222;\n"
            "  --basis-color-action-1-color-default: #0b578a;\n}",
            "huisstijl/tokens.css:3: --basis-color-action-1-color-default (#0b578a) heeft een contrast van 2,0:1 met "
            "de achtergrond #222222; WCAG 1.4.3 vraagt minstens 4,5:1",
        ),
        (  # the focus ring needs 3:1 (1.4.11), through a var() in the file
            ":root {\n  --x: #aaaaaa;\n  --basis-focus-outline-color: var(--x);\n}",
            "huisstijl/tokens.css:3: --basis-focus-outline-color (#aaaaaa) heeft een contrast van 2,3:1 met de "
            "achtergrond #ffffff; WCAG 1.4.11 vraagt minstens 3,0:1",
        ),
        (
            ":root {\n  --basis-color-default-color-default: var(--elders);\n}",
            "huisstijl/tokens.css:2: het contrast van --basis-color-default-color-default ('var(--elders)') is niet "
            "te controleren: geef de kleur als #rrggbb, rgb(r, g, b) of var(--naam) van een kleur in dit bestand",
        ),
    ],
)
def test_text_colours_must_keep_their_contrast(with_tokens, css, expected):
    assert problems_of(with_tokens(css)) == [expected]


def test_kleur_is_checked_against_the_background_of_the_tokens(with_tokens):
    root = with_tokens(":root { --basis-color-default-bg-document: #1a1a1a; }", kleur="#00589c")
    assert problems_of(root) == [
        "gemeente.toml:5: kleur #00589c heeft een contrast van 2,3:1 met de achtergrond #1a1a1a uit het "
        "tokenbestand; WCAG 1.4.3 vraagt minstens 4,5:1"
    ]


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        (
            '@import "https://cdn.example/thema.css";\n',
            "huisstijl/tokens.css:1: @import wordt niet meegenomen: zet alleen :root { --naam: waarde; } in dit "
            "bestand (de site laadt geen andere bestanden)",
        ),
        (
            ":root {\n  --basis-text-font-family-default: Arial;\n  --logo: url(https://cdn.example/logo.svg);\n}",
            "huisstijl/tokens.css:3: --logo laadt een bestand (url(...)); de site laadt niets van buiten: "
            "gebruik een waarde zonder url()",
        ),
        (
            ".testdorp-theme {\n  --basis-color-default-color-default: #111111;\n}",
            "huisstijl/tokens.css:1: '.testdorp-theme': zet de tokens in :root { ... } (het root.css-bestand van een "
            "themapakket); variabelen op een class bereiken de pagina niet",
        ),
        (
            ":root {\n  color: red;\n  --basis-text-font-family-default: Arial;\n}",
            "huisstijl/tokens.css:2: 'color' is geen design token: zet alleen variabelen (--naam: waarde) in dit "
            "bestand",
        ),
        (
            ":root { --mijn-kleur: #111111; }",
            "huisstijl/tokens.css:1: dit bestand zet geen van de NL Design System-variabelen die de site gebruikt "
            "(zoals --basis-color-action-1-color-default, --basis-color-default-color-default); zie de README, "
            "'Huisstijl met design tokens'",
        ),
    ],
)
def test_a_file_that_would_load_more_or_set_nothing_is_refused(with_tokens, css, expected):
    assert problems_of(with_tokens(css)) == [expected]


def test_a_binary_file_is_refused_with_its_line(with_tokens):
    root = with_tokens(":root { --basis-text-font-family-default: Arial; }")
    (root / "huisstijl" / "tokens.css").write_bytes(b":root {\n  --a: \xff;\n}\n")
    assert problems_of(root) == ["huisstijl/tokens.css:2: het tokenbestand is geen UTF-8-tekst; sla het op als UTF-8"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("#FFF", "#ffffff"), ("#0b578aff", "#0b578a"), ("rgb(11, 87, 138)", "#0b578a"), ("rgb(11 87 138)", "#0b578a")],
)
def test_colours_in_the_usual_css_forms_are_checked(value, expected):
    tokens = parsed(f":root {{ --basis-color-default-bg-subtle: {value}; }}")  # a colour not checked for contrast
    assert resolve_colour(tokens, tokens.values["--basis-color-default-bg-subtle"]) == expected


def test_a_see_through_colour_cannot_be_checked():
    tokens = parsed(":root { --basis-text-font-family-default: Arial; }")
    assert resolve_colour(tokens, "#0b578a80") is None
    assert resolve_colour(tokens, "var(--a)") is None  # not in the file
