"""Storage: the one SQLite file, its schema, migrations and transactions."""

from farley.store.core import Store, backup_to, describe_error, open_store
from farley.store.paths import default_path

__all__ = [
    "Store",
    "backup_to",
    "default_path",
    "describe_error",
    "open_store",
]
