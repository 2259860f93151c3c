"""The PDF handbooks: built once per module (fixture tree with html+pdf, real content with --only pdf)
and checked with pypdf: present, tagged, Dutch, titled, modules in path order, answers only for trainers."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from handbook_fixture import PATHS, TITLES, copy_tree, load_valid_catalog
from pypdf import PdfReader

from geletterdheid.cli import main
from geletterdheid.curriculum import learning_path
from pdf_support import flat as _flat
from pdf_support import struct_elements as _struct_elements

REPO = Path(__file__).resolve().parents[2]
A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("handboek")
    tree = copy_tree(work / "inhoud")
    assert main(["--root", str(tree), "build", "--out", str(work / "out")]) == 0
    return work / "out"


@pytest.fixture(scope="module")
def real_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("echt")
    assert main(["--root", str(REPO), "build", "--only", "pdf", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module", params=["fixture", "real"])
def built(request, fixture_build):
    """(output folder, {role: [module titles in path order]}, roles with the appendix "Bijlage: beslishulp")
    for each content tree. The fixture tree has no decision tree, so no appendix; the real one has it in
    every handbook whose path has m06 (typst_doc.APPENDIX_AFTER_MODULE)."""
    if request.param == "fixture":
        return fixture_build, {role: [TITLES[m] for m in ids] for role, ids in PATHS.items()}, set()
    out = request.getfixturevalue("real_build")
    catalog = load_valid_catalog(REPO)
    paths = {role: learning_path(catalog, [role]).modules for role in catalog.roles}
    with_appendix = {role for role, modules in paths.items() if any(m.id == "m06" for m in modules)}
    return out, {role: [m.title for m in modules] for role, modules in paths.items()}, with_appendix


@functools.cache
def _pdf_text(path: Path) -> str:
    """All text of a PDF, pages in order: poppler's pdftotext when present (fast), else pypdf."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _expected_pdfs(out: Path, roles) -> list[Path]:
    """Every handbook that must be there, asserted to be exactly what the build wrote."""
    expected = sorted(f"{edition}-{role}.pdf" for role in roles for edition in ("handboek", "trainer"))
    assert sorted(p.name for p in (out / "pdf").glob("*.pdf")) == expected
    return [out / "pdf" / name for name in expected]


def test_every_role_has_a_handbook_and_a_trainer_edition_that_open(built):
    out, paths = built[0], built[1]
    expected = [pdf.name for pdf in _expected_pdfs(out, paths)]
    assert not list((out / "pdf").glob("*.deel"))
    for name in expected:
        reader = PdfReader(out / "pdf" / name)
        assert len(reader.pages) >= 3  # cover, contents, at least one module
        box = reader.pages[0].mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4


def test_pdfs_are_tagged_dutch_and_titled(built):
    out, paths = built[0], built[1]
    for pdf in _expected_pdfs(out, paths):
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, pdf.name
        assert bool(root["/MarkInfo"]["/Marked"]) is True
        assert root["/Lang"] in ("nl", "nl-NL")  # Dutch; Typst adds the region
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
        edition = "Trainershandboek" if pdf.name.startswith("trainer-") else "Handboek"
        assert re.fullmatch(rf"{edition} AI-geletterdheid: leerpad \S.*", reader.metadata.title), reader.metadata.title
        xmp = root["/Metadata"].get_object().get_data()  # PDF/UA-1 identification in the XMP metadata
        assert re.search(rb"pdfuaid:part(>|=\")1\b", xmp), pdf.name
        kinds = {element["/S"] for element in _struct_elements(reader)}
        assert {"/Document", "/H1", "/P", "/Link"} <= kinds, pdf.name


def test_pdfs_tag_lists_and_figures(built):
    """The card's goals and the quiz options are lists; the forum's QR code is a figure."""
    out, paths = built[0], built[1]
    for pdf in _expected_pdfs(out, paths):
        kinds = {element["/S"] for element in _struct_elements(PdfReader(pdf))}
        assert {"/L", "/LI", "/Figure"} <= kinds, pdf.name


def test_modules_appear_in_path_order(built):
    out, paths = built[0], built[1]
    for role, titles in paths.items():
        for edition in ("handboek", "trainer"):
            pdf = out / "pdf" / f"{edition}-{role}.pdf"
            reader = PdfReader(pdf)
            outline = [item.title for item in reader.outline if not isinstance(item, list)]
            extra = ["Inhoud", "Zo gebruik je dit handboek"] + (["Antwoordsleutel"] if edition == "trainer" else [])
            appendix = ["Bijlage: beslishulp"] if role in built[2] else []
            assert outline == extra[:2] + titles + appendix + extra[2:], f"{edition}-{role}"
            text = _flat(_pdf_text(pdf))
            body = text[text.index("Zo gebruik je dit handboek") :]
            # Each title after the previous one (a module may name a later module in its text,
            # "Zie ook Bias toetsen in de praktijk", so the first mention is not the module).
            position = 0
            for title in titles:
                assert title in body[position:], f"{edition}-{role}: {title}"
                position = body.index(title, position) + len(title)


