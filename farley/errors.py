"""The errors a user can fix, each with the exit code it ends the program with."""


class FarleyError(Exception):
    """A mistake the user can put right; the message says how."""

    exit_code = 1


class InvalidInput(FarleyError):
    """Something typed cannot be understood (a date, a name, a value)."""

    exit_code = 2


class DateError(InvalidInput):
    """A date or a recurrence rule that cannot be read in full."""


class NotFound(FarleyError):
    """A person, note, reminder or batch that does not exist."""

    exit_code = 3


class Ambiguous(FarleyError):
    """A name that fits several people."""

    exit_code = 4


class Conflict(FarleyError):
    """A change that would clash with what is on file (a duplicate email)."""

    exit_code = 5


class StoreError(FarleyError):
    """The data file cannot be opened, read or written."""

    exit_code = 6
