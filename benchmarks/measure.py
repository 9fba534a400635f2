"""Timing whole processes, and describing the machine the timings come from."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# A fixed clock, so that agenda, stale and brief see the same days every run.
NOW = "2026-12-03T10:00:00+01:00"
PYCACHE = Path(__file__).parent / "data" / "pycache"


def farley_command() -> list[str]:
    """The installed farley script beside this interpreter, else python -m farley."""
    script = Path(sys.executable).parent / "farley"
    return [str(script)] if script.exists() else [sys.executable, "-m", "farley"]


def python_environment() -> dict[str, str]:
    """The environment of every timed process, the references' too.

    Bytecode is compiled once and kept (in a folder of its own), as pip does
    when it installs a package: with PYTHONDONTWRITEBYTECODE set, every start
    would compile Farley's modules again.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("FARLEY_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def environment(data_file: Path) -> dict[str, str]:
    """The environment of a farley command on `data_file`."""
    return python_environment() | {"FARLEY_DB": str(data_file), "FARLEY_NOW": NOW}


def run_once(command: list[str], env: dict[str, str] | None = None) -> float:
    """Wall time of one whole process, in milliseconds; it must succeed."""
    started = time.perf_counter()
    done = subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.decode()[-300:]}")
    return elapsed


@dataclass
class Timed:
    """A command to time, with its environment and what to do before each run."""

    command: list[str]
    env: dict[str, str] | None = None
    before_each: Callable[[], None] | None = None
    timings: list[float] = field(default_factory=list)

    def run(self) -> float:
        if self.before_each is not None:
            self.before_each()
        return run_once(self.command, self.env)


def medians(timed: dict[str, Timed], runs: int = 7) -> dict[str, float]:
    """The median of `runs` timings of each, after a round to warm the caches.

    The commands take turns, so that a busy moment on the machine weighs on
    all of them alike rather than on whichever ran then.
    """
    for each in timed.values():
        each.run()
    for _ in range(runs):
        for each in timed.values():
            each.timings.append(each.run())
    return {name: statistics.median(each.timings) for name, each in timed.items()}


def machine() -> str:
    """One line: CPU model, cores, OS, Python and SQLite versions."""
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def imports_by_cost(command: list[str], env: dict[str, str], top: int = 8) -> list[str]:
    """The top-level imports that cost most, from python -X importtime."""
    python = [sys.executable, "-X", "importtime", "-m", "farley", *command]
    done = subprocess.run(python, env=env, capture_output=True, text=True)
    costs = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|")
        depth = len(name) - len(name.lstrip())
        # Top-level ones only: nested imports are inside their parent's figure.
        if depth == 1 and cumulative.strip().isdigit():
            costs.append((int(cumulative), name.strip()))
    return [
        f"{name} {us / 1000:.0f} ms" for us, name in sorted(costs, reverse=True)[:top]
    ]
