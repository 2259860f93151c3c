"""Build src/geletterdheid/content/ai_act_structure.json: which paragraphs and points the AI Act has.

The data file lets ``parse_provision`` check a reference such as ``5(1)(ba)`` or ``bijlage III, punt 5(a)``
down to the point. It holds numbers only, no legal text. This script regenerates it from the official
Dutch EUR-Lex HTML, so nobody has to type the structure by hand:

    .venv/bin/python tools/build_article_structure.py \\
        --consolidated aiact_nl_consolidated.html \\
        --oj aiact_nl.html \\
        --amendments pe-cons-30-26.json \\
        --source-note "frankdevlabs/ai-act-explorer-nl@7672588, data/source/..." \\
        --output src/geletterdheid/content/ai_act_structure.json

``--consolidated`` is a consolidated text as EUR-Lex serves it (the "CONVEX" HTML: ``div id="art_5"``,
``span.no-parag`` for paragraphs, ``div.grid-list`` for points). When that text predates Regulation
(EU) 2026/1744, ``--amendments`` applies the amending instructions of that regulation (PE-CONS 30/26
as structured JSON: ``target``, ``operation``, ``scope.anchor``, new paragraphs and points). With the
consolidated text of 27 July 2026 itself, leave ``--amendments`` out. ``--oj`` is the text as published
in the Official Journal: consolidated texts have no preamble, so the recitals are counted there.
``--corrections`` (a small JSON file) applies what a reader of the consolidated text of 27 July 2026
found that the amending instructions do not say; every correction carries its reason into the header.

Dutch numbering of inserted provisions ("4 bis", "b ter)", "lid 1 bis") is written the way the
content cites it: 4a, bb, 1a.

Only lxml is needed (a dependency of python-pptx, so it is in the project's venv).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

Node = dict[str, Any]  # label -> child node; a point without sub-points is {}
_PARSER = lxml_html.HTMLParser(encoding="utf-8")  # EUR-Lex serves UTF-8; say so for files without a meta tag

LATIN_ORDINALS = {
    "bis": "a",
    "ter": "b",
    "quater": "c",
    "quinquies": "d",
    "sexies": "e",
    "septies": "f",
    "octies": "g",
    "novies": "h",
    "decies": "i",
}
_QUOTES = "“”„\"'‘’«"
_LABEL_RE = re.compile(
    r"^\(?(?P<base>[0-9]+(?:\.[0-9]+)*|[a-z]{1,2}|[ivxl]+)(?:\s*(?P<latin>" + "|".join(LATIN_ORDINALS) + r"))?[.)]?$",
    re.IGNORECASE,
)


_SECTION_RE = re.compile(r"^\s*Afdeling\s+([A-Z]|\d+)\b", re.IGNORECASE)
_LOOSE_NUMBER_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.(?:\s|$)")


def normalise_label(raw: str) -> str | None:
    """'b bis) ' -> 'ba'; '14 ter)' -> '14b'; '1. ' -> '1'; '— ' -> None (an indent, not a point)."""
    text = " ".join(raw.replace("\xa0", " ").split())
    match = _LABEL_RE.match(text)
    if not match:
        return None
    label = match.group("base").lower()
    if match.group("latin"):
        label += LATIN_ORDINALS[match.group("latin").lower()]
    return label


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def _is_quoted(raw: str) -> bool:
    return raw.strip()[:1] in _QUOTES


def _grid_label(grid: Any) -> str:
    spans = grid.xpath("./div[contains(concat(' ', @class, ' '), ' grid-list-column-1 ')]//span")
    return spans[0].text_content() if spans else ""


def _merge(target: Node, source: Node) -> None:
    """Deep union: the points of every section, for a reference that names no section."""
    for label, child in source.items():
        _merge(target.setdefault(label, {}), child)


class _Unit:
    """Collects one article or annex: its numbered paragraphs and the points under them."""

    def __init__(self, annex: bool = False) -> None:
        self.annex = annex
        self.paragraphs: Node = {}
        self.points: Node = {}
        self.current: Node | None = None  # the paragraph that points without a parent point belong to
        # Annexes I, VIII and XI have sections ("Afdeling A"); VIII and XI number each section from 1.
        self.sections: dict[str, tuple[Node, Node]] = {}
        self.unsectioned = (self.paragraphs, self.points)

    def walk(self, element: Any, parent: Node | None) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            classes = _classes(child)
            if child.tag == "span" and "no-parag" in classes:
                raw = child.text_content()
                if _is_quoted(raw):  # text that amends another act, e.g. Art. 108
                    return
                label = normalise_label(raw)
                if label is not None and parent is None:
                    self.current = self.paragraphs.setdefault(label, {})
                continue
            if child.tag == "div" and "grid-list" in classes and "grid-container" in classes:
                raw = _grid_label(child)
                if _is_quoted(raw):
                    continue
                label = normalise_label(raw)
                body = child.xpath("./div[contains(concat(' ', @class, ' '), ' grid-list-column-2 ')]")
                if label is None:  # an indent ("—"): its content belongs to the same parent
                    for part in body:
                        self.walk(part, parent)
                    continue
                container = (
                    parent if parent is not None else (self.current if self.current is not None else self.points)
                )
                node = container.setdefault(label, {})
                for part in body:
                    self.walk(part, node)
                continue
            if self.annex and parent is None and child.tag == "p" and classes & {"norm", "title-gr-seq-level-1"}:
                text = child.text_content().replace("\xa0", " ")
                section = _SECTION_RE.match(text) if "title-gr-seq-level-1" in classes else None
                if section:
                    self.paragraphs, self.points = self.sections.setdefault(section.group(1).upper(), ({}, {}))
                    self.current = None
                    continue
                # annexes number their points in the text: <p class="norm">1.<span> </span>Richtlijn ...</p>
                match = _LOOSE_NUMBER_RE.match(text)
                if match:
                    self.current = self.paragraphs.setdefault(match.group(1), {})
                continue
            if child.tag == "div" and "norm" in classes and child.xpath("./span[contains(@class, 'no-parag')]"):
                span = child.xpath("./span[contains(@class, 'no-parag')]")[0]
                if _is_quoted(span.text_content()):
                    continue
            self.walk(child, parent)

    def result(self) -> Node:
        out: Node = {}
        if self.annex:  # an annex has points only: numbered in the text or as a list
            sections = {label: {**paragraphs, **points} for label, (paragraphs, points) in self.sections.items()}
            union: Node = {}
            for part in (dict(self.unsectioned[0], **self.unsectioned[1]), *sections.values()):
                _merge(union, part)
            if union:
                out["points"] = union
            if sections:
                out["sections"] = sections
            return out
        if self.paragraphs:
            out["paragraphs"] = self.paragraphs
        if self.points:
            out["points"] = self.points
        return out


def parse_consolidated(path: Path) -> tuple[dict[str, Node], dict[str, Node], str]:
    """Articles and annexes of an EUR-Lex consolidated HTML, plus its reference line (e.g. '02024R1689 — NL — ...')."""
    tree = lxml_html.fromstring(path.read_bytes(), parser=_PARSER)
    reference = " ".join(tree.xpath("string(//p[@class='reference'])").split())
    articles: dict[str, Node] = {}
    for element in tree.xpath("//div[starts-with(@id, 'art_') and not(contains(@id, '.'))]"):
        title = " ".join(element.xpath("string(./p[contains(@class, 'title-article-norm')])").split())
        match = re.match(r"^Artikel\s+(\d+)(?:\s*(" + "|".join(LATIN_ORDINALS) + r"))?$", title, re.IGNORECASE)
        if not match:
            raise SystemExit(f"{path}: unexpected article title {title!r} in {element.get('id')}")
        number = match.group(1) + (LATIN_ORDINALS[match.group(2).lower()] if match.group(2) else "")
        unit = _Unit()
        unit.walk(element, None)
        articles[number] = unit.result()
    annexes: dict[str, Node] = {}
    for element in tree.xpath("//div[starts-with(@id, 'anx_') and not(contains(@id, '.'))]"):
        number = element.get("id").removeprefix("anx_")
        unit = _Unit(annex=True)
        unit.walk(element, None)
        annexes[number] = unit.result()
    return articles, annexes, reference


def count_recitals(path: Path) -> int:
    """The highest recital number of the OJ text ('(180)')."""
    tree = lxml_html.fromstring(path.read_bytes(), parser=_PARSER)
    numbers = [
        int(m.group(1))
        for text in tree.xpath("//div[starts-with(@id, 'rct_')]/@id")
        if (m := re.match(r"rct_(\d+)$", text))
    ]
    if not numbers:
        raise SystemExit(f"{path}: no recitals (div id='rct_N') found")
    return max(numbers)


# --- Regulation (EU) 2026/1744 as structured amending instructions ---------------------------------------


def _article_key(raw: str) -> str:
    match = re.match(r"^(\d+)\s*(" + "|".join(LATIN_ORDINALS) + r")?$", raw.strip(), re.IGNORECASE)
    if not match:
        raise SystemExit(f"unexpected article number {raw!r} in the amendments")
    return match.group(1) + (LATIN_ORDINALS[match.group(2).lower()] if match.group(2) else "")


def _structure_of_content(content: list[dict[str, Any]]) -> Node:
    """Points of a content list in the amendment JSON: {'type': 'list', 'items': [{'marker': 'a)', ...}]}."""
    node: Node = {}
    for block in content:
        if block.get("type") == "list":
            for item in block.get("items", []):
                label = normalise_label(item.get("marker", ""))
                child = _structure_of_content(item.get("content", []))
                if label is not None:
                    node.setdefault(label, {}).update(child)
                else:
                    node.update(child)
    return node


def _insert_after(mapping: Node, after: str | None, new: list[tuple[str, Node]]) -> Node:
    """A copy of ``mapping`` with ``new`` entries placed after key ``after`` (at the end when it is absent)."""
    items = list(mapping.items())
    position = len(items)
    if after is not None and after in mapping:
        position = [k for k, _ in items].index(after) + 1
        # after 'b', skip already inserted 'ba', 'bb' so a second insertion lands behind them
        while position < len(items) and items[position][0].startswith(after) and items[position][0] != after:
            position += 1
    return dict(items[:position] + new + items[position:])


def _next_inserted(mapping: Node, after: str) -> str:
    """The next free inserted number after ``after``: '1' -> '1a', then '1b' ..."""
    for letter in "abcdefghi":
        if after + letter not in mapping:
            return after + letter
    raise SystemExit(f"no free inserted number after {after!r}")


def apply_amendments(articles: dict[str, Node], annexes: dict[str, Node], path: Path) -> tuple[list[str], str]:
    """Apply the structural effect of each instruction; return the deleted provisions and the document's name."""
    data = json.loads(path.read_text(encoding="utf-8"))
    deleted: list[str] = []
    for amendment in data["amendments"]:
        target = amendment["target"]
        operation = amendment["operation"]
        scope = amendment.get("scope", {})
        anchor = scope.get("anchor", "") or ""
        if "annex" in target:
            number = target["annex"]
            if "newAnnex" in amendment:
                new = amendment["newAnnex"]
                annexes[number] = {"points": _structure_of_content(new.get("content", []))} if new else {}
            continue  # deletions/additions in Annexes I and VIII: handled by --corrections (no list anchors)
        number = _article_key(target["article"])
        if "newArticle" in amendment:
            articles[number] = _article_from_new(amendment["newArticle"])
            continue
        article = articles.setdefault(number, {})
        match = re.match(r"^lid-(?P<lid>[0-9]+[a-z]?)(?:-(?P<point>[a-z]+|aanhef))?$", anchor)
        point_match = re.match(r"^punt-(?P<point>[0-9a-z]+)$", anchor)
        paragraphs: Node = article.setdefault("paragraphs", {})
        if operation == "delete" and match and not match.group("point"):
            paragraphs.pop(match.group("lid"), None)
            deleted.append(f"{number}({match.group('lid')})")
            continue
        if "newParagraphs" in amendment:
            base = match.group("lid") if match else None  # 'lid 1 bis' and 'lid 1 ter' follow paragraph 1
            after = base
            for paragraph in amendment["newParagraphs"]:
                if paragraph.get("number"):
                    label = str(paragraph["number"])
                elif base is not None:
                    label = _next_inserted(paragraphs, base)
                else:
                    raise SystemExit(f"amendment {amendment['seq']}: a new paragraph without a number or anchor")
                node = _structure_of_content(paragraph.get("content", []))
                if operation == "add" or after is None:
                    paragraphs[label] = node
                else:
                    article["paragraphs"] = paragraphs = _insert_after(paragraphs, after, [(label, node)])
                    after = label
            continue
        if "newItems" in amendment:
            if point_match:  # Art. 3 (definitions) and Art. 113 (third subparagraph): points, no paragraphs
                container = article.setdefault("points", {})
                after = point_match.group("point")
            elif match:
                container = paragraphs.setdefault(match.group("lid"), {})
                after = match.group("point")
            else:
                raise SystemExit(f"amendment {amendment['seq']}: no anchor for new points")
            new = [
                (label, _structure_of_content(item.get("content", [])))
                for item in amendment["newItems"]
                if (label := normalise_label(item.get("marker", ""))) is not None
            ]
            merged = _insert_after(container, after, new)
            container.clear()
            container.update(merged)
            continue
        if operation == "replace" and "newContent" in amendment:
            # A replaced paragraph or point takes the points of its new text; where the new text has none
            # (often only one subparagraph is replaced), the points it had stay.
            structure = _structure_of_content(amendment["newContent"])
            if match and match.group("point") not in (None, "aanhef"):
                container = paragraphs.setdefault(match.group("lid"), {})
                if structure:
                    container[match.group("point")] = structure
            elif point_match:
                points = article.setdefault("points", {})
                if structure:
                    points[point_match.group("point")] = structure
            elif match and structure:
                paragraphs[match.group("lid")] = structure
        if not paragraphs:
            article.pop("paragraphs")
    return deleted, str(data.get("meta", {}).get("document", path.name))


