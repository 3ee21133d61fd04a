"""lishi-pub's JSON interchange format: one private cattrs converter.

The document is the issue itself with two version fields in front, in the
manner of nbformat and pandoc's ``pandoc-api-version``: the major version
changes only when a reader of the old format would misread the new one, so
``loads`` refuses an unknown major version and accepts any minor one.  The
fields ``pages[].articles[].blocks`` etc. are also exactly what
``score_parse.py`` reads, so scoring needs no adapter.

Version 2 keeps each contributor's role with its name (``contributors``); the
plain names stay beside them as ``authors`` and a figure's ``credit``, the
shape every 1.x consumer reads, and ``loads`` checks that the two agree.
Documents of version 1.x are converted on reading.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import re
import typing
from collections.abc import Iterator
from importlib import resources
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from .errors import DocumentError
from .model import Article, Block, Contributor, Credit, Diagnostic, Figure, Heading, Issue, Page, Paragraph

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "dumps", "from_dict", "iter_dumps", "loads", "schema", "to_dict"]

FORMAT_NAME = "lishi-pub"
FORMAT_VERSION = (2, 0)
_READS_MAJOR = (1, 2)  # 1.x is converted by _upgrade_1

_TAGS: dict[type, str] = {Paragraph: "paragraph", Heading: "heading", Figure: "figure"}


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(_dt.date, lambda v, _t: _dt.date.fromisoformat(v))
    by_tag = {tag: cls for cls, tag in _TAGS.items()}
    _register_article(conv)
    for cls, tag in _TAGS.items():
        _register_tagged(conv, cls, tag)

    def structure_block(value: Any, _type: Any) -> Block:
        if not isinstance(value, dict) or value.get("type") not in by_tag:
            raise ValueError(f"block needs \"type\" as one of {sorted(by_tag)}")
        return conv.structure(value, by_tag[value["type"]])

    conv.register_unstructure_hook(Block, lambda b: conv.unstructure(b, type(b)))
    conv.register_structure_hook(Block, structure_block)
    return conv


def _credit_text(credit: Credit | None) -> str | None:
    """The figure's ``credit`` string as 1.x wrote it: the names, or for a
    credit naming nobody its word (``资料图``)."""
    if credit is None:
        return None
    return credit.name or credit.kind


def _register_article(conv: cattrs.Converter) -> None:
    """``authors`` (the names) is written just before ``contributors`` and,
    being derived, must agree with it when read back."""
    unstructure = make_dict_unstructure_fn(Article, conv)
    structure = make_dict_structure_fn(Article, conv, _cattrs_forbid_extra_keys=True)

    def article_unstructure(obj: Article) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in unstructure(obj).items():
            if key == "contributors":
                out["authors"] = list(obj.authors)
            out[key] = value
        return out

    def article_structure(value: Any, _type: Any) -> Article:
        if not isinstance(value, dict):
            raise ValueError("article must be an object")
        names = value.get("authors")
        article = structure({k: v for k, v in value.items() if k != "authors"}, Article)
        if names != list(article.authors):
            raise ValueError(f"article {article.id}: \"authors\" {names!r} disagrees with \"contributors\"")
        return article

    conv.register_unstructure_hook(Article, article_unstructure)
    conv.register_structure_hook(Article, article_structure)


def _figure_fields(conv: cattrs.Converter) -> tuple[Any, Any]:
    """A figure is written flat: ``credit`` (the name, as 1.x had it),
    ``credit_kind`` (摄, 供图, 资料图) and the credited ``contributors``."""

    def unstructure(obj: Figure) -> dict[str, Any]:
        credit = obj.credit
        return {
            "caption": obj.caption,
            "credit": _credit_text(credit),
            "credit_kind": credit.kind if credit else None,
            "contributors": [conv.unstructure(c, Contributor) for c in credit.by] if credit else [],
        }

    def structure(value: dict[str, Any], _cls: Any) -> Figure:
        extra = set(value) - {"caption", "credit", "credit_kind", "contributors"}
        if extra:
            raise ValueError(f"figure has unknown fields {sorted(extra)}")
        by = conv.structure(value.get("contributors", []), tuple[Contributor, ...])
        kind = conv.structure(value.get("credit_kind"), str | None)  # type: ignore[arg-type]
        credit = Credit(by, kind) if by or kind is not None else None
        figure = Figure(conv.structure(value.get("caption"), str), credit)
        if value.get("credit") != _credit_text(credit):
            raise ValueError(f"figure \"credit\" {value.get('credit')!r} disagrees with its credit_kind and contributors")
        return figure

    return unstructure, structure


def _register_tagged(conv: cattrs.Converter, cls: type, tag: str) -> None:
    """Blocks carry ``"type"`` first wherever they appear, page figures included."""
    if cls is Figure:
        unstructure, structure = _figure_fields(conv)
    else:
        unstructure = make_dict_unstructure_fn(cls, conv)
        structure = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

    def tagged_unstructure(obj: Any) -> dict[str, Any]:
        return {"type": tag, **unstructure(obj)}

    def tagged_structure(value: Any, _type: Any) -> Any:
        if not isinstance(value, dict):
            raise ValueError(f"{tag} must be an object")
        if value.get("type", tag) != tag:
            raise ValueError(f"expected a {tag}, got type {value.get('type')!r}")
        return structure({k: v for k, v in value.items() if k != "type"}, cls)

    conv.register_unstructure_hook(cls, tagged_unstructure)
    conv.register_structure_hook(cls, tagged_structure)


_converter = _make_converter()


def to_dict(issue: Issue) -> dict[str, Any]:
    """The issue as plain JSON-ready data, inside the versioned envelope."""
    body = _converter.unstructure(issue, Issue)
    return {"format": FORMAT_NAME, "format-version": list(FORMAT_VERSION), **body}


def from_dict(data: Any) -> Issue:
    """Rebuild an Issue from :func:`to_dict` data, checking the envelope first."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise DocumentError(f"not a {FORMAT_NAME} document (missing \"format\": \"{FORMAT_NAME}\")")
    version = data.get("format-version")
    if (
        not isinstance(version, list)
        or len(version) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in version)
    ):
        raise DocumentError(f"bad \"format-version\" {version!r}: expected [major, minor]")
    if version[0] not in _READS_MAJOR:
        raise DocumentError(
            f"{FORMAT_NAME} format version {version[0]}.{version[1]} is not supported; "
            f"this lishi-pub reads major versions {', '.join(map(str, _READS_MAJOR))}"
        )
    body = {k: v for k, v in data.items() if k not in ("format", "format-version")}
    ignored: list[str] = []
    if version[0] == 1:
        body = _upgrade_1(body)
    elif version[1] > FORMAT_VERSION[1]:  # a newer minor version only adds fields: read what we know
        body = _known_fields(body, Issue, "", ignored)
    try:
        issue = _converter.structure(body, Issue)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        detail = ("; ".join(cattrs.transform_error(exc, format_exception=_format_error))
                  if isinstance(exc, cattrs.BaseValidationError) else str(exc))
        raise DocumentError(f"invalid {FORMAT_NAME} document: {detail}") from exc
    return _noting_ignored(issue, version, ignored) if ignored else issue


