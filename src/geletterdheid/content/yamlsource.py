"""YAML and front-matter reading that remembers the line of every value.

PyYAML's composed node tree carries marks; we walk it once to build plain Python data and a
map from each location (a tuple of keys and indexes) to its 1-based line, so validation
errors can point editors at the exact line.

Content files are plain data, so some YAML features are refused with their line rather than
expanded: anchors and aliases (``&a`` / ``*a``: nine nested aliases of nine items are a billion
values, the "billion laughs" that made ``check`` use 4 GB, and an alias inside its own anchor
never ends) and merge keys (``<<``). A value YAML cannot construct, such as the date
2026-02-30, is reported at its line too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..problems import Problem

Loc = tuple[str | int, ...]

# libyaml's parser when present (much faster); the pure-Python one gives the same nodes and marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# One constructor for all scalars: building a loader per value was the slowest part of loading.
_scalars = yaml.SafeLoader("")


def _scalar(node: yaml.Node) -> object:
    return _scalars.construct_object(node, deep=True)


@dataclass
class LineMap:
    first_line: int
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int:
        """The line of the deepest known location that is a prefix of ``loc``."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.first_line


class YamlSyntaxError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _refuse_aliases(text: str, path: Path, line_offset: int) -> None:
    """Raise YamlSyntaxError at the first anchor or alias. Scanning is cheap (no values are built)
    and only done for text that has the characters they start with."""
    if "&" not in text and "*" not in text:
        return
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                sign = "&" if isinstance(token, yaml.AnchorToken) else "*"
                raise YamlSyntaxError(
                    Problem(
                        path,
                        token.start_mark.line + 1 + line_offset,
                        f"ankers en verwijzingen ('{sign}{token.value}') worden niet ondersteund; "
                        "schrijf de waarde uit (begint een tekst met & of *, zet hem dan tussen aanhalingstekens)",
                    )
                )
    except yaml.MarkedYAMLError:
        return  # a syntax error: compose() reports it with the right line


def _construct(
    node: yaml.Node, loc: Loc, offset: int, lines: dict[Loc, int], path: Path, problems: list[Problem]
) -> object:
    lines[loc] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                problems.append(
                    Problem(
                        path,
                        key_node.start_mark.line + 1 + offset,
                        "de samenvoegsleutel '<<' wordt niet ondersteund; schrijf de velden uit",
                    )
                )
                continue
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int, float, bool)) or key is None:
                problems.append(Problem(path, key_node.start_mark.line + 1 + offset, "een sleutel moet tekst zijn"))
                continue
            if isinstance(key, bool):
                # YAML 1.1 turns yes/no/on/off into booleans; as a key that is never what an editor means
                key = key_node.value
            key = str(key)
            if key in result:
                problems.append(Problem(path, key_node.start_mark.line + 1 + offset, f"dubbele sleutel '{key}'"))
            result[key] = _construct(value_node, loc + (key,), offset, lines, path, problems)
            lines.setdefault(loc + (key,), key_node.start_mark.line + 1 + offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, loc + (i,), offset, lines, path, problems) for i, item in enumerate(node.value)]
    try:
        return _scalar(node)
    except (ValueError, yaml.constructor.ConstructorError) as exc:
        line = node.start_mark.line + 1 + offset
        if node.tag == _TIMESTAMP_TAG:
            problems.append(Problem(path, line, f"ongeldige datum '{node.value}': {_date_reason(exc)}"))
        else:
            problems.append(Problem(path, line, f"ongeldige waarde '{node.value}'"))
        return INVALID


class _Invalid:
    """A value YAML could not construct; its problem is already reported, validation skips it."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()


def _date_reason(exc: Exception) -> str:
    text = str(exc)
    if "day is out of range" in text:
        return "die dag bestaat niet in die maand"
    if "month must be" in text:
        return "de maand moet tussen 1 en 12 liggen"
    return "gebruik de vorm JJJJ-MM-DD"


def _is_tab(text: str, exc: yaml.MarkedYAMLError) -> bool:
    mark = exc.problem_mark
    if mark is None:
        return False
    if "tab" in (exc.problem or ""):
        return True
    lines = text.splitlines()
    return mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t"


def parse_yaml(text: str, path: Path, line_offset: int = 0) -> tuple[object, LineMap, list[Problem]]:
    """Parse YAML text; ``line_offset`` is the number of lines before ``text`` in its file."""
    _refuse_aliases(text, path, line_offset)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct starts (e.g. an unclosed '['); the problem
        # mark is where the parser gave up, often a line later. Editors need the former.
        mark = exc.context_mark or exc.problem_mark
        detail = exc.problem or exc.context or "onleesbaar"
        if _is_tab(text, exc):  # the tab itself, not the value before it, is what the editor must change
            mark, detail = exc.problem_mark, "gebruik spaties, geen tabs"
        elif detail.startswith("mapping values are not allowed"):
            detail = 'zet een waarde met een dubbele punt tussen aanhalingstekens (titel: "Chatbots: een inleiding")'
        last_line = max(1, len(text.splitlines()))  # "end of stream" marks point past the last line
        line = min(mark.line + 1 if mark else 1, last_line) + line_offset
        raise YamlSyntaxError(Problem(path, line, f"ongeldige YAML: {detail}")) from None
    except yaml.YAMLError as exc:  # pragma: no cover - defensive, PyYAML errors are marked
        raise YamlSyntaxError(Problem(path, 1 + line_offset, f"ongeldige YAML: {exc}")) from None
    lines = LineMap(first_line=1 + line_offset)
    problems: list[Problem] = []
    if node is None:
        return None, lines, problems
    try:
        data = _construct(node, (), line_offset, lines.lines, path, problems)
    finally:
        _scalars.constructed_objects.clear()  # the constructor caches per node; keep no nodes alive
    return data, lines, problems


def split_front_matter(text: str, path: Path) -> tuple[str, int]:
    """Return the front-matter YAML of a Markdown file and the number of lines before it."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise YamlSyntaxError(Problem(path, 1, "front matter ontbreekt: het bestand moet beginnen met een regel '---'"))
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:index]), 1
    raise YamlSyntaxError(Problem(path, 1, "front matter wordt niet afgesloten met een regel '---'"))
