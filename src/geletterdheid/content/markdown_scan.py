"""A cheap scan of MyST Markdown for what the build would refuse, with the line it is on.

No Sphinx run: the text is read line by line, skipping code (fenced blocks, code spans, comments),
and every ``{artikel}``, ``{wet}`` and ``{doc}`` role, every link to a ``.md`` page and every image
is checked. What the scan finds is what the build stops on: an unknown article or ``{wet}`` key, a
link to a page that does not exist, an image without alternative text (the PDF handbooks must be
accessible), a ``{diagram}`` that does not exist. Pure: the caller says which pages exist.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .articles import UnknownProvision, parse_provision
from .diagrams import NAMES as DIAGRAM_NAMES
from .model import LegalFacts

#: A code span or a role: ``{name}`` directly before a backtick span makes it a role.
_SPAN = re.compile(r"(?P<role>\{(?P<name>[A-Za-z][\w:.+-]*)\})?(?P<ticks>`+)(?P<body>.+?)(?<!`)(?P=ticks)(?!`)")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\](?:\((?P<src>[^)\s]*)[^)]*\)|\[(?P<ref>[^\]]*)\])")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target><[^>]*>|[^)\s]*)[^)]*\)")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,}|:{3,})\s*(?P<info>.*)$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:.-]+)\}\s*(?P<argument>.*)$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
#: Directives whose content is not Markdown.
_CODE_DIRECTIVES = frozenset({"code", "code-block", "sourcecode", "code-cell", "math", "raw"})
_IMAGE_DIRECTIVES = frozenset({"image", "figure"})
ALT_HINT = "schrijf ![wat je ziet](bestand) zodat het handboek toegankelijk is"


@dataclass(frozen=True)
class Finding:
    """A problem at ``line`` (0-based, in the lines given); ``raw`` is the text that holds it."""

    line: int
    message: str
    raw: str


#: Whether a page exists: given the target as written (a {doc} name, or a .md path) and its kind.
PageExists = Callable[[str, str], bool]


def _markdown_lines(lines: Sequence[str], start: int) -> Iterator[tuple[int, str]]:
    """The lines from ``start`` that hold Markdown (not code, not comments), with their index;
    a directive's fence line is given too (its argument and options are checked separately)."""
    stack: list[tuple[str, bool]] = []  # (fence, is code) of the blocks we are in
    in_comment = False
    for index in range(start, len(lines)):
        line = lines[index]
        if in_comment:
            in_comment = "-->" not in line
            continue
        fence = _FENCE.match(line)
        if stack and stack[-1][1]:  # inside code: only its closing fence matters
            if fence and _closes(fence, stack[-1][0]):
                stack.pop()
            continue
        if fence:
            if stack and _closes(fence, stack[-1][0]):
                stack.pop()
                continue
            if fence.group("info").strip() or fence.group("fence")[0] != ":":
                directive = _DIRECTIVE.match(fence.group("info").strip())
                if directive is None and fence.group("fence")[0] == ":":
                    yield index, line
                    continue
                is_code = directive is None or directive.group("name") in _CODE_DIRECTIVES
                stack.append((fence.group("fence"), is_code))
                yield index, line
                continue
        stripped = line.lstrip()
        if stripped.startswith("%"):  # a MyST comment
            continue
        if stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        yield index, line


def _closes(fence: re.Match[str], opening: str) -> bool:
    closing = fence.group("fence")
    return closing[0] == opening[0] and len(closing) >= len(opening) and not fence.group("info").strip()


def _unknown_diagram(line: str) -> str | None:
    """The name of a ``{diagram}`` fence that names no diagram; else None."""
    fence = _FENCE.match(line)
    directive = _DIRECTIVE.match(fence.group("info").strip()) if fence else None
    if directive is None or directive.group("name") != "diagram":
        return None
    name = directive.group("argument").strip()
    return None if name in DIAGRAM_NAMES else name or "?"


def _image_directive_without_alt(lines: Sequence[str], index: int) -> str | None:
    """The image of an ``{image}`` or ``{figure}`` fence at ``index`` that has no ``alt`` option."""
    fence = _FENCE.match(lines[index])
    directive = _DIRECTIVE.match(fence.group("info").strip()) if fence else None
    if directive is None or directive.group("name") not in _IMAGE_DIRECTIVES:
        return None
    following = lines[index + 1 :]
    if following and following[0].strip() == "---":  # options as a YAML block
        for line in following[1:]:
            if line.strip() == "---":
                break
            if re.match(r"^\s*alt\s*:\s*\S", line):
                return None
    else:
        for line in following:
            if not line.strip().startswith(":") or _FENCE.match(line):
                break
            if re.match(r"^\s*:alt:\s*\S", line):
                return None
    return directive.group("argument").strip() or "?"


def _role_problem(name: str, body: str, legal: LegalFacts, exists: PageExists) -> str | None:
    text = body.strip()
    if name == "artikel":
        reference = text[:-1].rpartition("<")[2] if text.endswith(">") and "<" in text else text
        try:
            parse_provision(reference.strip())
        except UnknownProvision as exc:
            return f"{{artikel}}: {exc}"
        return None
    if name == "wet":
        if legal.text(text) is None:
            return f"{{wet}}: onbekende sleutel '{text}' in docs/wetgeving.yaml; bekend zijn: {', '.join(legal.keys())}"
        return None
    if name == "doc":
        target = text[:-1].rpartition("<")[2].strip() if text.endswith(">") and "<" in text else text
        if not exists(target, "doc"):
            return f"{{doc}}: pagina '{target}' bestaat niet; maak de pagina of verbeter de link"
    return None


def scan(lines: Sequence[str], legal: LegalFacts, exists: PageExists, start: int = 0) -> list[Finding]:
    """Every problem in the Markdown of ``lines`` from ``start``, in line order."""
    found: list[Finding] = []
    for index, line in _markdown_lines(lines, start):
        if _FENCE.match(line):
            source = _image_directive_without_alt(lines, index)
            if source is not None:
                found.append(Finding(index, f"afbeelding {source} heeft geen alternatieve tekst; {ALT_HINT}", line))
            name = _unknown_diagram(line)
            if name is not None:
                found.append(
                    Finding(index, f"diagram '{name}' bestaat niet; kies uit: {', '.join(DIAGRAM_NAMES)}", line)
                )
            continue
        rest = line
        for span in _SPAN.finditer(line):
            if span.group("role"):
                message = _role_problem(span.group("name"), span.group("body"), legal, exists)
                if message is not None:
                    found.append(Finding(index, message, span.group(0)))
            start_, end = span.span()
            rest = rest[:start_] + " " * (end - start_) + rest[end:]  # no links or images inside code
        for image in _IMAGE.finditer(rest):
            if not image.group("alt").strip():
                source = image.group("src") if image.group("src") is not None else f"[{image.group('ref')}]"
                found.append(
                    Finding(index, f"afbeelding {source} heeft geen alternatieve tekst; {ALT_HINT}", image.group(0))
                )
        for link in _LINK.finditer(rest):
            target = link.group("target").strip("<>")
            path = target.partition("#")[0]
            if not path or _SCHEME.match(path) or not path.endswith(".md"):
                continue
            if not exists(path, "md"):
                found.append(
                    Finding(
                        index,
                        f"link naar '{target}': die pagina bestaat niet; maak de pagina of verbeter de link",
                        link.group(0),
                    )
                )
    return found