def _article_from_new(new: dict[str, Any]) -> Node:
    paragraphs: Node = {}
    for paragraph in new.get("paragraphs", []):
        label = str(paragraph.get("number")) if paragraph.get("number") else None
        node = _structure_of_content(paragraph.get("content", []))
        if label is None:
            return {"points": node} if node else {}
        paragraphs[label] = node
    if paragraphs:
        return {"paragraphs": paragraphs}
    points = _structure_of_content(new.get("content", []))
    return {"points": points} if points else {}


def apply_corrections(
    articles: dict[str, Node], annexes: dict[str, Node], path: Path, deleted: list[str]
) -> list[dict[str, str]]:
    """Corrections read in the consolidated text of 27 July 2026 where the instructions have no list anchors.

    Each entry: {"unit": "bijlage VIII", "section": "B", "remove": ["7", "9"], "add": [],
    "deleted": ["bijlage VIII, afdeling B, punt 7"], "reason": "..."}. ``remove``/``add`` change the
    points of the section (or of the unit, without ``section``); ``deleted`` is what the check reports
    as deleted (geschrapt).
    """
    corrections = json.loads(path.read_text(encoding="utf-8"))
    for correction in corrections:
        kind, _, number = correction["unit"].partition(" ")
        unit = (articles if kind == "artikel" else annexes).setdefault(number, {})
        section = correction.get("section")
        points: Node = (
            unit.setdefault("sections", {}).setdefault(section, {}) if section else unit.setdefault("points", {})
        )
        for label in correction.get("remove", []):
            points.pop(label, None)
        for label in correction.get("add", []):
            points.setdefault(label, {})
        if section:  # the points of a reference without a section: the union of all sections again
            union: Node = {}
            for part in unit["sections"].values():
                _merge(union, part)
            unit["points"] = union
        deleted.extend(correction.get("deleted", []))
    return [{"unit": c["unit"], "reason": c["reason"]} for c in corrections]


