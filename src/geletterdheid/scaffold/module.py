"""``geletterdheid new module``: a module file and its quiz, as skeletons that pass ``check``.

Every text the author must write is a placeholder starting with ``INVULLEN`` (content/placeholders_left.py):
valid content, so the new module can be previewed at once, and named by ``check`` and ``build`` as
"Let op" until it is replaced. Guidance that never goes live is in comments (``#`` in YAML, ``%``
in MyST). Nothing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..content.load import MODULES_DIR, QUIZZES_DIR
from ..content.model import Catalog
from ..content.placeholders_left import MARK
from ..content.plain_text import markup_in
from ..errors import UserError

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SLUG_LENGTH = 40


class ScaffoldError(UserError):
    """A module that cannot be made as asked: one ``Fout:`` line per reason, and that nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(f"Fout: {problem}" for problem in problems) + "\nNiets geschreven.")

    def user_message(self) -> str:
        return str(self)


@dataclass(frozen=True)
class NewModule:
    module_id: str
    title: str
    roles: tuple[str, ...]
    topic: str


@dataclass(frozen=True)
class Written:
    module: Path
    quiz: Path


def slug(title: str) -> str:
    """'Chatbots in de dienstverlening' -> 'chatbots-in-de-dienstverlening' (ASCII, at most 40 characters)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > SLUG_LENGTH:
            break
        result = candidate
    if not result and words:  # one word longer than the limit
        result = words[0][:SLUG_LENGTH]
    return result


def problems_with(new: NewModule, catalog: Catalog, target: Path) -> list[str]:
    """Why ``new`` cannot be written into ``target`` (its modules/ and quizzes/), in Dutch; empty if it can."""
    problems = []
    if not _ID.match(new.module_id):
        problems.append(
            f"ongeldige id '{new.module_id}': gebruik kleine letters, cijfers en '-', bijvoorbeeld m17 "
            "(of t01 in een gemeente-project)"
        )
    existing = catalog.module_paths.get(new.module_id) or catalog.left_out.get(new.module_id)
    if existing is not None:
        problems.append(f"module-id '{new.module_id}' bestaat al ({existing.name}); kies een andere id")
    if not new.title.strip():
        problems.append("--titel mag niet leeg zijn")
    elif "\n" in new.title or (found := markup_in(new.title)) is not None:
        problems.append(f"--titel is gewone tekst op één regel, geen Markdown{f': haal {found} weg' if found else ''}")
    for role in new.roles:
        if role not in catalog.roles:
            problems.append(f"onbekende rol '{role}'; bekend zijn: {', '.join(catalog.roles)}")
    if new.topic not in catalog.topics:
        problems.append(f"onbekend onderwerp '{new.topic}'; bekend zijn: {', '.join(catalog.topics)}")
    if not problems:
        for path in (_module_path(new, target), _quiz_path(new, target)):
            if path.exists():
                problems.append(f"{path} bestaat al; 'geletterdheid new' schrijft nooit over een bestand heen")
        for other in sorted((target / MODULES_DIR).glob(f"{new.module_id}-*.md")):
            if other != _module_path(new, target):
                problems.append(f"{other} bestaat al met deze id; kies een andere id")
    return problems


def _module_path(new: NewModule, target: Path) -> Path:
    return target / MODULES_DIR / f"{new.module_id}-{slug(new.title) or 'module'}.md"


def _quiz_path(new: NewModule, target: Path) -> Path:
    return target / QUIZZES_DIR / f"{new.module_id}.yaml"


def _yaml_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted string


def module_text(new: NewModule, level: str, today: dt.date) -> str:
    title = " ".join(new.title.split())
    return f"""---
id: {new.module_id}                      # vaste id; verandert nooit (HR-gegevens verwijzen ernaar)
titel: {_yaml_text(title)}
samenvatting: "{MARK}: één of twee zinnen over wat je in deze module leert (gewone tekst, geen Markdown)."
rollen: [{", ".join(new.roles)}]
onderwerp: {new.topic}
duur_minuten: 20                # de studietijd in minuten, met de toets: pas aan
niveau: {level}                 # bewust | bekwaam | vloeiend | expert
leerdoelen:                     # wat je na de module kunt; gewone tekst
  - "{MARK}: Je legt uit wanneer ..."
  - "{MARK}: Je herkent ..."
artikelen: []                   # bepalingen van de AI-verordening waar de module op rust, bv. ["4", "50(1)"]
vereist: []                     # modules die je eerst moet volgen, bv. [m01]
laatst_gecontroleerd: {today.isoformat()}   # de datum waarop je de inhoud aan de wet toetste
---

# {title}

% Nog te doen (regels met % staan niet op de site):
% - Vervang elke tekst die met {MARK} begint; 'geletterdheid check' noemt ze tot ze weg zijn.
% - Noem bij elke wettelijke regel het artikel met {{artikel}}`...`, en een datum of bedrag met {{wet}}`...`.
% - Zet de artikelen ook in 'artikelen' hierboven.
% - Schrijf de toets in quizzes/{new.module_id}.yaml.
% - De kaart, de toets en de forumlink zet de bouw zelf op de pagina.
% - Bekijk het resultaat met 'geletterdheid preview'.

{MARK}: waarom dit onderwerp ertoe doet voor een medewerker van de gemeente, in twee of drie zinnen.

## Wat zegt de wet?

{MARK}: de regels die gelden, elk met zijn artikel, bijvoorbeeld {{artikel}}`4`.

## Wat betekent dit voor jouw werk?

{MARK}: een voorbeeld uit het werk van de gemeente, en wat je dan doet.
"""


def quiz_text(new: NewModule) -> str:
    qid = new.module_id
    return f"""# De toets bij module {qid}. Zie de README, "Een toets schrijven".
# Elke vraag heeft een vaste id ({qid}-q01, {qid}-q02, ...), die nooit verandert.
module: {qid}
drempel: 70                 # slaaggrens in procenten
vragen:
  - id: {qid}-q01
    type: enkelvoudig       # enkelvoudig | meervoudig | juist-onwaar
    casus: "{MARK}: een situatie uit het werk (mag Markdown, ook {{artikel}}`4`)."
    vraag: "{MARK}: wat doe je in deze situatie?"
    opties:
      a: "{MARK}: het goede antwoord"
      b: "{MARK}: een antwoord dat veel mensen geven, maar dat niet klopt"
    juist: a                # bij meervoudig een lijst, bv. [a, c]
    uitleg: "{MARK}: waarom a klopt, met het artikel."
    artikelen: []           # bv. ["4"]
  - id: {qid}-q02
    type: juist-onwaar
    vraag: "{MARK}: een stelling over de module."
    opties:                 # bij juist-onwaar altijd precies deze twee
      juist: Juist
      onjuist: Onjuist
    juist: onjuist
    uitleg: "{MARK}: waarom de stelling niet klopt."
    artikelen: []
"""


def write_module(new: NewModule, catalog: Catalog, target: Path, today: dt.date | None = None) -> Written:
    """Write the module and its quiz into ``target``; raise :class:`ScaffoldError` (nothing written) if not allowed."""
    problems = problems_with(new, catalog, target)
    if problems:
        raise ScaffoldError(problems)
    level = catalog.roles[new.roles[0]].level
    written = Written(_module_path(new, target), _quiz_path(new, target))
    for path, text in (
        (written.module, module_text(new, level, today or dt.date.today())),
        (written.quiz, quiz_text(new)),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:  # "x": never over a file that appeared meanwhile
            file.write(text)
    return written
