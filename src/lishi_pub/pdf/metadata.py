"""The PDF's document information: given, found in the page, or left out.

reportlab's ``/Info`` always writes a title (``untitled``), an author
(``anonymous``) and, in invariant mode, the dates 2000-01-01.  A library
catalogue takes those in as data, so the dictionary is written here instead,
with only what is known:

- ``/Title``: publication, date and issue number (:mod:`lishi_pub.present`),
  else nothing; never an article's headline.
- ``/Author``: the publisher, given or found; else nothing.
- ``/CreationDate`` and ``/ModDate``: the issue date, else
  ``SOURCE_DATE_EPOCH`` (:mod:`lishi_pub.provenance`); else nothing.  PDF
  requires none of them; PDF/A takes its XMP from this dictionary, so the XMP
  says the same.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from attrs import frozen
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString

from .. import present, provenance
from .._version import __version__
from ..model import Issue
from .cleantext import clean
from .labels import document_title

__all__ = ["Metadata", "describe", "install"]


@frozen
class Metadata:
    title: str | None
    author: str | None
    subject: str
    keywords: tuple[str, ...]
    creator: str
    lang: str
    when: _dt.datetime | None


def _clean(text: str | None) -> str | None:
    return clean(text or "").strip() or None


def describe(issue: Issue) -> Metadata:
    title = document_title(issue)
    publisher = _clean(issue.publisher)
    counts = f"{len(issue.pages)}版，{len(issue.articles)}篇文章"
    keywords = [_clean(present.masthead(issue)), publisher, issue.date.isoformat() if issue.date else None,
                _clean(present.issue_number(issue)), "报纸"]
    return Metadata(
        title=title,
        author=publisher,
        subject=f"{title}：{counts}" if title else counts,
        keywords=tuple(dict.fromkeys(k for k in keywords if k)),
        creator=f"lishi-pub {__version__}",
        lang=_clean(issue.language) or "zh-CN",
        when=provenance.output_time([issue.date]),
    )


def template_args(meta: Metadata) -> dict[str, Any]:
    """The arguments reportlab's doc template takes for what :func:`install` then replaces."""
    return {"title": meta.title, "author": meta.author, "subject": meta.subject,
            "keywords": list(meta.keywords), "creator": meta.creator, "lang": meta.lang}


def _pdf_date(when: _dt.datetime) -> str:
    return when.astimezone(_dt.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")


class _HonestInfo(PDFInfo):  # type: ignore[misc]
    """``/Info`` with only the entries that are known."""

    def __init__(self, meta: Metadata, producer: str) -> None:
        super().__init__()
        self.meta = meta
        self.producer = producer

    def digest(self, md5object: Any) -> None:
        for text in (self.meta.title, self.meta.author, self.meta.subject, ", ".join(self.meta.keywords)):
            md5object.update((text or "").encode("utf-8"))

    def format(self, document: Any) -> bytes:
        meta = self.meta
        entries: dict[str, Any] = {}
        if meta.title:
            entries["Title"] = PDFString(meta.title)
        if meta.author:
            entries["Author"] = PDFString(meta.author)
        if meta.when is not None:
            entries["CreationDate"] = entries["ModDate"] = PDFString(_pdf_date(meta.when))
        entries["Producer"] = PDFString(self.producer)
        entries["Creator"] = PDFString(meta.creator)
        entries["Subject"] = PDFString(meta.subject)
        entries["Keywords"] = PDFString(", ".join(meta.keywords))
        entries["Trapped"] = PDFName(self.trapped)
        return bytes(PDFDictionary(entries).format(document))


def install(canvas: Any, meta: Metadata) -> None:
    """Replace the canvas's ``/Info`` with one that says only what :func:`describe` knows."""
    doc = canvas._doc
    doc.info = _HonestInfo(meta, doc.info.producer)
