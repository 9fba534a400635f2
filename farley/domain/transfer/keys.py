"""Who is already on file: the emails, profiles and names an import matches by."""

from __future__ import annotations

import json
from itertools import chain
from operator import attrgetter

from farley.domain.transfer.bulk import tuples
from farley.domain.transfer.incoming import Incoming, profile_key
from farley.store import Store

# A match: the person's id and the key that found them.
Match = tuple[int, str]


class KeyIndex:
    """The keys on file that rows could match, kept up to date as rows come in."""

    def __init__(self) -> None:
        self.emails: dict[str, int] = {}
        self.profiles: dict[str, int] = {}
        self.names: dict[tuple[str, str], int] = {}
        self.with_email: set[int] = set()
        self.with_profile: set[int] = set()

    @classmethod
    def load(cls, store: Store, rows: list[Incoming]) -> KeyIndex:
        """The keys on file that these rows could match, and every name."""
        index = cls()
        # Gathered by map and chain, in C: over 100,000 rows a loop in Python
        # costs a tenth of a second.
        emails = set(chain.from_iterable(map(attrgetter("emails"), rows)))
        index.emails = dict(
            tuples(
                store,
                """SELECT normalized, person_id FROM contact_points WHERE kind = 'email'
                AND normalized IN (SELECT value FROM json_each(?))""",
                (json.dumps(sorted(emails)),),
            )
        )
        profiles = set(chain.from_iterable(map(attrgetter("profiles"), rows)))
        index.profiles = _profiles(store, profiles)
        index.names = _names(store)
        # Whether someone a row finds by name has an email or a profile on
        # file matters only for those names: ask for their people alone.
        named = set(map(index.names.get, map(attrgetter("name_key"), rows)))
        index.with_email = _with_point(store, named, "email")
        index.with_profile = _with_point(store, named, "url")
        return index

    def match(self, incoming: Incoming) -> Match | None:
        """The person a row is a duplicate of, and the key that says so."""
        emails, profiles = incoming.emails, incoming.profiles
        for email in emails:
            if email in self.emails:
                return self.emails[email], "email"
        for profile in profiles:
            if profile in self.profiles:
                return self.profiles[profile], "url"
        found = self.names.get(incoming.name_key)
        if found is None:
            return None
        # A different email or profile on file says this is someone else.
        if (emails and found in self.with_email) or (
            profiles and found in self.with_profile
        ):
            return None
        return found, "name+company"

    def remember(self, incoming: Incoming, person_id: int) -> None:
        """Let later rows find the person this row was filed under."""
        emails, profiles = incoming.emails, incoming.profiles
        for email in emails:
            self.emails.setdefault(email, person_id)
        for profile in profiles:
            self.profiles.setdefault(profile, person_id)
        if emails:
            self.with_email.add(person_id)
        if profiles:
            self.with_profile.add(person_id)
        self.names.setdefault(incoming.name_key, person_id)

    def owner(self, email: str) -> int | None:
        return self.emails.get(email)


def _profiles(store: Store, wanted: set[str]) -> dict[str, int]:
    """Who on file has each of these LinkedIn profiles."""
    # A profile on file is kept as its key, or now and then with a country
    # subdomain or a path after it: those few are found by a scan of the index.
    found: dict[str, int] = {}
    rows = tuples(
        store,
        """SELECT normalized, person_id FROM contact_points
        WHERE kind = 'url' AND normalized IN (SELECT value FROM json_each(?))""",
        (json.dumps(sorted(wanted)),),
    )
    for key, person_id in rows:
        found.setdefault(key, person_id)
    variants = tuples(
        store,
        f"""SELECT normalized, person_id FROM contact_points
        WHERE kind = 'url' AND normalized LIKE '%linkedin.com/in/%'
            AND NOT ({_PLAIN_PROFILE})""",
    )
    for normalized, person_id in variants:
        key = profile_key(normalized)
        if key in wanted:
            found.setdefault(key, person_id)
    return found


_PLAIN_PROFILE = (
    "normalized GLOB 'linkedin.com/in/*' AND normalized NOT GLOB 'linkedin.com/in/*/*'"
)


def _names(store: Store) -> dict[tuple[str, str], int]:
    """Everyone's name and company, folded, to the id of the oldest who has them."""
    # Read from the newest down, so that the oldest of namesakes is kept. The
    # keys are made by map and zip, as above.
    people = tuples(
        store, "SELECT name, coalesce(company, ''), id FROM people ORDER BY id DESC"
    ).fetchall()
    if not people:
        return {}
    names, companies, ids = zip(*people, strict=True)
    casefold = str.casefold
    keys = zip(map(casefold, names), map(casefold, companies), strict=True)
    return dict(zip(keys, ids, strict=True))


def _with_point(store: Store, people: set[int], kind: str) -> set[int]:
    """The people among these who have an email, or a LinkedIn profile, on file."""
    # Read in the table's own order: through an index, each row would be a
    # lookup of its own, three times as long for a file of 100,000 people.
    profile = " AND normalized LIKE '%linkedin.com/in/%'" if kind == "url" else ""
    rows = tuples(
        store,
        f"""SELECT person_id, normalized FROM contact_points NOT INDEXED
        WHERE kind = ?{profile}""",
        (kind,),
    )
    if kind == "email":
        return {person_id for person_id, _normalized in rows if person_id in people}
    return {
        person_id
        for person_id, normalized in rows
        if person_id in people and profile_key(normalized)
    }
