"""Read every content file once, validate it, and build the Catalog.

Validation never raises on bad content: it collects :class:`Problem` objects with a Dutch
message and the file and line, so ``geletterdheid check`` can report all of them at once.
"""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..problems import Problem
from ..project.assemble import INVENTORY_FILE, ORIGINS_FILE
from .articles import UnknownProvision, parse_provision
from .duties import DutyTable, check_duties
from .inventory import Features, Inventory, check_inventory
from .messages import dutch_message
from .model import ALL_STAFF_ROLE, Catalog, LegalFacts, Module, Quiz, Role, Topic, TopicFile
from .overlay import apply_project
from .plain_text import markup_in, module_plain_texts, quiz_plain_texts
from .system_modules import SystemModules, check_system_modules
from .tree import DecisionTree, check_tree
from .yamlsource import INVALID, LineMap, Loc, YamlSyntaxError, parse_yaml, split_front_matter

M = TypeVar("M", bound=BaseModel)
V = TypeVar("V")

MODULES_DIR = "modules"
QUIZZES_DIR = "quizzes"
ROLES_DIR = Path("docs") / "rollen"
TOPICS_FILE = Path("docs") / "onderwerpen.yaml"
LEGAL_FILE = Path("docs") / "wetgeving.yaml"
TREE_FILE = Path("docs") / "beslisboom.yaml"
DUTIES_FILE = Path("docs") / "plichten.yaml"
#: Which modules a system's outcome (risicoklasse, Art. 50 duties, role) adds to a learning path.
SYSTEM_MODULES_FILE = Path("docs") / "systeemmodules.yaml"
#: The repository's example inventory: read in the repository, and a start for a gemeente's own file.
EXAMPLE_INVENTORY = Path("docs") / "ai-systemen.voorbeeld.yaml"
#: The kenmerken an inventory entry has, by their YAML key: what the decision tree may read.
FEATURES: tuple[str, ...] = tuple(field.alias or name for name, field in Features.model_fields.items())


def inventory_file(root: Path) -> Path:
    """The inventory ``root`` is read with: a gemeente project's own ai-systemen.yaml (in a tree
    assembled from a project), else the repository's example. The file need not exist."""
    if (root / ORIGINS_FILE).is_file():
        return root / INVENTORY_FILE
    return root / EXAMPLE_INVENTORY


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        # utf-8-sig: a BOM, which some Windows editors write, is not part of the text
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(path, 1, "het bestand is geen UTF-8; sla het op als UTF-8"))
    except OSError as exc:
        problems.append(Problem(path, 1, f"het bestand kan niet gelezen worden: {exc.strerror}"))
    return None


