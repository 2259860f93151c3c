"""geletterdheid export-lms: the SCORM 1.2 and cmi5 packages, their manifests against the shipped XSDs,
what the pages load, and Dutch errors for bad input."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from geletterdheid.cli import main
from geletterdheid.content import catalog_or_exit
from geletterdheid.curriculum import required_module_ids
from geletterdheid.exports.cmi5 import CMI5, cmi5_problems
from geletterdheid.exports.scorm12 import ADLCP, IMSCP, SCHEMA_FILES, manifest_problems
from repo_paths import REPO

#: Data model names of SCORM 2004 that must never be in a SCORM 1.2 package.
SCORM_2004_NAMES = re.compile(
    r"cmi\.completion_status|cmi\.success_status|cmi\.score\.(?:scaled|raw|min|max)|API_1484_11|cmi\.learner_"
    r"|cmi\.exit\b|cmi\.session_time|cmi\.location|cmi\.progress_measure"
)


@pytest.fixture(scope="module")
def catalog():
    return catalog_or_exit(REPO)


@pytest.fixture(scope="module")
def all_scorm(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scorm")
    assert main(["--root", str(REPO), "export-lms", "--formaat", "scorm12", "--alles", "--out", str(out)]) == 0
    return out


def _loaded_or_linked(html: str) -> list[str]:
    return re.findall(r'\b(?:src|href)="([^"]*)"', html)


def test_scorm12_gives_one_valid_package_per_module(catalog, all_scorm):
    packages = sorted(all_scorm.glob("*.zip"))
    assert [p.name for p in packages] == [f"{mid}-scorm12.zip" for mid in catalog.modules]
    for package in packages:
        module_id = package.name.split("-")[0]
        with zipfile.ZipFile(package) as archive:
            names = archive.namelist()
            data = archive.read("imsmanifest.xml")
            assert manifest_problems(data) == [], package.name
            manifest = etree.fromstring(data)
            ns = {"cp": IMSCP, "adlcp": ADLCP}
            assert manifest.findtext("cp:metadata/cp:schema", namespaces=ns) == "ADL SCORM"
            assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "1.2"
            assert len(manifest.findall("cp:organizations/cp:organization", ns)) == 1
            items = manifest.findall("cp:organizations/cp:organization/cp:item", ns)
            assert len(items) == 1
            assert items[0].findtext("adlcp:masteryscore", namespaces=ns) == str(catalog.quizzes[module_id].pass_mark)
            (resource,) = manifest.findall("cp:resources/cp:resource", ns)
            assert resource.get(f"{{{ADLCP}}}scormtype") == "sco" and resource.get("type") == "webcontent"
            assert resource.get("href") == "index.html"
            listed = {f.get("href") for f in resource.findall("cp:file", ns)}
            assert listed == set(names) - {"imsmanifest.xml", *SCHEMA_FILES}
            for name in names:
                text = archive.read(name).decode("utf-8")
                assert not SCORM_2004_NAMES.search(text), f"{package.name}/{name}: a SCORM 2004 name"
            page = archive.read("index.html").decode("utf-8")
        assert '<html lang="nl">' in page
        assert catalog.modules[module_id].title in page
        for target in _loaded_or_linked(page):
            # Only links a reader follows may leave the package (EUR-Lex for the articles); nothing loads from there.
            assert target in names or target.startswith("https://eur-lex.europa.eu/"), (package.name, target)
        for loaded in re.findall(r'<(?:script|img|link|iframe|source)\b[^>]*\b(?:src|href)="([^"]*)"', page):
            assert loaded in names, (package.name, loaded)


def test_the_manifest_check_finds_a_broken_manifest(all_scorm):
    with zipfile.ZipFile(all_scorm / "m01-scorm12.zip") as archive:
        data = archive.read("imsmanifest.xml")
    assert manifest_problems(data.replace(b'scormtype="sco"', b'scormtype="SCO"'))
    assert manifest_problems(
        data.replace(b"<organizations ", b"<organisations ").replace(b"</organizations>", b"</organisations>")
    )


def test_every_question_is_a_labelled_fieldset_and_roles_are_resolved(catalog, all_scorm):
    with zipfile.ZipFile(all_scorm / "m02-scorm12.zip") as archive:
        page = archive.read("index.html").decode("utf-8")
    quiz = catalog.quizzes["m02"]
    assert page.count("<fieldset>") == len(quiz.questions) == page.count("<legend>")
    for match in re.finditer(r'<input type="(?:radio|checkbox)" id="([^"]+)"', page):
        assert f'<label class="gl-optie" for="{match.group(1)}">' in page
    text = re.sub(r"<pre>.*?</pre>|<code>.*?</code>", "", page, flags=re.S)
    assert "{artikel}" not in text and "{wet}" not in text and "{term}" not in text and "{doc}" not in text
    assert 'href="https://eur-lex.europa.eu/eli/reg/2024/1689/' in page and ">artikel 1</a>" in page
    assert "<dl>" in page and "<dt>" in page and "\n: " not in page  # definition lists, as on the site
    assert "‘Wat is AI?’" in page  # {doc} to m01: its title, since m01 is not in this package


def test_cmi5_is_one_course_with_an_au_per_module_of_the_role(catalog, tmp_path):
    code = main(["--root", str(REPO), "export-lms", "--formaat", "cmi5", "--rol", "inkoper", "--out", str(tmp_path)])
    assert code == 0
    wanted = required_module_ids(catalog, ["inkoper"])
    with zipfile.ZipFile(tmp_path / "inkoper-cmi5.zip") as archive:
        names = set(archive.namelist())
        data = archive.read("cmi5.xml")
    assert cmi5_problems(data) == []
    assert cmi5_problems(data.replace(b'moveOn="CompletedAndPassed"', b'moveOn="Always"'))
    root = etree.fromstring(data)
    aus = root.findall(f"{{{CMI5}}}au")
    assert [au.findtext(f"{{{CMI5}}}url") for au in aus] == [f"{mid}/index.html" for mid in wanted]
    for au, module_id in zip(aus, wanted, strict=True):
        assert au.get("moveOn") == "CompletedAndPassed"
        assert float(au.get("masteryScore")) == catalog.quizzes[module_id].pass_mark / 100
        assert au.get("launchMethod") in ("AnyWindow", "OwnWindow")
        assert {f"{module_id}/index.html", f"{module_id}/lms-toets.js", f"{module_id}/lms-toets.css"} <= names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--formaat", "scorm12", "--module", "m99"], "onbekende module 'm99'"),
        (["--formaat", "cmi5", "--rol", "astronaut"], "onbekende rol 'astronaut'"),
    ],
)
def test_bad_input_gives_a_dutch_error_and_exit_1(tmp_path, capsys, args, message):
    out = tmp_path / "uit"
    assert main(["--root", str(REPO), "export-lms", *args, "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert message in error and "Geldige" in error
    assert not out.exists() or not any(out.iterdir())  # nothing half-written


def test_out_must_be_a_folder(tmp_path, capsys):
    taken = tmp_path / "pakket.zip"
    taken.write_text("van iemand anders", encoding="utf-8")
    assert main(["--root", str(REPO), "export-lms", "--formaat", "cmi5", "--module", "m01", "--out", str(taken)]) == 1
    assert "geef bij --out een map op" in capsys.readouterr().err
    assert taken.read_text(encoding="utf-8") == "van iemand anders"


def test_one_of_module_rol_alles_is_required(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--root", str(REPO), "export-lms", "--formaat", "scorm12", "--out", str(tmp_path)])
    assert stopped.value.code == 2
    assert "--module" in capsys.readouterr().err


def test_images_go_into_the_package_and_site_links_become_text(catalog, tmp_path):
    from geletterdheid.exports.module_html import ModuleRenderer

    (tmp_path / "schema.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assets: dict[str, bytes] = {}
    html = ModuleRenderer(catalog).html(
        "![Het stroomschema](schema.png) en ![extern](https://example.org/x.png), "
        "[het leerpad](../leerpaden/inkoper.md) en [EUR-Lex](https://eur-lex.europa.eu/).",
        tmp_path,
        assets,
    )
    assert '<img src="bestanden/schema.png" alt="Het stroomschema">' in html
    assert assets == {"bestanden/schema.png": b"\x89PNG\r\n\x1a\n"}
    assert "<img" not in html.split("schema.png", 2)[-1]  # the image from another host is a link, not loaded
    assert '<a href="https://example.org/x.png">extern</a>' in html
    assert "<span>het leerpad</span>" in html and "leerpaden" not in html
    assert '<a href="https://eur-lex.europa.eu/">EUR-Lex</a>' in html


def test_a_text_format_plugs_in_with_one_line(catalog, tmp_path, monkeypatch):
    """How Moodle XML and GIFT join: one entry in FORMATS, made by text_format; the command does the rest."""
    from geletterdheid.exports.commands import FORMATS, text_format

    monkeypatch.setitem(FORMATS, "proef", text_format(lambda c, ids: "\n".join(ids) + "\n", ".proef.txt", "proef"))
    assert (
        main(["--root", str(REPO), "export-lms", "--formaat", "proef", "--rol", "inkoper", "--out", str(tmp_path)]) == 0
    )
    written = tmp_path / "inkoper.proef.txt"
    assert written.read_text(encoding="utf-8").split() == required_module_ids(catalog, ["inkoper"])
    assert [p.name for p in tmp_path.iterdir()] == ["inkoper.proef.txt"]  # no temporary file left
