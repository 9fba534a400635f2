"""Start-up: --help and --version load only what they need (python -X importtime)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Each of these costs tens of milliseconds at every start.
HEAVY = ("sqlite_utils", "dateutil", "rich.console")


def imported(*args: str) -> set[str]:
    """The modules `python -m farley ARGS` imports, from -X importtime's report."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "farley", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [
        line for line in done.stderr.splitlines() if line.startswith("import time:")
    ]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_load_no_heavy_library(args):
    modules = imported(*args)
    assert "farley.cli.main" in modules, "the report was not read"
    loaded = [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert loaded == []
