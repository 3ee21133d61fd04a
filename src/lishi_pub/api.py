"""The library's front door: parse dumps, render and export issues.

The CLI is a thin wrapper over these functions, so a script gets exactly what
the command line gets.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .errors import ExportError, LishiPubError
from .exporter import Exporter, Rendered
from .model import Diagnostic, Issue

__all__ = ["export", "export_collection", "exporters", "layouts", "parse", "parse_text", "render"]

_METADATA = ("title", "date", "number", "publisher", "language")
PathLike = str | os.PathLike[str]


def _metadata(given: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(given) - set(_METADATA))
    if unknown:
        raise TypeError(f"unknown metadata {', '.join(unknown)}; known: {', '.join(_METADATA)}")
    meta = {k: v for k, v in given.items() if v is not None}
    date = meta.get("date")
    if isinstance(date, str):
        try:
            meta["date"] = _dt.date.fromisoformat(date)
        except ValueError:
            raise ValueError(f"date {date!r} is not an ISO date (YYYY-MM-DD)") from None
    elif isinstance(date, _dt.datetime):
        meta["date"] = date.date()
    if isinstance(meta.get("number"), int):
        meta["number"] = str(meta["number"])
    return meta


def _profile(profile: Any) -> Any:
    """A :class:`~lishi_pub.parser.conventions.Profile`, from a TOML file's path or as given."""
    if profile is None:
        return None
    from .parser.conventions import Profile

    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, (str, os.PathLike)):
        from .parser.conventions.profile import load_profile

        return load_profile(profile)
    raise TypeError(f"profile must be a path to a TOML file or a Profile, not {type(profile).__name__}")


def _assemble(inputs: Iterable[tuple[Any, Any]], metadata: Mapping[str, Any], profile: Any = None) -> Issue:
    """Source → reader → page layouts → the shared stages, page by page, so only
    one page's working data is alive at a time."""
    from .parser import read_layouts, read_page
    from .parser.issue import assemble_issue

    meta = _metadata(metadata)
    chosen = _profile(profile)
    pages: list[Any] = []
    for source, reader in inputs:
        for layout in read_layouts(source, reader, first=len(pages) + 1):
            page = read_page(layout, chosen)
            if source.removed:
                page = attrs.evolve(page, diagnostics=(Diagnostic(
                    "control-characters",
                    f"removed {source.removed} control or replacement characters from the input"),
                    *page.diagnostics))
            pages.append(page)
    if not pages:
        raise LishiPubError("no input files given")
    return assemble_issue(pages, meta)


def _open(path: PathLike, reader: str | None, encoding: str | None, max_bytes: int | None) -> tuple[Any, Any]:
    """A file's source and its reader: the one named, else the one its content or name calls for."""
    from .inputs import Source, decode, read_bytes
    from .plugins import choose_reader, get_reader
    from .reader import SNIFF_BYTES

    data = read_bytes(path, max_bytes)
    chosen = get_reader(reader) if reader is not None else choose_reader(data[:SNIFF_BYTES], str(path))
    if chosen.binary:
        return Source(text="", name=str(path), encoding="binary", data=data), chosen
    return decode(data, name=str(path), encoding=encoding), chosen


def parse_text(text: str, *, reader: str | None = None, profile: Any = None, **metadata: Any) -> Issue:
    """Parse one page dump held in memory; ``\\f`` separates pages.

    ``reader`` names a text reader other than the dump reader; ``profile`` is
    as for :func:`parse`.

    ``metadata`` may set ``title``, ``date`` (a date or ISO string),
    ``number``, ``publisher`` and ``language``; whatever is not given is taken
    from the page furniture when the page prints it.
    """
    from .inputs import clean_text
    from .plugins import FALLBACK_READER, get_reader

    chosen = get_reader(reader or FALLBACK_READER)
    if chosen.binary:
        raise ValueError(f"the {chosen.name} reader reads files, not text; use parse()")
    return _assemble([(clean_text(text, "<text>"), chosen)], metadata, profile)


