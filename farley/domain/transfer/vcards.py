"""Writing people as vCard 4.0, so that Farley's own reader takes all of it back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from farley.dates.format import PartialDate
from farley.domain.readers.values import join_place, tidy_text
from farley.domain.transfer.incoming import fact_category

if TYPE_CHECKING:
    from farley.domain.transfer.export import Card, Fact

# vCard's TYPE words for a label's words; other labels go in Apple's X-ABLABEL.
_VCARD_TYPES = {
    "email": {"work": "work", "home": "home"},
    "tel": {
        "work": "work",
        "home": "home",
        "mobile": "cell",
        "fax": "fax",
        "pager": "pager",
    },
    "url": {"work": "work", "home": "home"},
}
_ADDRESS_TYPES = frozenset({"home", "work", "other"})
_FOLD_AT = 75
# GENDER's first part is one of these letters (RFC 6350, 6.2.7), or nothing.
_SEXES = frozenset({"", "M", "F", "O", "N", "U"})
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
# A parameter value holding one of these must be quoted (RFC 6350, 3.3).
_NEEDS_QUOTES = re.compile(r"[;:,]")
# Facts a standard property carries, by key: the one property, or any number.
_ONCE = {"honorific": "N", "department": "ORG", "notes": "NOTE", "gender": "GENDER"}
_MANY = {"language": "LANG"}


def escape(value: str) -> str:
    """A vCard text value: backslash, comma, semicolon and line breaks escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    for char in ("\\", ",", ";"):
        value = value.replace(char, "\\" + char)
    return value.replace("\n", "\\n")


def parameter(value: str) -> str:
    """A parameter value: RFC 6868's ^ escapes, in quotes when it needs them."""
    value = value.replace("^", "^^").replace('"', "^'").replace("\n", "^n")
    return f'"{value}"' if _NEEDS_QUOTES.search(value) else value


def fold(line: str) -> str:
    """A content line cut into pieces of at most 75 octets, as vCard asks."""
    if len(line.encode("utf-8")) <= _FOLD_AT:
        return line
    pieces, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _FOLD_AT:
            pieces.append("".join(current))
            # The space that starts a continuation line counts towards its 75.
            current, size = [], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def vcard(card: Card) -> str:
    """One person as a vCard 4.0: standard properties first, then Farley's own."""
    standard, rest = sort_facts(card.facts)
    groups = iter(range(1, 1 << 30))
    lines = ["BEGIN:VCARD", "VERSION:4.0", *_identity(card, standard)]
    for name, values in (("EMAIL", card.emails), ("TEL", card.phones)):
        lines += _points(name, values, card.labels, groups)
    lines += _points("URL", card.urls, card.labels, groups)
    lines += _addresses(card.location, standard.get("ADR", []))
    lines += _dates(card.dates, groups)
    if card.tags:
        lines.append("CATEGORIES:" + ",".join(escape(tag) for tag in card.tags))
    lines += _personal(standard)
    lines += _farley(card, rest)
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def sort_facts(facts: list[Fact]) -> tuple[dict[str, list[Fact]], list[Fact]]:
    """Facts by the standard property that carries them, and those none does.

    A fact goes in a standard property only when the reader would take it back
    as the same category, key and value; the rest are X-FARLEY-FACT lines.
    """
    standard: dict[str, list[Fact]] = {}
    rest: list[Fact] = []
    for fact in facts:
        name = _property_for(fact)
        if name is None or (name in _ONCE.values() and name in standard):
            rest.append(fact)
        else:
            standard.setdefault(name, []).append(fact)
    return standard, rest


def _property_for(fact: Fact) -> str | None:
    category, key, value, _learned = fact
    if category != fact_category(key) or value != value.strip():
        return None
    if key in _ONCE or key in _MANY:
        name = _ONCE.get(key) or _MANY[key]
        return name if _fits(name, value) else None
    if _is_address_key(key) and join_place(value) == value:
        return "ADR"
    return None


def _fits(name: str, value: str) -> bool:
    """Tell whether the reader takes `value` back unchanged from property `name`."""
    if name == "N":
        return " ".join(value.split()) == value
    if name == "NOTE":
        return tidy_text(value) == value
    if name == "GENDER":
        return value.split(";", 1)[0].upper() in _SEXES
    if name == "LANG":
        return _LANGUAGE_TAG.fullmatch(value) is not None
    return True


