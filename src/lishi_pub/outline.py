"""A readable outline of a parsed issue: how a user sees what the parser did."""

from __future__ import annotations

from . import present
from .model import Figure, Heading, Issue, Paragraph

__all__ = ["outline"]


def _credit(figure: Figure) -> str:
    return present.credit(figure.credit) or "no credit"


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def outline(issue: Issue) -> str:
    out: list[str] = []
    say = out.append
    meta = [issue.title or "(untitled)", issue.date.isoformat() if issue.date else "no date"]
    if issue.number:
        meta.append(f"No. {issue.number}")
    say(" · ".join(meta))
    for page in issue.pages:
        label = f" {page.label}" if page.label else ""
        source = f"  [{page.source}]" if page.source else ""
        say(f"\npage {page.number}{label}{source}: {len(page.articles)} articles")
        for line in page.header:
            say(f"  furniture: {line}")
        for line in page.banners:
            say(f"  banner:    {line}")
        confidence = {d.article: d.confidence for d in page.diagnostics if d.code == "headline-match"}
        for article in page.articles:
            if article.title is None:
                title = "(no title)"
            elif article.title_source == "derived":
                title = f"{article.title}  (derived from the lead)"
            else:
                score = confidence.get(article.id)
                title = article.title + (f"  (headline, match {score:.2f})" if score is not None else "  (headline)")
            say(f"  {article.id}  {title}")
            if article.kicker:
                say(f"        kicker:   {article.kicker}")
            if article.subtitle:
                say(f"        subtitle: {article.subtitle}")
            who = "、".join(f"{c.role} {c.name}" if c.role else c.name for c in article.contributors)
            counts = (
                f"{sum(isinstance(b, Paragraph) for b in article.blocks)} paragraphs, "
                f"{sum(isinstance(b, Heading) for b in article.blocks)} subheadings, "
                f"{sum(isinstance(b, Figure) for b in article.blocks)} figures"
            )
            say(f"        by: {who or '-'} · dateline: {article.dateline or '-'} · {counts}")
            if article.paragraphs:
                say(f"        lead: {_clip(article.paragraphs[0].text)}")
        for figure in page.figures:
            say(f"  loose figure: {_clip(figure.caption)} ({_credit(figure)})")
        notes = [d for d in page.diagnostics if d.code != "headline-match"]
        for note in notes:
            where = f" [{note.article}]" if note.article else ""
            say(f"  note{where}: {note.code}: {note.message}")
    return "\n".join(out) + "\n"