def _noting_ignored(issue: Issue, version: list[int], ignored: list[str]) -> Issue:
    """Ignored fields go into the first page's diagnostics (an issue has none of its own) and the log."""
    shown = ", ".join(ignored[:10]) + (f" and {len(ignored) - 10} more" if len(ignored) > 10 else "")
    message = (f"format version {version[0]}.{version[1]} is newer than this lishi-pub's "
               f"{FORMAT_VERSION[0]}.{FORMAT_VERSION[1]}; ignored unknown fields: {shown}")
    logging.getLogger("lishi_pub.interchange").warning("%s", message)
    if not issue.pages:
        return issue
    first = issue.pages[0]
    note = Diagnostic(code="unknown-fields", message=message)
    return attrs.evolve(issue, pages=(attrs.evolve(first, diagnostics=(*first.diagnostics, note)),
                                      *issue.pages[1:]))


#: Keys written beside a record's own fields (its hooks above), with what they hold.
_WRITTEN: dict[type, dict[str, Any]] = {
    Article: {"authors": list[str]},
    Figure: {"credit_kind": str, "contributors": tuple[Contributor, ...]},
}


def _known_fields(value: Any, hint: Any, where: str, ignored: list[str]) -> Any:
    """``value`` with the keys no attrs class of ``hint`` declares left out (and listed in ``ignored``)."""
    if isinstance(value, list):
        args = [a for a in typing.get_args(hint) if a is not Ellipsis]
        item = args[0] if args else Any
        return [_known_fields(v, item, f"{where}[{k}]", ignored) for k, v in enumerate(value)]
    if not isinstance(value, dict):
        return value
    classes = [a for a in (typing.get_args(hint) or (hint,)) if attrs.has(a)]
    if len(classes) > 1:  # a tagged union such as Block: the tag picks the class
        classes = [c for c in classes if _TAGS.get(c) == value.get("type")]
    if len(classes) != 1:
        return value
    cls = classes[0]
    hints = typing.get_type_hints(cls)
    kept: dict[str, Any] = {}
    for key, item in value.items():
        if key in hints:
            kept[key] = _known_fields(item, _unoptional(hints[key]), f"{where}.{key}" if where else key, ignored)
        elif key == "type" and cls in _TAGS:
            kept[key] = item
        elif key in _WRITTEN.get(cls, {}):
            kept[key] = _known_fields(item, _WRITTEN[cls][key], f"{where}.{key}" if where else key, ignored)
        else:
            ignored.append(f"{where}.{key}" if where else key)
    return kept


