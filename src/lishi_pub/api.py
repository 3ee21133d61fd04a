"""The library's front door: parse dumps, render and export issues.

The CLI is a thin wrapper over these functions, so a script gets exactly what
the command line gets: the same metadata record, the same option binding
(:meth:`Exporter.check_options`) and the same writer (:mod:`lishi_pub.job`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import ExportError, LishiPubError
from .exporter import Exporter, Rendered
from .metadata import Metadata
from .model import Issue

__all__ = ["export", "export_collection", "exporters", "parse", "parse_text", "render"]

PathLike = str | os.PathLike[str]


def _assemble(sources: Iterable[Any], metadata: Metadata | Mapping[str, Any]) -> Issue:
    """Parse page by page, so only one page's working data is alive at a time."""
    from .parser.issue import assemble_issue
    from .parser.page import parse_page, split_pages

    meta = Metadata.of(metadata)
    pages = []
    for source in sources:
        for text in split_pages(source):
            pages.append(parse_page(text, len(pages) + 1, source))
    if not pages:
        raise LishiPubError("no input files given")
    return assemble_issue(pages, meta.given())


def parse_text(text: str, **metadata: Any) -> Issue:
    """Parse one page dump held in memory; ``\\f`` separates pages.

    ``metadata`` may set ``title``, ``date`` (a date or ISO string),
    ``number``, ``publisher`` and ``language``; whatever is not given is taken
    from the page furniture when the page prints it.
    """
    from .inputs import clean_text

    if not isinstance(text, str):
        raise TypeError(f"parse_text() takes the page's text as str, not {type(text).__name__}"
                        + ("; decode it first, or give the file to parse()" if isinstance(text, bytes) else ""))
    meta = Metadata.of(metadata)
    return _assemble([clean_text(text, "<text>")], meta)


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
          max_bytes: int | None = None, reader: str | None = None, **metadata: Any) -> Issue:
    """Parse page dumps from files (several files become several pages of one issue), or load lishi-pub JSON.

    Files are decoded automatically (UTF-8, UTF-8/16/32 with or without a
    BOM, GB18030) unless ``encoding`` is given.  A file holding lishi-pub
    JSON is loaded rather than parsed; ``reader`` (``"json"``, ``"dump"`` or
    ``"pdf"``) overrides that guess.  A file larger than ``max_bytes``
    (default :data:`lishi_pub.inputs.MAX_BYTES`, or ``LISHI_PUB_MAX_INPUT_MB``)
    is refused.  Bad input raises :class:`~lishi_pub.InputError` with a
    one-line message naming the file.
    """
    from .sources import read_issue

    meta = Metadata.of(metadata)
    return read_issue(_paths(paths), reader=reader, encoding=encoding, max_bytes=max_bytes, metadata=meta)


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