def _validate(model: type[M], data: object, path: Path, lines: LineMap, problems: list[Problem]) -> M | None:
    if not isinstance(data, dict):
        problems.append(Problem(path, lines.first_line, "verwacht een lijst van velden (sleutel: waarde)"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            if error.get("input") is INVALID:  # YAML could not construct it; reported at its line already
                continue
            problems.append(Problem(path, lines.line(tuple(error["loc"])), dutch_message(error)))
        return None


def _load_yaml_file(path: Path, model: type[M], problems: list[Problem]) -> tuple[M | None, LineMap]:
    text = _read_text(path, problems)
    if text is None:
        return None, LineMap(1)
    try:
        data, lines, yaml_problems = parse_yaml(text, path)
    except YamlSyntaxError as exc:
        problems.append(exc.problem)
        return None, LineMap(1)
    problems.extend(yaml_problems)
    return _validate(model, data, path, lines, problems), lines


def _load_front_matter(path: Path, model: type[M], problems: list[Problem]) -> tuple[M | None, LineMap]:
    text = _read_text(path, problems)
    if text is None:
        return None, LineMap(1)
    try:
        yaml_text, offset = split_front_matter(text, path)
        data, lines, yaml_problems = parse_yaml(yaml_text, path, line_offset=offset)
    except YamlSyntaxError as exc:
        problems.append(exc.problem)
        return None, LineMap(1)
    problems.extend(yaml_problems)
    return _validate(model, data, path, lines, problems), lines


def _check_provisions(refs: list[str], path: Path, lines: LineMap, loc: Loc, problems: list[Problem]) -> None:
    for index, ref in enumerate(refs):
        try:
            parse_provision(ref)
        except UnknownProvision as exc:
            problems.append(Problem(path, lines.line(loc + (index,)), str(exc)))


def _find_cycles(requires: dict[str, list[str]]) -> list[list[str]]:
    """Each prerequisite cycle once, as the list of ids on it."""
    state: dict[str, int] = {}
    cycles: list[list[str]] = []
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in requires.get(node, []):
            if nxt not in requires:
                continue
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(requires):
        if node not in state:
            visit(node)
    return cycles


def _is_link_loop(path: Path) -> bool:
    if not path.is_symlink():
        return False
    try:
        path.stat()
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _files(folder: Path, pattern: str) -> list[Path]:
    """The files in ``folder`` matching ``pattern``, in name order, without symbolic links that
    lead back to themselves (see :func:`link_loops`): such a link holds no content."""
    return sorted(path for path in folder.glob(pattern) if not _is_link_loop(path))


def link_loops(root: Path) -> list[Problem]:
    """A problem for every symbolic link among the content files that leads back to itself; the
    loader skips them, ``check`` reports them as a warning."""
    root = Path(root)
    folders = ((root / ROLES_DIR, "*.md"), (root / MODULES_DIR, "*.md"), (root / QUIZZES_DIR, "*.yaml"))
    return [
        Problem(path, 1, "symbolische koppeling die naar zichzelf terugverwijst; overgeslagen (verwijder de koppeling)")
        for folder, pattern in folders
        for path in sorted(folder.glob(pattern))
        if _is_link_loop(path)
    ]


def _content_files(root: Path) -> list[Path]:
    return [
        *_files(root / ROLES_DIR, "*.md"),
        root / TOPICS_FILE,
        root / LEGAL_FILE,
        *_files(root / MODULES_DIR, "*.md"),
        *_files(root / QUIZZES_DIR, "*.yaml"),
        root / TREE_FILE,
        root / DUTIES_FILE,
        root / SYSTEM_MODULES_FILE,
        inventory_file(root),
        root / "gemeente.toml",  # in a tree assembled from a gemeente project (see content/overlay.py)
    ]


#: (path, modification time in ns, size) of every content file; None for a file that is missing.
Fingerprint = tuple[tuple[str, int | None, int | None], ...]


def _fingerprint(root: Path) -> Fingerprint:
    stamps: list[tuple[str, int | None, int | None]] = []
    for path in _content_files(root):
        try:
            stat = path.stat()
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((str(path), None, None))
    return tuple(stamps)


_cache: dict[Path, tuple[Fingerprint, tuple[Catalog | None, list[Problem]]]] = {}


def load_catalog(root: Path | str) -> tuple[Catalog | None, list[Problem]]:
    """Load and validate all content under ``root``. The Catalog is None when there are problems.

    The result is reused while no content file changed (same paths, sizes and modification
    times), so `geletterdheid build` checks the content and hands it to Sphinx with one read.
    """
    root = Path(root).resolve()
    fingerprint = _fingerprint(root)
    cached = _cache.get(root)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    result = apply_project(root, _load_catalog_uncached(root))
    _cache[root] = (fingerprint, result)
    return result


def _load_catalog_uncached(root: Path) -> tuple[Catalog | None, list[Problem]]:
    problems: list[Problem] = []

    # Roles: the folder is the taxonomy.
    roles: dict[str, Role] = {}
    role_paths: dict[str, Path] = {}
    roles_dir = root / ROLES_DIR
    if not roles_dir.is_dir():
        problems.append(Problem(roles_dir, 1, "de map met rollen ontbreekt"))
    for path in _files(roles_dir, "*.md") if roles_dir.is_dir() else []:
        if path.stem == "index":
            continue
        role, lines = _load_front_matter(path, Role, problems)
        if role is None:
            continue
        if role.id != path.stem:
            problems.append(
                Problem(
                    path, lines.line(("id",)), f"rol-id '{role.id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'"
                )
            )
            continue
        roles[role.id] = role
        role_paths[role.id] = path
    if roles_dir.is_dir() and ALL_STAFF_ROLE not in roles:
        problems.append(Problem(roles_dir, 1, f"de rol '{ALL_STAFF_ROLE}' ontbreekt: elke medewerker heeft die rol"))

    # Topics
    topics: dict[str, Topic] = {}
    topics_path = root / TOPICS_FILE
    topic_lines = LineMap(1)
    if not topics_path.is_file():
        problems.append(Problem(topics_path, 1, "het bestand met onderwerpen ontbreekt"))
    else:
        topic_file, topic_lines = _load_yaml_file(topics_path, TopicFile, problems)
        if topic_file is not None:
            for index, topic in enumerate(topic_file.topics):
                if topic.id in topics:
                    problems.append(
                        Problem(
                            topics_path,
                            topic_lines.line(("onderwerpen", index, "id")),
                            f"dubbel onderwerp-id '{topic.id}'",
                        )
                    )
                topics[topic.id] = topic

    # Legal dates, amounts and terms
    legal: LegalFacts | None = None
    legal_path = root / LEGAL_FILE
    if not legal_path.is_file():
        problems.append(Problem(legal_path, 1, "het bestand met wettelijke datums en bedragen ontbreekt"))
    else:
        legal, legal_lines = _load_yaml_file(legal_path, LegalFacts, problems)
        if legal is not None:
            for section, entries in (("datums", legal.dates), ("bedragen", legal.amounts), ("termijnen", legal.terms)):
                for key, entry in entries.items():
                    _check_provisions(entry.articles, legal_path, legal_lines, (section, key, "artikelen"), problems)

    # Modules
    modules: dict[str, Module] = {}
    module_paths: dict[str, Path] = {}
    module_lines: dict[str, LineMap] = {}
    for path in _files(root / MODULES_DIR, "*.md"):
        module, lines = _load_front_matter(path, Module, problems)
        if module is None:
            continue
        if module.id in modules:
            problems.append(
                Problem(
                    path,
                    lines.line(("id",)),
                    f"dubbele module-id '{module.id}' (ook in {module_paths[module.id].name})",
                )
            )
            continue
        modules[module.id] = module
        module_paths[module.id] = path
        module_lines[module.id] = lines
        if module.retrain_from_version is not None and module.retrain_from_version > module.version:
            problems.append(
                Problem(
                    path,
                    lines.line(("opnieuw_vanaf_versie",)),
                    f"opnieuw_vanaf_versie {module.retrain_from_version} is hoger dan de versie van de module "
                    f"({module.version}); verhoog eerst 'versie'",
                )
            )
        for index, role_id in enumerate(module.roles):
            if roles and role_id not in roles:
                problems.append(
                    Problem(
                        path,
                        lines.line(("rollen", index)),
                        f"onbekende rol '{role_id}': er is geen {ROLES_DIR / (role_id + '.md')}",
                    )
                )
        if topics and module.topic not in topics:
            problems.append(
                Problem(
                    path,
                    lines.line(("onderwerp",)),
                    f"onbekend onderwerp '{module.topic}': voeg het toe aan {TOPICS_FILE}",
                )
            )
        _check_provisions(module.articles, path, lines, ("artikelen",), problems)
        _check_plain_texts(module_plain_texts(module), path, lines, problems)
        if module.last_checked > dt.date.today():
            problems.append(
                Problem(
                    path,
                    lines.line(("laatst_gecontroleerd",)),
                    f"laatst_gecontroleerd {module.last_checked.isoformat()} ligt in de toekomst; "
                    "vul de datum in waarop je de inhoud aan de wet hebt getoetst",
                )
            )
        if module.trainer is not None:
            for index, misconception in enumerate(module.trainer.misconceptions):
                loc = ("trainer", "misverstanden", index, "artikelen")
                _check_provisions(misconception.articles, path, lines, loc, problems)
    for module_id, module in modules.items():
        path, lines = module_paths[module_id], module_lines[module_id]
        for index, required in enumerate(module.requires):
            if required == module_id:
                problems.append(
                    Problem(path, lines.line(("vereist", index)), "een module kan niet zichzelf als voorkennis hebben")
                )
            elif required not in modules:
                problems.append(
                    Problem(path, lines.line(("vereist", index)), f"onbekende module '{required}' in 'vereist'")
                )
    for cycle in _find_cycles({m.id: [r for r in m.requires if r != m.id] for m in modules.values()}):
        first = cycle[0]
        problems.append(
            Problem(
                module_paths[first],
                module_lines[first].line(("vereist",)),
                "kringverwijzing in 'vereist': " + " -> ".join(cycle),
            )
        )

    # Quizzes
    quizzes: dict[str, Quiz] = {}
    quiz_paths: dict[str, Path] = {}
    question_seen: dict[str, Path] = {}
    for path in _files(root / QUIZZES_DIR, "*.yaml"):
        quiz, lines = _load_yaml_file(path, Quiz, problems)
        if quiz is None:
            continue
        if quiz.module != path.stem:
            problems.append(
                Problem(
                    path,
                    lines.line(("module",)),
                    f"'module: {quiz.module}' moet gelijk zijn aan de bestandsnaam '{path.stem}'",
                )
            )
            continue
        if quiz.module not in modules and quiz.module not in _invalid_module_ids(root, modules):
            problems.append(Problem(path, lines.line(("module",)), f"onbekende module '{quiz.module}'"))
            continue
        _check_questions(quiz, path, lines, question_seen, problems)
        quizzes[quiz.module] = quiz
        quiz_paths[quiz.module] = path
    for module_id, path in module_paths.items():
        if module_id not in quizzes and not (root / QUIZZES_DIR / f"{module_id}.yaml").exists():
            problems.append(
                Problem(
                    path,
                    module_lines[module_id].line(("id",)),
                    f"module '{module_id}' heeft geen toets: maak {QUIZZES_DIR}/{module_id}.yaml",
                )
            )

    decision_tree, duties = _load_tree_and_duties(root, legal, problems)
    system_modules: SystemModules | None = None
    system_modules_path = root / SYSTEM_MODULES_FILE
    if system_modules_path.is_file():
        system_modules, system_modules_lines = _load_yaml_file(system_modules_path, SystemModules, problems)
        if system_modules is not None:
            found_duties = None if decision_tree is None else {step.duty for step in decision_tree.transparency}
            problems.extend(
                check_system_modules(system_modules, system_modules_lines, system_modules_path, modules, found_duties)
            )
    inventory_path = inventory_file(root)
    inventory: Inventory | None = None
    if inventory_path.is_file():
        inventory, inventory_lines = _load_yaml_file(inventory_path, Inventory, problems)
        if inventory is not None:
            problems.extend(check_inventory(inventory, inventory_lines, inventory_path, roles))

    if problems or legal is None:  # no legal facts without a problem saying why: see above
        return None, sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))
    return Catalog(
        root=root,
        modules=_in_id_order(modules),
        quizzes=_in_id_order(quizzes),
        roles=_in_id_order(roles),
        topics=_in_id_order(topics),
        legal=legal,
        module_paths=module_paths,
        quiz_paths=quiz_paths,
        role_paths=role_paths,
        decision_tree=decision_tree,
        duties=duties,
        inventory=inventory,
        inventory_path=inventory_path if inventory is not None else None,
        inventory_is_example=inventory_path == root / EXAMPLE_INVENTORY,
        system_modules=system_modules,
    ), []


