"""Shared fixtures: every test gets its own data file and a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from farley.cli.main import app
from farley.store import open_store

ZONE = timezone(timedelta(hours=1))
# A Thursday, so that "friday" is tomorrow and "monday" is next week.
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=ZONE)
NOW_ISO = NOW.isoformat()


@pytest.fixture(autouse=True)
def data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Farley at a file of this test's own, never the user's."""
    path = tmp_path / "farley.db"
    monkeypatch.setenv("FARLEY_DB", str(path))
    monkeypatch.setenv("FARLEY_NOW", NOW_ISO)
    monkeypatch.setenv("FARLEY_PLAIN", "1")
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return path


@pytest.fixture
def store(data_file: Path):
    opened = open_store(data_file)
    yield opened
    opened.close()


@pytest.fixture
def now() -> datetime:
    return NOW


class Run:
    """The outcome of one command: exit code, stdout and stderr apart."""

    def __init__(self, result) -> None:
        self.code: int = result.exit_code
        self.out: str = result.stdout
        self.err: str = result.stderr
        self.exception = result.exception

    def __repr__(self) -> str:
        return f"Run(code={self.code}, out={self.out!r}, err={self.err!r})"


@pytest.fixture
def farley() -> Callable[..., Run]:
    """Run a farley command line, e.g. farley("add", "Dana Whitfield")."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input, catch_exceptions=True)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result)

    return invoke


@pytest.fixture
def ok(farley: Callable[..., Run]) -> Callable[..., Run]:
    """Run a command that must succeed."""

    def invoke(*args: str, input: str | None = None) -> Run:
        run = farley(*args, input=input)
        assert run.code == 0, run
        return run

    return invoke