def test_employee_edition_has_no_answers_and_trainer_edition_has_them(built):
    out, paths = built[0], built[1]
    for role in paths:
        employee = _flat(_pdf_text(out / "pdf" / f"handboek-{role}.pdf"))
        trainer = _flat(_pdf_text(out / "pdf" / f"trainer-{role}.pdf"))
        for marker in ("Antwoordsleutel", "Het juiste antwoord: ", "Antwoord en uitleg"):
            assert marker not in employee, f"{role}: {marker}"
            assert marker in trainer, f"{role}: {marker}"
        assert "(juist)" not in trainer  # not "✓ Onjuist (juist)": the answer box says it in words
        assert "Vraag 1." in employee and "Kies één antwoord." in employee


def test_the_trainer_edition_opens_for_the_trainer_and_points_to_the_workshop_kit(built):
    out, paths = built[0], built[1]
    for role in paths:
        employee = _flat(_pdf_text(out / "pdf" / f"handboek-{role}.pdf"))
        trainer = _flat(_pdf_text(out / "pdf" / f"trainer-{role}.pdf"))
        opening = trainer[trainer.index("Zo gebruik je dit handboek") :][:1500]
        assert "Je volgt" in employee and "Je volgt" not in opening, role
        assert "Dit is de trainerseditie" in opening and "het juiste antwoord en de uitleg" in opening
        assert f"geletterdheid workshop --rol {role} --duur 120 --out kit" in opening, role
        for part in ("draaiboek", "dia's", "toetsformulieren", "antwoordblad", "scoreblad", "presentielijst"):
            assert part in opening, (role, part)
        assert "Dit is de trainerseditie" not in employee


def _pages_with_only_the_forum_box(pdf: Path) -> list[int]:
    """Pages where nothing but the running header comes before the forum box ("Praat mee")."""
    alone = []
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        text = page.extract_text() or ""
        if "Praat mee" in text:
            before = [line for line in text[: text.index("Praat mee")].splitlines() if line.strip()]
            if len(before) <= 1:  # the running header
                alone.append(number)
    return alone


def test_the_forum_box_never_sits_alone_on_a_page(built):
    out, paths = built[0], built[1]
    for pdf in _expected_pdfs(out, paths):
        assert "Praat mee" in _pdf_text(pdf), pdf.name  # the check below has something to find
        assert _pages_with_only_the_forum_box(pdf) == [], pdf.name


def test_trainer_edition_explains_every_answer(fixture_build):
    for role, module_ids in PATHS.items():
        employee = _flat(_pdf_text(fixture_build / "pdf" / f"handboek-{role}.pdf"))
        trainer = _flat(_pdf_text(fixture_build / "pdf" / f"trainer-{role}.pdf"))
        # Every question type reads the same way; a juist-onwaar answer says what it means.
        assert "Het juiste antwoord: B. " in trainer and "Onjuist (juist)" not in trainer
        assert "Het juiste antwoord: Onjuist. De stelling klopt niet." in trainer
        for module_id in module_ids:
            for question in ("q01", "q02"):
                pattern = rf"UITLEG- ?{module_id}- ?{question}"
                assert re.search(pattern, trainer) and not re.search(pattern, employee), (
                    f"{role} {module_id}-{question}"
                )


def test_cover_contents_headers_and_page_numbers(fixture_build):
    reader = PdfReader(fixture_build / "pdf" / "handboek-beleidsadviseur.pdf")
    total = len(reader.pages)
    cover = _flat(reader.pages[0].extract_text())
    assert "Gemeente Testdorp" in cover and "AI-geletterdheid" in cover and "Beleidsadviseur" in cover
    assert "Versie van de inhoud: test-1" in cover and re.search(r"Gemaakt op \d{1,2} \w+ \d{4}", cover)
    assert "Pagina" not in cover
    contents = _flat(reader.pages[1].extract_text())
    assert "Inhoud" in contents and f"Pagina 2 van {total}" in contents
    first_module = _flat(reader.pages[2].extract_text())
    assert "Handboek · Leerpad Beleidsadviseur" in first_module
    assert "Module 1 van 5 · Basis van AI" in first_module and f"Pagina 3 van {total}" in first_module
    # The contents give the page each module starts on.
    for title in ("Basis van AI", "Inkoop van AI"):
        number = int(re.search(rf"{title}\s*\.*\s*(\d+)", contents).group(1))
        assert "Module" in _flat(reader.pages[number - 1].extract_text())
        assert title in _flat(reader.pages[number - 1].extract_text())


def test_images_keep_their_alt_text(fixture_build):
    reader = PdfReader(fixture_build / "pdf" / "handboek-beleidsadviseur.pdf")
    alts = [element.get("/Alt") for element in _struct_elements(reader) if element["/S"] == "/Figure"]
    assert all(alts), "every figure needs alternative text"
    assert "Schema met invoer, model en uitkomst" in alts


