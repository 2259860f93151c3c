"""``geletterdheid init``: the project layout, a template that loads, and nothing written over existing files."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from geletterdheid.cli import main
from geletterdheid.project import init as init_module
from geletterdheid.project.config import load_config
from geletterdheid.project.init import InvalidProjectName, ProjectExists, create_project
from geletterdheid.project.model import Governance, TrainingTerms
from geletterdheid.project.template import PLACEHOLDER_FORUM_URL

LAYOUT = [
    ".gitignore",
    "README.md",
    "aanvullingen/README.md",
    "gemeente.toml",
    "huisstijl/voorbeeld-tokens.css",
    "modules/README.md",
    "quizzes/README.md",
    "rollen/README.md",
]


def tree(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def test_init_creates_the_layout_and_the_template_loads_cleanly(tmp_path):
    target = tmp_path / "projecten" / "testdorp"  # the parent does not exist yet either
    written = create_project(target, "Gemeente Testdorp")
    assert tree(target) == LAYOUT
    assert sorted(str(path.relative_to(target)) for path in written) == LAYOUT
    assert not list(tmp_path.rglob(".*.tmp"))  # no temporary files left behind
    config = load_config(target)
    assert config.name == "Gemeente Testdorp"
    assert config.forum is not None and config.forum.base_url == PLACEHOLDER_FORUM_URL
    assert ".example/" in PLACEHOLDER_FORUM_URL  # a reserved host, so a check can tell it is not real
    assert (config.logo, config.colour, dict(config.contacts)) == (None, None, {})


def test_every_key_is_in_the_template_and_loads_when_switched_on(tmp_path):
    create_project(tmp_path / "t", "Gemeente Testdorp")
    text = (tmp_path / "t" / "gemeente.toml").read_text(encoding="utf-8")
    # Switch on every commented-out key and table header, except forum = false (it replaces [forum]).
    switched = re.sub(r"^# (\[[a-z.]+\]|(?!forum = false)[a-z_-]+ = .*)$", r"\1", text, flags=re.MULTILINE)
    (tmp_path / "t" / "gemeente.toml").write_text(switched, encoding="utf-8")
    (tmp_path / "t" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    config = load_config(tmp_path / "t")  # the example tokens file init wrote passes every check
    assert config.logo is not None and config.tokens is not None
    assert config.tokens.values["--basis-color-action-1-color-default"] == "#0b578a"
    assert config.website == "https://www.gemeente.nl" and config.colour == "#00589c"
    assert config.forum is not None and set(config.forum.per_topic) == {"generatieve-ai"}
    assert set(config.contacts) == {"ai_loket", "fg"} and set(config.footer) == {"privacy", "toegankelijkheid"}
    assert config.leave_out == ("m16",)
    assert config.training.default == TrainingTerms(dt.date(2027, 3, 31), 24)
    assert dict(config.training.per_role) == {"inkoper": TrainingTerms(dt.date(2026, 12, 31), None)}
    assert config.governance == Governance(
        "Gemeentesecretaris", "€ 40.000 per jaar (2026 en 2027)", dt.date(2027, 6, 30)
    )


def test_the_template_explains_each_key_in_dutch(tmp_path):
    create_project(tmp_path / "t", "Gemeente Testdorp")
    lines = (tmp_path / "t" / "gemeente.toml").read_text(encoding="utf-8").splitlines()
    keys = [i for i, line in enumerate(lines) if re.match(r"^(# )?[a-z_-]+ = ", line)]
    # forum, naam, logo, website, basis_url, one topic, 2 contacts, 2 footer links, kleur, tokens, weglaten,
    # deadline, geldig_maanden and one role's deadline; resultaten url; eigenaar, budget, evaluatie_datum
    assert len(keys) == 20
    for i in keys:  # the line above a key is a comment: an explanation or the key before it in a group
        assert lines[i - 1].startswith("#"), lines[i]


def test_a_name_with_quotes_is_written_as_valid_toml(tmp_path):
    name = 'Gemeente \'s-Hertogenbosch "den Bosch" \\ Súdwest-Fryslân'
    create_project(tmp_path / "t", name)
    assert load_config(tmp_path / "t").name == name
    assert name in (tmp_path / "t" / "README.md").read_text(encoding="utf-8")


def test_an_empty_existing_folder_is_fine(tmp_path):
    create_project(tmp_path, "Gemeente Testdorp")
    assert tree(tmp_path) == LAYOUT


def test_init_refuses_a_folder_that_holds_a_project_and_writes_nothing(tmp_path):
    (tmp_path / "gemeente.toml").write_text('[gemeente]\nnaam = "Oud"\n', encoding="utf-8")
    with pytest.raises(ProjectExists, match="staat al een gemeente-project"):
        create_project(tmp_path, "Gemeente Testdorp")
    assert tree(tmp_path) == ["gemeente.toml"]
    assert (tmp_path / "gemeente.toml").read_text(encoding="utf-8") == '[gemeente]\nnaam = "Oud"\n'


@pytest.mark.parametrize("entry", ["notities.txt", ".verborgen", "lege-map/"])
def test_init_refuses_a_folder_that_is_not_empty(tmp_path, entry):
    if entry.endswith("/"):
        (tmp_path / entry).mkdir()
    else:
        (tmp_path / entry).write_text("van mij", encoding="utf-8")
    before = sorted(path.name for path in tmp_path.iterdir())
    with pytest.raises(ProjectExists) as caught:
        create_project(tmp_path, "Gemeente Testdorp")
    assert f"De map {tmp_path} is niet leeg (er staat al in: {entry.rstrip('/')})" in str(caught.value)
    assert sorted(path.name for path in tmp_path.iterdir()) == before


def test_init_refuses_a_file_as_folder(tmp_path):
    (tmp_path / "testdorp").write_text("", encoding="utf-8")
    with pytest.raises(ProjectExists, match="is een bestand, geen map"):
        create_project(tmp_path / "testdorp", "Gemeente Testdorp")


@pytest.mark.parametrize("name", ["", "   ", "Gemeente\nTestdorp"])
def test_init_refuses_an_unusable_name_and_writes_nothing(tmp_path, name):
    with pytest.raises(InvalidProjectName):
        create_project(tmp_path / "t", name)
    assert not (tmp_path / "t").exists()


def test_a_failure_while_writing_leaves_no_half_project(tmp_path, monkeypatch):
    real = init_module._write_atomically
    calls = []

    def fail_on_third(path: Path, text: str) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C halfway
        real(path, text)

    monkeypatch.setattr(init_module, "_write_atomically", fail_on_third)
    with pytest.raises(KeyboardInterrupt):
        create_project(tmp_path / "nieuw" / "testdorp", "Gemeente Testdorp")
    assert list(tmp_path.iterdir()) == []  # also the parent folder init made is gone


def test_a_failure_in_an_existing_empty_folder_keeps_the_folder(tmp_path, monkeypatch):
    def fail(path: Path, text: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(init_module, "_write_atomically", fail)
    with pytest.raises(init_module.ProjectNotWritten, match=f"Kan het project niet maken in {tmp_path}"):
        create_project(tmp_path, "Gemeente Testdorp")
    assert tmp_path.is_dir() and list(tmp_path.iterdir()) == []


def test_cli_init_makes_the_project_and_says_what_next(tmp_path, capsys):
    code = main(["init", str(tmp_path / "testdorp"), "--gemeente", "Gemeente Testdorp"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert out.startswith(f"Gemeente-project voor Gemeente Testdorp gemaakt in {tmp_path / 'testdorp'} (8 bestanden).")
    assert "geletterdheid check" in out and "geletterdheid build" in out
    assert load_config(tmp_path / "testdorp").name == "Gemeente Testdorp"


def test_cli_init_on_a_project_exits_1_with_the_dutch_message(tmp_path, capsys):
    assert main(["init", str(tmp_path), "--gemeente", "Gemeente Testdorp"]) == 0
    capsys.readouterr()
    before = (tmp_path / "gemeente.toml").read_bytes()
    code = main(["init", str(tmp_path), "--gemeente", "Gemeente Anders"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == (
        f"Fout: In {tmp_path} staat al een gemeente-project (gemeente.toml). geletterdheid init overschrijft niets; "
        "pas dat project aan, of kies een nieuwe of lege map.\n"
    )
    assert "Traceback" not in err
    assert (tmp_path / "gemeente.toml").read_bytes() == before
