"""A toets site holds no correct answer and no uitleg in any file: pages, search index, scripts, PDFs.

The test root's quizzes get a made-up word in each correct option and in each uitleg, found
nowhere else. The practice build of the same root must contain every one of them (so the check
can fail), the toets build none, in any file of the site; the trainer handbooks, outside the site,
keep them. A second test runs the same check over the shipped content with its real texts.
"""

from __future__ import annotations

import html
import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from geletterdheid.cli import main
from geletterdheid.content import catalog_or_exit
from geletterdheid.content.reading_text import plain_text
from repo_paths import REPO, ROOTS

NO_SCRIPT = "Voor deze toets is JavaScript nodig"


def _words():
    """Letters only (the search index keeps words of letters), ending in 'zq' so no stemmer trims them."""
    for first, second in itertools.product("bcdfghjklmnp", repeat=2):
        yield f"kw{first}o{second}zq"


def _root_with_marked_quizzes(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the handbook test root; returns the made-up words: word -> what it marks."""
    root = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-handboek", root)
    words = _words()
    marks: dict[str, str] = {}
    for path in sorted((root / "quizzes").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for question in data["vragen"]:
            correct = question["juist"] if isinstance(question["juist"], list) else [question["juist"]]
            # juist/onjuist options are the same two words in every such question: nothing to mark.
            if question["type"] != "juist-onwaar":
                for key in correct:
                    word = next(words)
                    question["opties"][key] = f"Het goede antwoord {word}"
                    marks[word] = f"{question['id']}: juiste optie {key}"
            word = next(words)
            question["uitleg"] = f"{question['uitleg']} Uitleg {word}."
            marks[word] = f"{question['id']}: uitleg"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root, marks


def _file_text(path: Path) -> str:
    if path.suffix == ".pdf":
        result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
        return result.stdout
    return path.read_bytes().decode("utf-8", errors="ignore")


def _site_texts(site: Path) -> dict[str, str]:
    """Every file of the site (relative path -> its text, lower case; a PDF's extracted text)."""
    return {path.relative_to(site).as_posix(): _file_text(path).lower() for path in site.rglob("*") if path.is_file()}


def _where(words: dict[str, str], texts: dict[str, str]) -> dict[str, list[str]]:
    return {word: [name for name, text in texts.items() if word in text] for word in words}


@pytest.fixture(scope="module")
def marked(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDFs in the site")
    tmp = tmp_path_factory.mktemp("toets-build")
    root, marks = _root_with_marked_quizzes(tmp)
    assert main(["--root", str(root), "build", "--out", str(tmp / "oefenen")]) == 0
    assert main(["--root", str(root), "build", "--out", str(tmp / "toets"), "--resultaten-url", "/api/pogingen"]) == 0
    return tmp / "oefenen", tmp / "toets", marks


def test_the_practice_site_holds_every_marked_answer(marked):
    """The control: the check below would see an answer or uitleg that got into the site."""
    practice, _, marks = marked
    where = _where(marks, _site_texts(practice / "html"))
    assert [word for word, files in where.items() if not files] == []
    assert all(any(name.startswith("modules/") for name in files) for files in where.values())
    assert all("searchindex.js" in files for files in where.values())
    assert any(name.startswith("handboeken/trainer-") for files in where.values() for name in files)


def test_no_file_of_the_toets_site_holds_a_correct_answer_or_uitleg(marked):
    _, toets, marks = marked
    texts = _site_texts(toets / "html")
    assert any(name.endswith(".pdf") for name in texts)  # the employee handbooks are in the site
    assert "searchindex.js" in texts and "_static/toets.js" in texts
    found = {word: files for word, files in _where(marks, texts).items() if files}
    assert found == {}, "\n".join(f"{marks[word]} ({word}) in {', '.join(files)}" for word, files in found.items())
    pages = [text for name, text in texts.items() if name.endswith(".html")]
    assert not any("data-juist" in text or "juiste antwoord" in text for text in pages)


def test_the_toets_site_neither_has_nor_links_the_trainer_handbooks(marked):
    _, toets, marks = marked
    site = toets / "html"
    assert sorted(path.name for path in (site / "handboeken").iterdir()) == sorted(
        path.name for path in (toets / "pdf").glob("handboek-*.pdf")
    )
    assert not any("trainer-" in path.read_text(encoding="utf-8") for path in site.rglob("*.html"))
    # the trainers still get every answer, from the server's /trainer/
    trainer_texts = {path.name: _file_text(path).lower() for path in (toets / "pdf").glob("trainer-*.pdf")}
    assert trainer_texts and all(any(word in text for text in trainer_texts.values()) for word in marks)


def test_a_toets_page_without_javascript_says_what_to_do(marked):
    _, toets, _ = marked
    page = (toets / "html" / "modules" / "m01-basis.html").read_text(encoding="utf-8")
    assert NO_SCRIPT in page
    assert "papieren toets" in page
    assert 'data-resultaten-url="/api/pogingen"' in page
    assert (toets / "html" / "geletterdheid-modus.json").read_text(encoding="utf-8").startswith('{"modus": "toets"')


def _normalised(text: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).lower()


def test_the_shipped_content_in_toets_mode_holds_no_correct_option_or_uitleg(toets_site):
    """Every quiz of the shipped content, its real texts, over every file of the toets site (HTML only:
    the handbooks' PDFs are checked on the test root above)."""
    catalog = catalog_or_exit(REPO)
    texts = {name: _normalised(text) for name, text in _site_texts(toets_site).items()}
    wrong_texts = {
        _normalised(text)
        for quiz in catalog.quizzes.values()
        for question in quiz.questions
        for key, text in question.options.items()
        if key not in question.correct
    }
    # What the modules themselves teach: a correct option that repeats a sentence of a module's
    # text is on that page in any mode, and finding it there proves nothing.
    taught = " ".join(_normalised(path.read_text(encoding="utf-8")) for path in (REPO / "modules").glob("*.md"))
    checked: dict[str, str] = {}
    for quiz in catalog.quizzes.values():
        for question in quiz.questions:
            for key in question.correct:
                option = _normalised(question.options[key])
                # Too short to be a fair check (juist/onjuist, a word), the same text is a wrong
                # option elsewhere, or a module teaches it in these words: finding it proves nothing.
                if len(option) >= 25 and option not in wrong_texts and option.rstrip(".") not in taught:
                    checked[option] = f"{question.id}: juiste optie {key}"
            for paragraph in plain_text(question.explanation, catalog.legal).split("\n\n"):
                checked[_normalised(paragraph)] = f"{question.id}: uitleg"
    assert len(checked) > 150  # most of the bank is checked, not a handful
    found = {what: [name for name, text in texts.items() if needle in text] for needle, what in checked.items()}
    found = {what: files for what, files in found.items() if files}
    assert found == {}, "\n".join(f"{what} in {', '.join(files)}" for what, files in found.items())


def test_a_results_url_of_another_host_is_refused_before_building(tmp_path, capsys):
    other_host = "https://andere.server.example/api"
    code = main(
        [
            "--root",
            str(ROOTS / "test-handboek"),
            "build",
            "--out",
            str(tmp_path / "uit"),
            "--resultaten-url",
            other_host,
        ]
    )
    assert code == 1
    assert (
        "--resultaten-url 'https://andere.server.example/api': geef een pad op deze server" in capsys.readouterr().err
    )
    assert not (tmp_path / "uit").exists()
