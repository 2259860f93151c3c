"""``[resultaten] url`` in gemeente.toml: a gemeente's site is built as a toets site for its server."""

from __future__ import annotations

import pytest
from project_support import problems_of

from geletterdheid.project.assemble import _conf
from geletterdheid.project.config import load_config

BASE = """
forum = false
[gemeente]
naam = "Gemeente Testdorp"
"""


def test_the_results_url_makes_the_assembled_site_a_toets_site(project):
    config = load_config(project(BASE + '[resultaten]\nurl = "/api/pogingen"\n'))
    assert config.results_url == "/api/pogingen"
    assert "geletterdheid_resultaten_url = '/api/pogingen'" in _conf(config).splitlines()


def test_without_it_the_site_is_a_practice_site(project):
    config = load_config(project(BASE))
    assert config.results_url is None
    assert "geletterdheid_resultaten_url" not in _conf(config)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"https://andere.server.nl/api"', "moet een pad op de eigen server zijn"),
        ('"//cdn.example/api"', "moet een pad op de eigen server zijn"),
        ("true", "moet tekst zijn"),
    ],
)
def test_a_url_of_another_host_is_refused_at_its_line(project, value, message):
    root = project(BASE + f"[resultaten]\nurl = {value}\n")
    problems = problems_of(root)
    assert len(problems) == 1
    assert problems[0].startswith("gemeente.toml:5: 'url' in [resultaten]")
    assert message in problems[0]


def test_an_unknown_key_in_resultaten_is_refused(project):
    problems = problems_of(project(BASE + '[resultaten]\nadres = "/api/pogingen"\n'))
    assert any("adres" in problem for problem in problems)
