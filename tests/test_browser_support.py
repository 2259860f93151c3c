"""Browser tests may only be skipped on a developer's machine without Chromium, never in CI."""

from __future__ import annotations

import pytest

from browser_support import chromium_executable


@pytest.fixture
def no_chromium(monkeypatch, tmp_path):
    monkeypatch.delenv("GELETTERDHEID_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no chromium on the PATH


def test_missing_chromium_skips_with_a_reason_outside_ci(no_chromium, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium not found.*apt-get install chromium"):
        chromium_executable()


def test_missing_chromium_fails_in_ci(no_chromium, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        chromium_executable()
