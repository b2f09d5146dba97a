"""Reading a draft is bounded: devices are refused, pipes time out when they stall, nothing reads past the limit.

Every read that could hang has a way out, so a regression fails instead of hanging:
the CLI runs in a subprocess with a timeout, and in-process pipe tests start a rescuer
that connects and closes a writer if the reader is still waiting long after it should
have given up.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from knowledge import read_source, readers
from knowledge.errors import InputError
from knowledge.readers import read_document
from tests.knowledge.test_readers import _peak_mb

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
CLI = Path(sys.executable).with_name("tender-coach")
DRAFT = "The provider will deliver 200 youth sessions per year."


@pytest.fixture
def quick_stall(monkeypatch):
    monkeypatch.setenv("TENDER_COACH_PIPE_TIMEOUT", "0.3")


@pytest.fixture
def fifo(tmp_path):
    """A named pipe, and a rescuer that unblocks a reader still stuck on it after 20 s."""
    path = tmp_path / "draft.fifo"
    os.mkfifo(path)
    done = threading.Event()

    def rescue():
        if done.wait(20):
            return
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass

    threading.Thread(target=rescue, daemon=True).start()
    yield path
    done.set()


def _write_later(path: Path, *parts: bytes, pause: float = 0.0) -> threading.Thread:
    """Connect as the pipe's writer, send `parts` with `pause` between them, then close."""

    def write():
        try:
            with open(path, "wb", buffering=0) as handle:
                for i, part in enumerate(parts):
                    if i:
                        time.sleep(pause)
                    handle.write(part)
        except (BrokenPipeError, OSError):
            pass  # the reader gave up first, as some tests expect

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


# --- devices and sockets ------------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_before_anything_is_read(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    errors = []
    peak = _peak_mb(lambda: errors.append(pytest.raises(InputError, read_document, device)))
    assert f"{device} is a device, not a document" in str(errors[0].value)
    assert peak < 1  # nothing was read: reading to the limit would take 20 MB


def test_a_socket_is_refused(tmp_path):
    import socket

    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(InputError, match="is a socket, not a document"):
            read_document(path)


def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "draft.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="is a device"):
        read_document(link)


# --- regular files that grow ----------------------------------------------------------------


def test_a_file_that_grows_after_its_size_is_checked_is_read_only_to_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    path = tmp_path / "growing.txt"
    path.write_text("Outcomes. " * 10)
    real_stat = os.stat

    def stat_then_grow(target, *args, **kwargs):
        info = real_stat(target, *args, **kwargs)
        if os.fspath(target) == os.fspath(path):
            with open(path, "ab") as handle:
                handle.write(b"x" * 100_000)
        return info

    read = []
    real_read = os.read
    monkeypatch.setattr(os, "stat", stat_then_grow)
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    with pytest.raises(InputError, match="more than the 0.1 MB limit"):
        read_document(path)
    assert sum(read) <= 1001


def test_a_file_just_under_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    path = tmp_path / "draft.txt"
    path.write_text("a" * 999 + "\n")
    assert read_document(path) == "a" * 999 + "\n"


# --- named pipes ----------------------------------------------------------------------------


@posix_only
def test_a_pipe_nobody_writes_to_gives_up_with_a_clear_message(fifo, quick_stall):
    with pytest.raises(InputError) as excinfo:
        read_document(fifo)
    message = str(excinfo.value)
    assert "nothing was written to" in message and "within 0.3 seconds" in message
    assert "Start the program that writes to the pipe first" in message


@posix_only
def test_a_pipe_whose_writer_sends_a_draft_and_closes_is_read(fifo, quick_stall):
    _write_later(fifo, DRAFT.encode()[:20], DRAFT.encode()[20:], pause=0.05)
    assert read_document(fifo) == DRAFT


@posix_only
def test_a_pipe_that_stalls_after_some_text_gives_up(fifo, quick_stall):
    writer = _write_later(fifo, b"The provider will", b" deliver", pause=1.0)
    with pytest.raises(InputError, match="stopped sending for 0.3 seconds"):
        read_document(fifo)
    writer.join(5)


@posix_only
def test_a_pipe_is_read_only_to_the_limit(fifo, quick_stall, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    _write_later(fifo, b"x" * 50_000)
    with pytest.raises(InputError, match="more than the 0.1 MB limit"):
        read_document(fifo)


@posix_only
def test_a_word_file_through_a_pipe_is_read_as_word(tmp_path, fifo, quick_stall):
    import docx

    document = docx.Document()
    document.add_paragraph(DRAFT)
    document.save(tmp_path / "draft.docx")
    # Like `tender-coach review <(cat draft.docx)`: the pipe's name has no suffix to go on.
    unnamed = tmp_path / "63"
    os.mkfifo(unnamed)
    _write_later(unnamed, (tmp_path / "draft.docx").read_bytes())
    assert read_document(unnamed) == DRAFT


def test_a_pipe_timeout_that_is_not_a_number_is_explained(monkeypatch):
    monkeypatch.setenv("TENDER_COACH_PIPE_TIMEOUT", "soon")
    with pytest.raises(InputError, match="TENDER_COACH_PIPE_TIMEOUT is 'soon'"):
        read_source.stall_seconds()


# --- the command line -----------------------------------------------------------------------


def _cli(*args: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), "review", *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, env={**os.environ, **env})


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_cli_refuses_dev_zero_with_exit_2():
    result = _cli("/dev/zero")
    assert result.returncode == 2
    assert "/dev/zero is a device, not a document" in result.stderr
    assert "Traceback" not in result.stderr


@posix_only
def test_cli_gives_up_on_a_pipe_nobody_writes_to(tmp_path):
    os.mkfifo(tmp_path / "draft.fifo")
    result = _cli(str(tmp_path / "draft.fifo"), TENDER_COACH_PIPE_TIMEOUT="0.5")
    assert result.returncode == 2
    assert "nothing was written to" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_cli_stdin_from_an_endless_device_stops_at_the_limit():
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run([str(CLI), "review", "-"], stdin=zero, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "more than the 20 MB limit" in result.stderr
