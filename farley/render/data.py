"""Domain objects as JSON: ISO 8601 dates and the dataclasses' own field names."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any


def to_data(value: Any) -> Any:
    """Plain lists, dicts, strings and numbers, ready for json.dumps."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def write_json(value: Any) -> str:
    return json.dumps(to_data(value), indent=2, ensure_ascii=False) + "\n"