def _unoptional(hint: Any) -> Any:
    args = typing.get_args(hint)
    if type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]
    return hint


# 1.x wrote a nameless credit as its word; these are the words its parser knew.
_V1_FILE_WORDS = ("资料图片", "资料照片", "资料图", "图片来源")
# A whole credit typed into 1.x's string by hand: ``王晶晶 摄``, ``通讯员 刘芳 供图``.
_V1_TRAILING_KIND = re.compile(r"^(?P<who>.*?)[ \u3000]*(?P<kind>摄影|摄|供图|提供)$")


def _upgrade_1(body: dict[str, Any]) -> dict[str, Any]:
    """A 1.x body in 2.0 shape: ``authors`` + parallel ``roles`` become
    ``contributors``; a figure's credit string becomes its contributors
    (names split on 、, as 1.x joined them) or, for 资料图, its kind.

    Only well-formed parts are rewritten; anything else is passed on for the
    structuring step to reject with its usual message.
    """
    pages = body.get("pages")
    if not isinstance(pages, list):
        return body
    body = {**body, "pages": [_upgrade_page(p) if isinstance(p, dict) else p for p in pages]}
    return body


def _upgrade_page(page: dict[str, Any]) -> dict[str, Any]:
    page = dict(page)
    if isinstance(page.get("articles"), list):
        page["articles"] = [_upgrade_article(a) if isinstance(a, dict) else a for a in page["articles"]]
    if isinstance(page.get("figures"), list):
        page["figures"] = [_upgrade_figure(f) for f in page["figures"]]
    return page


