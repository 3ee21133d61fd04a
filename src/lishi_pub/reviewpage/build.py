"""Read the inputs of a review: page dumps (parsed here, each page with its lines) or one lishi-pub JSON issue.

A dump is parsed page by page exactly as :func:`lishi_pub.parse` does, but
each page's text and first line number are kept for the aligner.  A JSON
issue holds the parsed pages without their dumps: its review shows the
articles, headlines and notes, and says the source lines are missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

from ..errors import InputError, LishiPubError
from ..model import Issue, Page
from .provenance import PageTrace, trace_page, untraced

__all__ = ["Reviewed", "read_reviews", "read_traces"]

PathLike = str | os.PathLike[str]


@frozen
class Reviewed:
    """One issue of a review: its model, each page's trace, and the folder or file it came from."""

    issue: Issue
    traces: tuple[PageTrace, ...]
    name: str | None = None


def _is_json(path: Path) -> bool:
    if path.suffix.lower() == ".json":
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False  # read_source says why, in its words
    return head.startswith(b"{")


def _from_json(path: Path, max_bytes: int | None) -> Issue:
    from ..inputs import max_bytes_default
    from ..interchange import loads

    limit = max_bytes_default() if max_bytes is None else max_bytes
    try:
        if path.stat().st_size > limit:
            raise InputError(f"{path}: over the {limit / 2**20:.0f} MB input limit; raise it with --max-input-mb")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return loads(data)
    except LishiPubError as exc:
        raise InputError(f"{path}: not a lishi-pub JSON issue: {exc}") from None


def read_traces(paths: Iterable[PathLike], *, encoding: str | None = None, max_bytes: int | None = None,
                metadata: Mapping[str, Any] | None = None) -> tuple[Issue, list[PageTrace]]:
    """The issue to review and each page's trace, in page order."""
    from ..metadata import Metadata
    from .parsing import assemble_issue, pages_of

    meta = Metadata.of(metadata or {}).given()
    inputs = [Path(p) for p in paths]
    if not inputs:
        raise LishiPubError("no input files given")
    json_inputs = [p for p in inputs if _is_json(p)]
    if json_inputs:
        if len(inputs) > 1:
            raise InputError(f"{json_inputs[0]}: review one JSON issue on its own, not with other inputs")
        import attrs

        issue = _from_json(json_inputs[0], max_bytes)
        issue = attrs.evolve(issue, **meta)
        return issue, [untraced(page) for page in issue.pages]
    pages: list[Page] = []
    traces: list[PageTrace] = []
    for path in inputs:
        for found in pages_of(path, len(pages) + 1, encoding=encoding, max_bytes=max_bytes):
            pages.append(found.page)
            traces.append(trace_page(found.page, found.text, found.first_line, roles=found.roles,
                                     picture=found.picture))
    if not pages:
        raise InputError("no page with text in the input")
    return assemble_issue(pages, meta), traces


def read_reviews(paths: Iterable[PathLike], *, encoding: str | None = None, max_bytes: int | None = None,
                 metadata: Mapping[str, Any] | None = None) -> list[Reviewed]:
    """Files are the pages of one issue, as for :func:`lishi_pub.parse`; with a folder among the
    inputs every folder of ``.txt`` pages is an issue, and every file named beside them one of its
    own, as ``lishi-pub convert --bundle`` reads them (a month of the paper, say).  Each issue's
    date and number come from its ``issue.toml``, its name or its page, under ``metadata``."""
    from ..discover import discover
    from ..sidecar import issue_metadata

    inputs = [str(p) for p in paths]
    if not any(os.path.isdir(p) for p in inputs):
        issue, traces = read_traces(inputs, encoding=encoding, max_bytes=max_bytes, metadata=metadata)
        return [Reviewed(issue, tuple(traces))]
    found, skipped = discover(inputs)
    if skipped:
        raise InputError(f"{skipped[0].name}: {skipped[0].reason}")
    reviewed = []
    for source in found:
        meta = issue_metadata(source, metadata).given()
        issue, traces = read_traces(source.pages, encoding=encoding, max_bytes=max_bytes, metadata=meta)
        reviewed.append(Reviewed(issue, tuple(traces), source.name))
    return reviewed
