"""Sentence length of a module's prose, for the B1 rule of modules for all staff. Pure.

What counts (the rules, so editors know what is measured):

- the body only: no front matter, no code blocks (a fence without ``{``), no headings, no table rows
  (their cells are fragments), no definition terms (the line above ``: ...``), no "Bronnen" section,
  no comment lines (``%``), no targets (``(label)=``), and no directive lines (```` ```{naam} ````,
  ``:::``, the closing fence and option lines ``:key: value``); a directive's content is prose;
- a paragraph or a list item ends a sentence, also without a full stop;
- a sentence ends at ``.``, ``!`` or ``?`` followed by a space or a line end, not after an
  abbreviation (``bijv.``, ``art.``, ``o.a.`` ...); ``3.1`` has no space after the point and stays one word;
- a role (``{artikel}`5(1)(f)``` and ``{wet}`...```) is one word; a link counts its text;
- a word is anything with a letter or a digit between spaces.

B1: an average of at most ``MAX_AVERAGE`` words per sentence and at most ``MAX_LONG_SHARE`` of the
sentences longer than ``LONG`` words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_AVERAGE = 15.0
LONG = 25
MAX_LONG_SHARE = 0.05

ABBREVIATIONS = frozenset(
    [
        "bijv.",
        "bv.",
        "art.",
        "o.a.",
        "d.w.z.",
        "e.d.",
        "enz.",
        "nr.",
        "m.b.t.",
        "i.p.v.",
        "zgn.",
        "ca.",
        "jo.",
        "vgl.",
        "z.g.a.n.",
    ]
)
SOURCES = ("## Bronnen",)  # a list of references, not prose
_ROLE = re.compile(r"\{[\w-]+\}`[^`]*`")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_OPTION = re.compile(r"^\s*:[\w-]+:(\s|$)")
_END = re.compile(r"(?<=[.!?])[\"')\]*_]*\s+")
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    long: int  # sentences over LONG words

    @property
    def average(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        return self.long / self.sentences if self.sentences else 0.0

    @property
    def is_b1(self) -> bool:
        return self.average <= MAX_AVERAGE and self.long_share <= MAX_LONG_SHARE

    def summary(self) -> str:
        return (
            f"gemiddeld {self.average:.1f} woorden per zin (hoogstens {MAX_AVERAGE:g}), "
            f"{self.long} van {self.sentences} zinnen langer dan {LONG} woorden "
            f"({self.long_share:.0%}, hoogstens {MAX_LONG_SHARE:.0%})"
        )


def _body(text: str) -> list[str]:
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), len(lines) - 1)
        lines = lines[end + 1 :]
    return lines


def prose_blocks(text: str) -> list[str]:
    """The paragraphs and list items of a module file's body, each joined into one line."""
    blocks: list[str] = []
    current: list[str] = []
    in_code = False
    in_options = False
    in_sources = False

    def flush() -> None:
        if current:
            blocks.append(" ".join(" ".join(current).split()))
            current.clear()

    for line in _body(text):
        stripped = line.strip()
        if in_code:
            in_code = stripped != "```"
            continue
        if stripped.startswith("```") and not stripped.startswith("```{") and stripped != "```":
            flush()
            in_code = True
            continue
        if stripped.startswith(("```{", ":::")) or stripped == "```":
            flush()
            in_options = stripped != "```" and stripped != ":::"
            continue
        if in_options and _OPTION.match(line):
            continue
        in_options = False
        if stripped.startswith("#"):
            in_sources = stripped.startswith(SOURCES)
        if (
            in_sources
            or not stripped
            or stripped.startswith(("#", "|", "%", "<!--"))
            or re.fullmatch(r"\([\w-]+\)=", stripped)
        ):
            flush()
            continue
        item = _ITEM.match(line)
        if item:
            flush()
            line = line[item.end() :]
        elif stripped.startswith(": "):  # a definition: its term is a label, its text is prose
            if len(current) == 1:
                current.clear()
            flush()
            line = stripped[2:]
        current.append(line.strip())
    flush()
    return blocks


def sentences(block: str) -> list[str]:
    """The sentences of one paragraph, roles as one word each."""
    block = _LINK.sub(r"\1", _ROLE.sub("ROL", block))
    pieces = _END.split(block)
    result: list[str] = []
    for piece in pieces:
        if result and result[-1].split()[-1].lower() in ABBREVIATIONS:
            result[-1] += " " + piece
        elif piece.strip():
            result.append(piece)
    return [s for s in result if _words(s)]


def _words(sentence: str) -> int:
    return sum(1 for token in sentence.split() if _WORD.search(token))


def measure(text: str) -> Readability:
    """The figures for a module file (front matter included or not)."""
    counts = [_words(s) for block in prose_blocks(text) for s in sentences(block)]
    return Readability(sentences=len(counts), words=sum(counts), long=sum(1 for c in counts if c > LONG))


def long_sentences(text: str, over: int = LONG) -> list[tuple[int, str]]:
    """The sentences longer than ``over`` words, with their length: what to rewrite first."""
    found = [(_words(s), s) for block in prose_blocks(text) for s in sentences(block)]
    return [(n, s) for n, s in found if n > over]


def main(argv: list[str] | None = None) -> int:
    """``python -m geletterdheid.content.readability modules/m03-*.md``: the figures and the long sentences."""
    import sys
    from pathlib import Path

    for name in sys.argv[1:] if argv is None else argv:
        text = Path(name).read_text(encoding="utf-8")
        figures = measure(text)
        print(f"{name}: {figures.summary()}{'' if figures.is_b1 else ' (niet B1)'}")
        for words, sentence in long_sentences(text):
            print(f"  {words} woorden: {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
