"""Whatever users feed it: encodings, line endings, control characters, bad files."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import lishi_pub
from lishi_pub import InputError
from lishi_pub.inputs import decode


def pages_of(issue):
    """Everything parsed, without the input's own name."""
    return [(p.header, p.banners, p.articles, p.figures) for p in issue.pages]


@pytest.mark.parametrize("encoding, newline", [
    ("gb18030", "\n"), ("gbk", "\n"), ("utf-16", "\n"), ("utf-8-sig", "\n"), ("utf-8", "\r\n"),
    ("utf-8", "\r"), ("gb18030", "\r\n"), ("utf-32", "\n"),
])
def test_every_encoding_and_line_ending_parses_to_the_same_pages(sample_path, tmp_path, encoding, newline):
    text = sample_path.read_text("utf-8")
    other = tmp_path / f"page-{encoding}.txt"
    other.write_bytes(text.replace("\n", newline).encode(encoding))
    assert pages_of(lishi_pub.parse(other)) == pages_of(lishi_pub.parse(sample_path))


def test_detected_encoding_is_reported():
    assert decode("离石区融媒体中心".encode("gb18030")).encoding == "gb18030"
    assert decode("离石".encode("utf-8-sig")).encoding == "utf-8-sig"
    assert decode("离石".encode("utf-16")).encoding == "utf-16"


def test_explicit_encoding_overrides_detection(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("本報訊 臺北市今日舉行活動。（王豔）\n".encode("big5"))
    with pytest.raises(InputError, match="not UTF-8"):
        lishi_pub.parse(path)
    issue = lishi_pub.parse(path, encoding="big5")
    assert issue.articles[0].dateline == "本報訊" or "本報訊" in issue.articles[0].paragraphs[0].text
    with pytest.raises(InputError, match="unknown encoding"):
        lishi_pub.parse(path, encoding="klingon")


def test_control_characters_are_removed_and_reported():
    issue = lishi_pub.parse_text("本报讯 区里\x00召开会议\x07，部署\ufffd工作。（王艳）\n")
    article = issue.articles[0]
    assert article.paragraphs[0].text == "区里召开会议，部署工作。"
    note = next(d for d in issue.pages[0].diagnostics if d.code == "control-characters")
    assert "3" in note.message


def test_form_feed_makes_two_pages(sample_path, tmp_path):
    text = sample_path.read_text("utf-8")
    two = tmp_path / "two.txt"
    two.write_text(text + "\f" + text, "utf-8")
    issue = lishi_pub.parse(two)
    assert len(issue.pages) == 2
    assert [a.title for a in issue.pages[0].articles] == [a.title for a in issue.pages[1].articles]
    assert issue.pages[1].articles[0].id == "p2-a1"


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"  \n\n\t \r\n", "no text"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"PK\x03\x04\x14\x00", "ZIP"),
    (bytes(range(256)) * 4, "binary"),
    (b"\xff\xfe\xfd\xfc\x80\x81" * 50, "name the encoding"),
])
def test_bad_files_get_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        lishi_pub.parse(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_bad_files_exit_non_zero_without_traceback(tmp_path):
    for name, content in (("empty.txt", b""), ("blank.txt", b"\n \n"), ("page.pdf", b"%PDF-1.4\n")):
        path = tmp_path / name
        path.write_bytes(content)
        result = subprocess.run([sys.executable, "-m", "lishi_pub", "parse", str(path)], capture_output=True,
                                text=True, env={**os.environ, "LISHI_PUB_NO_PLUGINS": "1"})
        assert result.returncode == 3
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_unreadable_path_is_reported(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot read|no such file"):
        lishi_pub.parse(blocker / "inside.txt")


def test_huge_file_is_refused_with_a_limit_that_can_be_raised(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("本报讯 区里召开会议。（王艳）\n" * 2000, "utf-8")
    with pytest.raises(InputError, match="input limit.*LISHI_PUB_MAX_INPUT_MB"):
        lishi_pub.parse(path, max_bytes=10_000)
    monkeypatch.setenv("LISHI_PUB_MAX_INPUT_MB", "0.01")
    with pytest.raises(InputError, match="over the"):
        lishi_pub.parse(path)
    monkeypatch.setenv("LISHI_PUB_MAX_INPUT_MB", "1")
    assert lishi_pub.parse(path).articles
