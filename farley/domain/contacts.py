"""Emails, phones and URLs: checking them and the forms they are matched by."""

import re

from farley.errors import InvalidInput

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def check_email(value: str) -> str:
    """The email, trimmed; an InvalidInput when it cannot be an address."""
    email = value.strip()
    if not _EMAIL.match(email):
        raise InvalidInput(f'"{value}" is not an email address: use name@example.com')
    return email


def normalize_email(value: str) -> str:
    return value.strip().lower()


def normalize_phone(value: str) -> str:
    """Digits only, keeping a leading + so that +44 and 0044 stay distinct forms."""
    digits = re.sub(r"\D", "", value)
    return ("+" + digits) if value.strip().startswith("+") else digits


def normalize_url(value: str) -> str:
    """A URL without scheme, www., query, fragment, trailing slash or case."""
    url = _URL_SCHEME.sub("", value.strip()).lower()
    url = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return url.removeprefix("www.")


def normalize(kind: str, value: str) -> str:
    """The form a contact point is matched by."""
    if kind == "email":
        return normalize_email(value)
    if kind == "phone":
        return normalize_phone(value)
    return normalize_url(value)
