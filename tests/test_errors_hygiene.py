"""Honest errors and text hygiene (issue 13, item 5)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

import lishi_pub
from lishi_pub.testing import sample_issue

from test_cli import assert_one_line_error, run

ENV = {**os.environ, "LISHI_PUB_NO_PLUGINS": "1"}


def full_device(tmp_path):
    path = tmp_path / "full"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    return path


def test_parse_to_a_full_device_says_cannot_write(sample_path, tmp_path):
    assert_one_line_error(run("parse", str(sample_path), "-o", str(full_device(tmp_path))), 4, "cannot write")


def test_parse_into_a_path_that_cannot_be_a_folder_says_cannot_write(sample_path, tmp_path):
    (tmp_path / "file").write_text("x", "utf-8")
    assert_one_line_error(run("parse", str(sample_path), "-o", str(tmp_path / "file" / "out.json")), 4,
                          "cannot write")


@pytest.mark.parametrize("redirect", ["closed", "full"])
def test_parse_to_a_closed_or_full_stdout_says_cannot_write(sample_path, tmp_path, redirect):
    target = ">&-" if redirect == "closed" else f"> {full_device(tmp_path)}"
    command = f"exec {sys.executable} -m lishi_pub parse {sample_path} {target}"
    result = subprocess.run(["sh", "-c", command], capture_output=True, text=True, env=ENV, timeout=120)
    assert_one_line_error(result, 4, "cannot write to standard output")


@pytest.mark.parametrize("call, words", [
    (lambda p: lishi_pub.render(str(p), "epub"), ["render() takes an Issue, not str", "parse"]),
    (lambda p: lishi_pub.render(None, "json"), ["render() takes an Issue, not NoneType"]),
    (lambda p: lishi_pub.parse(str(p).encode()), ["parse() takes a path", "not bytes"]),
    (lambda p: lishi_pub.parse_text(p.read_bytes()), ["parse_text() takes the page's text as str", "bytes"]),
    (lambda p: lishi_pub.parse(p, date=20220422), ["date takes a datetime.date or YYYY-MM-DD text", "int"]),
    (lambda p: lishi_pub.export(sample_issue(), "json", None), ["destination is a path"]),
])
def test_wrong_types_through_the_api_name_what_was_expected(sample_path, call, words):
    with pytest.raises(TypeError) as caught:
        call(sample_path)
    for word in words:
        assert word in str(caught.value)


def test_an_impossible_date_says_the_day_is_out_of_range(sample_path):
    assert_one_line_error(run("parse", str(sample_path), "--date", "2022-02-30"), 2, "out of range")


@pytest.mark.parametrize("value", ["-5", "0", "nan", "lots"])
def test_a_nonsense_input_limit_is_refused(sample_path, value):
    result = run("parse", str(sample_path), f"--max-input-mb={value}")
    assert result.returncode == 2 and "max-input-mb" in result.stderr and "Traceback" not in result.stderr


def test_yes_no_spellings_are_documented(tmp_path):
    listing = run("formats").stdout
    assert "yes, true, on, 1" in listing and "no, false, off, 0" in listing
    docs = (lishi_pub.__file__.rsplit("src", 1)[0] + "docs/cli.md")
    assert "`no`, `false`, `off`, `0`" in open(docs, encoding="utf-8").read()


def test_lone_surrogates_are_removed_and_noted(sample_path):
    text = sample_path.read_text("utf-8")
    issue = lishi_pub.parse_text(text[:200] + "\ud800" + text[200:] + "\udfff")
    lishi_pub.dumps(issue).encode("utf-8")
    notes = [d.message for p in issue.pages for d in p.diagnostics]
    assert any("removed 2" in n for n in notes), notes


@pytest.mark.parametrize("at", [10, 5000, -10])
def test_a_single_nul_is_handled_alike_wherever_it_stands(sample_path, tmp_path, at):
    data = sample_path.read_bytes()
    at = at % len(data)
    while data[at] >= 0x80:  # not inside a character
        at += 1
    path = tmp_path / "page.txt"
    path.write_bytes(data[:at] + b"\x00" + data[at:])
    issue = lishi_pub.parse(path)
    assert len(issue.articles) == len(lishi_pub.parse(sample_path).articles)
    assert any("removed 1" in d.message for p in issue.pages for d in p.diagnostics)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(sample_path, tmp_path, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes(sample_path.read_text("utf-8").encode(encoding))
    assert lishi_pub.parse(path).articles == lishi_pub.parse(sample_path).articles


def test_utf16_ascii_without_a_bom_suggests_the_encoding(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("Plain English text without a byte order mark.\n".encode("utf-16-le") * 20)
    assert_one_line_error(run("parse", str(path)), 3, "--encoding utf-16-le")
