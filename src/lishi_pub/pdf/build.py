"""One PDF from one Issue: options in, bytes out."""

from __future__ import annotations

from typing import Any

from ..model import Issue
from .document import render_document
from .fonts import font_set
from .settings import settings_from_options
from .story import build_story
from .styles import styles_for

__all__ = ["render"]


def render(issue: Issue, **options: Any) -> bytes:
    """The PDF of ``issue``; ``options`` are the exporter's (font, font_index, page_size, columns, toc, pdfa)."""
    settings = settings_from_options(**options)
    fonts = font_set(settings.font)
    styles = styles_for(settings)
    story = build_story(issue, styles, fonts, toc=settings.toc)
    data = render_document(issue, styles, fonts, story, toc=settings.toc)
    fonts.report()
    if settings.pdfa:
        from .pdfa import to_pdfa

        data = to_pdfa(data)
    return data
