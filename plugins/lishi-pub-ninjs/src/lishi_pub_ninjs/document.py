"""One article as one IPTC ninjs 3.1 document.

The mapping (README.md has the table): headlines with roles ``main``,
``subhead`` and ``kicker`` (引题); ``by`` from the bylines with their roles;
``located`` from the place in the dateline; a ``text/plain`` and a
``text/html`` body; each photo caption an association of type ``picture``
with the caption as its description and the credit as its ``by``.  Bylines,
credits and the subtitle's dash come from :mod:`lishi_pub.present`, so they
read as in the EPUB and the PDF.

Dates: ``firstCreated`` and ``versionCreated`` are the issue date at the start
of its day in the paper's time zone (China Standard Time, +08:00): the
article existed by then, and nothing more precise is known.  Without an issue
date, ``versionCreated`` follows ``SOURCE_DATE_EPOCH`` (when this version was
built) and ``firstCreated`` is left out.  The profile is ``text-only``: a
dump carries captions, never the photos themselves.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from typing import Any
from urllib.parse import quote

from lishi_pub import present
from lishi_pub.model import Article, Figure, Issue, Page

from .bodies import html_body, text_body
from .clean import clean
from .dateline import read_dateline

__all__ = ["DEFAULT_URI_PREFIX", "SCHEMA_URI", "article_document", "file_name", "issue_key", "page_document",
           "page_file_name"]

SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
DEFAULT_URI_PREFIX = "urn:lishi-pub:"
DERIVED_NOTE = "The main headline was derived by lishi-pub from the lead; the page printed none."
#: The zone a Chinese paper dates its issues in.
PAPER_ZONE = _dt.timezone(_dt.timedelta(hours=8))


def _segment(text: str) -> str:
    return quote(text, safe="")


def issue_key(issue: Issue) -> str:
    """The issue's part of every URI: publication, date and number, each percent-encoded."""
    parts = [issue.title or "untitled", issue.date.isoformat() if issue.date else "undated"]
    if issue.number:
        parts.append(issue.number)
    return "/".join(_segment(p) for p in parts)


def file_name(index: int, article: Article) -> str:
    """``001-p1-a1.json``: the position keeps names unique and in reading order."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", article.id).strip("-")[:80] or "article"
    return f"{index:03d}-{stem}.json"


def _headlines(article: Article) -> list[dict[str, str]]:
    roles = (("main", article.title), ("subhead", present.subtitle(article)), ("kicker", article.kicker))
    return [{"role": role, "value": clean(text)} for role, text in roles if clean(text)]


def _by(article: Article) -> str:
    return clean(present.byline(article))


def _picture(uri: str, number: int, figure: Figure) -> dict[str, Any]:
    picture: dict[str, Any] = {
        "name": f"figure-{number}",
        "uri": f"{uri}/figure-{number}",
        "type": "picture",
        "representationType": "partial",
        "descriptions": [{"role": "caption", "contentType": "text/plain", "value": clean(figure.caption)}],
    }
    if credit := clean(present.credit(figure.credit)):
        picture["by"] = credit
    return picture


def _alt_ids(issue: Issue, page: Page, article: Article) -> list[dict[str, str]]:
    ids = [("article", article.id), ("page", str(page.number) if page.number is not None else None),
           ("page-label", page.label), ("issue-date", issue.date.isoformat() if issue.date else None),
           ("issue-number", issue.number)]
    return [{"role": role, "value": clean(value)} for role, value in ids if clean(value)]


def article_document(issue: Issue, page: Page, article: Article, *, uri_prefix: str) -> dict[str, Any]:
    uri = f"{uri_prefix}{issue_key(issue)}/{_segment(article.id)}"
    figures = article.figures
    text = text_body(article)
    doc: dict[str, Any] = {
        "uri": uri,
        "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URI},
        "type": "text",
        "representationType": "full",
        "profile": "text-only",
        "language": clean(issue.language),
        **_dates(issue),
    }
    if clean(article.title):
        doc["title"] = clean(article.title)
    optional: dict[str, Any] = {
        "headlines": _headlines(article),
        "by": _by(article),
        "located": read_dateline(article.dateline).place if article.dateline else None,
        "bodies": [
            {"role": "main", "contentType": "text/plain", "charCount": len(text), "value": text},
            {"role": "main", "contentType": "text/html", "value": html_body(article)},
        ],
        "associations": [_picture(uri, n, f) for n, f in enumerate(figures, start=1)],
        "infoSources": _sources(issue, article),
        "copyrightHolder": clean(issue.publisher),
        "altIds": _alt_ids(issue, page, article),
        "edNote": DERIVED_NOTE if article.title_source == "derived" else None,
    }
    doc.update({key: value for key, value in optional.items() if value})
    return doc


def _dates(issue: Issue) -> dict[str, str]:
    if issue.date is not None:
        start = _dt.datetime.combine(issue.date, _dt.time(), PAPER_ZONE).isoformat()
        return {"firstCreated": start, "versionCreated": start}
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return {"versionCreated": _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
                .isoformat().replace("+00:00", "Z")}
    return {}


def _sources(issue: Issue, article: Article) -> list[dict[str, str]]:
    sources = []
    agency = read_dateline(article.dateline).agency if article.dateline else None
    if clean(agency):
        sources.append({"name": clean(agency), "role": "originator"})
    if clean(issue.title):
        sources.append({"name": clean(issue.title), "role": "publication"})
    if clean(issue.publisher):
        sources.append({"name": clean(issue.publisher), "role": "publisher"})
    return sources


def page_file_name(index: int, page: Page, position: int) -> str:
    """``004-page-1.json``: after the page's articles, in reading order."""
    number = page.number if page.number is not None else position
    return f"{index:03d}-page-{number}.json"


def page_document(issue: Issue, page: Page, position: int, *, uri_prefix: str,
                  article_uris: list[str]) -> dict[str, Any] | None:
    """What heads no article on a page (banners, photos without a story) as a ``composite`` document.

    Nothing the page printed is dropped; a page with neither gets no document.
    """
    banners = [clean(b) for b in page.banners if clean(b)]
    figures = [f for f in page.figures if clean(f.caption)]
    if not banners and not figures:
        return None
    number = page.number if page.number is not None else position
    uri = f"{uri_prefix}{issue_key(issue)}/page-{number}"
    doc: dict[str, Any] = {
        "uri": uri,
        "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URI},
        "type": "composite",
        "representationType": "full",
        "language": clean(issue.language),
    }
    optional: dict[str, Any] = {
        "headlines": [{"role": "banner", "value": b} for b in banners],
        "associations": [*(_picture(uri, n, f) for n, f in enumerate(figures, start=1)),
                         *({"name": f"article-{n}", "uri": a, "type": "text", "representationType": "partial"}
                           for n, a in enumerate(article_uris, start=1))],
        "infoSources": _sources(issue, Article(id="page")),
        "copyrightHolder": clean(issue.publisher),
        "altIds": [{"role": role, "value": value} for role, value in
                   (("page", str(page.number) if page.number is not None else None), ("page-label", clean(page.label)))
                   if value],
    }
    doc.update({key: value for key, value in optional.items() if value})
    return doc
