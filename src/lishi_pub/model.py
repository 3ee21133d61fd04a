"""The document model every reader produces and every exporter consumes.

Instances are frozen and hold tuples, so an ``Issue`` can be shared between
exporters, hashed, cached and compared for the JSON round trip without anyone
mutating it behind another's back.  Serialisation is deliberately absent here:
it lives in :mod:`lishi_pub.interchange`, so the model never depends on a wire
format.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any, Literal, Union

from attrs import field, frozen
from attrs.validators import deep_iterable, in_, instance_of, optional

__all__ = [
    "Article",
    "Block",
    "Contributor",
    "Credit",
    "Diagnostic",
    "Figure",
    "Heading",
    "Issue",
    "Page",
    "Paragraph",
    "TitleSource",
]

TitleSource = Literal["headline", "derived"]

_str = instance_of(str)
_opt_str = optional(instance_of(str))


def _tuple_of(kind: type | tuple[type, ...]) -> Callable[[object, Any, object], None]:
    """A tuple of ``kind``: the members' exact types are checked in one pass in C, and attrs'
    deep check (a call per member) runs, to pass a subclass or word the error, only when one
    is of another type; a parsed page builds these by the hundred."""
    deep = deep_iterable(member_validator=instance_of(kind), iterable_validator=instance_of(tuple))
    kinds = frozenset(kind) if isinstance(kind, tuple) else frozenset((kind,))

    def valid(instance: object, attribute: Any, value: Any) -> None:
        if type(value) is not tuple or not kinds.issuperset(map(type, value)):
            deep(instance, attribute, value)

    return valid


def _non_blank(_instance: object, attribute: object, value: str) -> None:
    """Empty text blocks would reach exporters as empty <p> or empty chapters."""
    if not value.strip():
        raise ValueError(f"{getattr(attribute, 'name', 'text')} must not be blank")


def _text(instance: object, attribute: Any, value: str) -> None:
    """A str, not blank: one call where attrs' list of two validators makes three."""
    if type(value) is not str:
        _str(instance, attribute, value)
    _non_blank(instance, attribute, value)


def _opt_text(instance: object, attribute: Any, value: str | None) -> None:
    """None, or a str that is not blank (as :func:`_text`)."""
    if value is not None:
        _text(instance, attribute, value)


@frozen
class Paragraph:
    """A reflowed paragraph of body text."""

    text: str = field(validator=_text)


@frozen
class Heading:
    """A subheading inside an article (小标题), not the article's own title."""

    text: str = field(validator=_text)


@frozen
class Contributor:
    """A person or body named in a byline or credit, with the role printed
    before the name (记者, 通讯员, 本报记者…) or None.

    One record per name, rather than names and roles in two parallel tuples,
    so that nobody can reorder one list without the other.
    """

    name: str = field(validator=_text)
    role: str | None = field(default=None, validator=_opt_text)


@frozen
class Credit:
    """Who a photo is credited to, and how the page put it.

    ``kind`` is the credit's own word as printed: ``摄`` (took it), ``供图``
    (supplied it), ``资料图`` (an archive photo, which may name nobody), or
    None when a reader found a name but no such word.  ``王晶晶 摄`` and
    ``通讯员 刘芳 供图`` say different things about the same kind of name:
    keeping the word is what lets every format print the credit as the page did.
    """

    by: tuple[Contributor, ...] = field(default=(), validator=_tuple_of(Contributor))
    kind: str | None = field(default=None, validator=_opt_text)

    def __attrs_post_init__(self) -> None:
        if not self.by and self.kind is None:
            raise ValueError("a credit names someone or says what kind it is (资料图)")

    @property
    def name(self) -> str | None:
        """The names alone, joined with 、 as a Chinese list is: ``王晶晶、李明``."""
        return "、".join(c.name for c in self.by) or None


@frozen
class Figure:
    """A photo caption and its credit; the dump carries no image."""

    caption: str = field(validator=_text)
    credit: Credit | None = field(default=None, validator=optional(instance_of(Credit)))


Block = Union[Paragraph, Heading, Figure]
_BLOCK_TYPES = (Paragraph, Heading, Figure)


@frozen
class Diagnostic:
    """Something the parser was unsure of, kept as data so tools can show it.

    ``code`` is a stable machine-readable key (``headline-match``,
    ``no-headline``...); ``article`` names the article it concerns, and
    ``confidence`` is in [0, 1] where a score makes sense.
    """

    code: str = field(validator=_text)
    message: str = field(validator=_str)
    article: str | None = field(default=None, validator=_opt_str)
    confidence: float | None = field(default=None)

    @confidence.validator
    def _check_confidence(self, _attribute: object, value: float | None) -> None:
        if value is not None and not 0.0 <= value <= 1.0:
            raise ValueError(f"confidence must be within [0, 1], got {value!r}")


@frozen
class Article:
    """One story: its headline apparatus, contributors and body blocks.

    ``contributors`` keep each name with its role; ``authors`` is the names
    alone, for matching and for readers that want only those.
    """

    id: str = field(validator=_text)
    title: str | None = field(default=None, validator=_opt_text)
    title_source: TitleSource | None = field(
        default=None, validator=optional(in_(("headline", "derived")))
    )
    kicker: str | None = field(default=None, validator=_opt_text)
    subtitle: str | None = field(default=None, validator=_opt_text)
    contributors: tuple[Contributor, ...] = field(default=(), validator=_tuple_of(Contributor))
    dateline: str | None = field(default=None, validator=_opt_text)
    blocks: tuple[Block, ...] = field(default=(), validator=_tuple_of(_BLOCK_TYPES))

    def __attrs_post_init__(self) -> None:
        if (self.title is None) != (self.title_source is None):
            raise ValueError("title and title_source are set together or not at all")

    @property
    def authors(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.contributors)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Figure))


@frozen
class Page:
    """One printed page (版).

    ``header`` holds page furniture (dates, 第N版, 责任编辑, 合办); ``banners``
    holds slogans and headlines that head no article; ``figures`` holds
    captions that could not be tied to an article.  Nothing the dump printed is
    dropped: what is not an article lands in one of these.
    """

    number: int | None = field(default=None, validator=optional(instance_of(int)))
    label: str | None = field(default=None, validator=_opt_str)
    header: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    banners: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    articles: tuple[Article, ...] = field(default=(), validator=_tuple_of(Article))
    figures: tuple[Figure, ...] = field(default=(), validator=_tuple_of(Figure))
    source: str | None = field(default=None, validator=_opt_str)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), validator=_tuple_of(Diagnostic))


@frozen
class Issue:
    """One issue (期) of a publication: its identity and its pages."""

    title: str | None = field(default=None, validator=_opt_str)
    date: _dt.date | None = field(default=None, validator=optional(instance_of(_dt.date)))
    number: str | None = field(default=None, validator=_opt_str)
    publisher: str | None = field(default=None, validator=_opt_str)
    language: str = field(default="zh-CN", validator=_text)
    pages: tuple[Page, ...] = field(default=(), validator=_tuple_of(Page))

    def __attrs_post_init__(self) -> None:
        if isinstance(self.date, _dt.datetime):
            raise TypeError("date must be a datetime.date, not a datetime: an issue has a day, not a time")
        ids = [a.id for p in self.pages for a in p.articles]
        if len(ids) != len(set(ids)):
            raise ValueError("article ids must be unique within an issue")

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a for p in self.pages for a in p.articles)
