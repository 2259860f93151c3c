"""CLI: ``geletterdheid serve`` (site and API) and ``geletterdheid links`` (personal links for HR)."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..content import catalog_or_exit
from ..dutch import count, iso_date_argument
from ..records.command_support import database_errors_handled
from ..records.errors import RecordsError
from ..records.location import ENV_VAR, default_database_path
from ..reports.spreadsheet import DIALECTS
from .settings import (
    HR_TOKEN_ENV,
    MAX_LINK_DAYS,
    SECRET_ENV,
    SSO_FIELDS,
    TRAINER_TOKEN_ENV,
    ServerSettings,
    resolve_settings,
    secret_fingerprint,
)

if TYPE_CHECKING:
    from .http_stack import HttpStack


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
    from ..reports.training import training_settings
    from .app import create_app
    from .graceful import GracefulServer
    from .http_stack import http_stack
    from .slow_clients import KEEP_ALIVE_TIMEOUT, request_timeout_protocol

    settings = resolve_settings(
        config=args.config,
        site=args.site,
        db=args.db,
        sso=args.sso,
        sso_header=args.sso_header,
        toets_per_day=args.toets_per_dag,
        toets_cooldown_minutes=args.toets_wachttijd,
        toets_valid_minutes=args.toets_geldig,
        trainer_folder=args.trainer_map,
        sso_field=args.sso_veld,
    )
    settings = _with_project_gemeente(settings, getattr(args, "project", None))
    if not (settings.site / "index.html").is_file():
        raise RecordsError(
            f"geen gebouwde website in {settings.site}; draai eerst 'geletterdheid build' of geef --site MAP"
        )
    catalog = catalog_or_exit(args.root)
    training = training_settings(getattr(args, "project", None), catalog)
    store = Store.open(settings.db, busy_timeout=settings.db_timeout)
    try:
        replaced = store.register_link_secret(
            secret_fingerprint(settings.secret), settings.secret_source, dt.datetime.now(dt.UTC)
        )
        if replaced:
            print(
                "Let op: deze server gebruikt een ander geheim voor persoonlijke links dan de vorige keer; "
                "links die met het oude geheim zijn gemaakt, werken niet meer. Maak nieuwe met 'geletterdheid links'."
            )
        app = create_app(settings, catalog, store, training)
        sock = _listen(args.host, args.port)
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        print(f"Server draait op http://{shown}:{port}/ (website: {settings.site}, database: {store.location}).")
        print(
            "Eenmalige aanmelding (SSO): "
            + (
                f"aan, header {settings.sso_header} ({settings.sso_field})."
                if settings.sso_header
                else "uit; medewerkers gebruiken hun persoonlijke link."
            )
        )
        print(
            "HR-export: "
            + ("aan (/api/export.csv en /api/export.xlsx)." if settings.hr_token else f"uit; stel {HR_TOKEN_ENV} in.")
        )
        print(mode_line(settings))
        print(
            f"Mijn voortgang: /mijn-voortgang/; certificaten van {settings.gemeente}, "
            f"controleren op /verifieer/; HR-pagina: /hr/."
        )
        stack = http_stack()
        print(stack_line(stack))
        print("Stoppen: Ctrl+C (of SIGTERM).", flush=True)
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=args.toegangslog,
            server_header=False,
            lifespan="on",
            # SIGTERM and Ctrl+C: stop accepting, let running requests finish (at most this long),
            # then the lifespan's end stores what the recorder still holds.
            timeout_graceful_shutdown=10,
            http=request_timeout_protocol(stack.protocol, settings.header_timeout, settings.body_timeout),
            loop=stack.loop,
            timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
            # X-Forwarded-For/-Proto count only from the reverse proxy: the client's address for
            # the rate limit, https for the cookie's Secure flag.
            proxy_headers=True,
            forwarded_allow_ips=args.proxy or ["127.0.0.1", "::1"],
        )
        # Everything made so far (the catalog, the application, the modules) lives as long as the
        # server: out of the collector's sight, a full collection no longer walks it. It walked some
        # 115,000 objects, a 50 ms pause of every request every few seconds under load (the p99 of
        # bench_server.py's toets run); now its pauses are under a millisecond.
        gc.collect()
        gc.freeze()
        GracefulServer(config).run(sockets=[sock])
    finally:
        store.close()
    print("Server gestopt.")
    return 0


def stack_line(stack: HttpStack) -> str:
    """Which HTTP implementation serves (http_stack.py): the fast one, or a warning."""
    if stack.fast:
        return f"HTTP: {stack.http}."
    return (
        f"Let op: httptools ontbreekt; de server werkt, maar trager (HTTP: {stack.http}). "
        "Installeer geletterdheid opnieuw met pip."
    )


def mode_line(settings: ServerSettings) -> str:
    """What the served site is: a toets site (with its rules) or a practice site, which sends nothing."""
    from ..site_mode import TOETS, read_site_mode

    if read_site_mode(settings.site) != TOETS:
        return (
            "Let op: dit is een oefensite (gebouwd zonder --resultaten-url). Die stuurt geen resultaten; "
            "bouw met --resultaten-url /api/pogingen voor de toets."
        )
    rules = settings.toets
    per_day = f"{rules.per_day} per toets per dag" if rules.per_day else "onbeperkt"
    wait = rules.cooldown // dt.timedelta(minutes=1)
    valid = rules.valid_for // dt.timedelta(minutes=1)
    trainer = "aan (/trainer/)" if settings.trainer_token or settings.hr_token else f"uit; stel {TRAINER_TOKEN_ENV} in"
    return (
        f"Toetssite: pogingen {per_day}, {wait} minuten wachten na een poging, een poging is {valid} minuten "
        f"geldig. Trainershandboeken: {trainer}."
    )


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
    from .links import HEADER, check_base_url, check_days, check_same_secret, link_rows, personal_links

    settings = resolve_settings(config=args.config, db=args.db)
    days = check_days(settings.link_days if args.geldig_dagen is None else args.geldig_dagen, MAX_LINK_DAYS)
    check_base_url(args.basis_url)
    wanted = list(dict.fromkeys((args.medewerker or []) + (args.opnieuw or [])))
    with Store.open(settings.db) as store:
        check_same_secret(secret_fingerprint(settings.secret), settings.secret_source, store.link_secret())
        employees = store.employees(args.afdeling)
        if wanted:
            known = {employee.id: employee for employee in employees}
            unknown = [employee_id for employee_id in wanted if employee_id not in known]
            if unknown:
                raise RecordsError(f"onbekende medewerker(s): {', '.join(unknown)}")
            employees = [known[employee_id] for employee_id in wanted]
        if not employees:
            raise RecordsError(
                "geen medewerkers gevonden; importeer eerst de personeelslijst (geletterdheid roster import)"
            )
        renewed = list(dict.fromkeys(args.opnieuw or []))
        versions = store.key_versions()
        # The new links carry the next version; the store raises it only once they are written,
        # so a file that cannot be written leaves the employee's current link working.
        versions.update({employee_id: versions.get(employee_id, 0) + 1 for employee_id in renewed})
        dialect = DIALECTS[args.dialect]
        links = personal_links(employees, settings.secret, args.basis_url, days, key_versions=versions)
        with open_output(args.out, dialect) as stream:
            write_rows(stream, dialect, HEADER, link_rows(links))
        for employee_id in renewed:
            store.renew_key_version(employee_id)
    if renewed:
        print(
            f"Eerdere links van {', '.join(renewed)} werken niet meer "
            "(binnen een halve minuut; aanmelden met een oude link kan meteen niet meer).",
            file=sys.stderr,
        )
    if args.out is not None:
        written = count(len(employees), "persoonlijke link", "persoonlijke links")
        print(f"{written} geschreven naar {args.out}; geldig {days} dagen.")
    return 0


@database_errors_handled
def cmd_reminders(args: argparse.Namespace) -> int:
    from ..records.reminder_lists import record_reminder_list
    from ..records.store import Store
    from ..records.times import LOCAL_ZONE
    from ..reports import reminders
    from ..reports.completion import completions, today_here
    from ..reports.training import training_settings
    from .links import personal_links

    suffix = args.out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise RecordsError(f"{args.out}: kies een bestand dat eindigt op .csv of .xlsx")
    catalog = catalog_or_exit(args.root)
    training = training_settings(getattr(args, "project", None), catalog)
    day = args.voor or today_here()
    settings = resolve_settings(config=args.config, db=args.db)
    with Store.open(settings.db) as store:
        employees = store.employees(args.afdeling)
        found = list(
            reminders.reminders(catalog, completions(catalog, employees, store.module_progress(), training, day))
        )

    link_of = None
    if args.basis_url:
        days = args.geldig_dagen or settings.link_days
        links = {
            link.employee.id: (link.url, link.expires.astimezone(LOCAL_ZONE).date())
            for link in personal_links([r.employee for r in found], settings.secret, args.basis_url, days)
        }
        link_of = lambda employee: links[employee.id]  # noqa: E731
    if suffix == ".xlsx":
        reminders.write_xlsx(args.out, found, link_of)
    else:
        reminders.write_csv(args.out, DIALECTS[args.dialect], found, link_of)
    # Written: now it is a measure taken (the evidence dossier lists it); sending the mails is the gemeente's.
    with Store.open(settings.db) as store:
        record_reminder_list(store, day, len(found), args.afdeling)
    if not employees:
        _complain(
            "Let op: geen medewerkers gevonden; importeer eerst de personeelslijst (geletterdheid roster import)."
        )
    print(
        f"{args.out}: {count(len(found), 'medewerker', 'medewerkers')} met open verplichte modules op "
        f"{day.isoformat()}" + (", met persoonlijke link." if link_of else "; geen links (geef --basis-url).")
    )
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
        f"{SECRET_ENV} (ondertekent persoonlijke links), {HR_TOKEN_ENV} (HR-export) en "
        f"{TRAINER_TOKEN_ENV} (trainershandboeken).",
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
        "--sso-veld",
        choices=SSO_FIELDS,
        help="welk veld uit de personeelslijst in die header staat (standaard: medewerker_id)",
    )
    serve.add_argument(
        "--proxy",
        action="append",
        metavar="ADRES",
        help="adres van de reverse proxy wiens X-Forwarded-For en X-Forwarded-Proto tellen "
        "(standaard: 127.0.0.1 en ::1; mag vaker)",
    )
    serve.add_argument(
        "--toegangslog", action="store_true", help="log elk verzoek (standaard uit: minder persoonsgegevens)"
    )
    serve.add_argument(
        "--toets-per-dag",
        type=int,
        metavar="N",
        help="zoveel pogingen per toets per medewerker per dag (0: onbeperkt; standaard: 3)",
    )
    serve.add_argument(
        "--toets-wachttijd",
        type=int,
        metavar="MINUTEN",
        help="zoveel minuten wachten na een ingeleverde poging voor de volgende begint (standaard: 10)",
    )
    serve.add_argument(
        "--toets-geldig",
        type=int,
        metavar="MINUTEN",
        help="zoveel minuten kan een begonnen poging worden ingeleverd; daarna vervalt hij (standaard: 120)",
    )
    serve.add_argument(
        "--trainer-map",
        type=Path,
        metavar="MAP",
        help="map met de trainershandboeken (trainer-*.pdf) voor /trainer/ (standaard: pdf naast de website)",
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
        help="adres van de website, met https://, bijvoorbeeld https://leren.gemeente.nl/",
    )
    links.add_argument(
        "--geldig-dagen",
        type=int,
        metavar="DAGEN",
        help=f"hoe lang een link werkt: 1 tot {MAX_LINK_DAYS} dagen (standaard: 180)",
    )
    links.add_argument("--medewerker", action="append", metavar="ID", help="alleen deze medewerker (mag vaker)")
    links.add_argument(
        "--opnieuw",
        action="append",
        metavar="ID",
        help="nieuwe link voor deze medewerker; eerdere links van hem of haar werken niet meer (mag vaker)",
    )
    links.add_argument("--afdeling", metavar="NAAM", help="alleen deze afdeling")
    links.add_argument("--out", type=Path, metavar="BESTAND", help="schrijf naar dit bestand (standaard: scherm)")
    links.add_argument(
        "--dialect", choices=list(DIALECTS), default="excel-nl", help="CSV-dialect (standaard: excel-nl)"
    )
    links.set_defaults(func=cmd_links)

    reminder = subparsers.add_parser(
        "herinneringen",
        parents=[common],
        help="lijst voor een herinneringsmail: wie nog verplichte modules open heeft (CSV of XLSX)",
        description="Een rij per medewerker met open verplichte modules: naam, e-mail, afdeling, de open "
        "modules, de deadline en (met --basis-url) de persoonlijke link. Klaar voor samenvoegen in Word of Outlook.",
    )
    reminder.add_argument("--out", type=Path, required=True, metavar="BESTAND", help="lijst.csv of lijst.xlsx")
    reminder.add_argument(
        "--voor",
        type=iso_date_argument,
        metavar="DATUM",
        help="wat er op deze dag open staat (JJJJ-MM-DD; standaard: vandaag), dus ook wat tot dan verloopt",
    )
    reminder.add_argument("--afdeling", metavar="NAAM", help="alleen deze afdeling")
    reminder.add_argument(
        "--basis-url", metavar="URL", help="adres van de website: zet dan een persoonlijke link in elke rij"
    )
    reminder.add_argument("--geldig-dagen", type=int, metavar="DAGEN", help="hoe lang een link werkt (standaard: 180)")
    reminder.add_argument(
        "--dialect", choices=list(DIALECTS), default="excel-nl", help="CSV-dialect (standaard: excel-nl)"
    )
    reminder.set_defaults(func=cmd_reminders)
