"""lishi-pub JSON as input: the editorial loop parse → correct → convert (issue 13, item 3)."""

from __future__ import annotations

import json
import zipfile

import pytest

import lishi_pub
from lishi_pub import interchange
from lishi_pub.errors import DocumentError
from lishi_pub.testing import sample_issue

from test_cli import assert_one_line_error, run


@pytest.fixture
def issue_json(tmp_path):
    path = tmp_path / "issue.json"
    path.write_text(lishi_pub.dumps(sample_issue()), "utf-8")
    return path


def test_parse_loads_lishi_pub_json(issue_json):
    assert lishi_pub.parse(issue_json) == sample_issue()


def test_metadata_given_overrides_the_document(issue_json):
    assert lishi_pub.parse(issue_json, title="吕梁日报").title == "吕梁日报"


def test_the_editorial_loop_from_the_command_line(sample_path, tmp_path):
    parsed = tmp_path / "page.json"
    assert run("parse", str(sample_path), "-o", str(parsed)).returncode == 0
    data = json.loads(parsed.read_text("utf-8"))
    data["pages"][0]["articles"][0]["title"] = "编辑改过的标题"
    parsed.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = run("convert", str(parsed), "--to", "epub", "-o", str(tmp_path / "out.epub"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out.epub") as book:
        text = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xhtml"))
    assert "编辑改过的标题" in text
    assert "format" not in text and "lishi-pub\"" not in text
    result = run("inspect", str(parsed))
    assert result.returncode == 0 and "编辑改过的标题" in result.stdout


def test_other_json_is_refused_with_exit_3(tmp_path):
    other = tmp_path / "other.json"
    other.write_text('{"format": "ninjs", "headline": "x"}', "utf-8")
    assert_one_line_error(run("convert", str(other), "--to", "epub", "-o", str(tmp_path / "x.epub")), 3,
                          "not a lishi-pub document")
    assert not (tmp_path / "x.epub").exists()
    listing = tmp_path / "list.json"
    listing.write_text("[1, 2, 3]", "utf-8")
    assert_one_line_error(run("parse", str(listing)), 3, "not a lishi-pub document")


def test_from_overrides_detection(issue_json, tmp_path):
    result = run("parse", str(issue_json), "--from", "dump")
    assert result.returncode == 0
    assert json.loads(result.stdout)["pages"][0]["articles"], "read as a page dump, it still parses"
    page = tmp_path / "page.txt"
    page.write_text("离石区召开会议\n\n会议要求各单位认真落实。\n", "utf-8")
    assert_one_line_error(run("parse", str(page), "--from", "json"), 3, "not JSON")


def test_a_newer_minor_version_with_extra_fields_is_read_and_noted(tmp_path):
    data = interchange.to_dict(sample_issue())
    data["format-version"] = [interchange.FORMAT_VERSION[0], 7]
    data["editor"] = "王编辑"
    data["pages"][0]["articles"][0]["sentiment"] = 0.5
    issue = interchange.from_dict(data)
    notes = [d for d in issue.pages[0].diagnostics if d.code == "unknown-fields"]
    assert len(notes) == 1
    assert "editor" in notes[0].message and "pages[0].articles[0].sentiment" in notes[0].message
    assert issue.pages[0].articles == sample_issue().pages[0].articles


def test_unknown_fields_in_the_current_version_are_still_refused():
    data = interchange.to_dict(sample_issue())
    data["titel"] = "typo"
    with pytest.raises(DocumentError, match="titel"):
        interchange.from_dict(data)


def test_batch_mode_reads_json_documents(tmp_path):
    archive = tmp_path / "corrected"
    archive.mkdir()
    (archive / "2022-04-22.json").write_text(lishi_pub.dumps(sample_issue()), "utf-8")
    result = run("convert", str(archive), "--to", "epub", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(tmp_path / "out" / "2022-04-22.epub")
