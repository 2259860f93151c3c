"""One page of MyST with geletterdheid's Sphinx roles and directives, as MyST that mystmd understands.

- ``{artikel}`26(5)``` becomes a link to EUR-Lex (``Provision.url``), with the provision's label;
- ``{wet}`key``` the date or amount from docs/wetgeving.yaml, with its provision linked;
- ``{term}`tekst <begrip>``` its text; ``{doc}`` a link to the exported page (or its text if not exported);
- the directives of the extension become plain Markdown made from the Catalog (lists of modules, roles,
  topics, dates); ``toctree`` is dropped (the table of contents is in myst.yml); a Sphinx ``glossary``
  becomes mystmd's ``glossary`` with a definition list.

Code blocks are left as they are.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator

from ..content.articles import UnknownProvision, parse_provision
from ..content.model import Catalog, dutch_date

#: Roles of the Sphinx extension (and Sphinx's own) that mystmd does not know in our sense.
SPHINX_ROLES = ("artikel", "wet", "term", "doc")
#: Directives of the extension; none may be left in an exported page.
OUR_DIRECTIVES = (
    "quiz",
    "module-kaart",
    "module-overzicht",
    "leerpad",
    "forum",
    "tijdlijn",
    "rolkeuze",
    "rolkaarten",
    "onderwerpen",
)
_ROLE = re.compile(r"\{(" + "|".join(SPHINX_ROLES) + r")\}`([^`]+)`")
_FENCE = re.compile(r"^(`{3,}|~{3,}|:{3,})\s*(\{([\w-]+)\})?\s*(.*)$")


class ExportProblem(ValueError):
    """A role or directive that cannot be exported (an unknown article or legal key)."""


def _split_target(text: str) -> tuple[str | None, str]:
    if text.endswith(">") and "<" in text:
        shown, _, target = text[:-1].rpartition("<")
        return shown.strip(), target.strip()
    return None, text.strip()


def article_link(reference: str, shown: str | None = None) -> str:
    try:
        provision = parse_provision(reference)
    except UnknownProvision as exc:
        raise ExportProblem(f"{{artikel}}: {exc}") from exc
    return f"[{shown or provision.label}]({provision.url})"


def legal_text(catalog: Catalog, key: str) -> str:
    legal = catalog.legal
    text = legal.text(key)
    if text is None:
        raise ExportProblem(f"{{wet}}: onbekende sleutel '{key}' in docs/wetgeving.yaml")
    outside = legal.source_text(key)
    return f"{text} ({outside if outside is not None else article_link(legal.source(key) or '')})"


class PageConverter:
    """Converts the pages of one export: knows which pages exist and their titles, for ``{doc}`` links."""

    def __init__(self, catalog: Catalog, titles: dict[str, str], files: dict[str, str] | None = None) -> None:
        self.catalog = catalog
        self.titles = titles  # exported page path without suffix ("modules/m01-wat-is-ai") -> title
        self.files = files or {}  # the same -> its file, where that is not name + ".md" (a notebook)

    def inline(self, text: str, page: str) -> str:
        """``text`` with every Sphinx role replaced; ``page`` is the exported path of the page it is on."""

        def replace(match: re.Match[str]) -> str:
            role, body = match.group(1), match.group(2)
            shown, target = _split_target(body)
            if role == "artikel":
                return article_link(target, shown)
            if role == "wet":
                return legal_text(self.catalog, target)
            if role == "term":
                return shown or target
            return self.doc_link(target, shown, page)

        return _ROLE.sub(replace, text)

    def doc_link(self, target: str, shown: str | None, page: str) -> str:
        folder = posixpath.dirname(page)
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        if name not in self.titles:
            return shown or target  # a page the export does not have (the generated learning paths)
        relative = posixpath.relpath(self.files.get(name, f"{name}.md"), folder or ".")
        return f"[{shown or self.titles[name]}]({relative})"

    def page(self, text: str, page: str) -> str:
        """The whole page ``text`` (Markdown, without front matter) converted."""
        return "\n".join(self._lines(text.split("\n"), page))

    def _lines(self, lines: list[str], page: str) -> Iterator[str]:
        index = 0
        while index < len(lines):
            line = lines[index]
            fence = _FENCE.match(line)
            if fence is None:
                yield self.inline(line, page)
                index += 1
                continue
            marker, directive = fence.group(1), fence.group(3)
            end = index + 1
            while end < len(lines) and lines[end].strip() != marker:
                end += 1
            body = lines[index + 1 : end]
            if directive is None:  # a code block: as written
                yield from lines[index : end + 1]
            else:
                yield from self._directive(directive, fence.group(4), marker, body, page)
            index = end + 1

    def _directive(self, name: str, argument: str, marker: str, body: list[str], page: str) -> Iterator[str]:
        handlers: dict[str, Callable[[], list[str]]] = {
            "toctree": lambda: [],
            "module-overzicht": lambda: self._module_list(page),
            "rolkeuze": lambda: self._role_list(page),
            "rolkaarten": lambda: self._role_list(page),
            "onderwerpen": self._topic_list,
            "tijdlijn": self._timeline,
            "glossary": lambda: self._glossary(body, page),
        }
        if name in handlers:
            yield from handlers[name]()
            return
        if name in OUR_DIRECTIVES:
            raise ExportProblem(f"de opdracht {{{name}}} kan (nog) niet naar mystmd worden omgezet")
        yield f"{marker}{{{name}}} {self.inline(argument, page)}".rstrip()
        yield from self._lines(body, page)
        yield marker

    def _relative(self, target: str, page: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(page) or ".")

    def _module_list(self, page: str) -> list[str]:
        lines = []
        for module_id, module in self.catalog.modules.items():
            path = self.catalog.module_paths.get(module_id)
            if path is None:
                continue
            link = self._relative(f"modules/{path.name}", page)
            lines.append(f"- [{module.id} {module.title}]({link}): {module.summary}")
        return lines

    def _role_list(self, page: str) -> list[str]:
        return [
            f"- [{role.title}]({self._relative(f'docs/rollen/{role_id}.md', page)}): {role.description}"
            for role_id, role in self.catalog.roles.items()
        ]

    def _topic_list(self) -> list[str]:
        lines = []
        for topic in self.catalog.topics.values():
            description = f" {topic.description}" if topic.description else ""
            lines.append(f"- **{topic.title}**.{description} [Naar het forum]({topic.forum_url})")
        return lines

    def _timeline(self) -> list[str]:
        dates = sorted(self.catalog.legal.dates.values(), key=lambda fact: fact.date)
        return [
            f"- **{dutch_date(fact.date)}**: {fact.what} ({article_link(fact.articles[0])})"
            if fact.source_text is None
            else f"- **{dutch_date(fact.date)}**: {fact.what} ({fact.source_text})"
            for fact in dates
        ]

    def _glossary(self, body: list[str], page: str) -> list[str]:
        """Sphinx's glossary (a term, then its indented definition) as mystmd's (a definition list)."""
        entries: list[tuple[str, list[str]]] = []
        for line in body:
            if line.startswith(":") and not entries:  # options such as :sorted:
                continue
            if line.strip() and not line[0].isspace():
                entries.append((line.strip(), []))
            elif line.strip() and entries:
                entries[-1][1].append(line.strip())
        lines = [":::{glossary}"]
        for term, definition in entries:
            lines += [term, f": {self.inline(' '.join(definition), page)}", ""]
        return [*lines, ":::"]
