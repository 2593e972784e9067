"""Named errors. The library raises only these; the CLI turns each into one Chinese line and an exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit statuses of the command line."""

    OK = 0  # ran to the end; reports written (findings or not)
    USAGE = 2  # wrong options or arguments
    INPUT = 3  # an input file cannot be used
    CONFIG = 4  # a configuration file is wrong
    OUTPUT = 5  # the output folder cannot be written
    INTERNAL = 70  # a bug: please report it with --debug output


class RostercheckError(Exception):
    """Base of every error the library raises on purpose; ``str()`` is the Chinese message."""

    exit_code = ExitCode.INPUT


class InputFileError(RostercheckError):
    """An input file is missing, unreadable, of an unknown format or lacks required columns."""

    exit_code = ExitCode.INPUT

    def __init__(self, path: object, message: str):
        self.path = str(path)
        self.message = message
        super().__init__(f"文件“{path}”：{message}")

    def __reduce__(self):
        # Rebuilt from (path, message) when it crosses a process boundary (parallel loading).
        return (self.__class__, (self.path, self.message))


class LimitExceededError(InputFileError):
    """An input file exceeds a safety limit (size, rows, sheet extent, compression ratio)."""


class ConfigError(RostercheckError):
    """A configuration file has mistakes (all of them listed in the message)."""

    exit_code = ExitCode.CONFIG


class OutputError(RostercheckError):
    """The output folder cannot be created or written."""

    exit_code = ExitCode.OUTPUT


class UsageError(RostercheckError):
    """The command line asks for something impossible (e.g. a bad date)."""

    exit_code = ExitCode.USAGE
