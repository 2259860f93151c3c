"""The exercises with the decision tree ({beslisboom-casus}): the shipped cases in the modules agree
with the walk, and a case that does not (or names an unknown kenmerk) stops the build at its line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from classification_support import PLAIN
from geletterdheid.classification import classify
from geletterdheid.classification.exercise import CaseParts, expected_transparency, features_of, split_case
from repo_paths import REPO, ROOTS

DATA = Path(__file__).parent / "data"
_CASE = re.compile(r"^```\{beslisboom-casus\} (?P<title>[^\n]+)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def shipped_cases() -> list[tuple[str, str, dict[str, str], list[str]]]:
    """(module file, title, options, body lines) of every case in modules/."""
    found = []
    for module in sorted((REPO / "modules").glob("*.md")):
        for match in _CASE.finditer(module.read_text(encoding="utf-8")):
            lines = match["body"].splitlines()
            options = {}
            while lines and lines[0].startswith(":"):
                key, _, value = lines.pop(0)[1:].partition(":")
                options[key] = value.strip()
            found.append((module.name, match["title"], options, lines))
    return found


@pytest.mark.content
def test_every_case_in_the_modules_gives_its_expected_outcome(repo_catalog):
    cases = shipped_cases()
    assert len(cases) >= 10
    assert {name[:3] for name, *_ in cases} >= {"m02", "m03", "m06", "m08", "m09", "m11"}
    assert repo_catalog.decision_tree is not None and repo_catalog.duties is not None
    outcomes = {}
    for module, title, options, lines in cases:
        parts = split_case(lines)
        assert isinstance(parts, CaseParts), (module, title, parts)
        features = features_of(parts)
        assert not hasattr(features, "offset"), (module, title, features)
        outcome = classify(features, repo_catalog.decision_tree, repo_catalog.duties, repo_catalog.legal)
        assert outcome.risk_class == options["risicoklasse"], (module, title)
        assert outcome.transparency == expected_transparency(options["transparantie"]), (module, title)
        assert "{artikel}`" in "\n".join(parts.explanation), f"{module}: '{title}' cites no provision"
        outcomes[title] = outcome
    # Every risk class and every Art. 50 duty the tree knows is practised somewhere.
    assert {o.risk_class for o in outcomes.values()} == {"geen-ai", "verboden", "hoog-risico", "minimaal"}
    assert {d for o in outcomes.values() for d in o.transparency} >= {"50(1)", "50(2)", "50(4)"}
    assert {o.conclusion for o in outcomes.values()} >= {"geen-hoog-risico-6-3", "hoog-risico-bijlage-iii"}


def _kenmerken(**changes: object) -> str:
    values = {**PLAIN, **changes}
    text = []
    for key, value in values.items():
        shown = "true" if value is True else "false" if value is False else "null" if value is None else value
        text.append(f"{key}: {'[]' if value == [] else shown}")
    return "\n".join(text)


def _build_with_case(tmp_path: Path, case: str) -> tuple[int, str]:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    for name in ("beslisboom.yaml", "plichten.yaml", "wetgeving.yaml"):
        shutil.copy(DATA / name, srcdir / "docs" / name)
    page = srcdir / "modules" / "m02-vervolg.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + case + "\n", encoding="utf-8")
    app = None
    try:
        app = SphinxTestApp("html", srcdir=srcdir, warningiserror=True)
        app.build()
        return app.statuscode, app.warning.getvalue()
    except Exception as exc:  # warnings are errors
        return 1, f"{exc}\n{app.warning.getvalue() if app else ''}"
    finally:
        if app is not None:
            app.cleanup()


def _case(risk: str, transparency: str, kenmerken: str) -> str:
    return (
        f"```{{beslisboom-casus}} Chatbot\n:risicoklasse: {risk}\n:transparantie: {transparency}\n\n"
        "Inwoners praten met een chatbot.\n\n% uitleg\nZie {artikel}`50(1)`.\n\n% kenmerken\n" + kenmerken + "\n```"
    )


def _line_in_page(tmp_path: Path, needle: str) -> int:
    text = (tmp_path / "src" / "modules" / "m02-vervolg.md").read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_a_case_renders_as_an_exercise_with_the_answer_folded_away(tmp_path):
    code, output = _build_with_case(tmp_path, _case("minimaal", "50(1)", _kenmerken(interactie_met_personen=True)))
    assert code == 0, output
    from bs4 import BeautifulSoup

    html = (tmp_path / "src" / "_build" / "html" / "modules" / "m02-vervolg.html").read_text(encoding="utf-8")
    case = BeautifulSoup(html, "html.parser").find(class_="gl-bb-casus")
    assert case.find(class_="gl-bb-casus-titel").get_text() == "Oefening: Chatbot"
    answer = case.find("details")
    assert answer is not None and not answer.has_attr("open")
    assert "Transparantie (artikel 50): artikel 50(1)" in answer.get_text()
    assert "interactie_met_personen: true" in answer.find("pre").get_text()


def test_a_case_whose_expected_outcome_is_wrong_fails_the_build_at_its_line(tmp_path):
    code, output = _build_with_case(tmp_path, _case("hoog-risico", "50(1)", _kenmerken(interactie_met_personen=True)))
    assert code != 0
    line = _line_in_page(tmp_path, "```{beslisboom-casus}")
    assert f"m02-vervolg.md:{line}:" in output
    assert "verwacht risicoklasse 'hoog-risico'" in output and "geeft met deze kenmerken 'minimaal'" in output


def test_a_case_with_an_unknown_kenmerk_fails_the_build_at_the_kenmerk(tmp_path):
    kenmerken = _kenmerken(interactie_met_personen=True) + "\nchatbot: true"
    code, output = _build_with_case(tmp_path, _case("minimaal", "50(1)", kenmerken))
    assert code != 0
    assert f"m02-vervolg.md:{_line_in_page(tmp_path, 'chatbot: true')}:" in output
    assert "onbekend kenmerk 'chatbot'" in output


def test_a_case_missing_a_kenmerk_names_it(tmp_path):
    kenmerken = "\n".join(line for line in _kenmerken().splitlines() if not line.startswith("deepfake"))
    code, output = _build_with_case(tmp_path, _case("minimaal", "geen", kenmerken))
    assert code != 0
    assert "kenmerk 'deepfake': ontbreekt" in output


def test_the_text_builder_writes_the_case_and_the_flow(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    for name in ("beslisboom.yaml", "plichten.yaml", "wetgeving.yaml"):
        shutil.copy(DATA / name, srcdir / "docs" / name)
    page = srcdir / "modules" / "m02-vervolg.md"
    case = _case("minimaal", "50(1)", _kenmerken(interactie_met_personen=True))
    page.write_text(page.read_text(encoding="utf-8") + "\n" + case + "\n\n```{beslisboom}\n```\n", encoding="utf-8")
    app = SphinxTestApp("text", srcdir=srcdir, warningiserror=True)
    try:
        app.build()
        text = " ".join((Path(app.outdir) / "modules" / "m02-vervolg.txt").read_text(encoding="utf-8").split())
    finally:
        app.cleanup()
    assert "Oefening: Chatbot" in text and "Transparantie (artikel 50): artikel 50(1)" in text
    assert "Vraag 1. Is het een AI-systeem?" in text
    assert "Nee (Nee, het voert alleen regels uit die mensen hebben opgesteld): conclusie: Geen AI-systeem." in text


def test_a_case_with_broken_or_aliased_kenmerken_fails_at_the_line(tmp_path):
    # Anchors and aliases are refused as in every content file: nested aliases would be expanded
    # while the page is read (a "billion laughs").
    kenmerken = _kenmerken(interactie_met_personen=True) + "\nextra: &a [1, 2]\nmeer: *a"
    code, output = _build_with_case(tmp_path, _case("minimaal", "50(1)", kenmerken))
    assert code != 0
    assert f"m02-vervolg.md:{_line_in_page(tmp_path, 'extra: &a')}:" in output
    assert "ankers en verwijzingen ('&a') worden niet ondersteund" in output
    kenmerken = _kenmerken(interactie_met_personen=True) + "\nextra: [1, 2"
    code, output = _build_with_case(tmp_path / "broken", _case("minimaal", "50(1)", kenmerken))
    assert code != 0
    assert "beslisboom-casus: ongeldige YAML" in output
