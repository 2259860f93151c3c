"""``geletterdheid preview [--host 127.0.0.1] [--port 8000] [--out MAP]``."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

from ..errors import UserError

#: Inside the project (or repository) folder: the preview's own output and environment.
PREVIEW_FOLDER = Path("_build") / "voorbeeld"


class PortInUse(UserError):
    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            f"poort {port} op {host} is al in gebruik (draait de voorvertoning al?); kies een andere met --port"
        )


def _check_port(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise PortInUse(host, port) from exc


def cmd_preview(args: argparse.Namespace) -> int:
    from .rebuild import Rebuild
    from .server import serve
    from .watch import watch_plan

    base = args.project or args.root
    out = (Path(args.out) if args.out else base / PREVIEW_FOLDER).resolve()
    _check_port(args.host, args.port)
    rebuild = Rebuild(root=args.root, out=out, project=args.project)
    print("Voorvertoning bouwen (alleen wat veranderde sinds de vorige keer)...", flush=True)
    rebuild(in_worker=False)
    print(
        f"Voorvertoning op http://{args.host}:{args.port}/ ; elke keer dat je een bestand opslaat, wordt de site "
        "bijgewerkt en laadt de browser de pagina opnieuw. Stop met Ctrl+C.",
        flush=True,
    )
    serve(rebuild, watch_plan(args.root, args.project, out), args.host, args.port)
    print("Voorvertoning gestopt.", flush=True)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "preview",
        help="bekijk de website terwijl je schrijft: bijgewerkt bij elk opslaan, de browser laadt vanzelf opnieuw",
        description="Bouw de website (alleen html) en serveer hem op HOST:PORT. Elke keer dat je een module, toets, "
        "rol of gemeente.toml opslaat, bouwt de voorvertoning alleen wat veranderde en laadt de browser de pagina "
        "opnieuw. In een gemeente-project wordt het project eerst opnieuw over de basisinhoud gelegd. Niet voor "
        "publicatie: bouw daarvoor met 'geletterdheid build'.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    parser.add_argument(
        "--out", default=None, metavar="MAP", help=f"map voor de voorvertoning (standaard {PREVIEW_FOLDER})"
    )
    parser.set_defaults(func=cmd_preview)
