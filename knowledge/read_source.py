"""The bytes of a draft from a path or a stream, never more than a limit and never waiting forever.

A file's reported size cannot be trusted: a device (/dev/zero) or a pipe reports 0 and
may never end, and a file can grow after it is measured. So every read stops at the
limit and one byte, devices and sockets are refused before they are opened, and a named
pipe is read without blocking, giving up when no data arrives for a while.
"""

from __future__ import annotations

import math
import os
import stat
import sys
import time

from knowledge.errors import InputError

# Type names for annotations only: importing `typing` costs a review's start-up about 2 ms.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO

# Seconds a named pipe may go without sending anything (its writer may never start) before
# the read gives up; TENDER_COACH_PIPE_TIMEOUT overrides it, e.g. for a slow producer.
STALL_SECONDS = 10.0
# However steadily a pipe trickles, the whole read ends after this long.
TOTAL_SECONDS = 300.0
_CHUNK = 1 << 20


def megabytes(size: int) -> str:
    # Round up so anything over the limit never displays as equal to it.
    value = math.ceil(size * 10 / (1024 * 1024)) / 10
    return f"{value:g} MB"


def too_large(name: str, size: int, limit: int) -> InputError:
    return InputError(
        f"{name} is {megabytes(size)}, over the {megabytes(limit)} limit. "
        "Split the draft into smaller parts, or remove images and attachments, then try again."
    )


def over_limit(name: str, limit: int) -> InputError:
    return InputError(
        f"{name} is more than the {megabytes(limit)} limit. "
        "Split the draft into smaller parts, or remove images and attachments, then try again."
    )


def read_path(path: str | os.PathLike[str], shown: str, limit: int) -> bytes:
    """At most `limit` + 1 bytes of the file at `path`; `shown` names it in messages."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"File not found: {shown}. Check the path and try again.") from None
    except PermissionError:
        raise _permission_error(shown) from None
    except OSError as exc:
        raise InputError(f"Could not open {shown}: {exc.strerror or exc}. Check the path and try again.") from None

    _refuse_non_document(info.st_mode, shown)
    # Checked before reading so a huge file is never loaded into memory.
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        raise too_large(shown, info.st_size, limit)

    # Non-blocking, so opening a pipe nobody writes to returns at once instead of hanging.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise _permission_error(shown) from None
    except OSError as exc:
        raise InputError(f"Could not read {shown}: {exc.strerror or exc}.") from None
    try:
        # The path may have been swapped for something else between stat and open.
        mode = os.fstat(fd).st_mode
        _refuse_non_document(mode, shown)
        data = _read_pipe(fd, shown, limit) if stat.S_ISFIFO(mode) else _read_fd(fd, limit)
    except PermissionError:
        raise _permission_error(shown) from None
    except OSError as exc:
        raise InputError(f"Could not read {shown}: {exc.strerror or exc}.") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise over_limit(shown, limit)
    return data


def read_stream(stream: BinaryIO | None, limit: int) -> bytes:
    """At most `limit` + 1 bytes of standard input (or `stream`).

    No stall timeout here: someone may be typing the draft, or a slow command may be
    producing it, and Ctrl-C stops either.
    """
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("No draft was given: pass a file path, or pipe the text in.")
    chunks: list[bytes] = []
    remaining = limit + 1
    try:
        while remaining > 0:
            chunk = stream.read(min(remaining, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        raise InputError(f"Could not read standard input: {exc.strerror or exc}.") from None
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputError(
            f"The input from stdin is more than the {megabytes(limit)} limit. "
            "Split the draft into smaller parts and check each one."
        )
    return data


def stall_seconds() -> float:
    raw = os.environ.get("TENDER_COACH_PIPE_TIMEOUT", "").strip()
    if raw:
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if value > 0 and math.isfinite(value):
            return value
        raise InputError(
            f"TENDER_COACH_PIPE_TIMEOUT is '{raw}'; it must be a number of seconds above 0, e.g. 10."
        )
    return STALL_SECONDS


def _refuse_non_document(mode: int, shown: str) -> None:
    if stat.S_ISDIR(mode):
        raise InputError(f"{shown} is a folder, not a file. Give the path of the draft document inside it.")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise InputError(
            f"{shown} is a device, not a document. Give the path of a draft file (.txt, .md, .docx or .pdf), "
            "or pipe the text in with '-'."
        )
    if stat.S_ISSOCK(mode):
        raise InputError(
            f"{shown} is a socket, not a document. Give the path of a draft file (.txt, .md, .docx or .pdf)."
        )


def _read_fd(fd: int, limit: int) -> bytes:
    buffer = bytearray()
    while len(buffer) <= limit:
        chunk = os.read(fd, min(limit + 1 - len(buffer), _CHUNK))
        if not chunk:
            break
        buffer += chunk
    return bytes(buffer)


def _read_pipe(fd: int, shown: str, limit: int) -> bytes:
    """A named pipe's bytes until its writer closes it, or an error once it stalls."""
    import selectors  # only a pipe needs it: about 1 ms of every other review's start-up

    stall = stall_seconds()
    give_up = time.monotonic() + TOTAL_SECONDS
    buffer = bytearray()
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while len(buffer) <= limit:
            wait = min(stall, give_up - time.monotonic())
            # With no writer yet, a pipe never reports ready (Linux, macOS); with one that closed, it does.
            if wait <= 0 or not selector.select(wait):
                raise _stalled(shown, stall, bool(buffer), timed_out=wait <= 0)
            try:
                chunk = os.read(fd, min(limit + 1 - len(buffer), _CHUNK))
            except BlockingIOError:
                continue
            if not chunk:
                break
            buffer += chunk
    return bytes(buffer)


def _stalled(shown: str, stall: float, started: bool, *, timed_out: bool) -> InputError:
    if timed_out:
        what = f"{shown} (a named pipe) was still sending after {_seconds(TOTAL_SECONDS)}"
    elif started:
        what = f"{shown} (a named pipe) stopped sending for {_seconds(stall)} before it was closed"
    else:
        what = f"nothing was written to {shown} (a named pipe) within {_seconds(stall)}"
    return InputError(
        f"The draft was not read: {what}. Start the program that writes to the pipe first, "
        "or save the draft to a file and give that path."
    )


def _seconds(value: float) -> str:
    return f"{value:g} second{'' if value == 1 else 's'}"


def _permission_error(name: str) -> InputError:
    return InputError(
        f"Permission denied reading {name}. Check the file's permissions, or copy it somewhere you can read."
    )
