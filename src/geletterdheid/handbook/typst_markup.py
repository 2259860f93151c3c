"""Module HTML fragments (from ``source.py``) to Typst markup. Pure: HTML in, markup and image files out.

The markup calls the functions of ``handboek.typ`` (``gl-kaart``, ``gl-vraag``, ``gl-link`` ...)
for what the content has beyond plain text: the module card, notes, the quiz, the forum box.
Every id in a fragment becomes a Typst label (headings carry theirs, other ids get an invisible
``metadata`` marker), so the mended ``#m01.label`` links of the single page keep working.
Images keep their alternative text; QR codes arrive as ``data:`` URIs and leave as PNG files the
caller writes next to the document (``Converted.assets``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment

ASSET_DIR = "_handboek"  # folder (under the Typst root) of the QR images and the documents
_SPECIAL = re.compile(r"([\\#*_`$<>@=\-+/\[\]~\"'.():])")
_SPACE = re.compile(r"\s+")
_LABEL_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]")
_HEADING = re.compile(r"^h([1-6])$")
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "ul",
    "ol",
    "dl",
    "table",
    "pre",
    "blockquote",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "nav",
    "aside",
    "header",
    "footer",
    "form",
    "details",
}
_SKIP = {"svg", "script", "style", "input", "button", "template"}
_NOTE_KINDS = ("tip", "note", "hint", "important", "warning", "caution", "attention", "danger", "error", "seealso")


@dataclass
class Converted:
    markup: str
    assets: dict[str, bytes] = field(default_factory=dict)  # path under the Typst root -> file contents


def escape(text: str) -> str:
    """Text as Typst markup that shows exactly ``text`` (no markup, smart quotes or shorthands)."""
    return _SPECIAL.sub(r"\\\1", text)


def string(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def label_name(element_id: str) -> str:
    """An HTML id as a Typst label name (letters, digits, ``_ . : -``)."""
    return _LABEL_UNSAFE.sub("-", element_id)


def convert(fragment: str | Tag, linked: frozenset[str] | set[str] = frozenset()) -> Converted:
    """Typst markup for one module fragment (an ``<article>`` or any block HTML, as text or as a tree).

    ``linked``: ids that links point to. Typst makes a named PDF destination only for a label on
    an element such as a heading, and a heading has one label: of the ids that mark a heading (its
    section, the module, anchors just before it), it gets the one that is linked.
    """
    if isinstance(fragment, str):
        fragment = BeautifulSoup(fragment, "html.parser")
    converter = _Converter(_heading_labels(fragment, linked))
    blocks = converter.blocks(fragment) if isinstance(fragment, BeautifulSoup) else converter.block(fragment)
    return Converted(_join(blocks) + "\n", converter.assets)


_HREF = re.compile(r"""href=["']#([^"']+)["']""")
_INTERNAL = re.compile(r"^#.")


def link_targets(fragment: str | Tag) -> set[str]:
    """The ids that the internal links (``href="#..."``) of a fragment point to."""
    if isinstance(fragment, str):
        return set(_HREF.findall(fragment))
    return {element["href"][1:] for element in fragment.find_all(href=_INTERNAL)}


def _join(blocks: list[str]) -> str:
    return "\n\n".join(block for block in blocks if block.strip())


def _classes(tag: Tag) -> list[str]:
    return tag.get("class", []) or []


def _content(markup: str) -> str:
    return f"[{markup}]"


def _heading_labels(soup: BeautifulSoup, linked: frozenset[str] | set[str]) -> dict[int, str]:
    """For each heading (by ``id()``), the id its label is made from; those ids get no other marker."""
    chosen: dict[int, str] = {}
    for heading in soup.find_all(_HEADING):
        candidates = []
        node = heading
        while (
            node.parent is not None and node.parent.name in ("section", "article") and _first_child(node.parent) is node
        ):
            node = node.parent
            if node.get("id"):
                candidates.append(node["id"])
        previous = heading.find_previous_sibling()
        while (
            previous is not None
            and previous.name == "span"
            and previous.get("id")
            and not previous.get_text(strip=True)
        ):
            candidates.append(previous["id"])
            previous = previous.find_previous_sibling()
        if heading.get("id"):
            candidates.append(heading["id"])
        if candidates:
            chosen[id(heading)] = next((c for c in candidates if c in linked), candidates[0])
    return chosen


class _Converter:
    def __init__(self, heading_labels: dict[int, str]) -> None:
        self.assets: dict[str, bytes] = {}
        # Elements already written elsewhere (a card's title, the forum's QR code...), by id():
        # passed over instead of taken out, because the tree is not ours to change.
        self.left_out: set[int] = set()
        self.heading_labels = heading_labels
        self.on_headings = set(heading_labels.values())

    # -- blocks ---------------------------------------------------------------------------------

    def blocks(self, node: Tag) -> list[str]:
        """The children of ``node`` as block markup; stray inline content becomes a paragraph."""
        out: list[str] = []
        run: list[str] = []

        def flush() -> None:
            text = "".join(run).strip()
            if text:
                out.append(text)
            run.clear()

        for child in node.children:
            if isinstance(child, Comment) or id(child) in self.left_out:
                continue
            if isinstance(child, NavigableString):
                run.append(self.text(child))
            elif isinstance(child, Tag) and child.name in _SKIP:
                continue
            elif isinstance(child, Tag) and (child.name in _BLOCK_TAGS or child.name == "img" and self._lone(child)):
                flush()
                out.extend(self.block(child))
            elif isinstance(child, Tag):
                run.append(self.inline(child))
        flush()
        return out

    def _lone(self, image: Tag) -> bool:
        return image.parent is None or not image.parent.get_text(strip=True)

    def block(self, tag: Tag) -> list[str]:
        name, classes = tag.name, _classes(tag)
        anchor = self.anchor(tag) if name not in ("section", "article") and not _HEADING.match(name) else ""
        result = self._block(tag, name, classes)
        if anchor:
            result = [anchor] + result
        return result

    def _block(self, tag: Tag, name: str, classes: list[str]) -> list[str]:
        heading = _HEADING.match(name)
        if heading:
            return [self.heading(tag, int(heading.group(1)))]
        if name in ("section", "article"):
            anchor = self.anchor(tag)
            return ([anchor] if anchor else []) + self.blocks(tag)
        if name == "p":
            if tag.find("img") is not None and not tag.get_text(strip=True):
                return [self.image(image) for image in tag.find_all("img")]
            text = self.inline_children(tag).strip()
            if "gl-vraagtekst" in classes:
                return [f"#gl-vraagtekst{_content(text)}"]
            if "gl-hint" in classes:
                return [f"#gl-hint{_content(text)}"]
            if "gl-antwoord-kop" in classes or "gl-uitgeklapt-titel" in classes:
                return [f"#gl-tussenkop{_content(text)}"]
            return [text]
        if name == "img":
            return [self.image(tag)]
        if name in ("ul", "ol"):
            return [self.listing(tag)]
        if name == "dl":
            return [self.terms(tag)]
        if name == "table":
            return [self.table(tag)]
        if name == "pre":
            return [self.code_block(tag)]
        if name == "blockquote":
            return [f"#quote(block: true){_content(_join(self.blocks(tag)))}"]
        if name == "hr":
            return ["#line(length: 100%, stroke: 0.5pt + luma(170))"]
        if name == "div":
            return self.division(tag, classes)
        return self.blocks(tag)

    def division(self, tag: Tag, classes: list[str]) -> list[str]:
        if "highlight" in " ".join(classes) and tag.find("pre") is not None:
            return [self.code_block(tag.find("pre"), _code_language(classes))]
        if "gl-module-kaart" in classes or "sd-card" in classes:  # the module card, or another card
            heading = self.title(tag.find(class_="sd-card-title"))
            body = tag.find(class_="sd-card-body") or tag
            function = "gl-kaart" if "gl-module-kaart" in classes else "gl-kader"
            return [f"#{function}(titel: {_content(heading)}){_content(_join(self.blocks(body)))}"]
        if "gl-forum" in classes:
            return [self.forum(tag)]
        if "gl-quiz" in classes:
            return [f"#gl-toets{_content(_join(self.blocks(tag)))}"]
        if "gl-vraag" in classes:
            return [self.question(tag)]
        if "gl-casus" in classes:
            return [f"#gl-casus{_content(_join(self.blocks(tag)))}"]
        if "gl-antwoord" in classes:
            return [f"#gl-antwoord{_content(_join(self.blocks(tag)))}"]
        if "admonition" in classes:
            heading = self.title(tag.find(class_="admonition-title", recursive=False))
            kind = next((c for c in classes if c in _NOTE_KINDS), "note")
            return [f"#gl-kader(titel: {_content(heading)}, soort: {string(kind)}){_content(_join(self.blocks(tag)))}"]
        return self.blocks(tag)

    def title(self, title: Tag | None) -> str:
        """A box's title as markup for the box's ``titel:``; the element itself is then left out."""
        if title is None:
            return ""
        self.left_out.add(id(title))
        return self.inline_children(title).strip()

    def heading(self, tag: Tag, level: int) -> str:
        body = self.inline_children(tag).strip()
        options = "level: 1, outlined: true, bookmarked: true" if level == 1 else f"level: {level}, outlined: false"
        own = self.heading_labels.get(id(tag))
        return f"#heading({options}){_content(body)}" + (f" <{label_name(own)}>" if own else "")

    def anchor(self, tag: Tag) -> str:
        """An invisible marker carrying the id of ``tag`` as label (unless a heading carries it)."""
        if not tag.get("id") or tag["id"] in self.on_headings:
            return ""
        return f"#metadata(none) <{label_name(tag['id'])}>"

    def listing(self, tag: Tag) -> str:
        items = [li for li in tag.find_all("li", recursive=False)]
        if "gl-opties" in _classes(tag):
            options = []
            for li in items:
                right = "true" if "gl-juist" in _classes(li) else "false"
                options.append(f"#gl-optie(juist: {right}){_content(self.item(li))}")
            return f"#gl-opties{_content(_join(options))}"
        ticks = [li for li in items if "gl-afvink" in _classes(li)]
        bodies = [self.item(li) for li in items]
        if ticks and len(ticks) == len(items):
            return "#list(marker: gl-afvinkvak, " + ", ".join(_content(body) for body in bodies) + ")"
        bodies = ["#gl-afvinkvak " + body if "gl-afvink" in _classes(li) else body for li, body in zip(items, bodies)]
        if tag.name == "ol":
            start = tag.get("start", "")
            first = f"start: {int(start)}, " if start.isdigit() else ""
            return f"#enum({first}" + ", ".join(_content(body) for body in bodies) + ")"
        return "#list(" + ", ".join(_content(body) for body in bodies) + ")"

    def item(self, li: Tag) -> str:
        blocks = self.blocks(li)
        anchor = self.anchor(li)
        return _join(([anchor] if anchor else []) + blocks)

    def terms(self, tag: Tag) -> str:
        entries, term = [], None
        for child in tag.find_all(["dt", "dd"], recursive=False):
            if child.name == "dt":
                if term is not None:
                    entries.append(f"#gl-begrip({_content(term)})[]")
                term = (self.anchor(child) + " " if child.get("id") else "") + self.inline_children(child).strip()
            else:
                entries.append(f"#gl-begrip({_content(term or '')}){_content(_join(self.blocks(child)))}")
                term = None
        if term is not None:
            entries.append(f"#gl-begrip({_content(term)})[]")
        return _join(entries)

    def table(self, tag: Tag) -> str:
        head_rows = [row for part in tag.find_all("thead") for row in part.find_all("tr", recursive=False)]
        body_rows = [row for row in tag.find_all("tr") if row not in head_rows]
        columns = max(
            (
                sum(int(cell.get("colspan", 1) or 1) for cell in row.find_all(["th", "td"], recursive=False))
                for row in head_rows + body_rows
            ),
            default=1,
        )
        parts = [f"columns: {columns}"]
        if head_rows:
            parts.append(
                "table.header("
                + ", ".join(
                    self.cell(cell, True) for row in head_rows for cell in row.find_all(["th", "td"], recursive=False)
                )
                + ")"
            )
        parts += [
            self.cell(cell, cell.name == "th")
            for row in body_rows
            for cell in row.find_all(["th", "td"], recursive=False)
        ]
        caption = tag.find("caption")
        table = "#gl-tabel(table(" + ",\n  ".join(parts) + "))"
        if caption is not None:
            table = f"#gl-tussenkop{_content(self.inline_children(caption).strip())}\n\n" + table
        return table

    def cell(self, cell: Tag, header: bool) -> str:
        body = _join(self.blocks(cell))
        if header:
            body = f"#strong{_content(body)}" if body else ""
        options = []
        for attribute, name in (("colspan", "colspan"), ("rowspan", "rowspan")):
            value = str(cell.get(attribute, "1"))
            if value.isdigit() and int(value) > 1:
                options.append(f"{name}: {int(value)}")
        if options:
            return f"table.cell({', '.join(options)}){_content(body)}"
        return _content(body)

    def code_block(self, pre: Tag, language: str = "") -> str:
        text = pre.get_text().rstrip("\n")
        lang = f", lang: {string(language)}" if language else ""
        return f"#gl-code(raw(block: true{lang}, {string(text)}))"

    def image(self, tag: Tag, width: str = "") -> str:
        alt = _SPACE.sub(" ", tag.get("alt", "")).strip()
        source = tag.get("src", "")
        if source.startswith("data:"):
            path = self.data_asset(source)
        else:
            path = "/" + source.split("#")[0].split("?")[0].lstrip("/")
        size = f", width: {width}" if width else ""
        if "gl-qr" in _classes(tag):
            size += ', scaling: "pixelated"'
        return f"#gl-afbeelding(image({string(path)}, alt: {string(alt)}{size}))"

    def data_asset(self, uri: str) -> str:
        header, _, data = uri.partition(",")
        content = base64.b64decode(data) if header.endswith(";base64") else data.encode("utf-8")
        extension = "svg" if "svg" in header else "jpg" if "jpeg" in header else "png"
        path = f"/{ASSET_DIR}/beeld-{hashlib.sha1(content).hexdigest()[:16]}.{extension}"
        self.assets[path] = content
        return path

    def forum(self, tag: Tag) -> str:
        heading = self.title(tag.find(class_="admonition-title", recursive=False))
        qr = tag.find("img", class_="gl-qr")
        code = "none"
        if qr is not None:
            self.left_out.add(id(qr))
            code = self.image(qr, "28mm")[1:]  # without the "#": an argument
        return f"#gl-forum(titel: {_content(heading)}, qr: {code}){_content(_join(self.blocks(tag)))}"

    def question(self, tag: Tag) -> str:
        answer = tag.find("div", class_="gl-antwoord", recursive=False)
        if answer is not None:
            self.left_out.add(id(answer))
        body = _join(self.blocks(tag))
        after = _join(self.block(answer)) if answer is not None else ""
        return f"#gl-vraag{_content(body)}" + ("\n\n" + after if after else "")

    # -- inline ---------------------------------------------------------------------------------

    def text(self, node: NavigableString) -> str:
        return escape(_SPACE.sub(" ", str(node)))

    def inline_children(self, tag: Tag) -> str:
        parts = []
        for child in tag.children:
            if isinstance(child, Comment) or id(child) in self.left_out:
                continue
            if isinstance(child, NavigableString):
                parts.append(self.text(child))
            elif isinstance(child, Tag):
                parts.append(self.inline(child))
        return "".join(parts)

    def inline(self, tag: Tag) -> str:
        name = tag.name
        if name in _SKIP:
            return ""
        anchor = self.anchor(tag)
        if anchor and name == "span" and not tag.get_text(strip=True):
            return anchor + " "
        prefix = anchor + " " if anchor else ""
        if name in ("strong", "b"):
            return prefix + self.wrap("strong", tag)
        if name in ("em", "i", "cite", "dfn"):
            return prefix + self.wrap("emph", tag)
        if name in ("code", "kbd", "samp", "tt"):
            return prefix + f"#raw({string(_SPACE.sub(' ', tag.get_text()))})"
        if name == "br":
            return "#linebreak()"
        if name == "img":
            return prefix + "#box(" + self.image(tag)[1:] + ")"
        if name == "a":
            return prefix + self.link(tag)
        if name in ("sub", "sup"):
            return prefix + self.wrap(name, tag)
        if name in ("p", "div") or name in _BLOCK_TAGS:
            return prefix + self.inline_children(tag)
        return prefix + self.inline_children(tag)

    def wrap(self, function: str, tag: Tag) -> str:
        body = self.inline_children(tag)
        return f"#{function}{_content(body)}" if body.strip() else body

    def link(self, tag: Tag) -> str:
        href = tag.get("href", "")
        body = self.inline_children(tag).strip() or escape(href)
        if href.startswith("#") and len(href) > 1:
            return f"#gl-link({string(label_name(href[1:]))}){_content(body)}"
        if href and not href.startswith("#"):
            return f"#link({string(href)}){_content(body)}"
        return body


def _first_child(parent: Tag) -> Tag | None:
    """The first element in ``parent``, not counting empty anchors (``<span id=...>``)."""
    for child in parent.children:
        if isinstance(child, Tag):
            if child.name == "span" and not child.get_text(strip=True):
                continue
            return child
    return None


def _code_language(classes: list[str]) -> str:
    for name in classes:
        if name.startswith("highlight-") and name not in ("highlight-default", "highlight-text"):
            return name[len("highlight-") :]
    return ""