def _load_tree_and_duties(
    root: Path, legal: LegalFacts | None, problems: list[Problem]
) -> tuple[DecisionTree | None, DutyTable | None]:
    """docs/beslisboom.yaml and docs/plichten.yaml, each checked; both are optional, but not one alone."""
    tree_path, duties_path = root / TREE_FILE, root / DUTIES_FILE
    tree: DecisionTree | None = None
    duties: DutyTable | None = None
    if tree_path.is_file():
        tree, tree_lines = _load_yaml_file(tree_path, DecisionTree, problems)
        if tree is not None:
            problems.extend(check_tree(tree, tree_lines, tree_path, FEATURES))
        if not duties_path.is_file():
            problems.append(Problem(tree_path, 1, f"bij de beslisboom hoort een tabel met plichten: {DUTIES_FILE}"))
    if duties_path.is_file():
        if not tree_path.is_file():
            problems.append(Problem(duties_path, 1, f"de plichten horen bij een beslisboom: {TREE_FILE} ontbreekt"))
        duties, duties_lines = _load_yaml_file(duties_path, DutyTable, problems)
        if duties is not None and tree is not None and legal is not None:
            problems.extend(
                check_duties(
                    duties,
                    duties_lines,
                    duties_path,
                    [c.id for c in tree.conclusions],
                    sorted({step.duty for step in tree.transparency}),
                    list(legal.dates),
                )
            )
    return tree, duties


