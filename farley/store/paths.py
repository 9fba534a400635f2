"""Where the data file lives when no --db or FARLEY_DB says otherwise."""

import os
import sys
from pathlib import Path

FILE_NAME = "farley.db"


def user_data_dir() -> Path:
    """The platform's folder for a user's application data, Farley's own inside."""
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "farley"
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local"
        return Path(base) / "farley"
    base = os.environ.get("XDG_DATA_HOME") or home / ".local" / "share"
    return Path(base) / "farley"


def default_path() -> Path:
    """The data file: FARLEY_DB when set, else the user data folder's farley.db."""
    configured = os.environ.get("FARLEY_DB")
    if configured:
        return Path(configured).expanduser()
    return user_data_dir() / FILE_NAME
