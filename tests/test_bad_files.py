"""A data file Farley cannot use gives one line of error and is left as it was."""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def one_line_of_error(run) -> bool:
    return run.err.startswith("farley: ") and run.err.count("\n") == 1


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def good(ok, data_file) -> Path:
    """A data file with someone on it, several pages long."""
    ok("add", "Dana Whitfield")
    for number in range(10):
        ok("note", "dana", f"call {number} " + "about the budget " * 300)
    return data_file


def _not_sqlite(path: Path) -> None:
    path.write_text("First Name,Last Name\nDana,Whitfield\n")


def _cut_to_300_bytes(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:300])


def _cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _first_page_only(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:4096])


def _a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside.txt").write_text("mine")


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (_not_sqlite, "is not a Farley file (not SQLite)"),
        (_cut_to_300_bytes, "is truncated"),
        (_cut_in_half, "is damaged or not a Farley file"),
        (_first_page_only, "is damaged or not a Farley file"),
        (_a_folder, "is a folder"),
    ],
)
@pytest.mark.parametrize("command", [["list"], ["add", "Sam Okafor"]])
def test_a_file_that_is_not_a_sound_farley_file_is_refused_and_left_alone(
    farley, good, damage, says, command
):
    damage(good)
    folder_before = sorted(p.name for p in good.parent.iterdir())
    before = files_in(good) if good.is_dir() else good.read_bytes()

    run = farley(*command)

    assert run.code == 6
    assert one_line_of_error(run), run
    assert run.err.startswith(f"farley: {good} {says}")
    assert sorted(p.name for p in good.parent.iterdir()) == folder_before
    assert (files_in(good) if good.is_dir() else good.read_bytes()) == before


# Real programs for what a process limit or a permission must stop: root
# writes anywhere, so as root the child gives up the capability that allows it.
def _without_root_powers() -> None:
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _can_give_up_root_powers() -> bool:
    probe = subprocess.run(
        [sys.executable, "-c", "pass"], preexec_fn=_without_root_powers, check=False
    )
    return probe.returncode == 0


class Run:
    def __init__(self, done: subprocess.CompletedProcess) -> None:
        self.code, self.out, self.err = done.returncode, done.stdout, done.stderr

    def __repr__(self) -> str:
        return f"Run(code={self.code}, out={self.out!r}, err={self.err!r})"


def farley_process(*args: str, preexec=None, input: str | None = None) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "farley", *args],
        input=input,
        capture_output=True,
        text=True,
        preexec_fn=preexec,
        timeout=30,
    )
    return Run(done)


needs_unprivileged = pytest.mark.skipif(
    os.geteuid() == 0 and not _can_give_up_root_powers(),
    reason="running as root without CAP_SETPCAP: permissions cannot stop a write",
)


@needs_unprivileged
def test_a_read_only_file_can_be_read_but_a_change_is_one_line_of_error(good):
    good.chmod(0o444)
    before = good.read_bytes()

    changed = farley_process("add", "Sam Okafor", preexec=_without_root_powers)
    listed = farley_process("list", "--json", preexec=_without_root_powers)

    assert changed.code == 6 and one_line_of_error(changed), changed
    assert changed.err == f"farley: {good} is read-only: check its permissions\n"
    assert listed.code == 0 and "Dana Whitfield" in listed.out
    assert good.read_bytes() == before


@needs_unprivileged
@pytest.mark.parametrize("command", [["list"], ["add", "Sam Okafor"]])
def test_a_read_only_folder_is_one_line_of_error_naming_the_folder(good, command):
    before = good.read_bytes()
    good.parent.chmod(0o555)
    try:
        run = farley_process(*command, preexec=_without_root_powers)
    finally:
        good.parent.chmod(0o755)

    assert run.code == 6 and one_line_of_error(run), run
    assert run.err.startswith(f"farley: the folder of {good} is read-only")
    assert good.read_bytes() == before


@needs_unprivileged
def test_a_new_file_in_a_read_only_folder_is_one_line_of_error(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    monkeypatch.setenv("FARLEY_DB", str(folder / "farley.db"))

    run = farley_process("add", "Sam Okafor", preexec=_without_root_powers)

    assert run.code == 6
    assert (
        run.err == f"farley: can't create {folder / 'farley.db'}: permission denied\n"
    )
    assert list(folder.iterdir()) == []


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _tiny_disk() -> None:
    """No file may grow past 64 kB; the write fails instead of killing the program."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (65_536, 65_536))


def test_a_full_disk_is_one_line_of_error_and_changes_nothing(ok, good):
    before = dump(good)

    run = farley_process("note", "dana", preexec=_tiny_disk, input="word " * 200_000)

    assert run.code == 6 and one_line_of_error(run), run
    assert "check the disk has free space" in run.err
    assert dump(good) == before
    assert ok("note", "dana", "after the disk was freed").code == 0


def test_a_copy_of_a_damaged_file_is_what_farley_restore_takes(ok, good, tmp_path):
    shutil.copy(good, tmp_path / "saved.db")
    _cut_in_half(good)
    ok("restore", str(tmp_path / "saved.db"), "--yes")
    assert "Dana Whitfield" in ok("list").out