def _in_id_order(items: dict[str, V]) -> dict[str, V]:
    return dict(sorted(items.items()))


def _invalid_module_ids(root: Path, valid: dict[str, Module]) -> set[str]:
    # A quiz whose module file exists but has errors of its own is not "unknown":
    # the module file's problems are already reported.
    return {p.stem for p in _files(root / MODULES_DIR, "*.md")} - set(valid)


def _text_key(text: str) -> str:
    """Question texts that a reader (or a Microsoft Forms column title) cannot tell apart."""
    return " ".join(text.casefold().split())


def _check_plain_texts(fields: Iterable[tuple[Loc, str]], path: Path, lines: LineMap, problems: list[Problem]) -> None:
    for loc, text in fields:
        found = markup_in(text)
        if found is not None:
            # The field's own name: the option key ('a') or list index says nothing to an editor.
            field = "opties" if "opties" in loc else next(p for p in reversed(loc) if isinstance(p, str))
            problems.append(
                Problem(path, lines.line(loc), f"'{field}' is gewone tekst, geen Markdown: haal {found} weg")
            )


def _check_questions(quiz: Quiz, path: Path, lines: LineMap, seen: dict[str, Path], problems: list[Problem]) -> None:
    _check_plain_texts(quiz_plain_texts(quiz), path, lines, problems)
    texts: dict[str, str] = {}  # text key -> id of the first question with that text, in this quiz
    for index, question in enumerate(quiz.questions):
        loc = ("vragen", index)
        first = texts.setdefault(_text_key(question.text), question.id)
        if first != question.id:
            # A question must stand on its own: in a Forms export the text is the column title,
            # and in the item analysis two "Wat doe je?" rows say nothing.
            problems.append(
                Problem(
                    path,
                    lines.line(loc + ("vraag",)),
                    f"vraag '{question.id}' heeft dezelfde tekst als vraag '{first}' ('{question.text.strip()}'); "
                    "maak van elke vraag een zin die op zichzelf te begrijpen is",
                )
            )
        if question.id in seen:
            problems.append(
                Problem(
                    path,
                    lines.line(loc + ("id",)),
                    f"dubbele vraag-id '{question.id}' (ook in {seen[question.id].name})",
                )
            )
        seen[question.id] = path
        if not question.correct:
            problems.append(
                Problem(path, lines.line(loc + ("juist",)), f"vraag '{question.id}' heeft geen juist antwoord")
            )
        for key_index, key in enumerate(question.correct):
            if key not in question.options:
                problems.append(
                    Problem(
                        path,
                        lines.line(loc + ("juist", key_index)),
                        f"juist antwoord '{key}' staat niet bij de opties ({', '.join(question.options)})",
                    )
                )
        if question.type in ("enkelvoudig", "juist-onwaar") and len(question.correct) > 1:
            problems.append(
                Problem(
                    path,
                    lines.line(loc + ("juist",)),
                    f"vraag '{question.id}' is {question.type} maar heeft {len(question.correct)} juiste antwoorden",
                )
            )
        if question.type == "juist-onwaar" and set(question.options) != {"juist", "onjuist"}:
            problems.append(
                Problem(
                    path,
                    lines.line(loc + ("opties",)),
                    f"vraag '{question.id}' is juist-onwaar en moet precies de opties 'juist: Juist' en "
                    f"'onjuist: Onjuist' hebben (nu: {', '.join(question.options)})",
                )
            )
        if len(set(question.correct)) != len(question.correct):
            problems.append(
                Problem(path, lines.line(loc + ("juist",)), f"vraag '{question.id}' noemt een juist antwoord twee keer")
            )
        _check_provisions(question.articles, path, lines, loc + ("artikelen",), problems)
