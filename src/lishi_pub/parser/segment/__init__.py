"""Segment: the page's lines and blocks into drafts (articles in the making) and headline units.

Furniture goes to the header; the trailing headline block (headlines an
extractor wrote after all the body text) is cut off the end and grouped into
units; the body's blocks are walked once by :class:`~.drafts.Walker`.
"""

from __future__ import annotations

from attrs import frozen

from ...model import Figure
from ..blocks import Block, column_widths, reflow
from ..classify import Line
from ..conventions import Profile
from ..layout import Roles
from .drafts import Draft, Walker
from .units import Unit, group_units, split_tail

__all__ = ["Draft", "Segmented", "Unit", "segment"]


@frozen
class Segmented:
    """The segment stage's hand-off to match."""

    header: list[str]
    drafts: list[Draft]
    units: list[Unit]
    floating: list[tuple[Figure, int | None]]  # captions outside every story, and the draft printed before each
    stray: list[str]  # page text outside every article (section labels, orphan markers)


def body_blocks(lines: list[Line], profile: Profile) -> tuple[list[str], list[Line], list[Block], list[float], list[Line]]:
    """Furniture, body lines, their blocks and column widths, and the trailing headline block's lines."""
    header = [line.text.strip() for line in lines if line.role is Roles.FURNITURE]
    rest = [line for line in lines if line.role is not Roles.FURNITURE]
    tail_at = split_tail(rest, profile)
    body, tail = rest[:tail_at], rest[tail_at:]
    cols = column_widths(body, profile.tuning, profile.conventions)
    return header, body, reflow(body, cols, profile), cols, tail


def segment(lines: list[Line], profile: Profile) -> Segmented:
    header, body, blocks, cols, tail = body_blocks(lines, profile)
    walker = Walker(blocks, body, cols, profile)
    walker.split_inline_heads()
    if body and not _under_header(lines, body[0]):
        for unit in walker.head_units:
            unit.top = False  # first on a page with no header above it: no place for a page banner
    block = group_units(tail, profile)
    for unit in block:
        unit.in_block = True
    units = walker.head_units + block
    floating: list[tuple[Figure, int | None]] = [
        (Figure(u.caption.caption, u.caption.credit), None) for u in units if u.caption is not None]
    floating += walker.floating
    return Segmented(header, walker.drafts, units, floating, walker.stray)


def _under_header(lines: list[Line], first: Line) -> bool:
    """Page furniture (the header) is printed before the body's first line."""
    for line in lines:
        if line is first:
            return False
        if line.role is Roles.FURNITURE:
            return True
    return False
