"""Benchmarks: build a big Farley file through its own import, then time commands.

    python benchmarks/run.py                 # 100,000 people, 1,000,000 notes
    python benchmarks/run.py --quick         # small sizes, to try it out
    python benchmarks/run.py --people 20000 --notes 200000 --runs 5

Built files are kept under benchmarks/data/, named by their sizes, and reused.
Every figure is the median wall time of whole processes, printed beside a
reference timed in the same run, as a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path

import generate
from measure import (
    Timed,
    environment,
    farley_command,
    imports_by_cost,
    machine,
    medians,
    python_environment,
    run_once,
)

DATA = Path(__file__).parent / "data"
SMALL_PEOPLE = 100
NOTES_FOR_BRIEF = 20
CADENCES = [("client", "every 6 weeks"), ("investor", "every 3 months")]
CADENCES += [("friend", "every 2 months")]
REFERENCE_COMMAND = "import typer, rich"
REFERENCE_IMPORT = """
import csv, sqlite3, sys
conn = sqlite3.connect(sys.argv[2])
conn.execute("CREATE TABLE connections (a, b, c, d, e, f, g)")
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    rows = csv.reader(handle)
    next(rows)
    with conn:
        conn.executemany("INSERT INTO connections VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
"""
# What this schema's writes cost by themselves: every row written as a new
# person, with a contact point for each address, a search row and a clock, by
# sqlite3 alone, with no matching and none of Farley's code. The import cannot
# be quicker than this.
SQLITE_ALONE = """
import csv, sqlite3, sys
conn = sqlite3.connect(sys.argv[2], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA synchronous = NORMAL")
first = conn.execute("SELECT max(id) FROM people").fetchone()[0] + 1
stamp = "2026-12-03T10:00:00+01:00"
people, points = [], []
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    rows = csv.reader(handle)
    next(rows)
    for number, (given, family, url, email, company, title, _on) in enumerate(
        rows, first
    ):
        people.append((number, given + " " + family, company, title, stamp, stamp))
        points.append((number, "url", url, url.lower()))
        if email:
            points.append((number, "email", email, email.lower()))
conn.execute("BEGIN IMMEDIATE")
for trigger in ("people_indexed", "people_clocked", "people_recadenced"):
    conn.execute("DROP TRIGGER " + trigger)
conn.executemany(
    "INSERT INTO people (id, name, company, title, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?)",
    people,
)
conn.executemany(
    "INSERT OR IGNORE INTO contact_points (person_id, kind, value, normalized) "
    "VALUES (?, ?, ?, ?)",
    points,
)
conn.execute(
    "INSERT INTO search_index (rowid, title, body) "
    "SELECT id * 4, name, company || ' ' || title FROM people WHERE id >= ?",
    (first,),
)
conn.execute(
    "INSERT INTO touch_clocks (person_id, since) "
    "SELECT id, substr(created_at, 1, 10) FROM people WHERE id >= ?",
    (first,),
)
conn.execute("COMMIT")
"""


@dataclass
class Built:
    """A cached benchmark file and what the runs need to know about it."""

    path: str
    people: int
    notes: int
    person: int
    person_notes: int
    rare: str
    common: str
    build_seconds: dict[str, float]


@dataclass
class Row:
    """One line of the results table."""

    what: str
    farley_ms: float
    reference_ms: float
    target: float | None  # None: shown for comparison, with no target
    reference: str


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(people: int, notes: int, farley: list[str]) -> Built:
    """The file of that size, made through farley import unless already cached."""
    key = f"p{people}-n{notes}-v{generate.VERSION}"
    target, facts = DATA / f"farley-{key}.db", DATA / f"farley-{key}.json"
    if target.exists() and facts.exists():
        say(f"Using {target}")
        _upgrade(target, farley)
        return Built(**json.loads(facts.read_text()))
    say(f"Building {target} ({people:,} people, {notes:,} notes)")
    work = DATA / f"build-{key}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    built = _build_in(work, people, notes, farley)
    os.replace(work / "farley.db", target)
    shutil.rmtree(work)
    built.path = str(target)
    facts.write_text(json.dumps(asdict(built), indent=2))
    return built


def _upgrade(cached: Path, farley: list[str]) -> None:
    """Bring a file cached by an older Farley to this schema, once, before timing.

    Left alone, the first timed command would upgrade it, and every fresh copy
    of it that an import is timed on would be upgraded again, copy and all.
    """
    with closing(sqlite3.connect(cached)) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    run_once([*farley, "stats"], environment(cached))
    with closing(sqlite3.connect(cached)) as conn:
        upgraded = conn.execute("PRAGMA user_version").fetchone()[0] != version
    if upgraded:
        say(f"  upgraded it from schema {version}")
        # The copy Farley keeps before an upgrade: the cache has no use for it.
        for copy in cached.parent.glob(f"{cached.name}.v{version}*.bak"):
            copy.unlink()


def _build_in(work: Path, people: int, notes: int, farley: list[str]) -> Built:
    everyone = generate.people(people)
    files = [
        generate.write_contacts(work / "contacts.csv", everyone),
        generate.write_notes(work / "notes.csv", everyone, notes),
        generate.write_reminders(work / "reminders.csv", everyone),
    ]
    data_file = work / "farley.db"
    env = environment(data_file)
    seconds = {}
    for csv_file in files:
        seconds[csv_file.stem] = (
            run_once([*farley, "import", str(csv_file)], env) / 1000
        )
        say(f"  imported {csv_file.name} in {seconds[csv_file.stem]:.1f} s")
    for tag, every in CADENCES:
        run_once([*farley, "cadence", tag, every], env)
    person, count = _person_with_notes(data_file, NOTES_FOR_BRIEF)
    _add_meetings(farley, env, person, people)
    rare, common = _words(data_file)
    return Built("", people, notes, person, count, rare, common, seconds)


def _person_with_notes(data_file: Path, wanted: int) -> tuple[int, int]:
    """Someone with about `wanted` notes: the same kind of brief in every file."""
    with closing(sqlite3.connect(data_file)) as conn:
        return conn.execute(
            """SELECT person_id, count(*) FROM note_people GROUP BY person_id
            ORDER BY abs(count(*) - ?), person_id LIMIT 1""",
            (wanted,),
        ).fetchone()


def _add_meetings(farley: list[str], env: dict, person: int, people: int) -> None:
    """The brief's person meets tomorrow; a few others meet this week."""
    others = [str(1 + (person + step * 7919) % people) for step in range(1, 6)]
    run_once(
        [*farley, "meet", str(person), "--at", "tomorrow 10am", "--with", others[0]]
        + ["--topic", "Quarterly review", "--where", "Their office"],
        env,
    )
    for day, other in enumerate(others[1:], start=2):
        run_once([*farley, "meet", other, "--at", f"in {day} days at 3pm"], env)


def _words(data_file: Path) -> tuple[str, str]:
    """A rare made-up word (in about ten notes) and the commonest word."""
    with closing(sqlite3.connect(data_file)) as conn:
        conn.execute(
            "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, search_index, row)"
        )
        rare = conn.execute(
            """SELECT term FROM temp.words WHERE length(term) >= 8
            ORDER BY abs(doc - 10), term LIMIT 1"""
        ).fetchone()[0]
        common = conn.execute(
            "SELECT term FROM temp.words ORDER BY doc DESC LIMIT 1"
        ).fetchone()[0]
    return rare, common


def available_commands(farley: list[str]) -> set[str]:
    import subprocess

    shown = subprocess.run([*farley, "--help"], capture_output=True, text=True).stdout
    listed = shown.split("Commands:", 1)[-1].splitlines()
    return {
        line.split()[0] for line in listed if line.startswith("  ") and line.split()
    }


def read_commands(big: Built) -> list[tuple[str, list[str]]]:
    person = str(big.person)
    return [
        ("farley --help", ["--help"]),
        (f"farley brief PERSON ({big.person_notes} notes)", ["brief", person]),
        ("farley show PERSON", ["show", person]),
        (f"farley search {big.rare} (rare)", ["search", big.rare]),
        (f"farley search {big.common} (common)", ["search", big.common]),
        ("farley agenda", ["agenda"]),
        ("farley stale", ["stale"]),
    ]


def measure_reads(big: Built, small: Built, farley: list[str], runs: int) -> list[Row]:
    """Each read command on the big file, taking turns with the reference."""
    known, env = available_commands(farley), environment(Path(big.path))
    reference = [sys.executable, "-c", REFERENCE_COMMAND]
    timed = {"reference": Timed(reference, python_environment())}
    for what, args in read_commands(big):
        if args[0] != "--help" and args[0] not in known:
            say(f"  skipped {what}: this farley has no {args[0]} command")
            continue
        timed[what] = Timed([*farley, *args], env)
    small_env = environment(Path(small.path))
    timed["small brief"] = Timed([*farley, "brief", str(small.person)], small_env)
    found = medians(timed, runs)
    for what, took in found.items():
        say(f"  {what}: {took:.0f} ms")

    reference, small_brief = found.pop("reference"), found.pop("small brief")
    rows = [
        Row(what, took, reference, 1.5, "typer, rich") for what, took in found.items()
    ]
    big_brief = next(
        took for what, took in found.items() if what.startswith("farley brief")
    )
    what = f"farley brief: {big.people:,} people against {small.people:,}"
    rows.append(Row(what, big_brief, small_brief, 1.1, f"{small.people} people"))
    return rows


def measure_import(big: Built, farley: list[str], count: int, runs: int) -> list[Row]:
    """Import LinkedIn rows into a copy of the big file; the same with csv + sqlite3.

    Also timed: the same rows written into a copy of the big file by sqlite3
    alone, as the least this schema's writes can cost.
    """
    linkedin = DATA / f"linkedin-{count}-p{big.people}-v{generate.VERSION}.csv"
    if not linkedin.exists():
        generate.write_linkedin(linkedin, generate.people(big.people), count)
    empty, copy = DATA / "scratch-empty.db", DATA / "scratch-copy.db"

    def fresh_copy() -> None:
        _remove(copy)
        shutil.copyfile(big.path, copy)
        # The copy is written back to disk in the background: left to itself,
        # that would slow the writes of the import timed next.
        os.sync()

    bare = [sys.executable, "-c", REFERENCE_IMPORT, str(linkedin), str(empty)]
    alone = [sys.executable, "-c", SQLITE_ALONE, str(linkedin), str(copy)]
    imported = [*farley, "import", str(linkedin)]
    found = medians(
        {
            "reference": Timed(
                bare, python_environment(), before_each=lambda: _remove(empty)
            ),
            "alone": Timed(alone, python_environment(), before_each=fresh_copy),
            "farley": Timed(imported, environment(copy), before_each=fresh_copy),
        },
        runs,
    )
    say(f"  csv + sqlite3.executemany of {count:,} rows: {found['reference']:.0f} ms")
    say(f"  the same rows as new people, sqlite3 alone: {found['alone']:.0f} ms")
    say(f"  farley import of {count:,} LinkedIn rows: {found['farley']:.0f} ms")
    _remove(empty)
    _remove(copy)
    what = f"farley import (LinkedIn, {count:,} rows)"
    floor = "the same rows as new people, by sqlite3 alone"
    return [
        Row(what, found["farley"], found["reference"], 5.0, "csv + executemany"),
        Row(floor, found["alone"], found["reference"], None, "csv + executemany"),
    ]


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def report(rows: list[Row], big: Built, runs: int) -> str:
    """The results as Markdown, with the machine and the file they ran on."""
    size = Path(big.path).stat().st_size / 1e6
    built = ", ".join(
        f"{name} {secs:.0f} s" for name, secs in big.build_seconds.items()
    )
    lines = [
        f"Machine: {machine()}.",
        "",
        f"File: {big.people:,} people, {big.notes:,} notes ({size:,.0f} MB), "
        f"built through farley import ({built}). Median of {runs} runs each, "
        "bytecode compiled once and kept, as after pip install.",
        "",
        "| What | Farley | Reference | Ratio | Target | |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        ratio = row.farley_ms / row.reference_ms
        if row.target is None:
            target, met = f"none (against {row.reference})", ""
        else:
            target = f"<= {row.target}x {row.reference}"
            met = "met" if ratio <= row.target else "**missed**"
        lines.append(
            f"| `{row.what}` | {_ms(row.farley_ms)} | {_ms(row.reference_ms)} "
            f"| {ratio:.2f}x | {target} | {met} |"
        )
    return "\n".join(lines)


def _ms(value: float) -> str:
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"


def where_time_goes(big: Built, farley: list[str]) -> str:
    """The costliest imports of each read command, from python -X importtime."""
    env, lines = environment(Path(big.path)), ["", "Imports that cost most:", ""]
    for what, args in read_commands(big):
        lines.append(f"- `{what}`: " + ", ".join(imports_by_cost(args, env)))
    return "\n".join(lines)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--notes", type=int, default=1_000_000)
    parser.add_argument("--linkedin", type=int, default=100_000, help="rows to import")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure")
    parser.add_argument("--import-runs", type=int, default=3)
    parser.add_argument(
        "--quick", action="store_true", help="2,000 people, 20,000 notes"
    )
    parser.add_argument("--imports", action="store_true", help="show import costs too")
    args = parser.parse_args(argv)
    if args.quick:
        args.people, args.notes, args.linkedin, args.runs = 2_000, 20_000, 2_000, 5
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    farley = farley_command()
    DATA.mkdir(exist_ok=True)
    big = build(args.people, args.notes, farley)
    ratio = max(1, args.notes // args.people)
    small = build(SMALL_PEOPLE, SMALL_PEOPLE * ratio, farley)
    rows = measure_reads(big, small, farley, args.runs)
    rows += measure_import(big, farley, args.linkedin, args.import_runs)
    print(report(rows, big, args.runs))
    if args.imports:
        print(where_time_goes(big, farley))


if __name__ == "__main__":
    main()
