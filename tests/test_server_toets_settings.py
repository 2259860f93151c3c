"""The toets's server settings: [toets] in the settings file, the serve options, the trainer token."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geletterdheid.server.settings import SettingsError, resolve_settings
from geletterdheid.server.toets import ToetsRules


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Never read or write a real user's secret, token or database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for name in ("GELETTERDHEID_GEHEIM", "GELETTERDHEID_HR_TOKEN", "GELETTERDHEID_TRAINER_TOKEN", "GELETTERDHEID_DB"):
        monkeypatch.delenv(name, raising=False)


def _file(tmp_path: Path, text: str) -> Path:
    config = tmp_path / "server.toml"
    config.write_text(text, encoding="utf-8")
    return config


def test_defaults_file_and_options(tmp_path):
    assert resolve_settings().toets == ToetsRules(3, dt.timedelta(minutes=10), dt.timedelta(minutes=120))
    config = _file(
        tmp_path,
        'site = "/srv/site/html"\ntrainer_token = "trainer-0123456789abc"\n'
        "[toets]\nper_dag = 5\nwachttijd_minuten = 0\ngeldig_minuten = 30\n",
    )
    settings = resolve_settings(config=config)
    assert settings.toets == ToetsRules(5, dt.timedelta(0), dt.timedelta(minutes=30))
    assert settings.trainer_token == "trainer-0123456789abc"
    assert settings.trainer_folder == Path("/srv/site/pdf")  # the build's pdf folder beside the site
    options = resolve_settings(config=config, toets_per_day=0, toets_valid_minutes=5, trainer_folder=Path("/t"))
    assert options.toets == ToetsRules(0, dt.timedelta(0), dt.timedelta(minutes=5))  # options win
    assert options.trainer_folder == Path("/t")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[toets]\nper_dg = 3\n", "onbekende instelling(en): toets.per_dg"),
        ("toets = 3\n", "'toets' moet een tabel zijn"),
        ("[toets]\nper_dag = -1\n", "per_dag in [toets] (--toets-per-dag) moet een heel getal van minstens 0 zijn"),
        ('[toets]\nwachttijd_minuten = "10"\n', "wachttijd_minuten in [toets]"),
        (
            "[toets]\ngeldig_minuten = 0\n",
            "geldig_minuten in [toets] (--toets-geldig) moet een heel getal van minstens 1",
        ),
        ('trainer_token = "kort"\n', "het trainerstoken (GELETTERDHEID_TRAINER_TOKEN) is te kort"),
    ],
)
def test_bad_toets_settings_are_named_in_dutch(tmp_path, text, message):
    with pytest.raises(SettingsError) as refused:
        resolve_settings(config=_file(tmp_path, text))
    assert message in str(refused.value)


def test_a_bad_serve_option_is_refused_in_dutch(tmp_path):
    with pytest.raises(SettingsError, match="moet een heel getal van minstens 1 zijn"):
        resolve_settings(toets_valid_minutes=0)
