"""Legal review of issue 16: the corrections stay made, and every legal paragraph cites its provision.

Content QA (marker ``content``), like tests/test_curriculum_content.py. The citation rule and its
definitions live in tests/legal_citations.py; ``python tests/legal_citations.py --wet-cites -v``
shows the ratio per module and every paragraph that still lacks a citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import legal_citations as lc
from geletterdheid.content import Catalog, catalog_or_exit
from repo_paths import REPO

pytestmark = pytest.mark.content

MODULES = sorted(REPO.glob("modules/*.md"))
PAGES = [*MODULES, *sorted(REPO.glob("docs/**/*.md")), REPO / "index.md"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return catalog_or_exit(REPO)


def _page_blocks() -> Iterator[tuple[str, str]]:
    """Every paragraph, list item and table row of the pages, as (where, text)."""
    for path in PAGES:
        for block in lc.blocks(path):
            yield f"{path.relative_to(REPO)}:{block.line}", " ".join(block.text.split())


def _quiz_texts(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """Question, case, explanation and every option: no distractor needs one of these errors."""
    for module_id, quiz in catalog.quizzes.items():
        for question in quiz.questions:
            where = f"{catalog.quiz_paths[module_id].relative_to(REPO)} ({question.id})"
            for text in [question.text, question.case or "", question.explanation, *question.options.values()]:
                yield where, " ".join(text.split())


def _trainer_texts(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """Key points and the 'juist' side of misconceptions (the misconception itself states the error)."""
    for module_id, module in catalog.modules.items():
        if module.trainer is None:
            continue
        for point in module.trainer.key_points:
            yield f"{module_id} (trainer)", point
        for item in module.trainer.misconceptions:
            yield f"{module_id} (trainer)", item.correction


def _everything(catalog: Catalog) -> list[tuple[str, str]]:
    return [*_page_blocks(), *_quiz_texts(catalog), *_trainer_texts(catalog)]


def _offenders(texts, bad: re.Pattern[str], unless: re.Pattern[str] | None = None) -> list[str]:
    return [
        f"{where}: {text[:140]}" for where, text in texts if bad.search(text) and not (unless and unless.search(text))
    ]


def test_article_5_1_e_is_about_untargeted_scraping(catalog):
    """5(1)(e) bans *untargeted* scraping; 'zonder (duidelijk) doel' suggests a clear purpose makes it lawful."""
    bad = re.compile(r"zonder (duidelijk )?doel[^.]{0,120}gezicht|gezicht[^.]{0,120}zonder (duidelijk )?doel", re.I)
    assert _offenders(_everything(catalog), bad) == []
    m03 = (REPO / "modules" / "m03-verboden-ai-praktijken.md").read_text(encoding="utf-8")
    assert "### (e) Ongericht gezichten verzamelen" in m03


def test_article_3_4_in_the_words_of_the_dutch_text(catalog):
    """The Dutch text of 3(4) reads 'onder eigen verantwoordelijkheid' (EN 'under its authority')."""
    assert _offenders(_everything(catalog), re.compile(r"eigen gezag", re.I)) == []


_INFORMS = re.compile(r"\b(informeer\w*|meld\w*|licht\w* in)\b", re.I)
_ART_26_5 = re.compile(r"26\(5\)|26, lid 5")


def test_article_26_5_names_the_distributor(catalog):
    """Informing under 26(5) goes to the provider *or distributor* (serious incidents: then importer or distributor)."""
    offenders = [
        f"{where}: {text[:140]}"
        for where, text in _everything(catalog)
        if _ART_26_5.search(text)
        and _INFORMS.search(text)
        and re.search(r"\baanbieder\b", text)
        and "distributeur" not in text
    ]
    assert offenders == []


def test_3_august_2026_is_attributed_to_the_commission(catalog):
    """'3 augustus 2026' for Art. 4 supervision comes from the Commission's Q&A, not from Art. 113."""
    bad = re.compile(r"3 augustus 2026")
    unless = re.compile(r"Commissie|vragen en antwoorden", re.I)
    assert _offenders(_everything(catalog), bad, unless) == []


_HIGH_RISK_DATE = re.compile(r"\{wet\}`hoog-risico-bijlage-iii`|2 december 2027|december 2027")


@pytest.mark.parametrize("article", ["86", "72", "73"])
def test_chapter_ix_dates_are_an_open_question(catalog, article):
    """Art. 86 and 72/73 (Chapter IX) apply formally from 2 Aug 2026; tying them to 2 Dec 2027 needs the nuance."""
    mention = re.compile(rf"(\{{artikel\}}`{article}(\(\d+\))?`|artikel {article}\b|artikelen 72 en 73)")
    offenders = [
        f"{where}: {text[:140]}"
        for where, text in _everything(catalog)
        if mention.search(text)
        and _HIGH_RISK_DATE.search(text)
        and not re.search(
            r"formeel|hoofdstuk IX|\{wet\}`algemene-toepassing`|2 augustus 2026|al werkt vóór", text, re.I
        )
    ]
    assert offenders == []
    for name in ("m07-plichten-gebruiksverantwoordelijke.md", "m08-transparantie.md"):
        text = (REPO / "modules" / name).read_text(encoding="utf-8")
        assert "formeel" in text and "{wet}`algemene-toepassing`" in text, name


def test_article_50_4_is_not_every_ai_image(catalog):
    """50(4): deepfakes, and text published to inform the public on matters of public interest; not every AI photo."""
    bad = re.compile(r"(foto|beeld|video)[^.]{0,40}met AI is gemaakt[^.]{0,10}\((\{artikel\}`)?(artikel )?50`?\)", re.I)
    assert _offenders(_everything(catalog), bad) == []
    campaign = re.compile(r"50\(4\)[^|]*\|[^|]*\|[^|]*\|\s*AI-beeld in een campagne\s*\|")
    assert _offenders(_everything(catalog), campaign) == []
    translated = re.compile(r"50\(4\)`? als vertaalde teksten zonder controle")
    assert _offenders(_everything(catalog), translated) == []


