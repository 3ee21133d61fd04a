"""From a reader's page layouts to the document model.

A reader (a plugin: text dumps, PDF) turns an input into
:class:`~lishi_pub.parser.layout.PageLayout`\\ s; :func:`read_page` runs the
shared stages on each (docs/parsing.md names them as the code does).  The
api imports only this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..inputs import Source
    from ..model import Page
    from ..reader import Reader
    from .classify import Line
    from .conventions import Profile
    from .layout import PageLayout

__all__ = ["classify_page", "read_layouts", "read_page"]


def read_page(layout: PageLayout, profile: Profile | None = None) -> Page:
    """One page's articles, banners, figures and furniture, from its layout
    (``profile``: a paper's conventions and tuning, the defaults when None)."""
    from .conventions import DEFAULT_PROFILE

    if any(line.region is not None for line in layout.lines):
        # geometry already cut the page into article regions (the PDF reader):
        # one article per region, read with the same markers (docs/pdf-reading.md)
        from .pdf.articles import layout_to_page

        return layout_to_page(layout, profile or DEFAULT_PROFILE)
    from .pipeline import read_page as _read_page

    return _read_page(layout, profile or DEFAULT_PROFILE)


def classify_page(layout: PageLayout, profile: Profile | None = None) -> list[Line]:
    """The classify stage alone: every text line of the page with its role."""
    from .classify import classify
    from .conventions import DEFAULT_PROFILE

    return classify(layout, profile or DEFAULT_PROFILE)


def read_layouts(source: Source, reader: Reader, first: int = 1) -> Iterator[PageLayout]:
    """The reader's pages of ``source``, numbered on from ``first`` (pages of
    several files are one issue's).  A reader that fails, other than with a
    :class:`~lishi_pub.LishiPubError` of its own, is reported as bad input
    naming the reader and who provides it."""
    import attrs

    from ..errors import InputError, LishiPubError
    from .layout import PageLayout

    number = first
    pages = iter(reader.read(source))
    while True:
        try:
            layout = next(pages)
        except StopIteration:
            return
        except LishiPubError:
            raise
        except Exception as exc:
            raise InputError(f"{source.name}: the {reader.name} reader ({reader.provider}) failed: "
                             f"{type(exc).__name__}: {exc}") from exc
        if not isinstance(layout, PageLayout):
            raise InputError(f"{source.name}: the {reader.name} reader ({reader.provider}) gave "
                             f"{type(layout).__name__}, not a PageLayout")
        yield layout if layout.number == number else attrs.evolve(layout, number=number)
        number += 1