def parse(paths: PathLike | Iterable[PathLike], *, encoding: str | None = None,
          max_bytes: int | None = None, reader: str | None = None, profile: Any = None,
          **metadata: Any) -> Issue:
    """Parse page dumps from files: several files become several pages of one issue.

    Each file goes to the reader named by ``reader`` (see ``lishi-pub plugins
    --all``), else to the one that claims its first bytes, else to the one its
    suffix calls for, else to the text-dump reader.  ``profile`` (a TOML
    file's path or a ``Profile``) overrides the parser's conventions and
    tuning for one paper (docs/parsing.md).

    Files are decoded automatically (UTF-8, UTF-8/16/32 with a BOM, GB18030)
    unless ``encoding`` is given.  A file larger than ``max_bytes`` (default
    :data:`lishi_pub.inputs.MAX_BYTES`, or ``LISHI_PUB_MAX_INPUT_MB``) is
    refused.  Bad input raises :class:`~lishi_pub.InputError` with a one-line
    message naming the file.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _assemble((_open(path, reader, encoding, max_bytes) for path in paths), metadata, profile)


def layouts(paths: PathLike | Iterable[PathLike], *, encoding: str | None = None,
            max_bytes: int | None = None, reader: str | None = None) -> Iterator[Any]:
    """The page layouts the readers make of files, numbered across them, before
    any parsing: what ``lishi-pub inspect --lines`` shows the classify stage of."""
    from .parser import read_layouts

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    number = 1
    for path in paths:
        source, chosen = _open(path, reader, encoding, max_bytes)
        for layout in read_layouts(source, chosen, first=number):
            number += 1
            yield layout


def exporters() -> dict[str, Exporter]:
    """Every installed exporter by name, built-in and from plugins."""
    from .plugins import exporters as _exporters

    return _exporters()


def _checked(fmt: str, options: Mapping[str, Any]) -> Exporter:
    from .plugins import get_exporter

    exporter = get_exporter(fmt)
    try:
        exporter.check_options(options)
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    return exporter


def _render(exporter: Exporter, issues: Issue | Sequence[Issue], options: Mapping[str, Any]) -> Rendered:
    """One issue through ``render``, a collection through ``render_collection``."""
    try:
        if isinstance(issues, Issue):
            result = exporter.render(issues, **options)
        elif exporter.render_collection is None:
            raise ExportError(f"the {exporter.name} exporter cannot put several issues into one output")
        else:
            result = exporter.render_collection(tuple(issues), **options)
    except LishiPubError:
        raise
    except Exception as exc:
        raise ExportError(f"{exporter.name} export failed: {type(exc).__name__}: {exc}") from exc
    expected = Mapping if exporter.output == "directory" else (bytes, str)
    if not isinstance(result, expected):
        raise ExportError(
            f"{exporter.name} exporter ({exporter.provider}) returned {type(result).__name__}, "
            f"not {'a mapping of files' if exporter.output == 'directory' else 'bytes or str'}"
        )
    return result


def _transformed(issue: Issue, transforms: str | Sequence[str]) -> Issue:
    """Named transforms run before rendering, in the order given (docs/plugins.md)."""
    from .plugins import apply_transforms

    return apply_transforms(issue, transforms)


def render(issue: Issue, fmt: str, *, transforms: str | Sequence[str] = (), **options: Any) -> Rendered:
    """The output of one format in memory, without touching the disk.

    ``transforms`` names transform plugins to run on the issue first, left to right.
    """
    exporter = _checked(fmt, options)
    return _render(exporter, _transformed(issue, transforms), options)


def _write(exporter: Exporter, result: Rendered, dest: PathLike) -> Path:
    from .atomic import write_atomic, write_tree_atomic

    target = Path(dest)
    try:
        if isinstance(result, Mapping):
            if target.exists() and not target.is_dir():
                raise ExportError(f"{target}: the {exporter.name} exporter writes a folder, but a file is there")
            write_tree_atomic(target, result)
        else:
            if target.is_dir():
                raise ExportError(f"{target}: is a directory; give a file name for {exporter.name} output")
            write_atomic(target, result)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise ExportError(f"{target}: {exc}") from None
    return target


def export(issue: Issue, fmt: str, dest: PathLike, *, transforms: str | Sequence[str] = (),
           **options: Any) -> Path:
    """Render ``issue`` as ``fmt`` and write it to ``dest`` atomically.

    The whole output is rendered before anything is written, so a failing
    exporter leaves an existing ``dest`` exactly as it was.  ``transforms``
    works as for :func:`render`.
    """
    if not isinstance(issue, Issue):
        raise TypeError(f"export() takes an Issue, not {type(issue).__name__}")
    exporter = _checked(fmt, options)
    return _write(exporter, _render(exporter, _transformed(issue, transforms), options), dest)


def export_collection(issues: Iterable[Issue], fmt: str, dest: PathLike, *,
                      transforms: str | Sequence[str] = (), **options: Any) -> Path:
    """Several issues as one output (e.g. a month of a paper as one EPUB)."""
    issues = tuple(issues)
    if not issues:
        raise ExportError("export_collection needs at least one issue")
    exporter = _checked(fmt, options)
    issues = tuple(_transformed(issue, transforms) for issue in issues)
    return _write(exporter, _render(exporter, issues, options), dest)

