"""Errors that stop a run (as opposed to findings, which are problems in the user's files)."""


class StakeError(Exception):
    """A run cannot complete; `str(e)` is shown to the user verbatim, without a traceback."""


class UsageError(StakeError):
    """The command line or the configuration asks for something impossible."""


class ConfigError(StakeError):
    """The project configuration file is unreadable or invalid."""


class TemplateError(StakeError):
    """A template cannot be loaded or rendered."""
