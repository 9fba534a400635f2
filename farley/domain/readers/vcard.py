"""Reading vCard files, as phones, Apple, Google and Outlook write them."""

import functools
import re
from collections.abc import Callable
from datetime import date

from farley.domain.models import FACT_CATEGORIES
from farley.domain.readers.records import BadRow, ContactRecord
from farley.domain.readers.values import (
    clean_tags,
    contact_label,
    join_place,
    join_words,
    set_label,
    stand_in_name,
    tidy_text,
)
from farley.domain.readers.vcard_syntax import (
    Property,
    parse_line,
    split_value,
    unescape,
    unfold,
)

Handler = Callable[[ContactRecord, Property, str], None]

# Properties that describe the file or hold pictures and keys, not the person.
_SKIP = frozenset(
    {
        "VERSION",
        "PRODID",
        "UID",
        "REV",
        "PHOTO",
        "LOGO",
        "SOUND",
        "KEY",
        "CLASS",
        "SORT-STRING",
        "KIND",
        "SOURCE",
        "NAME",
        "PROFILE",
        "MAILER",
        "LABEL",
        "TZ",
        "GEO",
        "CLIENTPIDMAP",
        "XML",
        "MEMBER",
        "X-ABLABEL",
    }
)
# Bookkeeping that address books write under their own prefixes.
_SKIP_PREFIXES = ("X-AB", "X-APPLE-", "X-MS-OL-", "X-MS-CARDPICTURE", "X-IMAGE")
_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")
# Apple writes a birthday without a year as year 1604 (and says so in a parameter).
_NO_YEAR = "1604"
_ADDRESS_TYPES = frozenset({"home", "work", "other"})
_FACT_NAMES = {"IMPP": "im", "X-SKYPE-USERNAME": "skype", "LANG": "language"}
# TYPE parameters that say which email, phone or URL it is; the rest
# (pref, voice, internet, x400...) say nothing a person would call it.
_PLACE_TYPES = {"home": "home", "work": "work", "other": "other"}
_DEVICE_TYPES = {
    "cell": "mobile",
    "mobile": "mobile",
    "fax": "fax",
    "pager": "pager",
    "iphone": "iphone",
    "main": "main",
}


def is_vcard(text: str) -> bool:
    """Tell whether text is a vCard file: it starts with BEGIN:VCARD."""
    return text.lstrip("\ufeff \t\r\n")[:11].upper() == "BEGIN:VCARD"


def read_vcards(text: str) -> tuple[list[ContactRecord], list[BadRow]]:
    """Read every card into a contact; a card cut short is a bad row."""
    records: list[ContactRecord] = []
    bad: list[BadRow] = []
    card: list[Property] | None = None
    start = 0
    for number, line in unfold(text):
        first = line[:1]
        if first in "Bb" and line[:11].upper() == "BEGIN:VCARD":
            if card is not None:
                bad.append(BadRow(start, "card has no END:VCARD"))
            card, start = [], number
        elif first in "Ee" and line[:9].upper() == "END:VCARD" and card is not None:
            _finish(start, card, records, bad)
            card = None
        elif card is not None and line.strip():
            prop = parse_line(line)
            if prop is not None:
                card.append(prop)
    if card is not None:
        bad.append(BadRow(start, "card has no END:VCARD"))
    return records, bad


def _finish(
    line: int, card: list[Property], records: list[ContactRecord], bad: list[BadRow]
) -> None:
    """Turn one card's properties into a contact, or a bad row when it has no name."""
    record = contact_from_card(line, card)
    if record.name:
        records.append(record)
    else:
        bad.append(BadRow(line, "no name"))


def contact_from_card(line: int, card: list[Property]) -> ContactRecord:
    """Build one contact from a card's properties."""
    # Apple names a property's label in a second line of the same group.
    labels = {
        prop.group.lower(): _clean_label(unescape(prop.value))
        for prop in card
        if prop.name == "X-ABLABEL" and prop.group
    }
    record = ContactRecord(line, "")
    for prop in card:
        label = labels.get(prop.group.lower(), "") if prop.group else ""
        handler = _HANDLERS.get(prop.name)
        if handler is not None:
            handler(record, prop, label)
        elif prop.name not in _SKIP and not prop.name.startswith(_SKIP_PREFIXES):
            _add_fact(record, prop, label)

    if not record.name:
        record.name = _name_from_parts(card)
    record.name = stand_in_name(
        record.name, record.company, record.emails, record.phones
    )
    return record


