"""An article's blocks as the two ninjs bodies: plain text and HTML.

Both start with the dateline, as the printed lead does.  Photo captions stay
in the HTML body where they stood (as ``<figure>``) but not in the text body,
whose ``charCount`` ninjs defines without captions; every figure is also an
association of its own (see :mod:`.document`).
"""

from __future__ import annotations

from html import escape

from lishi_pub import present
from lishi_pub.model import Article, Figure, Heading, Paragraph

from .clean import clean

__all__ = ["html_body", "text_body"]

_DATELINE_GAP = "\u3000"


def text_body(article: Article) -> str:
    parts: list[str] = []
    dateline = clean(article.dateline)
    for block in article.blocks:
        if isinstance(block, Figure):
            continue
        text = clean(block.text)
        if isinstance(block, Paragraph) and dateline:
            text, dateline = f"{dateline}{_DATELINE_GAP}{text}", None
        if text:
            parts.append(text)
    if dateline:
        parts.insert(0, dateline)
    return "\n\n".join(parts)


def _html_block(block: Paragraph | Heading | Figure, dateline: str | None) -> str:
    if isinstance(block, Paragraph):
        lead = f'<span class="dateline">{escape(dateline)}</span>{_DATELINE_GAP}' if dateline else ""
        return f"<p>{lead}{escape(clean(block.text))}</p>"
    if isinstance(block, Heading):
        return f"<h2>{escape(clean(block.text))}</h2>"
    shown = clean(present.credit(block.credit))
    credit = f' <span class="credit">{escape(shown)}</span>' if shown else ""
    return f"<figure><figcaption>{escape(clean(block.caption))}{credit}</figcaption></figure>"


def html_body(article: Article) -> str:
    parts: list[str] = []
    dateline = clean(article.dateline)
    for block in article.blocks:
        parts.append(_html_block(block, dateline if isinstance(block, Paragraph) else None))
        if isinstance(block, Paragraph):
            dateline = None
    if dateline:
        parts.insert(0, f'<p><span class="dateline">{escape(dateline)}</span></p>')
    return "\n".join(parts)
