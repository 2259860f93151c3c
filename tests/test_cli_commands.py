"""The command table in cli.py: each command module adds exactly the commands the table names, and
a command's run imports only its own module (the others cost every start a tenth of a second)."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from geletterdheid.cli import BUILT_IN_COMMANDS, COMMAND_MODULES, _command_word, _modules_for, build_parser
from repo_paths import REPO


@pytest.mark.parametrize("module", COMMAND_MODULES)
def test_each_module_adds_the_commands_the_table_names(module):
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(f"geletterdheid.{module}").register(subparsers)
    assert tuple(subparsers.choices) == COMMAND_MODULES[module]


def test_no_command_is_named_twice():
    names = [*BUILT_IN_COMMANDS, *(name for names in COMMAND_MODULES.values() for name in names)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["build", "--only", "html"], "build"),
        (["--root", "/srv/inhoud", "export", "--xapi"], "export"),
        (["--root=/srv/inhoud", "serve"], "serve"),
        (["--help"], None),
        (["-h", "build"], None),
        ([], None),
    ],
)
def test_the_command_word_is_found_after_the_global_option(argv, word):
    assert _command_word(argv) == word


def test_a_known_command_registers_only_its_module_and_anything_else_all_of_them():
    assert _modules_for("workshop") == ["workshop.commands"]
    assert _modules_for("build") == []
    assert _modules_for(None) == _modules_for("bouw") == list(COMMAND_MODULES)


def test_help_and_a_typo_still_list_every_command(capsys):
    every = {*BUILT_IN_COMMANDS, *(name for names in COMMAND_MODULES.values() for name in names)}
    help_text = build_parser(_modules_for(None)).format_help()
    assert all(name in help_text for name in every)
    from geletterdheid.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["bouw"])
    assert stopped.value.code == 2
    refused = capsys.readouterr().err
    assert all(f"'{name}'" in refused for name in every)


def test_a_command_runs_without_importing_the_other_commands():
    code = (
        "import sys\n"
        "from geletterdheid.cli import main\n"
        f"assert main(['--root', {str(REPO)!r}, 'check']) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.endswith('commands') and m.startswith('geletterdheid.'))\n"
        "heavy = [m for m in ('pptx', 'xlsxwriter', 'starlette', 'uvicorn', 'sqlalchemy') if m in sys.modules]\n"
        "print(loaded, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[] []"
