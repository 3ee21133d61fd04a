"""The JSON interchange format: exact round trip, stable bytes, a published schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

import lishi_pub
import lishi_pub.testing
from lishi_pub import Contributor, Credit, DocumentError, dumps, loads

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
    assert data["format-version"] == [2, 0]
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
    data["format-version"] = [3, 0]
    with pytest.raises(DocumentError, match="version 3.0 is not supported"):
        loads(json.dumps(data))


def test_newer_minor_version_is_read(sample_issue):
    data = json.loads(dumps(sample_issue))
    data["format-version"] = [2, 7]
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

    from lishi_pub.model import Article, Contributor, Diagnostic, Heading, Issue, Page, Paragraph

    defs = lishi_pub.schema()["$defs"]
    pairs = {"page": Page, "article": Article, "paragraph": Paragraph, "heading": Heading,
             "diagnostic": Diagnostic, "contributor": Contributor}
    derived = {"article": {"authors"}}
    for name, cls in pairs.items():
        fields = {a.name for a in attrs.fields(cls)}
        assert set(defs[name]["properties"]) - {"type"} - derived.get(name, set()) == fields, name
    # a figure is written flat: its Credit's fields beside the caption
    assert set(defs["figure"]["properties"]) == {"type", "caption", "credit", "credit_kind", "contributors"}
    top = set(lishi_pub.schema()["properties"]) - {"format", "format-version"}
    assert top == {a.name for a in attrs.fields(Issue)}


DATA = Path(__file__).parent / "data"


def test_names_stay_where_1x_readers_and_the_scorer_look():
    """``authors`` is a list of names and a figure's ``credit`` the name; the
    role travels beside them in ``contributors`` and ``credit_kind``."""
    sample_issue = lishi_pub.testing.sample_issue()
    article = json.loads(dumps(sample_issue))["pages"][0]["articles"][0]
    assert article["authors"] == ["张伟", "刘芳"]
    assert article["contributors"] == [{"name": "张伟", "role": "记者"}, {"name": "刘芳", "role": "通讯员"}]
    figure = next(b for b in article["blocks"] if b["type"] == "figure")
    assert (figure["credit"], figure["credit_kind"]) == ("王晶晶", "摄")
    loose = json.loads(dumps(sample_issue))["pages"][0]["figures"]
    assert [(f["credit"], f["credit_kind"]) for f in loose] == [(None, None), ("刘芳", "供图"), ("资料图", "资料图")]


@pytest.mark.parametrize("field, value", [
    ("authors", ["张伟"]),
    ("authors", ["刘芳", "张伟"]),
])
def test_authors_that_disagree_with_contributors_are_refused(field, value):
    sample_issue = lishi_pub.testing.sample_issue()
    data = json.loads(dumps(sample_issue))
    data["pages"][0]["articles"][0][field] = value
    with pytest.raises(DocumentError, match="disagrees"):
        loads(json.dumps(data))


def test_a_credit_that_disagrees_with_its_contributors_is_refused():
    sample_issue = lishi_pub.testing.sample_issue()
    data = json.loads(dumps(sample_issue))
    data["pages"][0]["figures"][1]["credit"] = "王晶晶"
    with pytest.raises(DocumentError, match="disagrees"):
        loads(json.dumps(data))


def test_a_1_0_document_written_by_lishi_pub_1_is_converted():
    """tests/data/v1.0-sample-issue.json was written by lishi-pub 1.x (format 1.0)
    from its own sample issue: parallel authors/roles, a credit typed whole."""
    issue = loads((DATA / "v1.0-sample-issue.json").read_text("utf-8"))
    first = issue.pages[0].articles[0]
    assert first.contributors == (Contributor("张伟", "记者"), Contributor("刘芳", "通讯员"))
    assert first.figures[0].credit == Credit((Contributor("王晶晶"),), "摄")
    assert issue.pages[1].articles[0].contributors == (Contributor("王艳"),)
    assert issue.pages[0].figures[0].credit is None
    # and it is now written as 2.0, which reads back to the same issue
    assert json.loads(dumps(issue))["format-version"] == [2, 0]
    assert loads(dumps(issue)) == issue


def test_a_1_0_parse_with_a_file_photo_is_converted():
    """tests/data/v1.0-city-paper.json: lishi-pub 1.x's parse of tests/dumps/city-paper-pdfminer.txt."""
    issue = loads((DATA / "v1.0-city-paper.json").read_text("utf-8"))
    council, harvest = issue.articles[:2]
    assert council.figures[0].credit == Credit((), "资料图")
    assert harvest.contributors == (Contributor("白雪", "通讯员"), Contributor("王刚", "记者"))
    current = lishi_pub.parse(Path(__file__).parent / "dumps" / "city-paper-pdfminer.txt")
    assert [a.contributors for a in issue.articles] == [a.contributors for a in current.articles]


def test_a_1_x_document_with_roles_not_parallel_is_refused():
    data = json.loads((DATA / "v1.0-sample-issue.json").read_text("utf-8"))
    data["pages"][0]["articles"][0]["roles"] = ["记者"]
    with pytest.raises(DocumentError, match="invalid lishi-pub document"):
        loads(json.dumps(data))
