"""The library's front door: parse dumps, render and export issues.

The CLI is a thin wrapper over these functions, so a script gets exactly what
the command line gets: the same metadata record, the same option binding
(:meth:`Exporter.check_options`) and the same writer (:mod:`lishi_pub.job`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .errors import ExportError, LishiPubError
from .exporter import Exporter, Rendered
from .metadata import Metadata
from .model import Diagnostic, Issue

__all__ = ["export", "export_collection", "exporters", "layouts", "parse", "parse_text", "render"]

PathLike = str | os.PathLike[str]


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


def _assemble(inputs: Iterable[tuple[Any, Any]], metadata: Metadata | Mapping[str, Any],
              profile: Any = None) -> Issue:
    """Source → reader → page layouts → the shared stages, page by page, so only
    one page's working data is alive at a time."""
    from .parser import read_layouts, read_page
    from .parser.issue import assemble_issue

    meta = Metadata.of(metadata)
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
    return assemble_issue(pages, meta.given())


def _open(path: PathLike, reader: str | None, encoding: str | None, max_bytes: int | None,
          data: bytes | None = None) -> tuple[Any, Any]:
    """A file's source and its reader: the one named, else the one its content or name calls for."""
    from .inputs import Source, decode, read_bytes
    from .plugins import choose_reader, get_reader
    from .reader import SNIFF_BYTES

    if data is None:
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

    if not isinstance(text, str):
        raise TypeError(f"parse_text() takes the page's text as str, not {type(text).__name__}"
                        + ("; decode it first, or give the file to parse()" if isinstance(text, bytes) else ""))
    meta = Metadata.of(metadata)
    chosen = get_reader(reader or FALLBACK_READER)
    if chosen.binary:
        raise ValueError(f"the {chosen.name} reader reads files, not text; use parse()")
    return _assemble([(clean_text(text, "<text>"), chosen)], meta, profile)


def _paths(paths: Any) -> list[PathLike]:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    if isinstance(paths, (bytes, bytearray)) or not isinstance(paths, Iterable):
        raise TypeError(f"parse() takes a path (str or os.PathLike) or an iterable of paths, "
                        f"not {type(paths).__name__}")
    listed = list(paths)
    for path in listed:
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"parse() takes paths as str or os.PathLike, not {type(path).__name__} {path!r}")
    return listed


def parse(paths: PathLike | Iterable[PathLike], *, encoding: str | None = None,
          max_bytes: int | None = None, reader: str | None = None, profile: Any = None,
          **metadata: Any) -> Issue:
    """Parse pages from files (several files become several pages of one issue), or load lishi-pub JSON.

    A file holding lishi-pub JSON is loaded rather than parsed.  Other files
    go to the reader named by ``reader`` (``"json"`` or a reader listed by
    ``lishi-pub plugins --all``: ``"dump"``, ``"pdf"``…), else to the one that
    claims its first bytes, else to the one its suffix calls for, else to the
    text-dump reader.  ``profile`` (a TOML file's path or a ``Profile``)
    overrides the parser's conventions and tuning for one paper
    (docs/parsing.md).

    Text files are decoded automatically (UTF-8, UTF-8/16/32 with or without
    a BOM, GB18030) unless ``encoding`` is given.  A file larger than
    ``max_bytes`` (default :data:`lishi_pub.inputs.MAX_BYTES`, or
    ``LISHI_PUB_MAX_INPUT_MB``) is refused.  Bad input raises
    :class:`~lishi_pub.InputError` with a one-line message naming the file.
    """
    from .sources import read_issue

    meta = Metadata.of(metadata)
    return read_issue(_paths(paths), reader=reader, encoding=encoding, max_bytes=max_bytes, metadata=meta,
                      profile=profile)


