"""A results server of its own for the certificate and HR tests: a tiny site, a fresh store, ROSTER."""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from geletterdheid.content import catalog_or_exit
from geletterdheid.curriculum import required_module_ids
from geletterdheid.server.identity import make_token
from repo_paths import REPO
from server_support import SECRET, RunningServer, new_store_url, running_server


@functools.cache
def catalog():
    """The repository's content, read once and only when a test needs it (this module is a plugin)."""
    return catalog_or_exit(REPO)


def tiny_site(folder: Path) -> Path:
    """A site with only a start page: these tests are about the server's own pages."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        '<!DOCTYPE html><html lang="nl"><head><title>Start</title></head>'
        "<body><main><h1>Start</h1></main></body></html>",
        encoding="utf-8",
    )
    return folder


def token(employee_id: str) -> str:
    return make_token(SECRET.encode(), employee_id, int(time.time()) + 3600)


def bearer(employee_id: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(employee_id)}"}


def pass_path(server: RunningServer, employee_id: str, roles: tuple[str, ...] = ()) -> list[str]:
    """Submit all-correct answers for every module of the employee's path; returns the module ids."""
    module_ids = required_module_ids(catalog(), roles)
    for module_id in module_ids:
        quiz = catalog().quizzes[module_id]
        answers = {question.id: list(question.correct) for question in quiz.questions}
        response = httpx.post(
            server.url + "api/pogingen", json={"quiz": module_id, "antwoorden": answers}, headers=bearer(employee_id)
        )
        assert response.status_code == 201 and response.json()["geslaagd"] is True
    return module_ids


@pytest.fixture(scope="module")
def own_server(tmp_path_factory) -> Iterator[RunningServer]:
    folder = tmp_path_factory.mktemp("certificate-server")
    with running_server(tiny_site(folder / "site"), new_store_url(folder)) as server:
        yield server