def test_forum_links_as_url_and_qr_code_with_alt_text(fixture_build):
    reader = PdfReader(fixture_build / "pdf" / "handboek-beleidsadviseur.pdf")
    text = _flat(_pdf_text(fixture_build / "pdf" / "handboek-beleidsadviseur.pdf"))
    assert "https://forum.example.org/c/basis" in text and "https://forum.example.org/c/regels" in text
    alts = [element.get("/Alt") for element in _struct_elements(reader) if element["/S"] == "/Figure"]
    assert any(alt.startswith("QR-code") and "https://forum.example.org/c/basis" in alt for alt in alts)


def test_internal_links_resolve(fixture_build):
    for pdf in _expected_pdfs(fixture_build, PATHS):
        reader = PdfReader(pdf)
        names = set(reader.named_destinations)
        targets = [
            annotation.get_object()["/Dest"]
            for page in reader.pages
            for annotation in page.get("/Annots", []) or []
            if "/Dest" in annotation.get_object()
        ]
        assert targets, pdf.name  # at least the contents
        assert set(targets) <= names, pdf.name
    reader = PdfReader(fixture_build / "pdf" / "trainer-beleidsadviseur.pdf")
    targets = {
        annotation.get_object()["/Dest"]
        for page in reader.pages
        for annotation in page.get("/Annots", []) or []
        if "/Dest" in annotation.get_object()
    }
    # m05 links to a label in its prerequisite m02 (a cross-page link in the single page); the
    # link to m06, which is not in every handbook m05 is in, was made plain text.
    assert "m02.m02-afweging" in targets and not any(t.startswith("m06") for t in targets)


def test_only_and_rol_narrow_the_build(handbook_tree, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--root", str(handbook_tree), "build", "--only", "pdf", "--rol", "inkoper", "--out", str(out)]) == 0
    assert sorted(p.name for p in (out / "pdf").iterdir()) == ["handboek-inkoper.pdf", "trainer-inkoper.pdf"]
    assert not (out / "html").exists()
    assert main(["--root", str(handbook_tree), "build", "--only", "html", "--out", str(tmp_path / "html")]) == 0
    assert (tmp_path / "html" / "html" / "index.html").is_file() and not (tmp_path / "html" / "pdf").exists()
    # A site without handbooks does not link them.
    assert not (tmp_path / "html" / "html" / "handboeken").exists()
    assert "gl-handboeken" not in (tmp_path / "html" / "html" / "docs" / "leerpaden" / "inkoper.html").read_text(
        "utf-8"
    )
    capsys.readouterr()
    assert main(["--root", str(handbook_tree), "build", "--rol", "wethouder", "--out", str(tmp_path / "x")]) == 1
    assert "onbekende rol 'wethouder'. Geldige rollen zijn: alle-medewerkers" in capsys.readouterr().err


def test_body_text_uses_the_most_wanted_installed_font(fixture_build):
    """A machine without Liberation Sans still builds (Typst warns on uninstalled families, which
    fails the build); the body font is then the next installed one of the list."""
    import typst

    from geletterdheid.handbook.render import BODY_FONTS

    installed = set(typst.Fonts().families())
    wanted = next(font for font in BODY_FONTS if font in installed)
    page = PdfReader(fixture_build / "pdf" / "handboek-alle-medewerkers.pdf").pages[2]
    fonts = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert any(wanted.replace(" ", "") in font for font in fonts), (wanted, fonts)


def _handbook_links(site: Path, role: str) -> list[Path]:
    page = site / "docs" / "leerpaden" / f"{role}.html"
    box = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(class_="gl-handboeken")
    return [] if box is None else [(page.parent / a["href"]).resolve() for a in box.find_all("a")]


def test_learning_paths_link_their_handbooks_which_the_site_holds(fixture_build):
    for role in PATHS:
        links = _handbook_links(fixture_build / "html", role)
        assert [link.name for link in links] == [f"handboek-{role}.pdf", f"trainer-{role}.pdf"]
        for link in links:  # the very file in pdf/, not a stale or partial copy
            assert link.parent == (fixture_build / "html" / "handboeken").resolve()
            assert link.read_bytes() == (fixture_build / "pdf" / link.name).read_bytes()
    assert len(list((fixture_build / "html" / "handboeken").iterdir())) == 2 * len(PATHS)


def test_a_build_for_one_role_links_and_holds_only_its_handbooks(handbook_tree, tmp_path):
    out = tmp_path / "out"
    stale = out / "html" / "handboeken" / "handboek-beleidsadviseur.pdf"  # left by an earlier build
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"%PDF-oud")
    assert main(["--root", str(handbook_tree), "build", "--rol", "inkoper", "--out", str(out)]) == 0
    assert sorted(p.name for p in (out / "html" / "handboeken").iterdir()) == [
        "handboek-inkoper.pdf",
        "trainer-inkoper.pdf",
    ]
    assert [link.name for link in _handbook_links(out / "html", "inkoper")] == [
        "handboek-inkoper.pdf",
        "trainer-inkoper.pdf",
    ]
    assert _handbook_links(out / "html", "beleidsadviseur") == []