def _name_from_parts(card: list[Property]) -> str:
    """The name from N (family;given;additional;prefix;suffix), for cards with no FN."""
    prop = next((prop for prop in card if prop.name == "N"), None)
    if prop is None:
        return ""
    parts = [part.strip() for part in split_value(prop.value, ";")] + [""] * 5
    family, given, additional, _prefix, suffix = parts[:5]
    return join_words(given, additional, family, suffix)


def vcard_date(prop: Property) -> str:
    """A date as the card gives it, with Apple's stand-in year made `--MM-DD`."""
    value = prop.value.strip()
    match = _DATE.match(value)
    no_year = prop.params.get("X-APPLE-OMIT-YEAR", [_NO_YEAR])[0]
    if match and match[1] == no_year:
        return f"--{match[2]}-{match[3]}"
    return value


def _clean_label(label: str) -> str:
    """Apple's built-in labels, such as `_$!<Anniversary>!$_`, as plain words."""
    return label.removeprefix("_$!<").removesuffix(">!$_").strip()


def _text(prop: Property) -> str:
    """A property's value as plain text."""
    return unescape(prop.value).strip()


def _on_name(record: ContactRecord, prop: Property, label: str) -> None:
    record.name = record.name or _text(prop)


def _on_structured_name(record: ContactRecord, prop: Property, label: str) -> None:
    """Keep N's honorific (Dr., Ms.) as a fact; FN or N's other parts name them."""
    parts = split_value(prop.value, ";")
    prefix = " ".join(parts[3].split()) if len(parts) > 3 else ""
    if prefix:
        record.facts.append(("honorific", prefix))


def _on_nickname(record: ContactRecord, prop: Property, label: str) -> None:
    names = [name.strip() for name in split_value(prop.value, ",") if name.strip()]
    if names and not record.nickname:
        record.nickname = names.pop(0)
    record.facts.extend(("nickname", name) for name in names)


def _on_email(record: ContactRecord, prop: Property, label: str) -> None:
    value = _text(prop).removeprefix("mailto:")
    if value:
        record.emails.append(value)
        set_label(record, value, point_label(prop, label))


def _on_phone(record: ContactRecord, prop: Property, label: str) -> None:
    value = _text(prop).removeprefix("tel:")
    if value:
        record.phones.append(value)
        set_label(record, value, point_label(prop, label))


def _on_url(record: ContactRecord, prop: Property, label: str) -> None:
    value = _text(prop)
    if value:
        record.urls.append(value)
        if prop.name == "X-SOCIALPROFILE" and not label:
            # Apple names the network in its type: twitter, facebook, ...
            label = next(iter(prop.types()), "")
        set_label(record, value, point_label(prop, label))


def point_label(prop: Property, label: str) -> str | None:
    """An email's, phone's or URL's label: Apple's X-ABLabel, else its TYPEs."""
    if label:
        return contact_label(label)
    if not prop.params:
        return None
    types = prop.types()
    place = next((_PLACE_TYPES[t] for t in types if t in _PLACE_TYPES), "")
    device = next((_DEVICE_TYPES[t] for t in types if t in _DEVICE_TYPES), "")
    return contact_label(join_words(place, device))


def _on_organization(record: ContactRecord, prop: Property, label: str) -> None:
    company, *units = [part.strip() for part in split_value(prop.value, ";")]
    record.company = record.company or company or None
    department = ", ".join(unit for unit in units if unit)
    if department:
        record.facts.append(("department", department))


def _on_title(record: ContactRecord, prop: Property, label: str) -> None:
    record.title = record.title or _text(prop) or None


def _on_birthday(record: ContactRecord, prop: Property, label: str) -> None:
    record.birthday = vcard_date(prop) or None


def _on_anniversary(record: ContactRecord, prop: Property, label: str) -> None:
    record.dates.append(("anniversary", vcard_date(prop)))


def _on_date(record: ContactRecord, prop: Property, label: str) -> None:
    record.dates.append(((label or "date").lower(), vcard_date(prop)))


