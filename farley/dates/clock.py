"""Reading times of day and their zones: "3pm", "at 9", "15:30 +02:00", "noon"."""

import re
from datetime import UTC, time, timedelta, timezone, tzinfo

# re.ASCII: \d alone would also match digits from other scripts.
_TIME = re.compile(
    r"(?P<at>at )?(?:(?P<word>noon|midnight)|(?P<hour>\d{1,2})"
    r"(?::(?P<minute>\d{2}))?(?::(?P<second>\d{2}))? ?(?P<ampm>[ap]m|[ap]\.m\.)?)"
    r"(?: ?(?P<zone>z|utc|gmt|[+-]\d{2}:?\d{2}))?",
    re.ASCII,
)


def split_time(words: str, zone: tzinfo | None) -> tuple[str, time | None]:
    """Separate a time of day at either end ("friday 3pm", "9am tomorrow")."""
    tokens = words.split(" ")
    for size in range(min(4, len(tokens)), 0, -1):
        at = _read_time(" ".join(tokens[-size:]), zone)
        if at is not None:
            return " ".join(tokens[:-size]), at
        at = _read_time(" ".join(tokens[:size]), zone)
        if at is not None:
            return " ".join(tokens[size:]), at
    return words, None


def _read_time(words: str, zone: tzinfo | None) -> time | None:
    match = _TIME.fullmatch(words)
    if match is None:
        return None
    if match["zone"]:
        zone = _read_zone(match["zone"])
    if match["word"]:
        return time(12 if match["word"] == "noon" else 0, tzinfo=zone)

    # A lone number is a day of the month ("Dec 4"); "at 4" and "4pm" are times.
    if not (match["at"] or match["minute"] or match["ampm"]):
        return None
    hour = _hour_of_day(int(match["hour"]), match["ampm"])
    minute, second = int(match["minute"] or 0), int(match["second"] or 0)
    return time(hour, minute, second, tzinfo=zone)


def _hour_of_day(hour: int, ampm: str | None) -> int:
    if ampm is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError(f"no hour {hour}{ampm}")
    return hour % 12 + (12 if ampm.startswith("p") else 0)


def _read_zone(text: str) -> tzinfo:
    if text in ("z", "utc", "gmt"):
        return UTC
    hours, minutes = int(text[1:3]), int(text[-2:])
    if minutes >= 60:
        raise ValueError(f"no such offset {text}")
    offset = timedelta(hours=hours, minutes=minutes)
    return timezone(-offset if text.startswith("-") else offset)
