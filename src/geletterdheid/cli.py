"""The ``geletterdheid`` command: parses arguments, calls one function, prints Dutch messages."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from pathlib import Path

from .content import Catalog, catalog_or_exit, format_problems, load_catalog
from .content.body_check import body_problems
from .content.model import dutch_date
from .dutch import count
from .errors import UserError


class PlaceholdersLeft(UserError):
    def __init__(self, found: list[str]) -> None:
        super().__init__("\n".join([*found, "Bouwen gestopt: vervang eerst de voorbeelden hierboven."]))

    def user_message(self) -> str:
        return str(self)


def _find_root(start: Path) -> Path:
    """The content root: the nearest folder upwards that holds conf.py and modules/."""
    for folder in [start, *start.parents]:
        if (folder / "conf.py").is_file() and (folder / "modules").is_dir():
            return folder
    return start


def _content_root(args: argparse.Namespace) -> Path:
    """Where the commands read content: the repository, or a gemeente project laid over the base content.

    A gemeente project (a folder with gemeente.toml, found upwards from --root or the current
    folder) is assembled first (project/assemble.py); every command then works on that tree.
    """
    from .project.config import find_project

    start = (args.root or Path.cwd()).resolve()
    args.project = find_project(start)
    # Commands that read no content (init, wijzigingen) set reads_content=False, and build --project
    # assembles the projects it names: a broken project around the current folder must not stop them.
    reads_here = getattr(args, "reads_content", True) and not getattr(args, "projects", None)
    if args.project is not None and reads_here:
        from .project.assemble import assemble

        return assemble(args.project)
    return _find_root(start)


def cmd_check(args: argparse.Namespace) -> int:
    from .content.load import link_loops

    root = args.root
    for skipped in link_loops(root):
        print(f"Let op: {skipped.format(root)}", file=sys.stderr)
    catalog, problems = load_catalog(root)
    # What the build would stop on in module texts and quiz casus/uitleg, found without building.
    problems = sorted({*problems, *body_problems(root)}, key=lambda p: (str(p.path), p.line, p.message))
    if catalog is None or problems:
        print(format_problems(problems, root), file=sys.stderr)
        return 1
    _print_notes(catalog)
    found = _placeholders(args.project, catalog)
    for message in found:
        print(f"{'Fout' if args.project else 'Let op'}: {message}", file=sys.stderr)
    if found and args.project is not None:
        print("Vervang de voorbeelden hierboven voordat je de site bouwt.", file=sys.stderr)
        return 1
    questions = sum(len(q.questions) for q in catalog.quizzes.values())
    extra = ""
    if catalog.decision_tree is not None:
        extra += f", een beslisboom met {len(catalog.decision_tree.questions)} vragen"
    if catalog.inventory is not None:
        extra += f", een AI-register met {len(catalog.inventory.systems)} systemen"
    print(
        f"In orde: {len(catalog.modules)} modules, {len(catalog.quizzes)} toetsen met {questions} vragen, "
        f"{len(catalog.roles)} rollen, {len(catalog.topics)} onderwerpen{extra}."
    )
    return 0


def _print_notes(catalog: Catalog) -> None:
    """Notes ("Let op") that do not stop a build: modules due for a legal review, placeholders of new."""
    from .content.placeholders_left import placeholders_left
    from .content.review import review_notes
    from .project.assemble import project_of

    shown_from = project_of(catalog.root) or catalog.root
    for note in [*review_notes(catalog), *placeholders_left(catalog)]:
        print(f"Let op: {note.format(shown_from)}", file=sys.stderr)


def cmd_review(args: argparse.Namespace) -> int:
    from .content.review import reviews_due

    catalog = catalog_or_exit(args.root)
    due = reviews_due(catalog)
    change = catalog.legal.last_text_change()
    if not due:
        since = f" ({dutch_date(change[1].date)})" if change else ""
        print(
            "Geen modules om te controleren: alle modules zijn gecontroleerd na de laatste wijziging van de wet"
            f"{since}."
        )
        return 0
    rows = [("module", "titel", "laatst_gecontroleerd", "waarom")]
    rows += [(item.module_id, item.title, item.last_checked.isoformat(), item.reason) for item in due]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[3])
    print(f"{count(len(due), 'module', 'modules')} om opnieuw aan de wet te toetsen (oudste eerst).")
    return 0


def _placeholders(project: Path | None, catalog: Catalog) -> list[str]:
    from .project.config import PROJECT_FILE, load_config
    from .project.placeholders import placeholders

    forum_urls = {tid: str(topic.forum_url) for tid, topic in catalog.topics.items()} if catalog.forum else {}
    if project is None:
        return placeholders(forum_urls, catalog.root, None, "")
    return placeholders(forum_urls, catalog.root, project / PROJECT_FILE, load_config(project).name)


def cmd_build(args: argparse.Namespace) -> int:
    if args.projects:
        return _build_projects(args)
    out = Path(args.out) if args.out else (args.project or Path.cwd()) / "_build"
    return _build_one(args.root, args.project, out, args)


def _build_one(
    root: Path,
    project: Path | None,
    out: Path,
    args: argparse.Namespace,
    doctrees: Path | None = None,
    fresh: bool = True,
) -> int:
    from .site_build import build_site

    catalog = catalog_or_exit(root)
    if project is not None:  # a gemeente's site does not go out with example links or name
        found = _placeholders(project, catalog)
        if found:
            raise PlaceholdersLeft(found)
    _print_notes(catalog)  # a module checked before the law changed, text still to fill in: not silently
    code = build_site(
        root, out, only=args.only, roles=args.rol, doctrees=doctrees, fresh=fresh, results_url=args.resultaten_url
    )
    if code == 0 and project is not None:
        from .base_content import base_root
        from .project.base_version import record

        record(project, base_root())  # 'geletterdheid wijzigingen' compares with this build
    return code


#: Inside ``build --project``'s output folder: the shared sources and environment.
SHARED_FOLDER = ".gedeeld"


def _build_projects(args: argparse.Namespace) -> int:
    """``build --project A --project B --out OUT``: each gemeente into ``OUT/<folder name>/``, in one process.

    What does not depend on the gemeente is done once: every gemeente is assembled in turn into one
    shared source folder (``OUT/.gedeeld/bron``), so Sphinx's environment (``OUT/.gedeeld/.doctrees``)
    carries over and only the pages that differ are read again (the gemeente's own modules and
    additions, pages made from changed Catalog parts: sphinxext/read_inputs.py). Every page is still
    written for each gemeente. One process also shares the loaded code and Typst's memo of laid-out
    content, which the gemeenten's near-identical handbooks hit.
    """
    from .project.assemble import assemble

    out = Path(args.out or "_build")
    names = [Path(project).resolve().name for project in args.projects]
    if len(set(names)) != len(names):
        raise UserError("twee projecten met dezelfde mapnaam: hun uitvoer zou in dezelfde map komen")
    if SHARED_FOLDER in names:
        raise UserError(f"een project mag niet {SHARED_FOLDER} heten: die map gebruikt de bouw zelf")
    shared = out / SHARED_FOLDER
    failed = []
    fresh = True  # the first gemeente reads everything; so does the next one after a failure
    for project in (Path(p).resolve() for p in args.projects):
        print(f"== {project.name}")
        root = assemble(project, into=shared / "bron")
        code = _build_one(root, project, out / project.name, args, doctrees=shared / ".doctrees", fresh=fresh)
        fresh = code != 0
        if code != 0:
            failed.append(project.name)
    if failed:
        print(f"Niet gelukt voor: {', '.join(failed)}.", file=sys.stderr)
        return 1
    print(f"{len(names)} gemeenten gebouwd in {out}.")
    return 0


#: Modules that add sub-commands, each with ``register(subparsers)``, and the commands each adds. One
#: line per area keeps this file thin and lets areas grow without touching each other's code. ``main``
#: imports only the module of the command it runs: importing all of them cost every start a tenth of a
#: second (a build ~3 % of its time). tests/test_cli_commands.py checks the names against ``register``.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "records.commands": ("roster", "responses", "forget"),
    "records.attempt_commands": ("attempts",),
    "records.attendance_commands": ("attendance",),
    "reports.commands": ("export", "progress", "stats"),
    "reports.dossier_commands": ("rapport",),
    "server.commands": ("serve", "links", "herinneringen"),
    "curriculum.commands": ("curriculum",),
    "project.commands": ("init", "wijzigingen"),
    "workshop.commands": ("workshop",),
    "classification.commands": ("classificeer",),
    "preview.commands": ("preview",),
    "scaffold.commands": ("new",),
    "exports.commands": ("export-lms",),
    "myst_export.commands": ("export-myst",),
}
#: The commands this file defines itself.
BUILT_IN_COMMANDS = ("check", "build", "review", "schema")


def cmd_schema(args: argparse.Namespace) -> int:
    from .content.json_schema import write_schemas

    written = write_schemas(args.root / "schema")
    print(
        f"{len(written)} schema('s) bijgewerkt in {args.root / 'schema'}." if written else "Schema's zijn al actueel."
    )
    return 0


def _command_word(argv: list[str]) -> str | None:
    """The command in ``argv``: the first word that is not an option (``--root`` takes one value)."""
    words = iter(argv)
    for word in words:
        if word == "--root":
            next(words, None)
        elif not word.startswith("-"):
            return word
        elif not word.startswith("--root="):
            return None  # -h, or an option argparse will refuse: the whole parser answers
    return None


def _modules_for(command: str | None) -> list[str]:
    """The command modules to register for ``command``: its own, or all when it is not known (help, a typo)."""
    if command in BUILT_IN_COMMANDS:
        return []
    for module, commands in COMMAND_MODULES.items():
        if command in commands:
            return [module]
    return list(COMMAND_MODULES)


def build_parser(modules: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; ``modules`` limits the command modules registered (default: all)."""
    parser = argparse.ArgumentParser(
        prog="geletterdheid",
        description="AI-geletterdheid voor gemeenten: inhoud controleren, de handleiding bouwen "
        "en resultaten bijhouden.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="map met conf.py, modules/ en quizzes/ (standaard: gevonden vanaf de huidige map)",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", required=True)

    check = sub.add_parser("check", help="controleer alle modules, toetsen, rollen en onderwerpen")
    check.set_defaults(func=cmd_check)

    build = sub.add_parser("build", help="bouw de website en de pdf-handboeken per rol")
    build.add_argument("--out", default=None, help="uitvoermap (standaard: _build in de projectmap of de huidige map)")
    build.add_argument(
        "--only",
        choices=["html", "pdf"],
        default=None,
        help="bouw alleen de website (html) of alleen de handboeken (pdf)",
    )
    build.add_argument(
        "--rol", action="append", metavar="ROL", help="bouw de handboeken alleen voor deze rol (mag vaker)"
    )
    build.add_argument(
        "--project",
        action="append",
        dest="projects",
        metavar="MAP",
        help="bouw dit gemeente-project in OUT/<mapnaam>/ (mag vaker: veel gemeenten in één keer)",
    )
    build.add_argument(
        "--resultaten-url",
        metavar="PAD",
        default=None,
        help="bouw een toetssite voor de resultatenserver (geletterdheid serve), bijvoorbeeld /api/pogingen: "
        "geen antwoorden en uitleg in de website (standaard: [resultaten] url in gemeente.toml, "
        "anders $GELETTERDHEID_RESULTATEN_URL; zonder: een oefensite)",
    )
    build.set_defaults(func=cmd_build)

    review = sub.add_parser(
        "review", help="welke modules opnieuw aan de wet getoetst moeten worden (oudste controle eerst)"
    )
    review.set_defaults(func=cmd_review)

    schema = sub.add_parser("schema", help="schrijf de JSON Schema's voor editors opnieuw naar schema/")
    schema.set_defaults(func=cmd_schema)

    for name in COMMAND_MODULES if modules is None else modules:
        importlib.import_module(f"geletterdheid.{name}").register(sub)
    return parser


