"""Which files `tender-coach index` reads: the files named, and the indexable files inside the
folders named. Decided from the file system alone, before the index lock is taken, and without
opening anything: opening a named pipe waits for a writer that may never come."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

INDEXABLE = (".md", ".markdown", ".txt", ".text", ".docx", ".pdf")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str
    link: bool = True  # a symbolic link not followed; False for other things left out (pipes, folders)


def collect_files(paths: Iterable[str], follow_links: bool = False) -> tuple[list[Path], list[Skipped]]:
    """Files to index: each file given, and every indexable file inside each folder given.

    A symbolic link inside a folder is followed only when it stays inside the folders given
    (or with follow_links): a link to /etc or to a home folder must not end up quoted in Slack.
    A file named on the command line is taken as it is, link or not: the user chose it.
    Named pipes, sockets and devices are never taken, even when named.
    Each real file is indexed once, however many ways lead to it."""
    given = [Path(raw).expanduser() for raw in paths]
    roots = [p.resolve() for p in given if p.is_dir()]
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            files.append(path)

    for path in given:
        if path.is_dir():
            found: list[Path] = []
            _walk(path, roots, follow_links, found, skipped)
            for file in sorted(found):
                add(file)
            continue
        kind = special_kind(path)
        if kind:
            skipped.append(Skipped(str(path), f"{kind}, not a file: skipped", link=False))
        else:
            add(path)  # a missing file is reported when it is read, with the other bad files
    return files, skipped


def special_kind(path: Path) -> str:
    """'a named pipe', 'a socket' or 'a device' when the path (followed through links) is one;
    '' for a regular file, a folder, or nothing at all."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return ""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return ""


def _walk(folder: Path, roots: list[Path], follow_links: bool, found: list[Path], skipped: list[Skipped]) -> None:
    visited: set[str] = set()  # real folders already listed: a link loop ends here
    stack = [folder]
    while stack:
        current = stack.pop()
        real = os.path.realpath(current)
        if real in visited:
            continue
        visited.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(str(current), f"this folder could not be read ({exc.strerror or exc})", link=False))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    _follow_link(path, roots, follow_links, found, skipped, stack)
                elif entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                elif path.suffix.lower() in INDEXABLE:
                    if entry.is_file(follow_symlinks=False):
                        found.append(path)
                    else:
                        _take(path, found, skipped)
            except OSError as exc:
                skipped.append(Skipped(str(path), f"could not be read ({exc.strerror or exc})", link=False))


def _take(path: Path, found: list[Path], skipped: list[Skipped]) -> None:
    kind = special_kind(path)
    if kind:
        skipped.append(Skipped(str(path), f"{kind}, not a file: skipped", link=False))
    else:
        found.append(path)


def _follow_link(path: Path, roots: list[Path], follow_links: bool, found: list[Path], skipped: list[Skipped],
                 stack: list[Path]) -> None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        skipped.append(Skipped(str(path), "a broken symbolic link or a link loop"))
        return
    inside = any(target == root or target.is_relative_to(root) for root in roots)
    if not inside and not follow_links:
        skipped.append(Skipped(str(path), f"a link to {target}, outside the folders given (--follow-links indexes it)"))
    elif target.is_dir():
        if follow_links:  # inside the folders given, its files are reached by their own path anyway
            stack.append(path)
    elif path.suffix.lower() in INDEXABLE:
        _take(path, found, skipped)
