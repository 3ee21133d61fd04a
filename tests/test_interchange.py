"""The JSON interchange format: exact round trip, stable bytes, a published schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings

import lishi_pub
from lishi_pub import DocumentError, dumps, loads

from strategies import issues


def test_sample_round_trips_exactly(sample_issue):
    text = dumps(sample_issue)
    assert loads(text) == sample_issue
    assert dumps(loads(text)) == text


def test_output_is_readable_unicode_with_a_version_envelope(sample_issue):
    text = dumps(sample_issue)
    assert "\\u" not in text
    assert "离石" in text
    data = json.loads(text)
    assert data["format"] == "lishi-pub"
    assert data["format-version"][0] == 1
    assert list(data)[:2] == ["format", "format-version"]


def test_real_output_validates_against_the_published_schema(sample_issue):
    jsonschema.Draft202012Validator.check_schema(lishi_pub.schema())
    jsonschema.validate(json.loads(dumps(sample_issue)), lishi_pub.schema())


def test_scorer_shape_is_present(sample_issue):
    """score_parse.py reads pages[].articles[] with these names, and page figures."""
    page = json.loads(dumps(sample_issue))["pages"][0]
    assert {"header", "banners", "articles", "figures"} <= set(page)
    article = page["articles"][0]
    assert {"title", "title_source", "subtitle", "kicker", "authors", "dateline", "blocks"} <= set(article)
    assert {b["type"] for a in page["articles"] for b in a["blocks"]} == {"paragraph", "heading", "figure"}


@settings(max_examples=60, deadline=None)
@given(issues())
def test_any_issue_round_trips_and_validates(issue):
    text = dumps(issue)
    assert loads(text) == issue
    assert dumps(loads(text)) == text
    jsonschema.validate(json.loads(text), lishi_pub.schema())


@settings(max_examples=40, deadline=None)
@given(issues())
def test_page_by_page_text_is_the_canonical_json(issue):
    """``dumps`` is written a page at a time; it must equal one json.dumps of the whole."""
    from lishi_pub.interchange import iter_dumps, to_dict

    canonical = json.dumps(to_dict(issue), ensure_ascii=False, indent=2) + "\n"
    assert "".join(iter_dumps(issue)) == canonical == dumps(issue)


def test_unknown_major_version_is_refused_with_a_clear_message(sample_issue):
    data = json.loads(dumps(sample_issue))
    data["format-version"] = [2, 0]
    with pytest.raises(DocumentError, match="version 2.0 is not supported"):
        loads(json.dumps(data))


def test_newer_minor_version_is_read(sample_issue):
    data = json.loads(dumps(sample_issue))
    data["format-version"] = [1, 7]
    assert loads(json.dumps(data)) == sample_issue


@pytest.mark.parametrize("text, message", [
    ("not json", "not JSON"),
    ("[]", "not a lishi-pub document"),
    ('{"format": "lishi-pub", "format-version": "1"}', "format-version"),
    ('{"format": "lishi-pub", "format-version": [1, 0], "pages": [{"articles": [{"id": "a", "blocks": '
     '[{"type": "poem", "text": "x"}]}]}]}', "invalid lishi-pub document"),
    ('{"format": "lishi-pub", "format-version": [1, 0], "pages": [], "surprise": 1}', "invalid"),
])
def test_bad_documents_raise_document_error(text, message):
    with pytest.raises(DocumentError, match=message):
        loads(text)


def test_schema_covers_every_model_field():
    """The hand-written schema and the model must not drift apart."""
    import attrs

    from lishi_pub.model import Article, Diagnostic, Figure, Heading, Issue, Page, Paragraph

    defs = lishi_pub.schema()["$defs"]
    pairs = {"page": Page, "article": Article, "paragraph": Paragraph, "heading": Heading,
             "figure": Figure, "diagnostic": Diagnostic}
    for name, cls in pairs.items():
        fields = {a.name for a in attrs.fields(cls)}
        assert set(defs[name]["properties"]) - {"type"} == fields, name
    top = set(lishi_pub.schema()["properties"]) - {"format", "format-version"}
    assert top == {a.name for a in attrs.fields(Issue)}