#: The exit status of a Unix tool whose reader closed the pipe (killed by SIGPIPE: 128 + 13), as `yes | head`.
EXIT_BROKEN_PIPE = 141


def _reader_went_away() -> int:
    """``geletterdheid export | head``: the reader has what it wanted; end quietly, as a Unix tool does.

    Standard output goes to /dev/null so that Python's own flush at exit does not fail again
    with "Exception ignored ... BrokenPipeError"."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (captured in tests): nothing to flush there
        pass
    finally:
        os.close(devnull)
    return EXIT_BROKEN_PIPE


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(_modules_for(_command_word(words)))
    args = parser.parse_args(words)
    try:
        args.root = _content_root(args)
        code: int = args.func(args)
        sys.stdout.flush()  # here, not at exit: a reader that went away is handled below, quietly
    except UserError as exc:  # bad input or an unusable environment: the message says what to do
        print(exc.user_message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _reader_went_away()
    except Exception as exc:  # a bug, not bad input: say so in Dutch, keep the details for developers
        if os.environ.get("GELETTERDHEID_DEBUG"):
            traceback.print_exc()
        print(
            f"Interne fout ({type(exc).__name__}): {exc}. Meld dit aan de beheerders; "
            "zet GELETTERDHEID_DEBUG=1 voor details.",
            file=sys.stderr,
        )
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
