"""Named errors. The library raises only these; the CLI turns each into one Chinese line and an exit code."""

from __future__ import annotations

import errno
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
    noun = "文件"

    def __init__(self, path: object, message: str):
        self.path = str(path)
        self.message = message
        super().__init__(f"{self.noun}“{path}”：{message}")

    def __reduce__(self):
        # Rebuilt from (path, message) when it crosses a process boundary (parallel loading).
        return (self.__class__, (self.path, self.message))


class InputFolderError(InputFileError):
    """A folder given as an input holds nothing to read."""

    noun = "文件夹"


class EncryptedFileError(InputFileError):
    """An input workbook has an opening password: nothing in it can be read."""


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


# An operating-system error's cause in words a clerk reads (the system's own text is English on Linux).
_OS_REASONS = {
    errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.EROFS: "所在磁盘或文件夹是只读的",
    errno.ENOTDIR: "路径中有一段是文件而不是文件夹", errno.EISDIR: "这是文件夹，不是文件", errno.ENOENT: "不存在",
    errno.ENOSPC: "磁盘空间不足", errno.ENAMETOOLONG: "路径太长", errno.EBUSY: "正被其他程序占用",
    errno.EEXIST: "已存在", errno.EINVAL: "路径写法不对",
}


def os_reason(exc: OSError) -> str:
    """An OSError's cause in Chinese ('没有权限', '磁盘空间不足' …; else the system's error number)."""
    if isinstance(exc, PermissionError):
        return "没有权限（文件可能正在 Excel/WPS 中打开）"
    return _OS_REASONS.get(exc.errno, f"系统错误 {exc.errno}" if exc.errno else "系统错误")
