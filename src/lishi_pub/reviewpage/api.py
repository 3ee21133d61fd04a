"""The review page from Python: what ``lishi-pub review`` runs (exported as ``lishi_pub.review``)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ExportError

__all__ = ["review", "review_html"]

PathLike = str | os.PathLike[str]


def review_html(paths: PathLike | Iterable[PathLike], *, encoding: str | None = None,
                max_bytes: int | None = None, **metadata: Any) -> str:
    """The review page of these inputs as HTML text (docs/review.md).

    Inputs are page dumps (several files are pages of one issue, as for
    :func:`lishi_pub.parse`), folders of them (each folder one issue: a month
    of the paper in one review), or one lishi-pub JSON issue; ``metadata``
    overrides what the pages print, as for :func:`lishi_pub.parse`.
    """
    from .build import read_reviews
    from .html import render_reviews

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return render_reviews(read_reviews(paths, encoding=encoding, max_bytes=max_bytes, metadata=metadata))


def review(paths: PathLike | Iterable[PathLike], dest: PathLike, *, encoding: str | None = None,
           max_bytes: int | None = None, **metadata: Any) -> Path:
    """Write the review page of these inputs to ``dest`` atomically: one HTML file that opens from disk."""
    from ..job import write_file

    if Path(dest).is_dir():  # before the work of reading and rendering
        raise ExportError(f"{dest}: is a directory; give a file name for the review page")
    return write_file(dest, review_html(paths, encoding=encoding, max_bytes=max_bytes, **metadata), "the review page")