def _upgrade_article(article: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    authors = article.get("authors", [])
    roles = article.get("roles", [None] * len(authors) if isinstance(authors, list) else None)
    if not (isinstance(authors, list) and isinstance(roles, list) and len(roles) == len(authors)):
        return article
    for key, value in article.items():
        if key == "roles":
            continue
        if key == "authors":
            out["authors"] = authors
            out["contributors"] = [{"name": n, "role": r} for n, r in zip(authors, roles)]
        elif key == "blocks" and isinstance(value, list):
            out["blocks"] = [_upgrade_figure(b) if isinstance(b, dict) and b.get("type") == "figure" else b
                             for b in value]
        else:
            out[key] = value
    return out


def _upgrade_figure(figure: Any) -> Any:
    """1.x's ``credit`` string becomes the 2.0 credit: ``资料图`` its kind,
    ``王晶晶、李明`` two contributors (1.x joined names with 、), and a credit
    written whole (``通讯员 刘芳 供图``) its kind and, before the last space of
    each name, its role."""
    if not isinstance(figure, dict) or "credit_kind" in figure:
        return figure
    credit = figure.get("credit")
    if not isinstance(credit, str) or not credit.strip():
        return {**figure, "credit": None, "credit_kind": None, "contributors": []}
    credit = credit.strip()
    kind: str | None = next((w for w in _V1_FILE_WORDS if credit.startswith(w)), None)
    who = credit[len(kind):].lstrip("：: \u3000") if kind else credit
    if kind is None and (m := _V1_TRAILING_KIND.match(credit)) and m["who"].strip():
        who, kind = m["who"], m["kind"]
    people: list[dict[str, str | None]] = []
    names: list[str] = []
    for piece in (p.strip() for p in who.split("、")):
        if piece:
            role, _, name = piece.rpartition(" ")
            names.append(name.strip())
            people.append({"name": names[-1], "role": role.strip() or None})
    return {**figure, "credit": "、".join(names) or kind, "credit_kind": kind, "contributors": people}


def _format_error(exc: BaseException, type_: Any) -> str:
    """Our own checks (names disagreeing with contributors) say what is wrong; cattrs' say where."""
    from cattrs.v import format_exception

    return str(exc) if type(exc) is ValueError and "disagrees" in str(exc) else format_exception(exc, type_)


def dumps(issue: Issue) -> str:
    """Deterministic JSON text: field order fixed by the model, Unicode kept as is."""
    return "".join(iter_dumps(issue))


def iter_dumps(issue: Issue) -> Iterator[str]:
    """The text of :func:`dumps` in pieces, one page at a time.

    An archive's issue can run to thousands of pages; written piece by piece
    its JSON never has to exist whole in memory.  Each page is encoded by
    the C encoder and indented to its place, so the pieces joined are exactly
    ``json.dumps(to_dict(issue), ensure_ascii=False, indent=2)`` plus a newline.
    """
    envelope = {"format": FORMAT_NAME, "format-version": list(FORMAT_VERSION),
                **_converter.unstructure(attrs.evolve(issue, pages=()), Issue)}
    head = json.dumps(envelope, ensure_ascii=False, indent=2)
    if not issue.pages:
        yield head + "\n"
        return
    yield head[: head.rindex("[]")] + "[\n"
    last = len(issue.pages) - 1
    for k, page in enumerate(issue.pages):
        yield "    "
        for piece in _page_pieces(page):
            yield piece.replace("\n", "\n    ")
        yield ",\n" if k < last else "\n"
    yield "  ]\n}\n"


def _page_pieces(page: Page) -> Iterator[str]:
    """One page's JSON (indented from column 0) article by article, so a page of 50,000
    articles is never one dictionary in memory; joined, exactly ``json.dumps`` of the page."""
    if not page.articles:
        yield json.dumps(_converter.unstructure(page, Page), ensure_ascii=False, indent=2)
        return
    text = json.dumps(_converter.unstructure(attrs.evolve(page, articles=()), Page), ensure_ascii=False, indent=2)
    at = text.index('\n  "articles": []') + len('\n  "articles": ')
    yield text[:at] + "[\n"
    last = len(page.articles) - 1
    for k, article in enumerate(page.articles):
        body = json.dumps(_converter.unstructure(article, Article), ensure_ascii=False, indent=2)
        yield "    " + body.replace("\n", "\n    ") + (",\n" if k < last else "\n")
    yield "  ]" + text[at + 2:]


def loads(text: str | bytes) -> Issue:
    """Parse JSON text written by :func:`dumps`; ``loads(dumps(i)) == i``."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DocumentError(f"not JSON: {exc}") from exc
    return from_dict(data)


def schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12) of the interchange format."""
    found: dict[str, Any] = json.loads(resources.files(__package__).joinpath("issue.schema.json").read_text("utf-8"))
    return found
