"""Who is already on file: the emails, profiles and names an import matches by."""

from __future__ import annotations

from farley.domain.transfer.bulk import tuples
from farley.domain.transfer.incoming import Incoming, profile_key
from farley.store import Store

# A match: the person's id and the key that found them.
Match = tuple[int, str]


class KeyIndex:
    """The keys of everyone on file, loaded once, kept up to date as rows come in."""

    def __init__(self) -> None:
        self.emails: dict[str, int] = {}
        self.profiles: dict[str, int] = {}
        self.names: dict[tuple[str, str], int] = {}
        self.with_email: set[int] = set()
        self.with_profile: set[int] = set()

    @classmethod
    def load(cls, store: Store) -> KeyIndex:
        index = cls()
        index.emails = dict(
            tuples(
                store,
                "SELECT normalized, person_id FROM contact_points WHERE kind = 'email'",
            )
        )
        index.with_email = set(index.emails.values())
        rows = tuples(
            store,
            """SELECT normalized, person_id FROM contact_points
            WHERE kind = 'url' AND normalized LIKE '%linkedin.com/in/%'""",
        )
        for normalized, person_id in rows:
            key = profile_key(normalized)
            if key:
                index.profiles.setdefault(key, person_id)
        index.with_profile = set(index.profiles.values())
        names = index.names
        for person_id, name, company in tuples(
            store, "SELECT id, name, company FROM people ORDER BY id DESC"
        ):
            # Read from the newest down, so that the oldest of namesakes wins.
            names[(name.casefold(), (company or "").casefold())] = person_id
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
