"""A throwaway PostgreSQL cluster for tests, started from the server binaries on this machine.

    with postgres_cluster() as url:   # postgresql+psycopg://postgres@127.0.0.1:PORT/tender_coach
        ...

initdb refuses to run as root, so when the tests run as root the cluster belongs to `nobody`
and every server command runs as that user (subprocess's `user=`; no sudo or runuser needed).
Durability settings are off: the data is thrown away anyway, and fsyncs would slow every test."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DATABASE = "tender_coach"
UNPRIVILEGED_USER = "nobody"
INSTALL_HINT = "install the PostgreSQL server (Debian: apt-get install -y postgresql)"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries here, or the cluster would not start."""


def find_bindir() -> Path:
    """The folder with initdb and pg_ctl: `pg_config --bindir`, else Debian's versioned folders,
    else PATH. pg_config may come from the client package alone, hence the fallbacks."""
    candidates: list[Path] = []
    if shutil.which("pg_config"):
        result = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        if result.returncode == 0 and result.stdout.strip():
            candidates.append(Path(result.stdout.strip()))
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: _version(Path(p).parent.name))
    candidates += [Path(p) for p in reversed(debian)]
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise PostgresUnavailable(f"no PostgreSQL server binaries (initdb, pg_ctl) found; {INSTALL_HINT}")


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _owner() -> dict:
    """subprocess arguments that run a server command as a user initdb accepts."""
    if os.geteuid() != 0:
        return {}
    entry = pwd.getpwnam(UNPRIVILEGED_USER)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def _run(command: list[str], folder: Path, owner: dict, what: str) -> None:
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120, **owner)
    if result.returncode != 0:
        raise PostgresUnavailable(f"{what} failed ({result.returncode}): {result.stderr.strip() or result.stdout}")


def _start(bindir: Path, folder: Path, owner: dict) -> int:
    """Start the server on a free loopback port; retry if another process took the port first."""
    log = folder / "server.log"
    for _ in range(5):
        port = _free_port()
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        result = subprocess.run(
            [str(bindir / "pg_ctl"), "-D", str(folder / "data"), "-l", str(log), "-o", options, "-w", "-t", "60",
             "start"], cwd=folder, capture_output=True, text=True, timeout=120, **owner)
        if result.returncode == 0:
            return port
        if "already in use" not in (log.read_text(errors="replace") if log.exists() else ""):
            break
    server_log = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise PostgresUnavailable(f"pg_ctl start failed: {result.stderr.strip()}\n{server_log}")


@contextmanager
def postgres_cluster(database: str = DATABASE) -> Iterator[str]:
    """Start a cluster in a temp folder, create `database`, yield its URL; stop and delete at the end."""
    bindir = find_bindir()
    owner = _owner()
    # Under /tmp, not pytest's tmp_path: that is private to root, and the server runs as nobody.
    folder = Path(tempfile.mkdtemp(prefix="tender-coach-pg-"))
    started = False
    try:
        if owner:
            os.chown(folder, owner["user"], owner["group"])
        _run([str(bindir / "initdb"), "-D", str(folder / "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8",
              "--locale=C", "--no-sync"], folder, owner, "initdb")
        port = _start(bindir, folder, owner)
        started = True
        admin = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        yield create_database(admin, database)
    finally:
        if started:
            subprocess.run([str(bindir / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"],
                           cwd=folder, capture_output=True, timeout=60, **owner)
        shutil.rmtree(folder, ignore_errors=True)


def create_database(url: str, name: str | None = None) -> str:
    """Create a database in the cluster `url` points at (a fresh random name by default) and
    return the URL for it: one empty database a test, no cleaning between tests."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = name or f"t_{uuid.uuid4().hex[:12]}"
    parsed = make_url(url)
    with psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database or
                         "postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return parsed.set(database=name).render_as_string(hide_password=False)
