"""A disk cache for work every process would otherwise redo (parsed font tables).

It lives in the user's cache directory (``$XDG_CACHE_HOME/lishi-pub``, else
``~/.cache/lishi-pub``); ``LISHI_PUB_CACHE`` moves it, and
``LISHI_PUB_NO_CACHE=1`` turns it off.  An entry is named by a hash of its
key, which callers build from versions and file stamps (path, size,
modification time), so a new lishi-pub, library or font file never reads a
stale entry.  The cache only ever saves time: an unwritable directory, a
truncated or corrupt entry, any error at all, and the caller computes the
value as if there were no cache.
"""

from __future__ import annotations

import os
import zlib

from ._version import __version__

__all__ = ["CACHE_ENV", "DISABLE_ENV", "cache_dir", "file_stamp", "load", "store"]

CACHE_ENV = "LISHI_PUB_CACHE"
DISABLE_ENV = "LISHI_PUB_NO_CACHE"
# Every entry starts with this, so a file that is not ours (or was cut short) is never read as one.
_MAGIC = b"lishi-pub-cache\0"


def cache_dir() -> str | None:
    """Where entries go, or None when the cache is turned off."""
    if os.environ.get(DISABLE_ENV, "").strip() not in ("", "0"):
        return None
    moved = os.environ.get(CACHE_ENV, "").strip()
    if moved:
        return moved
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if not os.path.isabs(base):  # the XDG spec: a relative value is to be ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "lishi-pub")


def file_stamp(path: str) -> tuple[str, int, int]:
    """What says a file is unchanged without reading it: its real path, size and modification time."""
    real = os.path.realpath(path)
    st = os.stat(real)
    return real, st.st_size, st.st_mtime_ns


def _key(kind: str, key: object) -> bytes:
    return repr((__version__, kind, key)).encode("utf-8", "surrogatepass")


def _entry(kind: str, key: bytes) -> str | None:
    """The entry's file; two keys may share one (a 64-bit name), so an entry also holds its key."""
    folder = cache_dir()
    if folder is None:
        return None
    return os.path.join(folder, f"{kind}-{zlib.crc32(key):08x}{zlib.adler32(key):08x}")


def load(kind: str, key: object) -> bytes | None:
    """The bytes stored under ``key``, or None (not there, unreadable, not ours, cache off)."""
    full = _key(kind, key)
    try:
        path = _entry(kind, full)
        if path is None:
            return None
        with open(path, "rb") as f:
            data = f.read()
    except (OSError, ValueError):
        return None
    head = _MAGIC + len(full).to_bytes(4, "big") + full
    if not data.startswith(head) or len(data) < len(head) + 4:
        return None  # not ours, or another key's
    body = data[len(head) + 4:]
    if zlib.crc32(body).to_bytes(4, "big") != data[len(head):len(head) + 4]:
        return None  # cut short or altered
    return body


def store(kind: str, key: object, body: bytes) -> None:
    """Keep ``body`` under ``key``, written whole or not at all; any failure is ignored."""
    try:
        full = _key(kind, key)
        path = _entry(kind, full)
        if path is None:
            return
        folder = os.path.dirname(path)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        import tempfile  # only when storing: reading the cache stays cheap

        fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + len(full).to_bytes(4, "big") + full + zlib.crc32(body).to_bytes(4, "big") + body)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except (OSError, ValueError):
        return
