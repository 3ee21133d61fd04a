"""Match: headlines, kickers and figures to drafts (see :mod:`.assign`; scoring in :mod:`.scorer`)."""

from __future__ import annotations

from attrs import Factory, frozen

from ...model import Diagnostic, Figure
from ..conventions import Profile
from ..segment import Draft, Segmented, Unit
from .assign import adopt_kickers, assign_units, attach_figures, page_scorer, split_by_units, stack_kickers
from .between import between_captions, place_between, unit_photos
from .kicker import adopt_standing_kickers, banner_over_first, read_kickers
from .groups import join_poem_groups
from .poems import split_poems
from .rejoin import rejoin_subheadings
from .topics import split_by_topics
from .unglue import unglue_units

__all__ = ["Matched", "match"]


@frozen
class Matched:
    """The match stage's hand-off to assemble: drafts with their headlines and figures."""

    drafts: list[Draft]
    loose: list[Figure]
    notes: list[Diagnostic]
    units: list[Unit]  # the page's headline units, a box holding two headlines cut in two
    banners: list[str] = Factory(list)  # page text the match stage told apart (a banner over the first headline)


def match(page: Segmented, profile: Profile) -> Matched:
    notes: list[Diagnostic] = []
    units = page.units
    headlines = [u for u in units if u.is_headline]
    limit = profile.tuning.max_units
    if len(headlines) > limit:
        # beyond what can be matched well: only the units printed first are matched
        notes.append(Diagnostic("too-many-headlines", f"{len(headlines)} headline lines on one page, more than "
                                f"{limit}: the first {limit} were matched and the rest are kept as banners"))
        keep = {id(u) for u in headlines[:limit]}
        units = [u for u in units if not u.is_headline or id(u) in keep]
    adopt_standing_kickers(page.drafts, profile)
    queries = [u.text for u in units if u.is_headline] + [f.caption for f, _ in page.floating]
    queries += [line for u in units for lines in u.wrapped.values() for line in lines]  # (unglue cuts between them)
    queries += between_captions(page.drafts)
    found: dict[str, frozenset[str]] = {}
    scorer = page_scorer(page.drafts, queries, found, profile)
    glued = units
    units = unglue_units(units, page.drafts, scorer, profile)  # two headlines in one box
    every = _with_parts(page.units, glued, units) if len(units) != len(glued) else page.units
    stack_kickers(page.drafts, units, scorer, profile)
    poems = split_poems(page.drafts, units, profile)  # two poems in a row, where titles are missing
    if poems is not page.drafts:
        scorer = page_scorer(poems, queries, found, profile)
    drafts = split_by_units(poems, [u for u in units if u.is_headline], scorer, found, profile)
    drafts = split_by_topics(drafts, units, profile)  # service items run together, told apart by their titles
    if drafts is not poems:
        scorer = page_scorer(drafts, queries, found, profile)
    assign_units(drafts, units, scorer, profile)
    adopt_kickers(drafts, units, scorer, profile)
    split = drafts
    read_kickers(drafts, scorer, profile)
    banners = banner_over_first(drafts, scorer, profile)
    joined = join_poem_groups(rejoin_subheadings(drafts, scorer, profile), profile)
    if len(joined) != len(drafts):
        drafts = joined
        scorer = page_scorer(drafts, queries, found, profile)
    loose = attach_figures(drafts, unit_photos(drafts, units, page.floating, scorer, profile), scorer, profile)
    loose += place_between(drafts, [*page.drafts, *split], scorer, profile)
    return Matched(drafts, loose, notes, every, banners)


def _with_parts(every: list[Unit], before: list[Unit], after: list[Unit]) -> list[Unit]:
    """The page's units with each one :func:`unglue_units` cut in two replaced
    by its two parts, in place: assemble keeps what no story took as a banner,
    so a unit cut in two must not stay there whole as well."""
    parts: dict[int, list[Unit]] = {}
    kept = {id(u) for u in before}
    k = 0
    for unit in before:  # (unglue_units keeps the order, putting its parts where it cut one)
        n = 1
        if not (k < len(after) and after[k] is unit):
            while k + n < len(after) and id(after[k + n]) not in kept:
                n += 1
        parts[id(unit)] = after[k:k + n]
        k += n
    return [p for u in every for p in parts.get(id(u), [u])]
