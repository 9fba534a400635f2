"""Small helpers for cell values: splitting lists, cleaning tags, joining names."""

import re

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
