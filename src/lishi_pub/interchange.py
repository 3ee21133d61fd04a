"""lishi-pub's JSON interchange format: one private cattrs converter.

The document is the issue itself with two version fields in front, in the
manner of nbformat and pandoc's ``pandoc-api-version``: the major version
changes only when a reader of the old format would misread the new one, so
``loads`` refuses an unknown major version and accepts any minor one.  The
fields ``pages[].articles[].blocks`` etc. are also exactly what
``score_parse.py`` reads, so scoring needs no adapter.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import typing
from collections.abc import Iterator
from importlib import resources
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from .errors import DocumentError
from .model import Article, Block, Diagnostic, Figure, Heading, Issue, Page, Paragraph

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "dumps", "from_dict", "iter_dumps", "loads", "schema", "to_dict"]

FORMAT_NAME = "lishi-pub"
FORMAT_VERSION = (1, 0)

_TAGS: dict[type, str] = {Paragraph: "paragraph", Heading: "heading", Figure: "figure"}


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(_dt.date, lambda v, _t: _dt.date.fromisoformat(v))
    by_tag = {tag: cls for cls, tag in _TAGS.items()}
    for cls, tag in _TAGS.items():
        _register_tagged(conv, cls, tag)

    def structure_block(value: Any, _type: Any) -> Block:
        if not isinstance(value, dict) or value.get("type") not in by_tag:
            raise ValueError(f"block needs \"type\" as one of {sorted(by_tag)}")
        return conv.structure(value, by_tag[value["type"]])

    conv.register_unstructure_hook(Block, lambda b: conv.unstructure(b, type(b)))
    conv.register_structure_hook(Block, structure_block)
    return conv


def _register_tagged(conv: cattrs.Converter, cls: type, tag: str) -> None:
    """Blocks carry ``"type"`` first wherever they appear, page figures included."""
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
    if version[0] != FORMAT_VERSION[0]:
        raise DocumentError(
            f"{FORMAT_NAME} format version {version[0]}.{version[1]} is not supported; "
            f"this lishi-pub reads major version {FORMAT_VERSION[0]}"
        )
    body = {k: v for k, v in data.items() if k not in ("format", "format-version")}
    ignored: list[str] = []
    if version[1] > FORMAT_VERSION[1]:  # a newer minor version only adds fields: read what we know
        body = _known_fields(body, Issue, "", ignored)
    try:
        issue = _converter.structure(body, Issue)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        detail = "; ".join(cattrs.transform_error(exc)) if isinstance(exc, cattrs.BaseValidationError) else str(exc)
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
        else:
            ignored.append(f"{where}.{key}" if where else key)
    return kept


def _unoptional(hint: Any) -> Any:
    args = typing.get_args(hint)
    if type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]
    return hint


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
    return json.loads(resources.files(__package__).joinpath("issue.schema.json").read_text("utf-8"))
