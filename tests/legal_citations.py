"""Which sentences of a module page state a legal rule, and whether their paragraph cites a provision.

Used by tests/test_content_legal.py and handy on its own: ``python tests/legal_citations.py``
prints the ratio per module and every paragraph or list item that has a legal sentence and no
citation.

A *legal sentence* states a duty, ban, date or fine: it has one of the cue words in ``CUE``
(moet, verplicht, verboden, mag niet, geldt vanaf, boete, a {wet} date, ...). A *block* is a
paragraph, a list item (with its indented lines), a definition (``: ...``) or a table row. A block
*cites* when it has an ``{artikel}`` role or names an artikel, overweging or bijlage. A {wet}
role counts as a citation only where ``wet_cites`` is true: since the role shows the date with the
article it comes from ("2 december 2027 (artikel 113)"), it cites that article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CUE = re.compile(
    r"\bmoet(en)?\b|\bverplicht\w*|\bverbod(en)?\b|\bmag\b[^.]{0,30}\bniet\b|\bmogen\b[^.]{0,30}\bniet\b"
    r"|\bgeld(t|en)\b[^.]{0,40}\b(vanaf|sinds|per|pas)\b|\bboetes?\b|\{wet\}|\bplicht(en)?\b"
    r"|\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d\b",
    re.IGNORECASE,
)
CITATION = re.compile(r"\{artikel\}|\bartikel(en)?\b|\boverweging(en)?\b|\bbijlage\b", re.IGNORECASE)
WET = re.compile(r"\{wet\}`[^`]*`")
WET_KEY = re.compile(r"\{wet\}`([^`]*)`")


def _full_citation_keys() -> frozenset[str]:
    """{wet} keys whose value is the rule itself (a fine, a term): the article shown cites the whole sentence."""
    import yaml

    data = yaml.safe_load((Path(__file__).resolve().parents[1] / "docs" / "wetgeving.yaml").read_text(encoding="utf-8"))
    return frozenset([*data.get("bedragen", {}), *data.get("termijnen", {})])


FULL_KEYS = _full_citation_keys()
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\"'(\[{0-9]|Ë|É)")
_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    text: str

    def sentences(self) -> list[str]:
        return [s for s in _SENTENCE_END.split(" ".join(self.text.split())) if s]


def body_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The page's lines after the front matter, with their numbers; code blocks left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        start = next(n for n in range(1, len(lines)) if lines[n].strip() == "---") + 1
    fence: str | None = None
    directives = 0  # open ```{name} blocks: their closing ``` is no code fence
    for number in range(start, len(lines)):
        line = lines[number]
        stripped = line.strip()
        if stripped == "% kenmerken":  # a {beslisboom-casus}'s kenmerken: YAML data up to the directive's end
            fence = "```"
            yield number + 1, ""
            continue
        if stripped.startswith("%") or re.match(r":[a-z_]+: ", stripped):  # a MyST comment, a directive option
            yield number + 1, ""
            continue
        if fence is not None:
            if stripped == fence:
                fence = None
            continue
        if stripped == "```" and directives:
            directives -= 1
            yield number + 1, ""
            continue
        if stripped.startswith("```{"):
            directives += 1
        elif stripped.startswith("```"):
            fence = "```"
            continue
        if stripped.startswith(("```{", ":::")) or stripped in ("```", ":::"):
            yield number + 1, ""  # a directive's own line ends a block; its content is text
            continue
        yield number + 1, line


SKIPPED_SECTIONS = ("## Bronnen",)  # a list of sources: every item is a reference, not a rule


def blocks(path: Path) -> Iterator[Block]:
    current: list[str] = []
    first = 0
    skipping = False

    def flush() -> Iterator[Block]:
        if current:
            yield Block(path, first, "\n".join(current))
        current.clear()

    for number, line in body_lines(path):
        stripped = line.strip()
        if stripped.startswith("#"):
            skipping = stripped.startswith(SKIPPED_SECTIONS)
        if skipping or not stripped or stripped.startswith("#"):
            yield from flush()
            continue
        item = _ITEM.match(line)
        new_block = (
            item is not None
            or stripped.startswith("|")
            or stripped.startswith(": ")
            or (current and current[-1].strip().startswith("|"))
        )
        if new_block:
            if stripped.startswith(": ") and current and not current[-1].strip().startswith(("|", ":")):
                # a definition: the term above it belongs to the same block
                current.append(stripped)
                continue
            yield from flush()
            if stripped.startswith("|") and set(stripped) <= set("|-: "):
                continue  # the line under a table's header
        if not current:
            first = number
        current.append(stripped)
    yield from flush()


_DATE_CUE = re.compile(
    r"\{wet\}`[^`]*`|\bgeld(t|en)\b[^.]{0,40}\b(vanaf|sinds|per|pas)\b"
    r"|\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d\b",
    re.IGNORECASE,
)


def legal_sentences(block: Block) -> list[str]:
    """The sentences that state a rule: a cue word, and not a question."""
    return [s for s in block.sentences() if CUE.search(s) and not s.rstrip(" *_)|").endswith("?")]


def states_more_than_a_date(sentence: str) -> bool:
    """Whether the sentence has a cue besides a {wet} date or 'geldt vanaf': then a {wet} alone does not cite it.

    A {wet} role shows the article its date comes from (113 for most dates); a duty or ban in the
    same sentence needs its own article.
    """
    return bool(CUE.search(_DATE_CUE.sub(" ", sentence)))


def wet_cites_sentence(text: str, sentence: str) -> bool:
    """Whether a {wet} role in ``text`` cites ``sentence``: a fine or term always, a date only a date."""
    keys = WET_KEY.findall(text)
    return any(key.strip() in FULL_KEYS for key in keys) or (bool(keys) and not states_more_than_a_date(sentence))


def block_cites(block: Block, sentence: str, *, wet_cites: bool) -> bool:
    if CITATION.search(block.text):
        return True
    return wet_cites and wet_cites_sentence(block.text, sentence)


def ratios(paths: list[Path], *, wet_cites: bool) -> dict[str, tuple[int, int, int]]:
    """Per page: (legal sentences, of which cited in the sentence, of which cited in the block)."""
    result = {}
    for path in paths:
        total = in_sentence = in_block = 0
        for block in blocks(path):
            for sentence in legal_sentences(block):
                total += 1
                cites_here = bool(CITATION.search(sentence)) or (wet_cites and wet_cites_sentence(sentence, sentence))
                in_sentence += cites_here
                in_block += block_cites(block, sentence, wet_cites=wet_cites)
        result[path.name] = (total, in_sentence, in_block)
    return result


def uncited(paths: list[Path], *, wet_cites: bool) -> Iterator[tuple[Block, str]]:
    for path in paths:
        for block in blocks(path):
            for sentence in legal_sentences(block):
                if not block_cites(block, sentence, wet_cites=wet_cites):
                    yield block, sentence


if __name__ == "__main__":
    import sys

    repo = Path(__file__).resolve().parents[1]
    paths = sorted(repo.glob("modules/*.md"))
    wet = "--wet-cites" in sys.argv
    totals = [0, 0, 0]
    for name, (total, sentence, block) in ratios(paths, wet_cites=wet).items():
        totals = [totals[0] + total, totals[1] + sentence, totals[2] + block]
        print(f"{name:45} {total:4} {sentence:4} {block:4}")
    total, sentence, block = totals
    print(f"ALL {total} legal sentences; in the sentence {sentence} ({sentence / total:.0%}); ", end="")
    print(f"in the paragraph {block} ({block / total:.0%})")
    if "-v" in sys.argv:
        for found, text in uncited(paths, wet_cites=wet):
            print(f"{found.path.name}:{found.line}: {text[:160]}")
