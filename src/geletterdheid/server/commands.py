"""CLI: ``geletterdheid serve`` (site and API) and ``geletterdheid links`` (personal links for HR)."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from ..content import catalog_or_exit
from ..dutch import count
from ..records.errors import RecordsError
from ..records.location import ENV_VAR, default_database_path
from ..reports.spreadsheet import DIALECTS
from .settings import HR_TOKEN_ENV, SECRET_ENV, resolve_settings


def _complain(message: str) -> None:
    print(message, file=sys.stderr)


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio switches off Nagle's algorithm (TCP_NODELAY) only for sockets
    # whose protocol says TCP; with proto 0 every answer waited ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise RecordsError(
            f"kan niet luisteren op {host}:{port}: {exc.strerror}"
            + (" (draait de server al?)" if exc.errno == 98 else "")
        ) from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..records.store import Store
    from .app import create_app

    settings = resolve_settings(
        config=args.config, site=args.site, db=args.db, sso=args.sso, sso_header=args.sso_header
    )
    settings = _with_project_gemeente(settings, getattr(args, "project", None))
    if not (settings.site / "index.html").is_file():
        raise RecordsError(
            f"geen gebouwde website in {settings.site}; draai eerst 'geletterdheid build' of geef --site MAP"
        )
    catalog = catalog_or_exit(args.root)
    store = Store.open(settings.db)
    try:
        app = create_app(settings, catalog, store)
        sock = _listen(args.host, args.port)
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        print(f"Server draait op http://{shown}:{port}/ (website: {settings.site}, database: {store.location}).")
        print(
            "Eenmalige aanmelding (SSO): "
            + (
                f"aan, header {settings.sso_header}."
                if settings.sso_header
                else "uit; medewerkers gebruiken hun persoonlijke link."
            )
        )
        print("HR-export: " + ("aan (/api/export.csv)." if settings.hr_token else f"uit; stel {HR_TOKEN_ENV} in."))
        print(
            f"Mijn voortgang: /mijn-voortgang/; certificaten van {settings.gemeente}, "
            f"controleren op /verifieer/; HR-pagina: /hr/."
        )
        print("Stoppen: Ctrl+C.", flush=True)
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=args.toegangslog,
            server_header=False,
            lifespan="on",
            timeout_graceful_shutdown=10,
        )
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        store.close()
    print("Server gestopt.")
    return 0


def _with_project_gemeente(settings, project: Path | None):
    """Certificates name the gemeente of the project being served, unless the settings file names one."""
    from dataclasses import replace

    from .settings import DEFAULT_GEMEENTE

    if settings.gemeente != DEFAULT_GEMEENTE or project is None:
        return settings
    from ..project.config import load_config

    return replace(settings, gemeente=load_config(project).name)


def cmd_links(args: argparse.Namespace) -> int:
    from ..records.store import Store
    from ..reports.spreadsheet import open_output, write_rows
    from .links import HEADER, link_rows, personal_links

    settings = resolve_settings(config=args.config, db=args.db)
    days = args.geldig_dagen or settings.link_days
    with Store.open(settings.db) as store:
        employees = store.employees(args.afdeling)
    if args.medewerker:
        known = {employee.id: employee for employee in employees}
        unknown = [employee_id for employee_id in args.medewerker if employee_id not in known]
        if unknown:
            raise RecordsError(f"onbekende medewerker(s): {', '.join(unknown)}")
        employees = [known[employee_id] for employee_id in args.medewerker]
    if not employees:
        raise RecordsError(
            "geen medewerkers gevonden; importeer eerst de personeelslijst (geletterdheid roster import)"
        )
    dialect = DIALECTS[args.dialect]
    links = personal_links(employees, settings.secret, args.basis_url, days)
    with open_output(args.out, dialect) as stream:
        write_rows(stream, dialect, HEADER, link_rows(links))
    if args.out is not None:
        written = count(len(employees), "persoonlijke link", "persoonlijke links")
        print(f"{written} geschreven naar {args.out}; geldig {days} dagen.")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="URL", default=None, help=f"database (standaard: ${ENV_VAR}, anders {default_database_path()})"
    )
    common.add_argument("--config", type=Path, metavar="BESTAND", help="instellingenbestand (TOML) van de server")

    serve = subparsers.add_parser(
        "serve",
        parents=[common],
        help="start de server: website, toetsresultaten opslaan en HR-export",
        description=f"Geheimen komen uit de omgeving of het instellingenbestand, nooit van de opdrachtregel: "
        f"{SECRET_ENV} (ondertekent persoonlijke links) en {HR_TOKEN_ENV} (HR-export).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="poort (standaard: 8000; 0 kiest een vrije poort)")
    serve.add_argument("--site", type=Path, metavar="MAP", help="de gebouwde website (standaard: _build/html)")
    serve.add_argument(
        "--sso",
        action="store_true",
        help="vertrouw de header van de SSO-proxy van de gemeente (alleen achter die proxy!)",
    )
    serve.add_argument("--sso-header", metavar="NAAM", help="naam van die header (standaard: X-Remote-User)")
    serve.add_argument(
        "--toegangslog", action="store_true", help="log elk verzoek (standaard uit: minder persoonsgegevens)"
    )
    serve.set_defaults(func=cmd_serve)

    links = subparsers.add_parser(
        "links",
        parents=[common],
        help="maak persoonlijke toetslinks voor medewerkers (CSV voor HR)",
        description="Elke link bevat een ondertekende sleutel met een vervaldatum. Wie de link opent, kan "
        "toetsen maken die op zijn of haar naam worden opgeslagen.",
    )
    links.add_argument(
        "--basis-url",
        required=True,
        metavar="URL",
        help="adres van de website, bijvoorbeeld https://leren.gemeente.nl/",
    )
    links.add_argument("--geldig-dagen", type=int, metavar="DAGEN", help="hoe lang een link werkt (standaard: 180)")
    links.add_argument("--medewerker", action="append", metavar="ID", help="alleen deze medewerker (mag vaker)")
    links.add_argument("--afdeling", metavar="NAAM", help="alleen deze afdeling")
    links.add_argument("--out", type=Path, metavar="BESTAND", help="schrijf naar dit bestand (standaard: scherm)")
    links.add_argument(
        "--dialect", choices=list(DIALECTS), default="excel-nl", help="CSV-dialect (standaard: excel-nl)"
    )
    links.set_defaults(func=cmd_links)
