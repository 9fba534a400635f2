"""Realistic, reproducible CSV files for the benchmarks: contacts, notes, reminders."""

from __future__ import annotations

import csv
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Bump when the files change, so that cached builds are made again.
VERSION = 2
TODAY = date(2026, 12, 3)


def _split(words: str) -> list[str]:
    return words.split()


FIRST = _split(
    "Dana Priya Sam Tom Ada Grace Alan Mei Omar Lena Ivan Zoë Noah Emma Liam Olivia "
    "Lucas Mia Ethan Amara Kenji Sofia Mateo Aisha Jonas Freya Ravi Ingrid Pablo Yara "
    "Hugo Chloé Felix Nadia Oscar Leila Arjun Hana Tariq Elif Marco Saoirse Björn Ana "
    "Kwame Ines Dmitri Rosa Finn Amelie Jae Lucia Ahmed Clara Tobias Nora Diego Maya"
)
LAST = _split(
    "Whitfield Shah Okafor Lovelace Hopper Turing Chen Haddad Petrov Novak Müller "
    "García Rossi Nakamura Kowalski Andersen Dubois Silva Kim Nguyen O'Brien Smith "
    "Jones Brown Taylor Wilson Evans Patel Khan Ali Cohen Levi Schmidt Weber Fischer "
    "Meyer Wagner Becker Hoffmann Ivanova Popescu Horvat Nagy Lindqvist Berg Dahl "
    "Costa Santos Ferreira Moreau Laurent Martin Bernard Rahman Hussain Osei Mensah"
)
TITLES = ["CEO", "CFO", "CTO", "COO", "VP Sales", "VP Finance", "Head of Data"]
TITLES += ["Engineer", "Designer", "Partner", "Product Manager", "Analyst", "Founder"]
CITIES = _split("London Leeds Paris Berlin Lisbon Madrid Rome Oslo Dublin Warsaw Tokyo")
TAGS = _split("client prospect investor friend family golf board supplier press mentor")
TAGS += _split("alumni speaker partner recruiter vip conference neighbour former")
COMMON = _split(
    "the and to of a in for we on with she he that is her his about budget next "
    "plan team said will meeting call follow up project deal quarter new review "
    "wants asked send deck numbers contract hiring launch price timeline board "
    "kids school holiday golf wine running trip family office move promotion"
)
SYLLABLES = _split(
    "ka lo mi ne ru sa ti vo ze bra cle dri fla gro pli stu tra qui mor vel"
)
KINDS = ["meeting"] * 5 + ["call"] * 3 + ["email"] * 2 + ["message", "other"]


@dataclass(frozen=True)
class Person:
    """One generated contact: what the notes and reminders files refer to."""

    name: str
    email: str


def vocabulary(size: int = 30_000) -> list[str]:
    """Common words first, then made-up ones: rank is Zipf rank."""
    made = ("".join(parts) for parts in itertools.product(SYLLABLES, repeat=4))
    return COMMON + list(itertools.islice(made, size - len(COMMON)))


def zipf_weights(count: int, exponent: float) -> list[float]:
    """Cumulative weights: the item of rank r is drawn in proportion to 1/r^s."""
    return list(
        itertools.accumulate(1 / rank**exponent for rank in range(1, count + 1))
    )


def people(count: int, seed: int = 1) -> list[Person]:
    rng = random.Random(seed)
    found = []
    for number in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        handle = f"{first}.{last}".lower().replace("'", "")
        found.append(Person(f"{first} {last}", f"{handle}.{number}@example.com"))
    return found


def write_contacts(path: Path, everyone: list[Person], seed: int = 2) -> Path:
    """A contacts CSV: companies, titles, tags, birthdays and a few facts each."""
    rng = random.Random(seed)
    companies = [
        f"{word.title()} {rng.choice(['Ltd', 'GmbH', 'Inc', 'SA'])}"
        for word in vocabulary(3_000 + len(COMMON))[len(COMMON) :]
    ]
    company_weights = zipf_weights(len(companies), 0.9)
    header = ["Name", "Email", "Company", "Title", "City", "Tags", "Birthday"]
    header += ["Spouse", "Children", "Interests", "Drinks"]
    with _csv(path) as out:
        out.writerow(header)
        for person in everyone:
            company = rng.choices(companies, cum_weights=company_weights)[0]
            out.writerow(
                [
                    person.name,
                    person.email,
                    company,
                    rng.choice(TITLES),
                    rng.choice(CITIES),
                    _tags(rng),
                    _birthday(rng),
                    *_facts(rng),
                ]
            )
    return path


