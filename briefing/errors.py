"""The one exception type the CLI turns into a one-line message."""


class BriefingError(Exception):
    """An expected failure with a message fit for a user (one line, no traceback)."""
