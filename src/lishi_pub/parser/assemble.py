"""Assemble: drafts, units and leftovers into the model's :class:`~lishi_pub.model.Page`.

Whatever belongs to no article stays on the page: furniture in ``header``
(pieces of one printed line joined again), unmatched headlines and section
labels in ``banners``, captions that fit no story in ``figures``.  Markers the
model has no field for (affiliation lines, jump markers) are kept as
diagnostics of their article, so nothing the input printed is lost.
"""

from __future__ import annotations

import re

from ..model import Article, Contributor, Diagnostic, Figure, Page
from .conventions import Profile
from .latin import is_latin, latin_title
from .segment.drafts import Draft
from .segment.units import Unit
from .text import clean_spaces, is_letter_spaced, is_spaced_name

__all__ = ["assemble_page", "derive_title", "join_furniture"]

_CLAUSE = re.compile(r"[，。！？；：,;!?]")


def derive_title(lead: str, profile: Profile) -> str | None:
    """A title from the lead: its first clause or two, without the date or the
    "记者从…获悉" that opens it.  A Latin-script lead is cut after a word
    (:func:`.latin.latin_title`; the limit is in cells, a letter is half of one)."""
    limit = profile.tuning.title_limit
    if is_latin(lead, minimum=1):
        return latin_title(lead, 2 * limit)
    text = profile.markers.strip_lead_opening(profile.markers.strip_editor_note(lead.strip()))
    text = re.sub(r"^[“”\"'（(]+", "", text)
    text = text.lstrip(profile.conventions.item_marks + " \u3000")  # an item's mark, no word of its text
    parts = [p.strip("“”‘’\"'（）() ") for p in _CLAUSE.split(text)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    title = parts[0].strip()
    for nxt in parts[1:]:
        if len(title) >= 10 or len(title) + 1 + len(nxt) > limit:
            break
        title = f"{title}，{nxt.strip()}"
    if len(title) > limit:
        title = title[: limit - 1] + "…"
    title = title.strip("“”\"'（）() ")
    return title or None


def join_furniture(lines: list[str], profile: Profile) -> list[str]:
    """Furniture lines as printed: pieces the extractor put apart joined again
    (:meth:`~.conventions.markers.Markers.continues_furniture`), letter-spaced
    display type closed up."""
    out: list[str] = []
    for line in lines:
        if " " in line and is_spaced_name(line):
            line = "".join(line.split())
        elif " " in line and is_letter_spaced(line):
            line = clean_spaces(line)
        if out and profile.markers.continues_furniture(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _to_article(draft: Draft, aid: str, profile: Profile) -> tuple[Article, list[Diagnostic]]:
    notes: list[Diagnostic] = []
    kicker: str | None = None
    subtitle: str | None = None
    title: str | None
    title_source: str | None
    authors, roles = list(draft.authors), list(draft.roles)
    if draft.unit is not None:
        kicker, title = draft.unit.split_kicker(profile.conventions.dashes)
        subtitle = draft.unit.subtitle
        title_source = "headline"
        if not title:
            title, kicker = kicker, None
        # a brief's item mark (● 冬灌工作全面展开) marks the item, it is no word of its title
        title = (title or "").lstrip(profile.conventions.item_marks + " \u3000") or title
        if draft.unit.byline is not None:
            for name, role in zip(draft.unit.byline.authors, draft.unit.byline.roles):
                if name not in authors:
                    authors.append(name)
                    roles.append(role)
        confidence = round(draft.confidence or 0.0, 3)
        notes.append(Diagnostic("headline-match", f"headline matched by content: {title}", aid, confidence))
        if confidence < profile.tuning.low_confidence:
            notes.append(Diagnostic("low-confidence", f"weak headline match ({confidence:.2f}): check it", aid,
                                    confidence))
    else:
        title = derive_title(draft.lead, profile) if draft.lead else None
        title_source = "derived" if title else None
        notes.append(Diagnostic("no-headline", "no headline in the dump matched; title derived from the lead"
                                if title else "no headline and no lead to derive a title from", aid))
    notes.extend(Diagnostic(code, text, aid) for code, text in draft.notes)
    article = Article(
        id=aid,
        title=title or None,
        title_source=title_source if title else None,  # type: ignore[arg-type]
        kicker=kicker,
        subtitle=subtitle,
        contributors=tuple(Contributor(name, role) for name, role in zip(authors, roles)),
        dateline=draft.dateline,
        blocks=tuple(draft.blocks),
    )
    return article, notes


def assemble_page(number: int, source: str | None, header: list[str], drafts: list[Draft], units: list[Unit],
                  loose: list[Figure], stray: list[str], notes: list[Diagnostic], profile: Profile) -> Page:
    articles: list[Article] = []
    banners = list(stray)
    notes = list(notes)
    for draft in drafts:
        if not draft.blocks:  # markers with no text after them: keep what they say on the page
            leftover = " ".join(x for x in (draft.dateline, *draft.authors) if x)
            if leftover:
                banners.append(leftover)
            notes.extend(Diagnostic(code, text) for code, text in draft.notes)
            continue
        article, article_notes = _to_article(draft, f"p{number}-a{len(articles) + 1}", profile)
        articles.append(article)
        notes.extend(article_notes)
    placed = {id(d.unit) for d in drafts if d.unit is not None}
    for unit in units:
        if unit.caption is not None or id(unit) in placed:
            continue
        kicker, title = unit.split_kicker(profile.conventions.dashes)
        names = "、".join(unit.byline.authors) if unit.byline else None
        banner = " ".join(t for t in (kicker, title, unit.subtitle, names) if t)
        if banner:
            banners.append(banner)
            notes.append(Diagnostic("unmatched-headline", f"kept on the page as a banner: {banner}"))
    header = join_furniture(header, profile)
    return Page(
        number=number,
        label=next((h for h in header if profile.markers.page_label(h)), None),
        header=tuple(header),
        banners=tuple(banners),
        articles=tuple(articles),
        figures=tuple(loose),
        source=source,
        diagnostics=tuple(notes),
    )
