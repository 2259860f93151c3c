"""One module page (a resolved doctree) as Typst markup for the handbooks.

The markup calls the functions of ``handboek.typ`` (``gl-kader``, ``gl-begrip``, ``gl-link`` ...)
for what goes beyond plain text. Every id in a module becomes a label prefixed with the module id
(``m01.checklist``), so a PDF that holds several modules has unique link targets.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Protocol, cast

from docutils import nodes
from sphinx.builders import Builder
from sphinx.locale import admonitionlabels
from sphinx.util import logging
from sphinx.util.docutils import SphinxTranslator

from ..sphinxext.typed_warnings import WarningKind
from ..typst_syntax import content, escape, join_blocks, label_name, string
from .links import LinkRules, link_target

if TYPE_CHECKING:
    from ..content import Catalog

logger = logging.getLogger(__name__)

ASSET_DIR = "_handboek"  # folder under the Typst root: documents, template, generated images
IMAGE_DIR = "_images"  # folder under the Typst root: the content's images
TRAINER_ONLY = "gl-alleen-trainer"  # class of content left out of the employee edition
EMPLOYEE_ONLY = "gl-alleen-deelnemer"  # class of content left out of the trainer edition
NOTE_KINDS = ("tip", "note", "hint", "important", "warning", "caution", "attention", "danger", "error", "seealso")
CODE_WITHOUT_LANGUAGE = {"default", "text", "none", ""}
RULE = "#line(length: 100%, stroke: 0.5pt + luma(170))"
_SPACE = re.compile(r"\s+")
_CHECKBOX = "[ ] "


class HandbookBuilder(Protocol):
    """What the translator asks of its builder (``typst_builder.TypstBuilder``), so neither imports the other."""

    @property
    def catalog(self) -> Catalog: ...

    linked: frozenset[str]  # labels some link points to, in any module

    def link_rules(self, module_id: str) -> LinkRules: ...

    def image_path(self, uri: str) -> str: ...

    def add_asset(self, data: bytes, extension: str) -> str: ...

    def warn_once(self, kind: WarningKind, message: str, node: nodes.Node) -> None: ...


class TypstTranslator(SphinxTranslator):
    """Writes one module's doctree as Typst markup, for one edition.

    API for the visitors of components (registered with ``app.add_node(node, typst=(visit,
    depart))``); they run as methods of this class:

    - ``self.with_answers: bool``: the trainer edition (answers shown); False for employees.
    - ``self.module_id: str``: the module being written.
    - ``self.catalog``: the Catalog.
    - ``self.blocks_of(node) -> str``: the block markup of ``node``'s children, joined by blank
      lines, without touching ``self.body``.
    - ``self.inline_of(node) -> str``: the inline markup of ``node``'s children.
    - ``self.add_asset(data: bytes, extension: str) -> str``: stores an image file (named by its
      hash) and returns its path for ``image("...")``.
    - ``self.add_block(markup: str)``: appends one block to the output.

    A component's visit typically does ``self.add_block(...)`` and raises ``nodes.SkipNode``.
    ``self.body`` holds the blocks written so far; ``self.markup()`` is the result.

    Content with the class ``gl-alleen-trainer`` is left out of the employee edition, content
    with ``gl-alleen-deelnemer`` out of the trainer edition.
    """

    def __init__(self, document: nodes.document, builder: Builder, module_id: str, with_answers: bool) -> None:
        super().__init__(document, builder)
        # The typst builder: Sphinx hands it over as a Builder; typed by what is asked of it.
        self.handbook = cast("HandbookBuilder", builder)
        self.with_answers = with_answers
        self.module_id = module_id
        self.catalog: Catalog = self.handbook.catalog
        self.rules: LinkRules = self.handbook.link_rules(module_id)
        self.body: list[str] = []
        self._run: list[str] = []  # inline markup not yet in a block
        self._level = 0  # depth of the current section
        self._left_out: set[int] = set()  # id() of nodes written elsewhere (a box's title)
        self._checkbox_text: set[int] = set()  # id() of Text nodes that start a checklist item
        self._top = next((child for child in document.children if isinstance(child, nodes.section)), None)
        self._headings = self._heading_labels(document, self.handbook.linked)
        self._on_headings = set(self._headings.values())

    # -- the API ---------------------------------------------------------------------------------

    def markup(self) -> str:
        """All blocks written, as the module's markup."""
        self._flush()
        return join_blocks(self.body) + "\n"

    def add_block(self, markup: str) -> None:
        self._flush()
        if markup.strip():
            self.body.append(markup)

    def blocks_of(self, node: nodes.Node) -> str:
        return join_blocks(self._blocks(node))

    def inline_of(self, node: nodes.Node) -> str:
        saved = self.body, self._run
        self.body, self._run = [], []
        try:
            for child in node.children:
                child.walkabout(self)
            text = "".join(self._run)
            # A block inside inline content (a component's visitor may add one): kept, in order.
            return join_blocks([*self.body, text]) if self.body else text
        finally:
            self.body, self._run = saved

    def add_asset(self, data: bytes, extension: str) -> str:
        return self.handbook.add_asset(data, extension)

    # -- helpers ---------------------------------------------------------------------------------

    def _blocks(self, node: nodes.Node, skip: tuple[nodes.Node, ...] = ()) -> list[str]:
        saved = self.body, self._run
        self.body, self._run = [], []
        try:
            for child in node.children:
                if not any(child is other for other in skip):
                    child.walkabout(self)
            self._flush()
            return self.body
        finally:
            self.body, self._run = saved

    def _flush(self) -> None:
        """Stray inline content (not in a paragraph) becomes a paragraph of its own."""
        text = "".join(self._run).strip()
        self._run = []
        if text:
            self.body.append(text)

    def _label(self, element_id: str) -> str:
        return f"{self.module_id}.{element_id}"

    def _markers(self, node: nodes.Element) -> list[str]:
        """Invisible markers carrying the ids of ``node`` as labels (unless a heading carries one)."""
        ids: list[str] = node.get("ids", [])
        labels = [self._label(i) for i in ids]
        return [f"#metadata(none) <{label_name(label)}>" for label in labels if label not in self._on_headings]

    def _add_markers(self, node: nodes.Element) -> None:
        for marker in self._markers(node):
            self.add_block(marker)

    def _inline_markers(self, node: nodes.Element) -> str:
        return "".join(marker + " " for marker in self._markers(node))

    def _heading_labels(self, document: nodes.document, linked: set[str] | frozenset[str]) -> dict[int, str]:
        """Per section (by ``id()``), the one label its heading carries.

        Typst makes a PDF destination only for a label on an element such as a heading, and a
        heading has one label: of the ids of its section (docutils moves ``(label)=`` targets
        onto the section), the one some link points to, else the first. The module's first
        section also answers to the module id. The other ids become markers.
        """
        chosen: dict[int, str] = {}
        for section in document.findall(nodes.section):
            candidates = [self._label(i) for i in section["ids"]]
            if section is self._top:
                candidates.append(self.module_id)
            if candidates:
                chosen[id(section)] = next((c for c in candidates if c in linked), candidates[0])
        return chosen

    def warn(self, kind: WarningKind, message: str, node: nodes.Node) -> None:
        """A typed warning (``geletterdheid.<kind>``), once per build even if both editions meet it."""
        self.handbook.warn_once(kind, message, node)

    def _hidden(self, node: nodes.Node) -> bool:
        if not isinstance(node, nodes.Element):
            return False
        classes: list[str] = node.get("classes", [])
        return (TRAINER_ONLY in classes and not self.with_answers) or (EMPLOYEE_ONLY in classes and self.with_answers)

    def dispatch_visit(self, node: nodes.Node) -> None:
        if id(node) in self._left_out or self._hidden(node):
            raise nodes.SkipNode
        super().dispatch_visit(node)

    def unknown_visit(self, node: nodes.Node) -> None:
        """A node without a Typst visitor: its text goes into the handbook without layout."""
        name = f"{type(node).__module__}.{type(node).__name__}"
        self.warn(
            WarningKind.NODE,
            f"het handboek kent element '{name}' niet; de tekst erin staat zonder opmaak in het handboek",
            node,
        )

    def unknown_departure(self, node: nodes.Node) -> None:
        pass

    # -- structure -------------------------------------------------------------------------------

    def visit_document(self, node: nodes.document) -> None:
        pass

    def depart_document(self, node: nodes.document) -> None:
        self._flush()

    def visit_section(self, node: nodes.section) -> None:
        self._level += 1
        self._add_markers(node)
        if node is self._top and self._headings.get(id(node)) != self.module_id:
            self.add_block(f"#metadata(none) <{label_name(self.module_id)}>")  # a linked id took the heading

    def depart_section(self, node: nodes.section) -> None:
        self._level -= 1

    def visit_title(self, node: nodes.title) -> None:
        body = self.inline_of(node).strip()
        if isinstance(node.parent, nodes.section):
            level = min(6, max(1, self._level))
            options = "level: 1, outlined: true, bookmarked: true" if level == 1 else f"level: {level}, outlined: false"
            own = self._headings.get(id(node.parent))
            self.add_block(f"#heading({options}){content(body)}" + (f" <{label_name(own)}>" if own else ""))
        else:  # a title the parent did not take (a topic, a sidebar...)
            self._add_markers(node)
            self.add_block(f"#gl-tussenkop{content(body)}")
        raise nodes.SkipNode

    def visit_rubric(self, node: nodes.rubric) -> None:
        self._add_markers(node)
        self.add_block(f"#gl-tussenkop{content(self.inline_of(node).strip())}")
        raise nodes.SkipNode

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        self._add_markers(node)
        images = _only_images(node)
        if images:  # a picture on its own
            for image in images:
                self.add_block(self._image(image))
        else:
            self.add_block(self.inline_of(node).strip())
        raise nodes.SkipNode

    def visit_transition(self, node: nodes.transition) -> None:
        self.add_block(RULE)
        raise nodes.SkipNode

    def visit_block_quote(self, node: nodes.block_quote) -> None:
        self._add_markers(node)
        self.add_block(f"#quote(block: true){content(self.blocks_of(node))}")
        raise nodes.SkipNode

    def visit_attribution(self, node: nodes.attribution) -> None:
        self.add_block(escape("— ") + self.inline_of(node).strip())
        raise nodes.SkipNode

    def visit_compound(self, node: nodes.compound) -> None:
        self._add_markers(node)

    def depart_compound(self, node: nodes.compound) -> None:
        pass

    def visit_figure(self, node: nodes.figure) -> None:
        self._add_markers(node)

    def depart_figure(self, node: nodes.figure) -> None:
        pass

    def visit_caption(self, node: nodes.caption) -> None:
        self._add_markers(node)
        self.add_block(self.inline_of(node).strip())
        raise nodes.SkipNode

    def visit_legend(self, node: nodes.legend) -> None:
        self._add_markers(node)

    def depart_legend(self, node: nodes.legend) -> None:
        pass

    # -- boxes -----------------------------------------------------------------------------------

    def visit_Admonition(self, node: nodes.Element) -> None:
        """Notes, tips, warnings (``{note}`` ...) and ``{admonition}``: a box with a title."""
        self._add_markers(node)
        title = next((child for child in node.children if isinstance(child, nodes.title)), None)
        name = node.tagname
        if isinstance(node, nodes.admonition) or name not in admonitionlabels:
            heading = self.inline_of(title).strip() if title is not None else ""
            classes: list[str] = node.get("classes", [])
            kind = next((c for c in classes if c in NOTE_KINDS), "note")
        else:  # a named admonition: its title is Sphinx's (translated) label, as on the site
            heading = escape(str(admonitionlabels[name]))
            kind = name if name in NOTE_KINDS else "note"
        body = join_blocks(self._blocks(node, skip=(title,) if title is not None else ()))
        self.add_block(f"#gl-kader(titel: {content(heading)}, soort: {string(kind)}){content(body)}")
        raise nodes.SkipNode

    def visit_topic(self, node: nodes.Element) -> None:
        self._add_markers(node)
        title = next((child for child in node.children if isinstance(child, nodes.title)), None)
        heading = self.inline_of(title).strip() if title is not None else ""
        body = join_blocks(self._blocks(node, skip=(title,) if title is not None else ()))
        self.add_block(f"#gl-kader(titel: {content(heading)}){content(body)}")
        raise nodes.SkipNode

    visit_sidebar = visit_topic

    def visit_container(self, node: nodes.container) -> None:
        component = node.get("design_component")
        if component == "dropdown":
            self._dropdown(node)
        elif component == "card":
            self._card(node)
        elif node.get("literal_block"):  # a code block with a caption
            self._add_markers(node)
            for child in node.children:
                if isinstance(child, nodes.caption):
                    self.add_block(f"#gl-tussenkop{content(self.inline_of(child).strip())}")
                else:
                    child.walkabout(self)
            raise nodes.SkipNode
        else:
            self._add_markers(node)
            return  # the children, in place
        raise nodes.SkipNode

    def depart_container(self, node: nodes.container) -> None:
        pass

    def _dropdown(self, node: nodes.container) -> None:
        """sphinx-design's dropdown: on paper it is open; its title a subheading in the box."""
        self._add_markers(node)
        title = node.children[0] if node.get("has_title") and node.children else None
        if not isinstance(title, nodes.rubric):
            title = None
        blocks = self._blocks(node, skip=(title,) if title is not None else ())
        if title is not None:
            blocks.insert(0, f"#gl-tussenkop{content(self.inline_of(title).strip())}")
        self.add_block(f"#gl-kader(titel: []){content(join_blocks(blocks))}")

    def _card(self, node: nodes.container) -> None:
        """sphinx-design's card: a box; the card's title is the box's title."""
        self._add_markers(node)
        title = next(
            (n for n in node.findall(nodes.container) if n.get("design_component") == "card-title"),
            None,
        )
        heading = ""
        if title is not None:
            heading = self.inline_of(title).strip()
            self._left_out.add(id(title))
        try:
            body = self.blocks_of(node)
        finally:
            if title is not None:
                self._left_out.discard(id(title))
        self.add_block(f"#gl-kader(titel: {content(heading)}){content(body)}")

    # -- lists -----------------------------------------------------------------------------------

    def visit_bullet_list(self, node: nodes.bullet_list) -> None:
        self._list(node, "list")
        raise nodes.SkipNode

    def visit_enumerated_list(self, node: nodes.enumerated_list) -> None:
        self._list(node, "enum")
        raise nodes.SkipNode

    def _list(self, node: nodes.Element, function: str) -> None:
        self._add_markers(node)
        items = [child for child in node.children if isinstance(child, nodes.list_item)]
        ticks = [self._checklist_item(item) for item in items]
        bodies = [join_blocks(self._markers(item) + self._blocks(item)) for item in items]
        if items and all(ticks):
            self.add_block("#list(marker: gl-afvinkvak, " + ", ".join(content(body) for body in bodies) + ")")
            return
        bodies = ["#gl-afvinkvak " + body if tick else body for tick, body in zip(ticks, bodies, strict=True)]
        first = ""
        if function == "enum" and str(node.get("start", "")).isdigit():
            first = f"start: {int(node['start'])}, "
        self.add_block(f"#{function}({first}" + ", ".join(content(body) for body in bodies) + ")")

    def _checklist_item(self, item: nodes.list_item) -> bool:
        """A Markdown checklist item (``- [ ] ...``) gets a box to tick on paper, without the brackets."""
        first = next(iter(item.findall(nodes.Text)), None)
        if first is None or not first.astext().lstrip().startswith(_CHECKBOX):
            return False
        self._checkbox_text.add(id(first))
        return True

    def visit_definition_list(self, node: nodes.definition_list) -> None:
        self._add_markers(node)
        entries = []
        for item in node.children:
            if not isinstance(item, nodes.definition_list_item):
                continue
            term: str | None = None
            for child in item.children:
                if isinstance(child, nodes.term):
                    if term is not None:
                        entries.append(f"#gl-begrip({content(term)})[]")
                    ids = self._inline_markers(item) if term is None else ""
                    term = ids + self._inline_markers(child) + self.inline_of(child).strip()
                elif isinstance(child, nodes.classifier):
                    term = (term or "") + escape(" : ") + self.inline_of(child).strip()
                elif isinstance(child, nodes.definition):
                    entries.append(f"#gl-begrip({content(term or '')}){content(self.blocks_of(child))}")
                    term = None
            if term is not None:
                entries.append(f"#gl-begrip({content(term)})[]")
        self.add_block(join_blocks(entries))
        raise nodes.SkipNode

    # -- tables ----------------------------------------------------------------------------------

    def visit_table(self, node: nodes.table) -> None:
        self._add_markers(node)
        title = next((child for child in node.children if isinstance(child, nodes.title)), None)
        for group in node.children:
            if isinstance(group, nodes.tgroup):
                table = self._table(group)
                if title is not None:
                    table = f"#gl-tussenkop{content(self.inline_of(title).strip())}\n\n" + table
                    title = None  # one caption, on the first part
                self.add_block(table)
        raise nodes.SkipNode

    def _table(self, group: nodes.tgroup) -> str:
        stubs = [bool(spec.get("stub")) for spec in group.children if isinstance(spec, nodes.colspec)]
        head = [row for part in group.children if isinstance(part, nodes.thead) for row in part.children]
        body = [row for part in group.children if isinstance(part, nodes.tbody) for row in part.children]
        columns = max((sum(_span(e, "morecols") for e in row.children) for row in head + body), default=1)
        parts = [f"columns: {columns}"]
        if head:
            parts.append("table.header(" + ", ".join(self._cells(row, stubs, True) for row in head) + ")")
        parts += [self._cells(row, stubs, False) for row in body]
        parts = [part for part in parts if part]
        return "#gl-tabel(table(" + ",\n  ".join(parts) + "))"

    def _cells(self, row: nodes.Node, stubs: list[bool], header: bool) -> str:
        cells, column = [], 0
        for entry in row.children:
            if not isinstance(entry, nodes.entry):
                continue
            stub = column < len(stubs) and stubs[column]
            column += int(entry.get("morecols", 0)) + 1
            cells.append(self._cell(entry, header or stub))
        return (", " if header else ",\n  ").join(cells)

    def _cell(self, entry: nodes.entry, header: bool) -> str:
        body = self.blocks_of(entry)
        if header:
            body = f"#strong{content(body)}" if body else ""
        options = [
            f"{name}: {int(entry.get(attribute, 0)) + 1}"
            for attribute, name in (("morecols", "colspan"), ("morerows", "rowspan"))
            if int(entry.get(attribute, 0)) > 0
        ]
        if options:
            return f"table.cell({', '.join(options)}){content(body)}"
        return content(body)

    # -- code, images, raw -----------------------------------------------------------------------

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        self._add_markers(node)
        language = str(node.get("language", ""))
        lang = f", lang: {string(language)}" if language not in CODE_WITHOUT_LANGUAGE else ""
        self.add_block(f"#gl-code(raw(block: true{lang}, {string(node.astext().rstrip(chr(10)))}))")
        raise nodes.SkipNode

    def visit_doctest_block(self, node: nodes.doctest_block) -> None:
        self.visit_literal_block(node)  # type: ignore[arg-type]  # the same markup

    def visit_image(self, node: nodes.image) -> None:
        if isinstance(node.parent, nodes.TextElement):  # in a line of text
            self._run.append(self._inline_markers(node) + "#box(" + self._image(node)[1:] + ")")
        else:
            self._add_markers(node)
            self.add_block(self._image(node))
        raise nodes.SkipNode

    def _image(self, node: nodes.image) -> str:
        alt = _SPACE.sub(" ", str(node.get("alt", ""))).strip()
        uri = str(node["uri"])
        if not alt:
            self.warn(
                WarningKind.IMAGE,
                f"afbeelding {node.get('original_uri', uri)} heeft geen alternatieve tekst; "
                "schrijf ![wat je ziet](bestand) zodat het handboek toegankelijk is",
                node,
            )
        return f"#gl-afbeelding(image({string(self.handbook.image_path(uri))}, alt: {string(alt)}))"

    def visit_raw(self, node: nodes.raw) -> None:
        """Raw Typst is written as it is; raw HTML (or any other format) is not for paper."""
        if "typst" in node.get("format", "").split():
            if isinstance(node.parent, nodes.TextElement):
                self._run.append(node.astext())
            else:
                self.add_block(node.astext())
        raise nodes.SkipNode

    def visit_target(self, node: nodes.target) -> None:
        """A target that kept its ids (nothing followed it to take them) becomes a marker."""
        if not any(key in node for key in ("refuri", "refid", "refname")):
            if isinstance(node.parent, nodes.TextElement):
                self._run.append(self._inline_markers(node))
            else:
                self._add_markers(node)
        raise nodes.SkipNode

    def _skip(self, node: nodes.Node) -> None:
        raise nodes.SkipNode

    # Not for paper: comments, index entries, metadata, messages already reported while reading.
    visit_comment = _skip
    visit_substitution_definition = _skip
    visit_system_message = _skip
    visit_index = _skip
    visit_meta = _skip
    visit_toctree = _skip
    visit_tabular_col_spec = _skip
    visit_pending = _skip

    # -- inline ----------------------------------------------------------------------------------

    def visit_Text(self, node: nodes.Text) -> None:
        text = node.astext()
        if id(node) in self._checkbox_text:
            text = text.lstrip()[len(_CHECKBOX) :]
        self._run.append(escape(_SPACE.sub(" ", text)))

    def depart_Text(self, node: nodes.Text) -> None:
        pass

    def _wrap(self, function: str, node: nodes.Element) -> None:
        body = self.inline_of(node)
        self._run.append(self._inline_markers(node) + (f"#{function}{content(body)}" if body.strip() else body))
        raise nodes.SkipNode

    def visit_strong(self, node: nodes.strong) -> None:
        self._wrap("strong", node)

    def visit_emphasis(self, node: nodes.emphasis) -> None:
        self._wrap("emph", node)

    def visit_title_reference(self, node: nodes.title_reference) -> None:
        self._wrap("emph", node)

    def visit_subscript(self, node: nodes.subscript) -> None:
        self._wrap("sub", node)

    def visit_superscript(self, node: nodes.superscript) -> None:
        self._wrap("super", node)

    def visit_literal(self, node: nodes.literal) -> None:
        self._run.append(self._inline_markers(node) + f"#raw({string(_SPACE.sub(' ', node.astext()))})")
        raise nodes.SkipNode

    def _children_in_place(self, node: nodes.Element) -> None:
        self._run.append(self._inline_markers(node))

    def _nothing(self, node: nodes.Node) -> None:
        pass

    # Inline nodes whose text is written as it is (their meaning is for the site).
    visit_inline = _children_in_place
    depart_inline = _nothing
    visit_abbreviation = _children_in_place
    depart_abbreviation = _nothing
    visit_acronym = _children_in_place
    depart_acronym = _nothing
    visit_generated = _children_in_place
    depart_generated = _nothing
    visit_problematic = _children_in_place
    depart_problematic = _nothing
    visit_pending_xref = _children_in_place  # a reference Sphinx could not resolve (it warned)
    depart_pending_xref = _nothing
    visit_download_reference = _children_in_place
    depart_download_reference = _nothing
    visit_only = _nothing
    visit_PassthroughTextElement = _children_in_place  # sphinx-design: a card's title text
    depart_PassthroughTextElement = _nothing
    depart_only = _nothing

    def visit_reference(self, node: nodes.reference) -> None:
        target = link_target(node, self.rules)
        body = self.inline_of(node).strip() or escape(str(node.get("refuri", "")))
        prefix = self._inline_markers(node)
        if target is None:
            self._run.append(prefix + body)
        elif target.kind == "label":
            self._run.append(prefix + f"#gl-link({string(label_name(target.value))}){content(body)}")
        else:
            self._run.append(prefix + f"#link({string(target.value)}){content(body)}")
        raise nodes.SkipNode


