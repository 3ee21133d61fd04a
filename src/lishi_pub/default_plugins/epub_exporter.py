"""The built-in ``epub`` exporter: a valid, reproducible Chinese EPUB 3.

Only the record lives here; the builder (and ebooklib) is imported when a
book is rendered, so listing formats stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..exporter import Exporter, Option
from ..hookspecs import hookimpl
from ..model import Issue


def _title(title: str | None) -> str | None:
    if title is None:
        return None
    from ..epub.sanitize import clean_line

    return clean_line(title)


def _non_blank_title(title: str) -> None:
    if _title(title) is None:
        raise ValueError("takes a non-empty text")


def _render(issue: Issue, *, vertical: bool = False, title: str | None = None) -> bytes:
    from ..epub.book import build

    return build((issue,), collection=False, vertical=vertical, title=_title(title))


def _render_collection(issues: Sequence[Issue], *, vertical: bool = False, title: str | None = None) -> bytes:
    from ..epub.book import build

    return build(tuple(issues), collection=True, vertical=vertical, title=_title(title))


@hookimpl
def register_exporters() -> Iterable[Exporter]:
    return [
        Exporter(
            name="epub",
            render=_render,
            render_collection=_render_collection,
            description="EPUB 3 e-book: cover, pages (版) and articles, Chinese typography",
            extension=".epub",
            media_type="application/epub+zip",
            options=(
                Option("vertical", "traditional vertical layout, pages turn right to left", kind="bool",
                       default=False),
                Option("title", "book title instead of publication, date and issue number", kind="str",
                       validator=_non_blank_title),
            ),
        )
    ]
