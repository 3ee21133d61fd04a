"""Find the issues of an archive: folders, files and globs to issues with pages in reading order.

One folder holding ``.txt`` page dumps is one issue (with ``file_per_issue``,
each ``.txt`` file is); in a folder without dumps, each lishi-pub ``.json``
document is an issue of its own.  Folders are searched downwards, so the root of an
archive can be given as it is, and glob patterns are expanded here too, for
shells that leave them alone (Windows, or a quoted pattern).  Pages sort
naturally (``page2`` before ``page10``), because that is how extractors and
people number them.  Nothing here reads a page: discovery only lists and
stats, so it stays cheap for decades of issues.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from attrs import frozen

from .errors import InputError
from .exporter import safe_name

__all__ = ["DOCUMENT_SUFFIX", "PAGE_SUFFIX", "SIDECAR", "IssueSource", "Skipped", "discover", "expand_globs", "is_batch",
           "natural_key"]

PAGE_SUFFIX = ".txt"
#: A lishi-pub JSON document: a whole issue of its own (see :mod:`lishi_pub.sources`).
DOCUMENT_SUFFIX = ".json"
#: The metadata file beside an issue's pages (see :mod:`lishi_pub.sidecar`).
SIDECAR = "issue.toml"

_DIGITS = re.compile(r"(\d+)")
_GLOB_MAGIC = re.compile(r"[*?[]")


@frozen
class IssueSource:
    """One issue as found on disk, before anything is read.

    ``name`` is the folder or file as the user would write it; ``pages`` are
    its page dumps in reading order; ``stem`` is where its outputs go, as
    sanitised path parts under the output folder, without an extension.
    """

    name: str
    pages: tuple[str, ...]
    stem: tuple[str, ...]
    sidecar: str | None = None
    is_folder: bool = True


@frozen
class Skipped:
    """An input that holds no issue, and why (reported in the batch summary)."""

    name: str
    reason: str


def natural_key(name: str) -> tuple[object, ...]:
    """Sort key putting ``2`` before ``10``; the name itself breaks ties, so the order is total."""
    parts = _DIGITS.split(name.casefold())
    return (tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), name)


def expand_globs(inputs: Sequence[str]) -> list[str]:
    """Inputs with glob patterns expanded, each pattern's matches in natural order.

    An existing path is taken literally even if it contains ``*`` or ``[``;
    a pattern that matches nothing is an error, as a missing file is.
    """
    expanded: list[str] = []
    for item in inputs:
        if os.path.lexists(item) or not _GLOB_MAGIC.search(item):
            expanded.append(item)
            continue
        matches = glob.glob(item, recursive=True)
        if not matches:
            raise InputError(f"{item}: matches no file or folder")
        expanded.extend(sorted(matches, key=natural_key))
    return expanded


def is_batch(paths: Iterable[str], *, file_per_issue: bool = False) -> bool:
    """Whether ``convert`` runs a batch: a folder among the inputs, or one issue per file asked for."""
    return file_per_issue or any(os.path.isdir(p) for p in paths)


def _is_page(name: str, suffixes: tuple[str, ...]) -> bool:
    return name.lower().endswith(suffixes) and not name.startswith(".")


def page_suffixes() -> tuple[str, ...]:
    """What a page file may end with: ``.txt`` and every reader's suffixes (``.pdf``)."""
    from .plugins import readers

    found = {PAGE_SUFFIX}
    for reader in readers().values():
        found.update(s.lower() for s in reader.suffixes)
    return tuple(sorted(found))


def _is_document(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIX) and not name.startswith(".")


def _own_name(path: Path) -> str:
    """A folder's own name, also for ``.`` and ``..``."""
    return path.name if path.name not in ("", ".", "..") else path.resolve().name


def _walk(root: Path, excluded: Path | None) -> Iterable[tuple[Path, list[str]]]:
    """Every folder under ``root`` (itself first) with its page files, in natural order.

    Hidden folders and the output folder (when it lies inside the archive) are
    not searched.
    """
    suffixes = page_suffixes()
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted((d for d in dirs if not d.startswith(".")
                          and (excluded is None or (here / d).resolve() != excluded)), key=natural_key)
        pages = sorted((f for f in files if _is_page(f, suffixes)), key=natural_key)
        yield here, pages or sorted((f for f in files if _is_document(f)), key=natural_key)


def _folder_issues(root: Path, file_per_issue: bool, excluded: Path | None) -> list[IssueSource]:
    top = safe_name(_own_name(root))
    found: list[IssueSource] = []
    for folder, pages in _walk(root, excluded):
        if not pages:
            continue
        rel = folder.relative_to(root).parts
        parts = tuple(safe_name(p) for p in rel) if rel else (top,)
        if file_per_issue or _is_document(pages[0]):
            base = parts if rel else ()
            found.extend(IssueSource(name=str(folder / p), pages=(str(folder / p),),
                                     stem=(*base, safe_name(Path(p).stem)), is_folder=False)
                         for p in pages)
        else:
            sidecar = folder / SIDECAR
            found.append(IssueSource(name=str(folder), pages=tuple(str(folder / p) for p in pages), stem=parts,
                                     sidecar=str(sidecar) if sidecar.is_file() else None))
    return found


def discover(paths: Sequence[str], *, file_per_issue: bool = False,
             exclude: str | os.PathLike[str] | None = None) -> tuple[list[IssueSource], list[Skipped]]:
    """The issues under ``paths`` (already glob-expanded), in the order given, and what holds none.

    A folder is searched downwards: every folder with ``.txt`` files in it is
    one issue, or with ``file_per_issue`` every ``.txt`` file is.  A file
    named directly is an issue of its own; one that is not a ``.txt`` dump is
    skipped rather than guessed at.  ``exclude`` (the output folder) is never
    searched.  A missing path raises :class:`~lishi_pub.InputError`.
    """
    excluded = Path(exclude).resolve() if exclude is not None else None
    found: list[IssueSource] = []
    skipped: list[Skipped] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            inside = _folder_issues(path, file_per_issue, excluded)
            if inside:
                found.extend(inside)
            else:
                skipped.append(Skipped(item, f"no page files (*{', *'.join(page_suffixes())})"))
        elif path.is_file():
            if path.suffix.lower() in (*page_suffixes(), DOCUMENT_SUFFIX):
                found.append(IssueSource(name=item, pages=(item,), stem=(safe_name(path.stem),), is_folder=False))
            else:
                skipped.append(Skipped(item, f"not a page file (*{', *'.join(page_suffixes())}) or lishi-pub JSON "
                                             f"(*{DOCUMENT_SUFFIX})"))
        else:
            raise InputError(f"{item}: no such file or folder")
    return _unique(found), skipped


def _unique(found: list[IssueSource]) -> list[IssueSource]:
    """An issue reached twice (a folder and its parent both given) is converted once."""
    seen: set[tuple[str, ...]] = set()
    unique = []
    for source in found:
        key = tuple(os.path.realpath(p) for p in source.pages)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique
