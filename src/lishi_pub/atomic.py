"""Write outputs so that a failure never costs the user a file they had.

Everything lishi-pub writes goes through here: a temporary file in the
destination's own folder (same file system, so the rename is atomic), synced,
then renamed over the target.  A crash or an exception leaves the old file
untouched and no partial file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["write_atomic", "write_tree_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    target = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:100]}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
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
    """Write each file of a directory output atomically.

    Names are checked before anything is written, so a hostile name cannot
    escape ``folder`` and a bad mapping writes nothing at all.
    """
    root = Path(folder)
    planned: list[tuple[Path, bytes | str]] = []
    for name, data in files.items():
        rel = Path(name)
        if rel.is_absolute() or not rel.parts or any(part in ("", ".", "..") for part in rel.parts):
            raise ValueError(f"unsafe output file name {name!r}")
        planned.append((root / rel, data))
    return [write_atomic(path, data) for path, data in planned]