def _is_address_key(key: str) -> bool:
    """Tell whether the reader gives an ADR this key: "address", "home address"."""
    kind = key.removesuffix("address")
    return kind == "" or (kind[-1:] == " " and kind[:-1] in _ADDRESS_TYPES)


def _identity(card: Card, standard: dict[str, list[Fact]]) -> list[str]:
    """FN, N (with any honorific), NICKNAME, ORG (with a department) and TITLE."""
    given, _, family = card.name.rpartition(" ")
    prefix = _first_value(standard, "N")
    lines = [
        f"FN:{escape(card.name)}",
        f"N:{escape(family)};{escape(given)};;{escape(prefix)};",
    ]
    department = _first_value(standard, "ORG")
    organization = escape(card.company or "")
    if department:
        organization += ";" + escape(department)
    single = (
        ("NICKNAME", escape(card.nickname or "")),
        ("ORG", organization),
        ("TITLE", escape(card.title or "")),
    )
    lines += [f"{name}:{value}" for name, value in single if value]
    return lines


def _first_value(standard: dict[str, list[Fact]], name: str) -> str:
    found = standard.get(name)
    return found[0][2] if found else ""


def _points(
    name: str, values: list[str], labels: dict[str, str], groups: Iterator[int]
) -> list[str]:
    """Emails, phones or URLs, each labelled by TYPE or, failing that, X-ABLABEL."""
    lines = []
    known = _VCARD_TYPES[name.lower()]
    for value in values:
        label = labels.get(value)
        types = [known.get(word) for word in label.split()] if label else []
        if not label:
            lines.append(f"{name}:{escape(value)}")
        elif all(types):
            lines.append(f"{name};TYPE={','.join(types)}:{escape(value)}")
        else:
            lines += _labelled(name, escape(value), label, groups)
    return lines


def _labelled(name: str, value: str, label: str, groups: Iterator[int]) -> list[str]:
    """A property and its label, Apple's way: two lines in one item group."""
    number = next(groups)
    return [f"item{number}.{name}:{value}", f"item{number}.X-ABLABEL:{escape(label)}"]


def _addresses(location: str | None, facts: list[Fact]) -> list[str]:
    """The location as an address's town; each address fact as a street."""
    lines = [f"ADR:;;;{escape(location)};;;"] if location else []
    for _category, key, value, _learned in facts:
        kind = key.removesuffix("address").strip()
        types = f";TYPE={kind}" if kind else ""
        lines.append(f"ADR{types}:;;{escape(value)};;;;")
    return lines


def _dates(dates: dict[str, PartialDate], groups: Iterator[int]) -> list[str]:
    lines = []
    for label, when in sorted(dates.items()):
        day = f"{when.month:02d}{when.day:02d}"
        value = f"{when.year:04d}{day}" if when.year is not None else f"--{day}"
        if label == "birthday":
            lines.append(f"BDAY:{value}")
        elif label == "anniversary":
            lines.append(f"ANNIVERSARY:{value}")
        else:
            # Apple's way of naming a date of one's own choosing.
            lines += _labelled("X-ABDATE", value, label, groups)
    return lines


def _personal(standard: dict[str, list[Fact]]) -> list[str]:
    """GENDER, LANG and NOTE, from the facts that they carry."""
    lines = []
    for _category, _key, value, _learned in standard.get("GENDER", []):
        sex, _, identity = value.partition(";")
        lines.append(
            f"GENDER:{escape(sex)};{escape(identity)}"
            if identity
            else f"GENDER:{escape(sex)}"
        )
    lines += [f"LANG:{fact[2]}" for fact in standard.get("LANG", [])]
    lines += [f"NOTE:{escape(fact[2])}" for fact in standard.get("NOTE", [])]
    return lines


def _farley(card: Card, facts: list[Fact]) -> list[str]:
    """What vCard has no property for, as X- properties other programs pass over."""
    single = (
        ("X-FARLEY-MET", card.met_how),
        ("X-FARLEY-MET-ON", card.met_on),
        ("X-FARLEY-CADENCE", card.cadence),
    )
    lines = [f"{name}:{escape(value)}" for name, value in single if value]
    for category, key, value, learned in facts:
        learned_on = f";LEARNED={learned}" if learned else ""
        lines.append(
            f"X-FARLEY-FACT;CATEGORY={category};KEY={parameter(key)}{learned_on}"
            f":{escape(value)}"
        )
    return lines
