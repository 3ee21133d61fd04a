"""The ``lishi_pub`` entry points of installed distributions, read straight from their metadata.

``importlib.metadata`` imports email, zipfile, csv and more, and parses
every distribution's metadata, to answer one question: which installed
packages declare a ``lishi_pub`` entry point.  That cost every command a
tenth of its start-up.  The answer is in the ``entry_points.txt`` beside
each ``*.dist-info`` (or ``*.egg-info``) folder on ``sys.path``; reading
those few files, in ``sys.path`` order with the first distribution of a
name winning, gives what ``importlib.metadata.entry_points(group=...)``
gives, as ``tests/test_entrypoints.py`` checks.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Iterable

from attrs import frozen

__all__ = ["EntryPoint", "entry_points"]

_META_SUFFIXES = (".dist-info", ".egg-info")
_SECTION = re.compile(r"^\s*\[\s*(?P<name>[^\]]+?)\s*\]\s*$")


@frozen
class EntryPoint:
    """One entry point: ``name = module:attr`` from distribution ``dist_name`` ``dist_version``."""

    name: str
    value: str
    dist_name: str
    dist_version: str | None

    @property
    def module(self) -> str:
        return self.value.partition(":")[0].strip()

    def load(self) -> object:
        """The object named, imported as ``importlib.metadata.EntryPoint.load`` does."""
        module, _, attr = self.value.partition(":")
        obj: object = importlib.import_module(module.strip())
        for part in filter(None, attr.split("[")[0].strip().split(".")):
            obj = getattr(obj, part)
        return obj


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _read_group(text: str, group: str) -> list[tuple[str, str]]:
    """``name = value`` pairs of one ``[group]`` section of an entry_points.txt (an ini file)."""
    found: list[tuple[str, str]] = []
    inside = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        section = _SECTION.match(line)
        if section:
            inside = section["name"] == group
            continue
        if inside and "=" in stripped:
            name, _, value = stripped.partition("=")
            found.append((name.strip(), value.strip()))
    return found


def _name_and_version(meta: str) -> tuple[str | None, str | None]:
    """The ``Name`` and ``Version`` headers of METADATA / PKG-INFO (they come first)."""
    name = version = None
    for file in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(meta, file), encoding="utf-8", errors="replace") as f:
                for line in f:
                    if not line.strip():
                        break  # the headers end at the first blank line
                    key, _, value = line.partition(":")
                    if key == "Name" and name is None:
                        name = value.strip()
                    elif key == "Version" and version is None:
                        version = value.strip()
            return name, version
        except OSError:
            continue
    return name, version


def _metadata_folders(paths: Iterable[str]) -> Iterable[str]:
    for entry in paths:
        try:
            names = sorted(os.listdir(entry or "."))
        except (OSError, TypeError):
            continue
        for name in names:
            if name.endswith(_META_SUFFIXES):
                yield os.path.join(entry or ".", name)


def entry_points(group: str, paths: Iterable[str] | None = None) -> list[EntryPoint]:
    """Every entry point of ``group``, one distribution per (normalised) name, the first on the path."""
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for meta in _metadata_folders(sys.path if paths is None else paths):
        stem = os.path.basename(meta).rsplit(".", 1)[0]
        key = _normal(stem.split("-")[0])
        if key in seen:
            continue
        seen.add(key)
        try:
            with open(os.path.join(meta, "entry_points.txt"), encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError):
            continue
        if f"[{group}]" not in text.replace(" ", ""):
            continue
        pairs = _read_group(text, group)
        if not pairs:
            continue
        name, version = _name_and_version(meta)
        found.extend(EntryPoint(n, v, name or stem.split("-")[0], version) for n, v in pairs)
    return found