def _tags(rng: random.Random) -> str:
    count = rng.choice([0, 1, 1, 2, 3])
    return ", ".join(sorted(set(rng.choices(TAGS[:10], k=count))))


def _birthday(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return ""
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 50))
    return born.isoformat()


def _facts(rng: random.Random) -> list[str]:
    spouse = rng.choice(FIRST) if rng.random() < 0.5 else ""
    children = rng.choice(
        ["", "", "one son", "two daughters", "twins", "a son at Leeds"]
    )
    interests = rng.choice(["", "golf", "sailing", "jazz", "marathons", "chess"])
    drinks = rng.choice(["", "", "flat white", "green tea", "no alcohol"])
    return [spouse, children, interests, drinks]


def write_notes(path: Path, everyone: list[Person], count: int, seed: int = 3) -> Path:
    """A notes CSV: 20 to 80 Zipf-distributed words each, some with two people."""
    rng = random.Random(seed)
    words, word_weights = vocabulary(), zipf_weights(30_000, 1.07)
    # Some people are seen often, most now and then.
    who_weights = zipf_weights(len(everyone), 0.5)
    order = rng.sample(everyone, len(everyone))
    with _csv(path) as out:
        out.writerow(["Email", "With", "Date", "Kind", "Text"])
        for batch in _batches(count, 10_000):
            lengths = [rng.randint(20, 80) for _ in range(batch)]
            drawn = iter(rng.choices(words, cum_weights=word_weights, k=sum(lengths)))
            met = rng.choices(order, cum_weights=who_weights, k=batch)
            for person, length in zip(met, lengths, strict=True):
                other = rng.choice(order).email if rng.random() < 0.15 else ""
                text = " ".join(itertools.islice(drawn, length))
                out.writerow(
                    [
                        person.email,
                        other,
                        _past_day(rng),
                        rng.choice(KINDS),
                        text[:1].upper() + text[1:] + ".",
                    ]
                )
    return path


def _past_day(rng: random.Random) -> str:
    return (TODAY - timedelta(days=rng.randrange(1, 5 * 365))).isoformat()


def write_reminders(path: Path, everyone: list[Person], seed: int = 4) -> Path:
    """About 2.5 reminders a person: most done, a few open, a few overdue."""
    rng = random.Random(seed)
    tasks = [
        "send the deck",
        "intro to the CFO",
        "book lunch",
        "share the numbers",
        "follow up on the contract",
        "birthday card",
        "send the article",
    ]
    with _csv(path) as out:
        out.writerow(["Email", "Text", "Due", "Done"])
        for person in everyone:
            for _ in range(rng.choice([1, 2, 2, 3, 4])):
                due, done = _reminder_days(rng)
                out.writerow([person.email, rng.choice(tasks), due, done])
    return path


def _reminder_days(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.92:
        day = TODAY - timedelta(days=rng.randrange(2, 4 * 365))
        return day.isoformat(), (day + timedelta(days=rng.randrange(2))).isoformat()
    if rng.random() < 0.02:
        return (TODAY - timedelta(days=rng.randrange(1, 30))).isoformat(), ""
    return (TODAY + timedelta(days=rng.randrange(1, 730))).isoformat(), ""


def write_linkedin(
    path: Path, everyone: list[Person], count: int, seed: int = 5
) -> Path:
    """LinkedIn's Connections.csv: one in ten rows is someone already on file."""
    rng = random.Random(seed)
    with _csv(path) as out:
        out.writerow(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ]
        )
        for number in range(count):
            if rng.random() < 0.1:
                known = rng.choice(everyone)
                first, last = known.name.split(" ", 1)
                email = known.email
            else:
                first, last = rng.choice(FIRST), rng.choice(LAST)
                email = f"li.{number}@example.org" if rng.random() < 0.3 else ""
            on = TODAY - timedelta(days=rng.randrange(1, 10 * 365))
            out.writerow(
                [
                    first,
                    last,
                    f"https://www.linkedin.com/in/li-{number}",
                    email,
                    rng.choice(LAST) + " Group",
                    rng.choice(TITLES),
                    on.strftime("%d %b %Y"),
                ]
            )
    return path


def _batches(total: int, size: int) -> Iterator[int]:
    for start in range(0, total, size):
        yield min(size, total - start)


class _csv:
    """A CSV writer on a new UTF-8 file, closed when the block ends."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("w", newline="", encoding="utf-8")

    def __enter__(self):
        return csv.writer(self.handle)

    def __exit__(self, *exc_info) -> None:
        self.handle.close()