def test_iama_is_a_route_to_the_fria(catalog):
    """Since February 2026 the IAMA is aligned with Art. 27 as a route to meet the FRIA duty."""
    bad = re.compile(
        r"officieel standpunt|op zichzelf geen wettelijke FRIA|geen wettelijke vervanging van de FRIA", re.I
    )
    assert _offenders(_everything(catalog), bad) == []


def test_old_article_4_wording_only_as_the_old_text(catalog):
    """The pre-2026 wording of Art. 4 ('naar beste vermogen', 'toereikend niveau') is not current law."""
    bad = re.compile(r"naar beste vermogen|toereikend niveau|voldoende niveau", re.I)
    unless = re.compile(r"vóór de wijziging|eerst moesten|vroeger|oude tekst|stond er eerst", re.I)
    assert _offenders(_everything(catalog), bad, unless) == []


def test_article_14_4_is_a_design_duty_of_the_provider():
    m13 = (REPO / "modules" / "m13-menselijk-toezicht.md").read_text(encoding="utf-8")
    assert "volgens artikel 14(4) moet kunnen" not in m13
    assert "Dat is een eis aan het ontwerp, voor de aanbieder" in m13


def test_every_legal_date_shows_its_source(catalog):
    """The {wet} role shows the value with the article it comes from (or the 'bron' outside the AI Act)."""
    legal = catalog.legal
    keys: list[str] = legal.keys()  # a method of LegalFacts, not a dict
    for key in keys:
        cited = legal.cited_text(key)
        assert cited is not None and cited.startswith(legal.text(key) or "") and cited.endswith(")"), key
    assert legal.cited_text("hoog-risico-bijlage-iii") == "2 december 2027 (artikel 113)"
    assert legal.cited_text("bestaande-generatieve-systemen") == "2 december 2026 (artikel 111(4))"
    assert legal.cited_text("omnibus-in-werking") == "27 juli 2026 (Verordening (EU) 2026/1744)"


def test_no_page_repeats_the_article_a_legal_fact_already_shows(catalog):
    """'{wet}`x` ({artikel}`113`)' would read '2 december 2027 (artikel 113) (artikel 113)', also a few words on."""
    twice = re.compile(r"\{wet\}`([^`]+)`[^.;{(]{0,50}?\((\{artikel\}`)?(artikel )?([^`)(]+(\(\d+\))?)`?\)")
    offenders = []
    for path in [*PAGES, *sorted(REPO.glob("quizzes/*.yaml"))]:
        for match in twice.finditer(path.read_text(encoding="utf-8")):
            if catalog.legal.source(match.group(1).strip()) == match.group(4):
                offenders.append(f"{path.relative_to(REPO)}: {match.group(0)}")
    assert offenders == []


# Sentences with a cue word that state no legal rule; each says why. Keep this list short.
NOT_A_RULE = {
    (
        "m04-generatieve-ai.md",
        "Volgens die afspraken mag vertrouwelijke informatie niet zomaar naar buiten.",
    ): "a norm of the BIO, named in the same paragraph; the BIO has no article numbers",
    (
        "m08-transparantie.md",
        "Het Algoritmeregister van de Nederlandse overheid bestaat sinds 21 december 2022.",
    ): "the start of a policy register, not a legal date",
    (
        "m08-transparantie.md",
        "Dat is niet verplicht, maar past bij de belofte van Veerhaven om open te zijn over algoritmes.",
    ): "says the Algoritmeregister is no legal duty (policy, see the section on it)",
    (
        "m10-recht-en-ethiek.md",
        "Leg keuzes vast en publiceer impactvolle algoritmes in het {term}`Algoritmeregister <Algoritmeregister>` "
        "(beleid, geen wettelijke plicht).",
    ): "advice; says itself that the Algoritmeregister is policy, not law",
}


def test_every_legal_paragraph_cites_its_provision():
    """A paragraph or list item with a legal sentence (duty, ban, date, fine) cites an article in it.

    Definitions in tests/legal_citations.py. A {wet} date counts for a sentence that states only the
    date, since the role shows the article it comes from; a duty or ban needs its own article.
    """
    missing = [
        f"{block.path.name}:{block.line}: {sentence[:140]}"
        for block, sentence in lc.uncited(MODULES, wet_cites=True)
        if (block.path.name, sentence) not in NOT_A_RULE
    ]
    assert missing == []


def test_the_allow_list_has_no_stale_entries():
    found = {(block.path.name, sentence) for block, sentence in lc.uncited(MODULES, wet_cites=True)}
    assert set(NOT_A_RULE) <= found, set(NOT_A_RULE) - found


def test_the_citation_helper_sees_rules_and_citations():
    """The definitions behind the citation test, on small examples."""
    assert lc.CUE.search("De gemeente moet dit melden.")
    assert lc.CUE.search("Dit geldt vanaf {wet}`hoog-risico-bijlage-iii`.")
    assert not lc.CUE.search("Een chatbot beantwoordt vragen.")
    assert lc.states_more_than_a_date("Vanaf {wet}`hoog-risico-bijlage-iii` moet de gemeente een FRIA doen.")
    assert not lc.states_more_than_a_date("De regels gelden vanaf {wet}`hoog-risico-bijlage-iii`.")
    assert lc.wet_cites_sentence("Boete tot {wet}`boete-verboden`.", "Boete tot {wet}`boete-verboden`.")
