"""Validation of ninjs documents against IPTC's official ninjs 3.1 JSON Schema.

The schema (and its MIT licence) is copied from IPTC into ``schema/``.  Its
one remote reference (GeoJSON, under ``places``) is never fetched: the
registry refuses every retrieval, so a document that reached it would fail
loudly instead of touching the network.  JSON Schema's ``uri`` format needs
an optional package to be checked, so URIs are checked here by RFC 3986's
character set and scheme syntax instead.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.exceptions import NoSuchResource

SCHEMA = Path(__file__).with_name("schema") / "ninjs-schema_3.1.json"
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def _refuse(uri: str) -> Any:
    raise NoSuchResource(ref=uri)


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker(), registry=Registry(retrieve=_refuse))


def _uris(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [value["uri"]] if isinstance(value.get("uri"), str) else []
        return found + [u for v in value.values() for u in _uris(v)]
    if isinstance(value, list):
        return [u for v in value for u in _uris(v)]
    return []


def check_document(text: str) -> dict[str, Any]:
    """Parse one ninjs file and fail on anything the standard (or well-formed HTML) forbids."""
    doc = json.loads(text)
    errors = sorted(validator().iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    for uri in _uris(doc):
        assert URI.fullmatch(uri), f"not a URI: {uri!r}"
    for body in doc.get("bodies", []):
        if body.get("contentType") == "text/html":
            ET.fromstring(f"<div>{body['value']}</div>")
    return doc
