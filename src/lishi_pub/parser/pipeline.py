"""The shared stages in order, for one page layout: classify → blocks → segment → match → assemble."""

from __future__ import annotations

from ..model import Page
from .assemble import assemble_page
from .classify import classify
from .conventions import DEFAULT_PROFILE, Profile
from .layout import PageLayout
from .match import match
from .segment import segment

__all__ = ["read_page"]


def read_page(layout: PageLayout, profile: Profile = DEFAULT_PROFILE) -> Page:
    lines = classify(layout, profile)
    segmented = segment(lines, profile)
    matched = match(segmented, profile)
    return assemble_page(layout.number, layout.source, segmented.header, matched.drafts, matched.units,
                         matched.loose, segmented.stray + matched.banners, matched.notes, profile)
