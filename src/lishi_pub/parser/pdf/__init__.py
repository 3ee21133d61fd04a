"""Reading a newspaper page from its PDF: glyphs, sizes and rules to articles.

The stages, each its own module: ``extract`` (pdfminer.six at glyph level,
behind a small interface), ``gate`` (refuse unrecoverable text), ``clean``
(invisible, off-page and overprinted glyphs), ``lines`` (baselines, vertical
headlines, spaces), ``regions`` (XY-cut), ``headlines`` (引题/主题/副题 and
bylines), ``page`` (blocks to article regions, reading order, paragraph
starts, captions, furniture: a :class:`~lishi_pub.parser.layout.PageLayout`),
``document`` (two passes over a file), ``articles`` (regions to articles with
the shared classifiers), ``jumps`` (parts of one story across pages) and
``overlay`` (pictures of what was found).  Thresholds live in ``conventions``.
"""

from __future__ import annotations

from .document import read_pdf

__all__ = ["read_pdf"]
