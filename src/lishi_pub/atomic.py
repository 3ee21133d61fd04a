"""Write outputs so that a failure never costs the user a file they had.

Everything lishi-pub writes goes through here: a temporary file in the
destination's own folder (same file system, so the rename is atomic), synced,
then renamed over the target.  A crash or an exception leaves the old file
untouched and no partial file behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["write_atomic", "write_tree_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: bytes | str | Iterable[str]) -> Path:
    """Write ``data`` (bytes, text, or text in pieces, written as they come) to ``path``."""
    target = Path(path)
    pieces = [data] if isinstance(data, (bytes, str)) else data
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:100]}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
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
    return target


def write_tree_atomic(folder: str | os.PathLike[str], files: Mapping[str, bytes | str]) -> list[Path]:
    """Write a directory output so that a failure while writing touches nothing.

    Names are checked first, so a hostile name cannot escape ``folder``.
    Every file is then written into a staging folder beside ``folder`` (same
    file system) and only when all are written are they renamed into place;
    a failure during writing leaves ``folder`` exactly as it was.
    """
    root = Path(folder)
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
            written.append(root / rel)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
