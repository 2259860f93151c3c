"""Cut the module pages out of one Sphinx ``singlehtml`` page and make them fit for print.

The single page holds every document once; each module is taken out once and prepared for both
editions, so the per-role handbooks only concatenate prepared fragments. What happens to a module:

- its ids get the module id as prefix (``m01.checklist``): the single page repeats ids such as
  ``checklist`` in every module, and a PDF needs unique link targets;
- Sphinx 9's ``#document-modules/m01-x#label`` links become ``#m01.label`` (``#m01`` for the page
  itself) when the target is the module itself or one of its prerequisites (so it is in every
  handbook this module is in); links to other pages point to the site (``html_baseurl``) or
  become plain text;
- headings move up so the module title is an ``h1``; the ``#`` header links go;
- the quiz form becomes printable questions with boxes to tick; the answers (and the correct
  options) are marked ``gl-alleen-trainer`` and dropped from the employee edition;
- the forum box gets the address as text and as a QR code with alternative text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from ..content import Catalog, Quiz
from ..sphinxext.quiz import option_label
from .qr import qr_data_uri

TRAINER_ONLY = "gl-alleen-trainer"
CORRECT = "gl-juist"  # a correct option: ticked in the trainer edition
EMPLOYEE_ONLY = "gl-alleen-deelnemer"
_HEADING = re.compile(r"^h([1-6])$")


@dataclass(frozen=True)
class ModuleHtml:
    """One module, ready for print; each edition is a view of the same prepared tree.

    Converting the tree itself, rather than its HTML text, saves writing out and parsing again
    every module twice (a tenth of the handbook build).
    """

    module_id: str
    article: Tag

    @contextmanager
    def edition(self, with_answers: bool) -> Iterator[Tag]:
        """The article as the trainer (``with_answers``) or employee edition, while the block runs."""
        set_aside: list[tuple[NavigableString, Tag]] = []
        unmarked: list[Tag] = []
        for element in self.article.find_all(class_=EMPLOYEE_ONLY if with_answers else TRAINER_ONLY):
            placeholder = NavigableString("")
            element.replace_with(placeholder)
            set_aside.append((placeholder, element))
        if not with_answers:  # the employee edition does not show which options are right
            for element in self.article.find_all(class_=CORRECT):
                element["class"] = [c for c in element["class"] if c != CORRECT]
                unmarked.append(element)
        try:
            yield self.article
        finally:
            for placeholder, element in reversed(set_aside):
                placeholder.replace_with(element)
            for element in unmarked:
                element["class"] = [*element["class"], CORRECT]

    def html(self, with_answers: bool) -> str:
        with self.edition(with_answers) as article:
            return str(article)

    @property
    def employee(self) -> str:
        return self.html(with_answers=False)

    @property
    def trainer(self) -> str:
        return self.html(with_answers=True)


class SourceProblem(Exception):
    """Something in the single page that the handbooks cannot be made from (Dutch message)."""


def module_docname(catalog: Catalog, module_id: str) -> str:
    return catalog.module_paths[module_id].resolve().relative_to(catalog.root.resolve()).with_suffix("").as_posix()


def extract_modules(
    page_html: str, catalog: Catalog, site_url: str | None = None
) -> tuple[dict[str, ModuleHtml], list[str]]:
    """Every module of ``catalog`` from the single page; also Dutch warnings (e.g. images without alt)."""
    soup = BeautifulSoup(page_html, "html.parser")
    docnames = {module_docname(catalog, module_id): module_id for module_id in catalog.modules}
    result: dict[str, ModuleHtml] = {}
    warnings: list[str] = []
    for docname, module_id in docnames.items():
        start = soup.find(id=f"document-{docname}")
        if start is None:
            raise SourceProblem(
                f"module {module_id} ({docname}.md) staat in geen inhoudsopgave (toctree) die "
                "vanuit index.md bereikbaar is, dus ook niet in de handboeken"
            )
        article = _cut_out(soup, start, module_id)
        warnings += _prepare(soup, article, module_id, catalog, docnames, site_url)
        result[module_id] = ModuleHtml(module_id, article)
    return result, warnings


def _cut_out(soup: BeautifulSoup, start: Tag, module_id: str) -> Tag:
    parts = []
    for sibling in start.next_siblings:
        if isinstance(sibling, Tag) and sibling.name == "span" and sibling.get("id", "").startswith("document-"):
            break
        parts.append(sibling)
    article = soup.new_tag("article", attrs={"class": "gl-module", "data-module": module_id})
    for part in parts:
        article.append(part.extract())
    return article


def _prepare(
    soup: BeautifulSoup, article: Tag, module_id: str, catalog: Catalog, docnames: dict[str, str], site_url: str | None
) -> list[str]:
    for link in article.find_all("a", class_="headerlink"):
        link.decompose()
    _lift_headings(article)
    for element in article.find_all(id=True):
        element["id"] = f"{module_id}.{element['id']}"
    article["id"] = module_id
    linkable = prerequisites(catalog, module_id) | {module_id}
    for link in article.find_all("a", href=True):
        _mend_link(link, module_id, docnames, site_url, linkable)
    for form in article.find_all("form", class_="gl-quiz"):
        _printable_quiz(soup, form, catalog.quizzes[form["data-quiz"]])
    for details in article.find_all("details"):  # e.g. sphinx-design dropdowns: on paper, open
        details.name = "div"
        details["class"] = details.get("class", []) + ["gl-uitgeklapt"]
        for summary in details.find_all("summary", recursive=False):
            summary.name = "p"
            summary["class"] = ["gl-uitgeklapt-titel"]
    for box in article.find_all(class_="gl-forum"):
        _forum_with_qr(soup, box)
    for item in article.find_all("li"):  # a Markdown checklist item "[ ] ..." gets a box to tick on paper
        first = item.find(string=True)
        if first is not None and first.lstrip().startswith("[ ] "):
            first.replace_with(first.lstrip()[4:])
            item["class"] = item.get("class", []) + ["gl-afvink"]
    warnings = []
    path = module_docname(catalog, module_id) + ".md"
    for image in article.find_all("img"):
        if not image.get("alt", "").strip():
            warnings.append(
                f"{path}: afbeelding {image.get('src', '')} heeft geen alternatieve tekst; "
                "schrijf ![wat je ziet](bestand) zodat het handboek toegankelijk is"
            )
    return warnings


def _lift_headings(article: Tag) -> None:
    headings = article.find_all(_HEADING)
    if not headings:
        return
    shift = int(headings[0].name[1]) - 1
    for heading in headings:
        heading.name = f"h{min(6, max(1, int(heading.name[1]) - shift))}"


def prerequisites(catalog: Catalog, module_id: str) -> set[str]:
    """All modules ``module_id`` requires, directly or through others: in every handbook it is in."""
    found: set[str] = set()
    stack = list(catalog.modules[module_id].requires)
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(catalog.modules[current].requires)
    return found


def _mend_link(link: Tag, module_id: str, docnames: dict[str, str], site_url: str | None, linkable: set[str]) -> None:
    href = link["href"]
    if href.startswith("#document-"):
        docname, _, label = href[len("#document-") :].partition("#")
        target = docnames.get(docname)
        if target is not None and target not in linkable:
            target = None  # a module that is not in every handbook this one is in: treat as a site page
        if target is not None:
            link["href"] = f"#{target}.{label}" if label else f"#{target}"
        elif site_url:
            link["href"] = f"{site_url.rstrip('/')}/{docname}.html" + (f"#{label}" if label else "")
            link["class"] = [c for c in link.get("class", []) if c != "internal"] + ["external"]
        else:
            link.unwrap()  # a page of the site that is not in the handbook: keep the words
    elif href.startswith("#"):
        link["href"] = f"#{module_id}.{href[1:]}"


def _printable_quiz(soup: BeautifulSoup, form: Tag, quiz: Quiz) -> None:
    questions = {question.id: (number, question) for number, question in enumerate(quiz.questions, start=1)}
    intro = form.find_previous_sibling("p")
    if intro is not None and (
        "gl-quiz-intro" in intro.get("class", []) or intro.get_text().startswith("Test wat je weet")
    ):
        intro.clear()
        intro["class"] = ["gl-quiz-intro"]
        intro.append(
            f"Test wat je weet met {len(quiz.questions)} vragen. Zet een kruisje bij het goede antwoord. "
            f"Je hebt de toets gehaald als je minstens {quiz.pass_mark}% goed hebt. "
        )
        intro.append(_span(soup, "Je trainer bespreekt de antwoorden met je.", EMPLOYEE_ONLY))
        intro.append(_span(soup, "Onder elke vraag staan het juiste antwoord en de uitleg.", TRAINER_ONLY))
    quiz_box = soup.new_tag("div", attrs={"class": "gl-quiz", "data-quiz": quiz.module})
    for block in form.find_all(class_="gl-vraag"):
        number, question = questions[block["data-vraag"]]
        item = soup.new_tag("div", attrs={"class": "gl-vraag", "id": block.get("id", ""), "data-vraag": question.id})
        casus = block.find(class_="gl-casus")
        if casus is not None:
            item.append(casus.extract())
        text = soup.new_tag("p", attrs={"class": "gl-vraagtekst"})
        strong = soup.new_tag("strong")
        strong.string = f"Vraag {number}."
        text.append(strong)
        text.append(f" {question.text}")
        item.append(text)
        hint = block.find(class_="gl-hint")
        if hint is not None:
            item.append(hint.extract())
        kind = "gl-opties-meer" if question.type == "meervoudig" else "gl-opties-een"
        options = soup.new_tag("ul", attrs={"class": f"gl-opties {kind}"})
        for key, option_text in question.options.items():
            option = soup.new_tag("li", attrs={"class": "gl-optie"})
            option.append(option_label(key, option_text))
            if key in question.correct:
                option["class"] = ["gl-optie", CORRECT]
                option.append(_span(soup, " (juist)", TRAINER_ONLY, "gl-juist-label"))
            options.append(option)
        item.append(options)
        answer = block.find("details", class_="gl-antwoord")
        if answer is not None:
            box = soup.new_tag("div", attrs={"class": f"gl-antwoord {TRAINER_ONLY}"})
            title = soup.new_tag("p", attrs={"class": "gl-antwoord-kop"})
            title.string = f"Antwoord en uitleg bij vraag {number}"
            box.append(title)
            body = answer.find(class_="gl-antwoord-inhoud")
            for child in list((body or answer).children):
                if isinstance(child, Tag) and child.name == "summary":
                    continue
                box.append(child.extract())
            item.append(box)
        quiz_box.append(item)
    form.replace_with(quiz_box)


def _span(soup: BeautifulSoup, text: str, *classes: str) -> Tag:
    span = soup.new_tag("span", attrs={"class": " ".join(classes)})
    span.string = text
    return span


def _forum_with_qr(soup: BeautifulSoup, box: Tag) -> None:
    link = box.find("a", class_="gl-forum-link")
    if link is None:
        return
    url = link["href"]
    name = link.get_text().strip()
    figure = soup.new_tag(
        "img",
        attrs={
            "class": "gl-qr",
            "src": qr_data_uri(url),
            "alt": f"QR-code met het adres van {name}: {url}",
        },
    )
    address = soup.new_tag("p", attrs={"class": "gl-forum-adres"})
    address.append("Scan de QR-code of ga naar ")
    text_link = soup.new_tag("a", attrs={"href": url, "class": "reference external gl-url"})
    text_link.string = url
    address.append(text_link)
    title = box.find(class_="admonition-title")
    if title is not None:
        title.insert_after(figure)
    else:
        box.insert(0, figure)
    box.append(address)
