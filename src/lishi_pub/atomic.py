"""Write outputs so that a failure never costs the user a file they had.

Everything lishi-pub writes goes through here.  A regular file (new or
existing) is written to a temporary file in the destination's own folder
(same file system, so the rename is atomic), synced, then renamed over the
target: a crash or an exception leaves the old file untouched and no partial
file behind.  What is not a regular file is never replaced, as ``cp`` and
pandoc behave: a symlink is followed, so its target is replaced and the link
stays; a device, a FIFO or a socket is opened and written through.
:func:`locked` serialises writers of one folder, so two runs writing the same
set of outputs at once each leave a consistent set.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path

__all__ = ["is_stream", "locked", "resolve", "write_atomic", "write_tree_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def resolve(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` must change: symlinks followed, even dangling ones."""
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def is_stream(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` exists and is written through rather than replaced (device, FIFO, socket)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _pieces(data: bytes | str | Iterable[str]) -> Iterator[bytes]:
    for piece in [data] if isinstance(data, (bytes, str)) else data:
        yield piece.encode("utf-8") if isinstance(piece, str) else piece


def _write_through(target: Path, data: bytes | str | Iterable[str]) -> None:
    """Stream into an existing non-regular file: never created, truncated or renamed."""
    if stat.S_ISSOCK(os.stat(target).st_mode):
        import socket  # rare, and 4 ms of every command's start-up when imported at the top

        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(os.fspath(target))
            for chunk in _pieces(data):
                sock.sendall(chunk)
        return
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "wb") as fh:
        for chunk in _pieces(data):
            fh.write(chunk)


def write_atomic(path: str | os.PathLike[str], data: bytes | str | Iterable[str]) -> Path:
    """Write ``data`` (bytes, text, or text in pieces, written as they come) to ``path``.

    Returns ``path`` as given (the link, not its target).
    """
    if is_stream(path):  # through the link as given: /dev/stdout's target may be pipe:[123], no real path
        _write_through(Path(path), data)
        return Path(path)
    target = resolve(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:100]}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in _pieces(data):
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return Path(path)


def write_tree_atomic(folder: str | os.PathLike[str], files: Mapping[str, bytes | str]) -> list[Path]:
    """Write a directory output so that a failure while writing touches nothing.

    Names are checked first, so a hostile name cannot escape ``folder``.
    Every file is then written into a staging folder beside ``folder`` (same
    file system) and only when all are written are they renamed into place;
    a failure during writing leaves ``folder`` exactly as it was.  A symlink
    to a folder is followed.
    """
    root = resolve(folder)
    planned: list[tuple[Path, bytes | str]] = []
    for name, data in files.items():
        rel = Path(name)
        if rel.is_absolute() or not rel.parts or any(part in ("", ".", "..") for part in rel.parts):
            raise ValueError(f"unsafe output file name {name!r}")
        planned.append((rel, data))
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root.parent, prefix=f".{root.name[:100]}.", suffix=".part"))
    try:
        for rel, data in planned:
            write_atomic(staging / rel, data)
        root.mkdir(exist_ok=True)
        written = []
        for rel, _ in planned:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, root / rel)
            written.append(Path(folder) / rel)
        return written
    finally:
        import shutil

        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def locked(paths: Iterable[str | os.PathLike[str]]) -> Iterator[None]:
    """Hold an exclusive lock on the folder of each of ``paths`` while writing a set of outputs.

    The lock is ``flock`` on the folder itself, so it leaves no lock file
    behind and dies with the process.  Folders are locked in a fixed order,
    so two runs never wait on each other crosswise.  Where ``flock`` is
    missing (Windows) the writes are still atomic one by one.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    folders = sorted({os.path.realpath(resolve(p).parent) for p in paths})
    with ExitStack() as stack:
        for folder in folders:
            os.makedirs(folder, exist_ok=True)
            fd = os.open(folder, os.O_RDONLY)
            stack.callback(os.close, fd)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