def layouts(paths: PathLike | Iterable[PathLike], *, encoding: str | None = None,
            max_bytes: int | None = None, reader: str | None = None) -> Iterator[Any]:
    """The page layouts the readers make of files, numbered across them, before
    any parsing: what ``lishi-pub inspect --lines`` shows the classify stage of."""
    from .parser import read_layouts

    number = 1
    for path in _paths(paths):
        source, chosen = _open(path, reader, encoding, max_bytes)
        for layout in read_layouts(source, chosen, first=number):
            number += 1
            yield layout


def exporters() -> dict[str, Exporter]:
    """Every installed exporter by name, built-in and from plugins."""
    from .plugins import exporters as _exporters

    return _exporters()


def _checked(fmt: str, options: Mapping[str, Any]) -> tuple[Exporter, dict[str, Any]]:
    from .plugins import get_exporter

    if not isinstance(fmt, str):
        raise TypeError(f"the format is a name such as 'epub', not {type(fmt).__name__}")
    exporter = get_exporter(fmt)
    return exporter, exporter.check_options(options)


def _issue(issue: object, caller: str) -> Issue:
    if not isinstance(issue, Issue):
        hint = "; parse it first with lishi_pub.parse()" if isinstance(issue, (str, os.PathLike, bytes)) else ""
        raise TypeError(f"{caller}() takes an Issue, not {type(issue).__name__}{hint}")
    return issue


def _transformed(issue: Issue, transforms: str | Sequence[str]) -> Issue:
    """Named transforms run before rendering, in the order given (docs/plugins.md)."""
    from .plugins import apply_transforms

    return apply_transforms(issue, transforms)


def render(issue: Issue | Sequence[Issue], fmt: str, *, transforms: str | Sequence[str] = (),
           **options: Any) -> Rendered:
    """The output of one format in memory, without touching the disk.

    A list or tuple of issues is rendered as one collection, as
    :func:`export_collection` writes it.  ``transforms`` names transform
    plugins to run on the issue first, left to right.
    """
    from .job import render_with

    if isinstance(issue, (list, tuple)):
        issues = tuple(_transformed(_issue(i, "render"), transforms) for i in issue)
        exporter, bound = _checked(fmt, options)
        return render_with(exporter, issues, bound)
    one = _issue(issue, "render")
    exporter, bound = _checked(fmt, options)
    return render_with(exporter, _transformed(one, transforms), bound)


def export(issue: Issue, fmt: str, dest: PathLike, *, transforms: str | Sequence[str] = (),
           **options: Any) -> Path:
    """Render ``issue`` as ``fmt`` and write it to ``dest``.

    The whole output is rendered before anything is written, so a failing
    exporter leaves an existing ``dest`` exactly as it was.  A regular file is
    replaced atomically; a symlink is followed; a device, FIFO or socket is
    written through, never replaced.  ``transforms`` works as for :func:`render`.
    """
    from .job import render_with, write_output

    one = _issue(issue, "export")
    _dest(dest)
    exporter, bound = _checked(fmt, options)
    written = write_output(exporter, render_with(exporter, _transformed(one, transforms), bound), dest)
    assert written is not None
    return written


def _dest(dest: object) -> None:
    if not isinstance(dest, (str, os.PathLike)):
        raise TypeError(f"the destination is a path (str or os.PathLike), not {type(dest).__name__}")


def export_collection(issues: Iterable[Issue], fmt: str, dest: PathLike, *,
                      transforms: str | Sequence[str] = (), **options: Any) -> Path:
    """Several issues as one output (e.g. a month of a paper as one EPUB)."""
    from .job import render_with, write_output

    chosen = tuple(_issue(i, "export_collection") for i in issues)
    if not chosen:
        raise ExportError("export_collection needs at least one issue")
    _dest(dest)
    exporter, bound = _checked(fmt, options)
    chosen = tuple(_transformed(issue, transforms) for issue in chosen)
    written = write_output(exporter, render_with(exporter, chosen, bound), dest)
    assert written is not None
    return written