def _on_related(record: ContactRecord, prop: Property, label: str) -> None:
    value = _text(prop)
    kind = label or next(iter(prop.types()), "")
    if value:
        record.facts.append(((kind or "related").lower(), value))


def _on_note(record: ContactRecord, prop: Property, label: str) -> None:
    note = tidy_text(_text(prop))
    if note:
        record.notes = f"{record.notes}\n{note}" if record.notes else note


def _on_categories(record: ContactRecord, prop: Property, label: str) -> None:
    record.tags = clean_tags(record.tags + split_value(prop.value, ","))


def _on_address(record: ContactRecord, prop: Property, label: str) -> None:
    parts = [part.strip() for part in split_value(prop.value, ";")] + [""] * 7
    _box, extended, street, town, region, code, country = parts[:7]
    record.location = record.location or join_place(town, region, country)
    if street or code:
        kind = label or next((t for t in prop.types() if t in _ADDRESS_TYPES), "")
        key = f"{kind.lower()} address" if kind else "address"
        full = join_place(street, extended, town, region, code, country)
        record.facts.append((key, full or street))


def _on_met(record: ContactRecord, prop: Property, label: str) -> None:
    record.met_how = record.met_how or _text(prop) or None


def _on_met_on(record: ContactRecord, prop: Property, label: str) -> None:
    record.met_on = record.met_on or _text(prop) or None


def _on_cadence(record: ContactRecord, prop: Property, label: str) -> None:
    text = _text(prop)
    cadence = _cadence(text) if text else None
    if cadence:
        record.cadence = record.cadence or cadence
    elif text:
        record.categorized_facts.append(("other", "cadence", text, None))


@functools.cache
def _cadence(text: str) -> str | None:
    """A cadence as Farley writes it ("every 3 months"), or None if unreadable."""
    from farley.dates.recur import parse_recurrence
    from farley.errors import DateError

    try:
        return parse_recurrence(text).describe()
    except DateError:
        return None


def _on_farley_fact(record: ContactRecord, prop: Property, label: str) -> None:
    """A fact as Farley's export writes it: its category, key and day learned."""
    value = _text(prop)
    key = " ".join(_param(prop, "KEY").split())
    category = _param(prop, "CATEGORY").lower()
    if not value or not key:
        _add_fact(record, prop, label)
    elif category not in FACT_CATEGORIES:
        record.facts.append((key, value))
    else:
        learned = _iso_day(_param(prop, "LEARNED"))
        record.categorized_facts.append((category, key, value, learned))


def _param(prop: Property, name: str) -> str:
    """A parameter's value; commas in it, unquoted, were split: join them back."""
    return ",".join(prop.params.get(name, []))


def _iso_day(text: str) -> str | None:
    """A day in ISO 8601 (2026-03-01), or None for anything else."""
    try:
        return date.fromisoformat(text).isoformat() if len(text) == 10 else None
    except ValueError:
        return None


def _add_fact(record: ContactRecord, prop: Property, label: str) -> None:
    """Keep a property no field takes as a fact, named by its label or its name."""
    value = _text(prop)
    if value:
        name = _FACT_NAMES.get(prop.name, prop.name)
        key = label or name.removeprefix("X-").replace("-", " ").lower()
        record.facts.append((key, value))


_HANDLERS: dict[str, Handler] = {
    "FN": _on_name,
    "N": _on_structured_name,
    "NICKNAME": _on_nickname,
    "EMAIL": _on_email,
    "TEL": _on_phone,
    "URL": _on_url,
    "X-SOCIALPROFILE": _on_url,
    "ORG": _on_organization,
    "TITLE": _on_title,
    "BDAY": _on_birthday,
    "ANNIVERSARY": _on_anniversary,
    "X-ANNIVERSARY": _on_anniversary,
    "X-MS-ANNIVERSARY": _on_anniversary,
    "X-EVOLUTION-ANNIVERSARY": _on_anniversary,
    "X-ABDATE": _on_date,
    "X-ABRELATEDNAMES": _on_related,
    "RELATED": _on_related,
    "NOTE": _on_note,
    "CATEGORIES": _on_categories,
    "ADR": _on_address,
    "X-FARLEY-FACT": _on_farley_fact,
    "X-FARLEY-MET": _on_met,
    "X-FARLEY-MET-ON": _on_met_on,
    "X-FARLEY-CADENCE": _on_cadence,
}
