"""Poems printed under one title: ``小满时节（外一首）`` heads its poem and the one after it.

A literary page prints a poet's second poem (外一首, "and one more") or the
parts of a cycle (组诗) under one title and byline; the later poems carry no
title of their own, and where a photo or a stanza break stands between them
the segment stage reads each as a piece.  So a draft headed by a title whose
bracketed note names such a group takes the untitled verse drafts printed
right after it (no headline, no dateline, no author of their own).
"""

from __future__ import annotations

import re

from ..conventions import Profile
from ..segment.drafts import Draft

__all__ = ["announces_poems", "join_poem_groups"]


def announces_poems(title: str, notes: tuple[str, ...]) -> bool:
    """The title's closing bracketed note names a group of poems (外一首, 组诗)."""
    m = re.search(r"[（(]([^（）()]+)[）)]$", title.strip())
    return m is not None and m.group(1) in notes


def join_poem_groups(drafts: list[Draft], profile: Profile) -> list[Draft]:
    """The drafts with each group's later poems joined to the one its title heads."""
    notes = profile.conventions.poem_groups
    out: list[Draft] = []
    head: Draft | None = None
    for draft in drafts:
        if head is not None and draft.verse and draft.unit is None and draft.anchor is None \
                and draft.dateline is None and not draft.authors:
            head.blocks.extend(draft.blocks)
            head.notes.extend(draft.notes)
            continue
        unit = draft.unit
        head = draft if unit is not None and announces_poems("".join(unit.titles), notes) else None
        out.append(draft)
    return out
