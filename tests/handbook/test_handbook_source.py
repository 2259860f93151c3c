"""Cutting modules out of the single page (pure): link mending, headings, quiz per edition, alt text."""

from __future__ import annotations

from bs4 import BeautifulSoup
from handbook_fixture import handbook_catalog  # noqa: F401 - fixture

from geletterdheid.handbook.source import extract_modules


def _page(body_of: dict[str, str]) -> str:
    docs = "".join(f'<span id="document-{doc}"></span>{html}' for doc, html in body_of.items())
    return f'<html><body><section id="index"><h1>Index</h1><div class="toctree-wrapper">{docs}</div></section></body></html>'


QUIZ = """<p class="gl-quiz-intro">Test wat je weet met 2 vragen. Klik op 'Antwoord en uitleg'.</p>
<form class="gl-quiz" data-quiz="m01" data-drempel="70">
<div class="gl-vraag" id="vraag-m01-q01" data-vraag="m01-q01" data-type="enkelvoudig"><fieldset>
<legend>Vraag 1. Eerste vraag van m01?</legend><p class="gl-hint">Kies één antwoord.</p>
<div class="gl-optie"><input type="radio" name="m01-q01" value="a" id="m01-q01-a"><label for="m01-q01-a">A. Optie een</label></div>
<div class="gl-optie"><input type="radio" name="m01-q01" value="b" id="m01-q01-b"><label for="m01-q01-b">B. Optie twee</label></div>
</fieldset><details class="gl-antwoord"><summary>Antwoord en uitleg bij vraag m01-q01</summary>
<div class="gl-antwoord-inhoud"><p><strong>Juiste antwoord: </strong>B. Optie twee</p><p>UITLEG-m01-q01</p></div></details></div>
</form>"""


def _modules(catalog, site_url=None, m01_extra=""):
    page = _page(
        {
            "modules/m01-basis": f'<section id="basis-van-ai"><h2>Basis van AI<a class="headerlink" href="#basis-van-ai">#</a></h2>'
            f'<section id="een-schema"><h3>Een schema</h3>{m01_extra}</section>{QUIZ}</section>',
            "modules/m05-hoog-risico": '<section id="hoog"><h2>Hoog risico in beleid</h2><p>'
            '<a class="reference internal" href="#document-modules/m02-beleid#m02-afweging">de afweging</a>, '
            '<a class="reference internal" href="#document-modules/m06-privacy">Privacy en AI</a>, '
            '<a class="reference internal" href="#document-docs/rollen/beleidsadviseur">de rol</a>, '
            '<a class="reference internal" href="#hoog">hier</a>.</p></section>',
            **{
                f"modules/{name}": f'<section id="{name}"><h2>{name}</h2></section>'
                for name in ("m02-beleid", "m03-inkoop", "m04-contracten", "m06-privacy")
            },
        }
    )
    return extract_modules(page, catalog, site_url=site_url)


def test_links_are_mended_for_print(handbook_catalog):
    modules, warnings = _modules(handbook_catalog)
    soup = BeautifulSoup(modules["m05"].employee, "html.parser")
    assert soup.find("article")["id"] == "m05"
    assert [a["href"] for a in soup.find_all("a")] == ["#m02.m02-afweging", "#m05.hoog"]
    text = soup.get_text(" ", strip=True)
    assert "Privacy en AI" in text and "de rol" in text  # kept as words: not in every handbook m05 is in
    assert warnings == []


def test_links_to_pages_outside_the_handbook_go_to_the_site_when_it_has_an_address(handbook_catalog):
    modules, _ = _modules(handbook_catalog, site_url="https://ai.gemeente.example/")
    hrefs = [a["href"] for a in BeautifulSoup(modules["m05"].trainer, "html.parser").find_all("a")]
    assert "https://ai.gemeente.example/modules/m06-privacy.html" in hrefs
    assert "https://ai.gemeente.example/docs/rollen/beleidsadviseur.html" in hrefs


def test_module_title_becomes_h1_without_header_links(handbook_catalog):
    modules, _ = _modules(handbook_catalog)
    soup = BeautifulSoup(modules["m01"].employee, "html.parser")
    assert soup.find("h1").get_text() == "Basis van AI" and soup.find("h2").get_text() == "Een schema"
    assert soup.find(class_="headerlink") is None
    assert soup.find(id="m01.een-schema") is not None


def test_quiz_is_printable_and_answers_are_for_trainers_only(handbook_catalog):
    modules, _ = _modules(handbook_catalog)
    employee = BeautifulSoup(modules["m01"].employee, "html.parser")
    trainer = BeautifulSoup(modules["m01"].trainer, "html.parser")
    for soup in (employee, trainer):
        assert soup.find("form") is None and soup.find("input") is None and soup.find("details") is None
        assert [li.get_text(" ", strip=True).split(" (")[0] for li in soup.select("ul.gl-opties-een li")] == [
            "A. Optie een",
            "B. Optie twee",
        ]
        assert "Klik" not in soup.find(class_="gl-quiz-intro").get_text()
    assert employee.find(class_="gl-antwoord") is None and employee.find(class_="gl-juist") is None
    assert "UITLEG-m01-q01" not in employee.get_text() and "Je trainer bespreekt" in employee.get_text()
    assert "UITLEG-m01-q01" in trainer.find(class_="gl-antwoord").get_text()
    assert trainer.select_one("li.gl-juist").get_text(" ", strip=True) == "B. Optie twee (juist)"


def test_images_without_alt_text_are_reported(handbook_catalog):
    _, warnings = _modules(handbook_catalog, m01_extra='<img src="_images/schema.svg" alt="">')
    assert len(warnings) == 1
    assert warnings[0].startswith("modules/m01-basis.md: afbeelding _images/schema.svg heeft geen alternatieve tekst")