def asset_name(data: bytes, extension: str) -> str:
    """The path (under the Typst root) of a generated image: named by its contents."""
    return f"/{ASSET_DIR}/beeld-{hashlib.sha1(data).hexdigest()[:16]}.{extension.lstrip('.')}"


def _span(entry: nodes.Node, attribute: str) -> int:
    """How many columns (``morecols``) or rows (``morerows``) a table entry spans."""
    return int(entry.get(attribute, 0)) + 1 if isinstance(entry, nodes.Element) else 1


def _only_images(paragraph: nodes.paragraph) -> list[nodes.image]:
    """The images of a paragraph that holds nothing else (an image, perhaps linked); else none.

    Looks at the children only: most paragraphs are text, and searching each whole paragraph
    for images was a tenth of the translation time.
    """
    images = []
    for child in paragraph.children:
        if isinstance(child, nodes.reference) and len(child.children) == 1:
            child = child.children[0]
        if isinstance(child, nodes.image):
            images.append(child)
        elif not (isinstance(child, nodes.Text) and not child.strip()):
            return []
    return images


if TYPE_CHECKING:  # mypy checks that the translator keeps the contract the components' visitors rely on
    from ..sphinxext.typst_writer import TypstWriter

    _writer_contract: type[TypstWriter] = TypstTranslator
