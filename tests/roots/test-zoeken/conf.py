"""Search fixture: a tiny content tree built with the real site's configuration (theme, Dutch search)."""

from pathlib import Path

_site_conf = Path(__file__).resolve().parents[3] / "conf.py"
exec(compile(_site_conf.read_text(encoding="utf-8"), str(_site_conf), "exec"))
