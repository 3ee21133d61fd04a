"""The hand-off between a reader and the shared stages: a page as positioned lines.

Every reader (text dumps, PDF) gives a :class:`PageLayout` and everything
after it (classify, blocks, segment, match, assemble) is shared, so a rule
learned on one input format serves all of them.  Geometry is optional: a text
dump knows only the order of its lines and the blank lines between them, a
PDF knows boxes, sizes, fonts and regions.  What a reader knows for sure it
says in ``hint`` and ``starts_paragraph``; what it does not know it leaves as
None and the shared stages estimate it.

Nothing here imports anything heavy: readers, plugins and the CLI import this
module to build layouts.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final

import attrs
from attrs import field, frozen
from attrs.validators import deep_iterable, instance_of, optional

__all__ = ["Box", "ImageBox", "PageLayout", "Role", "Roles", "TextLine"]


class Role(str, enum.Enum):
    """What a line is on the page: the classify stage's vocabulary, one per line.

    Readers may give one as a ``hint``; the classify stage gives every line one
    (``lishi-pub inspect --lines`` shows them).
    """

    BODY = "body"  #: a line of running text
    PARAGRAPH_START = "paragraph-start"  #: the first line of a paragraph
    HEADLINE = "headline"  #: a line of a main headline (主题)
    KICKER = "kicker"  #: a line above the main headline (引题)
    SUBTITLE = "subtitle"  #: a line below it, usually opening with —— (副题)
    BYLINE = "byline"  #: ``□ 高淑芳``, ``本报记者 赵敏`` on a line of its own
    DATELINE = "dateline"  #: a lead opening with ``本报讯`` and the like
    CAPTION = "caption"  #: a photo caption, with or without its credit
    SUBHEADING = "subheading"  #: a short title inside an article (小标题)
    FURNITURE = "furniture"  #: date lines, page labels, staff lines, mastheads
    BANNER = "banner"  #: a slogan or page name heading no article
    JUMP = "jump"  #: ``（下转第2版）``, ``（上接第1版）``
    AFFILIATION = "affiliation"  #: ``（作者单位：…）``, ``（作者系…）``
    SECTION_LABEL = "section-label"  #: a column or section label over stories (简讯, 专栏 names)
    ITEM_TITLE = "item-title"  #: the run-in title of a short-news item (● / ■ …)
    SIGNATURE = "signature"  #: a notice's closing signature block (issuer, date)
    VERSE = "verse"  #: a line of a poem: a paragraph of its own
    BLANK = "blank"  #: an empty line of a text dump (its count tells the extractor's style)


class Roles:
    """:class:`Role`'s members as plain class attributes, for the stages' per-line loops.

    Python 3.11's ``EnumType`` defines ``__getattr__``, which sends every
    ``Role.X`` through a slow attribute hook (about 150 ns, four times a plain
    class attribute), and a page asks thousands of them.  The same objects:
    ``Roles.BODY is Role.BODY``.
    """

    BODY: Final = Role.BODY
    PARAGRAPH_START: Final = Role.PARAGRAPH_START
    HEADLINE: Final = Role.HEADLINE
    KICKER: Final = Role.KICKER
    SUBTITLE: Final = Role.SUBTITLE
    BYLINE: Final = Role.BYLINE
    DATELINE: Final = Role.DATELINE
    CAPTION: Final = Role.CAPTION
    SUBHEADING: Final = Role.SUBHEADING
    FURNITURE: Final = Role.FURNITURE
    BANNER: Final = Role.BANNER
    JUMP: Final = Role.JUMP
    AFFILIATION: Final = Role.AFFILIATION
    SECTION_LABEL: Final = Role.SECTION_LABEL
    ITEM_TITLE: Final = Role.ITEM_TITLE
    SIGNATURE: Final = Role.SIGNATURE
    VERSE: Final = Role.VERSE
    BLANK: Final = Role.BLANK


def _finite(_instance: object, attribute: object, value: float) -> None:
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{getattr(attribute, 'name', 'value')} must be a finite number")


@frozen
class Box:
    """A rectangle in PDF points, origin at the page's top left, y growing downward."""

    x0: float = field(converter=float, validator=_finite)
    y0: float = field(converter=float, validator=_finite)
    x1: float = field(converter=float, validator=_finite)
    y1: float = field(converter=float, validator=_finite)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


