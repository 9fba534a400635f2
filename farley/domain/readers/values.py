"""Small helpers for cell values: splitting lists, cleaning tags, joining names."""

import functools
import re

from farley.domain.readers.records import ContactRecord

# Google writes several values in one cell as "a ::: b"; people write "a; b" or "a, b".
_SEPARATORS = re.compile(r"\s*(?:;|,|:::)\s*")

# Google's own groups, which every contact is in and nobody chose.
_SYSTEM_TAGS = frozenset({"mycontacts", "my contacts"})


def split_values(value: str) -> list[str]:
    """Split a cell that may hold several values, on `;`, `,` or ` ::: `."""
    if ";" not in value and "," not in value and ":::" not in value:
        return [value]
    return [part for part in _SEPARATORS.split(value) if part]


def split_google(value: str) -> list[str]:
    """Split a Google Contacts cell, which separates values with ` ::: `."""
    if ":::" not in value:
        return [value] if value else []
    return [part.strip() for part in value.split(":::") if part.strip()]


def clean_tags(tags: list[str]) -> list[str]:
    """Drop Google's system groups and its `* ` marks, and repeated tags."""
    cleaned: list[str] = []
    for tag in tags:
        tag = tag.removeprefix("*").strip()
        if tag and tag.lower() not in _SYSTEM_TAGS and tag not in cleaned:
            cleaned.append(tag)
    return cleaned


def join_words(*parts: str) -> str:
    """Join the non-empty parts of a name with single spaces."""
    return " ".join(part for part in parts if part)


def join_place(*parts: str) -> str | None:
    """Join the non-empty parts of a place (city, region, country) with commas."""
    return ", ".join(part for part in parts if part) or None


def stand_in_name(
    name: str, company: str | None, emails: list[str], phones: list[str] = ()
) -> str:
    """The name to file a contact under: their own, else company, email or phone.

    Address books keep phone-only entries; filing one under its number keeps a
    whole export importable.
    """
    return (
        name
        or company
        or (emails[0] if emails else "")
        or (phones[0] if phones else "")
    )


def tidy_text(value: str) -> str:
    """Text with Windows and old Mac line breaks made plain newlines."""
    if "\r" not in value:
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def one_line(value: str) -> str:
    """Text on several lines (an address) put on one, the lines joined by commas."""
    return ", ".join(line.strip() for line in value.splitlines() if line.strip())


# The labels address books give contact points, as Farley writes them.
_LABELS = {
    "mobile": "mobile",
    "cell": "mobile",
    "cellular": "mobile",
    "work": "work",
    "business": "work",
    "office": "work",
    "home": "home",
    "personal": "personal",
    "private": "private",
    "other": "other",
    "main": "main",
    "primary": "main",
    "fax": "fax",
    "workfax": "work fax",
    "work fax": "work fax",
    "homefax": "home fax",
    "home fax": "home fax",
    "otherfax": "other fax",
    "other fax": "other fax",
    "pager": "pager",
    "iphone": "iphone",
    "school": "school",
    "homepage": "homepage",
    "home page": "homepage",
    "blog": "blog",
    "profile": "profile",
    "google voice": "google voice",
}
# The words of a column name such as "Work Email" that say which one it is.
_COLUMN_WORDS = frozenset(
    {"mobile", "cell", "work", "business", "office", "home", "personal", "private"}
    | {"other", "main", "primary", "fax", "pager"}
)
_WORDS = re.compile(r"[a-z]+")


def contact_label(text: str | None) -> str | None:
    """A contact point's label: a known one in plain lowercase, else as written."""
    if not text:
        return None
    label = " ".join(text.removeprefix("*").split())
    return _LABELS.get(label.lower(), label) or None


@functools.cache
def column_label(header: str) -> str | None:
    """The label a column name such as "Work Email" or "Mobile" gives its values."""
    words = [word for word in _WORDS.findall(header.lower()) if word in _COLUMN_WORDS]
    return contact_label(" ".join(words)) if words else None


def set_label(record: ContactRecord, value: str, label: str | None) -> None:
    """Note the label of one of a record's emails, phones or URLs."""
    if label and value:
        if record.labels is None:
            record.labels = {}
        record.labels.setdefault(value, label)