def _drop_empty(units: dict[str, Node]) -> None:
    for unit in units.values():
        for key in ("paragraphs", "points"):
            if key in unit and not unit[key]:
                del unit[key]


def _sort_key(key: str) -> tuple[int, str]:
    match = re.match(r"^(\d+)(.*)$", key)
    return (int(match.group(1)), match.group(2)) if match else (10_000, key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--consolidated", type=Path, required=True, help="EUR-Lex consolidated HTML (Dutch)")
    parser.add_argument("--oj", type=Path, required=True, help="the OJ HTML (Dutch), for the recitals")
    parser.add_argument("--amendments", type=Path, help="Regulation (EU) 2026/1744 as structured JSON")
    parser.add_argument("--corrections", type=Path, help="corrections from the consolidated text of 27 July 2026")
    parser.add_argument("--source-note", required=True, help="where the inputs come from (repo, commit, path)")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)

    articles, annexes, reference = parse_consolidated(args.consolidated)
    deleted: list[str] = []
    amended_by = None
    if args.amendments:
        deleted, amended_by = apply_amendments(articles, annexes, args.amendments)
    corrections = apply_corrections(articles, annexes, args.corrections, deleted) if args.corrections else []
    _drop_empty(articles)
    _drop_empty(annexes)
    recitals = count_recitals(args.oj)

    document = {
        "about": (
            "Structure (numbers only) of Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744, "
            "consolidated version of 27 July 2026. Generated by tools/build_article_structure.py; do not edit by "
            "hand, change the inputs or the corrections file and regenerate."
        ),
        "version": "02024R1689-20260727",
        "generated": date.today().isoformat(),
        "source": {
            "note": args.source_note,
            "consolidated": f"{args.consolidated.name}: {reference}",
            "oj": args.oj.name,
            "amendments": f"{args.amendments.name} ({amended_by})" if args.amendments else None,
            "corrections": corrections,
        },
        "recitals": {"first": 1, "last": recitals},
        "deleted": deleted,
        "articles": {key: articles[key] for key in sorted(articles, key=_sort_key)},
        "annexes": annexes,
    }
    args.output.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(articles)} articles, {len(annexes)} annexes, recitals 1-{recitals}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