_opt_float = optional(instance_of((int, float)))


def _text_lines(value: Iterable[TextLine]) -> tuple[TextLine, ...]:
    return tuple(value)


def _images(value: Iterable[ImageBox]) -> tuple[ImageBox, ...]:
    return tuple(value)


def _boxes(value: Iterable[Box]) -> tuple[Box, ...]:
    return tuple(value)
_opt_int = optional(instance_of(int))
_str_text = instance_of(str)


def _text_valid(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """attrs' check, asked only when the text is no ``str``: a page builds hundreds of lines,
    and a type test inline costs a quarter of attrs' validator call."""
    if type(value) is not str:
        _str_text(instance, attribute, value)


@frozen
class TextLine:
    """One printed line.

    ``hint`` is what the reader knows from layout (a headline by its size, a
    caption by the picture it touches, furniture by the page's top or bottom
    band); the classify stage takes it as strong evidence but still runs the
    shared marker classifiers on body lines.  ``region`` is an article region
    found by geometry (PDF), None when unknown; ``starts_paragraph`` is True or
    False when the reader knows (a first-line indent, a vertical gap), None
    when it must be estimated from line widths.

    A page holds thousands of these, so only ``text`` is checked per line;
    the types of the rest are the reader's promise (mypy checks it).
    """

    text: str = field(validator=_text_valid)
    box: Box | None = field(default=None, kw_only=True)
    size: float | None = field(default=None, kw_only=True)
    bold: bool = field(default=False, kw_only=True)
    font: str | None = field(default=None, kw_only=True)
    column: int | None = field(default=None, kw_only=True)
    region: int | None = field(default=None, kw_only=True)
    hint: Role | None = field(default=None, kw_only=True)
    starts_paragraph: bool | None = field(default=None, kw_only=True)


@frozen
class ImageBox:
    """Where a picture is printed (PDF only); its caption is found by proximity."""

    box: Box = field(validator=instance_of(Box))
    region: int | None = field(default=None, validator=_opt_int)


_each_line = deep_iterable(instance_of(TextLine), instance_of(tuple))


def _lines_valid(instance: object, attribute: attrs.Attribute[tuple[TextLine, ...]], value: tuple[TextLine, ...]) -> None:
    """attrs' deep check, asked only when a line is of another type: a page
    holds hundreds of lines, and one pass over their types runs in C."""
    if not {TextLine}.issuperset(map(type, value)):
        _each_line(instance, attribute, value)


@frozen
class PageLayout:
    """One page as a reader saw it: lines in reading order, with what geometry it knows.

    ``regions[i]`` is the box of region id ``i``; ``style`` names the
    extractor style of a text dump (``pdfminer``, ``pdftotext``, ``boxes``)
    when the reader recognised one.  ``source`` is the input's name.
    """

    number: int = field(validator=instance_of(int))
    lines: tuple[TextLine, ...] = field(
        converter=_text_lines, validator=_lines_valid)
    source: str | None = field(default=None, kw_only=True, validator=optional(instance_of(str)))
    width: float | None = field(default=None, kw_only=True, validator=_opt_float)
    height: float | None = field(default=None, kw_only=True, validator=_opt_float)
    images: tuple[ImageBox, ...] = field(
        default=(), kw_only=True, converter=_images, validator=deep_iterable(instance_of(ImageBox), instance_of(tuple)))
    regions: tuple[Box, ...] = field(
        default=(), kw_only=True, converter=_boxes, validator=deep_iterable(instance_of(Box), instance_of(tuple)))
    style: str | None = field(default=None, kw_only=True, validator=optional(instance_of(str)))
