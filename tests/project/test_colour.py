"""The primary colour: #rrggbb, and at least 4.5:1 against white (WCAG 1.4.3), said in Dutch."""

from __future__ import annotations

import pytest
from project_support import problems_of

from geletterdheid.project.config import contrast_against_white, load_config


def test_contrast_against_white_follows_wcag():
    # #00589c by hand: G = 0x58/255 = 0.3451 -> ((0.3451 + 0.055) / 1.055) ** 2.4 = 0.0976;
    # B = 0x9c/255 = 0.6118 -> 0.3325; L = 0.7152 * 0.0976 + 0.0722 * 0.3325 = 0.0938;
    # contrast = (1 + 0.05) / (0.0938 + 0.05) = 7.30.
    assert contrast_against_white("#00589c") == pytest.approx(7.30, abs=0.01)
    # #ffcc00: R = 1.0; G = 0xcc/255 = 0.8 -> 0.6038; L = 0.2126 + 0.7152 * 0.6038 = 0.6445;
    # contrast = 1.05 / 0.6945 = 1.51.
    assert contrast_against_white("#ffcc00") == pytest.approx(1.51, abs=0.01)
    assert contrast_against_white("#000000") == pytest.approx(21.0)
    assert contrast_against_white("#FFFFFF") == pytest.approx(1.0)
    with pytest.raises(ValueError):
        contrast_against_white("blauw")


def style(project, colour: str):
    return project(f'forum = false\n[gemeente]\nnaam = "T"\n[huisstijl]\nkleur = "{colour}"\n')


def test_a_dark_enough_colour_passes(project):
    assert load_config(style(project, "#00589c")).colour == "#00589c"


def test_a_light_colour_fails_with_its_contrast_and_the_rule(project):
    assert problems_of(style(project, "#ffcc00")) == [
        "gemeente.toml:5: kleur #ffcc00 heeft een contrast van 1,5:1 met wit; WCAG 1.4.3 vraagt minstens 4,5:1: "
        "kies een donkerdere tint"
    ]


def test_the_ratio_is_rounded_down_so_a_near_miss_does_not_read_as_enough(project):
    # #777777 is 4.48:1 and #767676 4.54:1 (the lightest grey that passes).
    assert contrast_against_white("#777777") == pytest.approx(4.48, abs=0.01)
    assert "contrast van 4,4:1" in problems_of(style(project, "#777777"))[0]
    assert load_config(style(project, "#767676")).colour == "#767676"


@pytest.mark.parametrize("colour", ["#fff", "00589c", "#00589g", "blauw", "#00589c80"])
def test_only_six_hex_digits_are_a_colour(project, colour):
    assert problems_of(style(project, colour)) == [
        f"gemeente.toml:5: '{colour}' is geen geldige kleur: gebruik de vorm #rrggbb met zes tekens 0-9 en a-f, "
        "bijvoorbeeld #00589c"
    ]
