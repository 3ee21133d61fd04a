"""The command line, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import lishi_pub


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "LISHI_PUB_NO_PLUGINS": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "lishi_pub", *args], capture_output=True, text=True,
                          cwd=cwd, env=full_env, timeout=120)


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_parse_prints_json_of_the_issue(sample_path):
    result = run("parse", str(sample_path), "--title", "离石报", "--date", "2022-04-22")
    assert result.returncode == 0, result.stderr
    issue = lishi_pub.loads(result.stdout)
    assert issue.title == "离石报"
    assert issue.date.isoformat() == "2022-04-22"
    assert len(issue.articles) == 7


def test_parse_writes_a_file(sample_path, tmp_path):
    out = tmp_path / "sub" / "p.json"
    assert run("parse", str(sample_path), "-o", str(out)).returncode == 0
    assert lishi_pub.loads(out.read_text("utf-8")).articles


def test_missing_input_is_one_line_and_exit_3(tmp_path):
    result = run("parse", str(tmp_path / "nope.txt"))
    assert_one_line_error(result, 3, "nope.txt", "no such file")


def test_directory_and_empty_inputs_are_refused(tmp_path):
    assert_one_line_error(run("parse", str(tmp_path)), 3, "directory")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_line_error(run("parse", str(empty)), 3, "empty")
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert_one_line_error(run("parse", str(pdf)), 3, "PDF", "pdftotext")


def test_debug_shows_the_traceback(tmp_path):
    result = run("--debug", "parse", str(tmp_path / "nope.txt"))
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_formats_lists_json_with_its_provider():
    result = run("formats")
    assert result.returncode == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("json"))
    assert "[lishi-pub]" in line


def test_schema_is_json_schema():
    result = run("schema")
    assert json.loads(result.stdout)["$schema"].startswith("https://json-schema.org/")


def test_version():
    assert run("--version").stdout.strip() == f"lishi-pub {lishi_pub.__version__}"


def test_convert_to_json_file_and_default_name(sample_path, tmp_path):
    out = tmp_path / "one.json"
    assert run("convert", str(sample_path), "--to", "json", "-o", str(out)).returncode == 0
    assert lishi_pub.loads(out.read_text("utf-8")).articles
    assert run("convert", str(sample_path), "--to", "json", cwd=tmp_path).returncode == 0
    assert (tmp_path / f"{sample_path.stem}.json").exists()


def test_convert_refuses_to_overwrite_its_input(tmp_path, sample_path):
    page = tmp_path / "page.json"
    page.write_bytes(sample_path.read_bytes())
    before = page.read_bytes()
    result = run("convert", str(page), "--to", "json", "-o", str(page))
    assert_one_line_error(result, 4, "overwrite")
    assert page.read_bytes() == before


def test_unknown_format_lists_the_known_ones(sample_path, tmp_path):
    result = run("convert", str(sample_path), "--to", "docx", "-o", str(tmp_path / "x"))
    assert_one_line_error(result, 4, "docx", "json")


def test_unknown_option_is_a_usage_error(sample_path, tmp_path):
    result = run("convert", str(sample_path), "--to", "json", "-O", "bogus=1", "-o", str(tmp_path / "x.json"))
    assert result.returncode == 2
    assert "bogus" in result.stderr and "Traceback" not in result.stderr


def test_bad_date_is_a_usage_error(sample_path):
    result = run("parse", str(sample_path), "--date", "22/04/2022")
    assert result.returncode == 2
    assert "ISO" in result.stderr


def test_inspect_shows_every_article_title(sample_path):
    result = run("inspect", str(sample_path))
    assert result.returncode == 0, result.stderr
    issue = lishi_pub.parse(sample_path)
    for article in issue.articles:
        assert article.title and article.title in result.stdout
    assert "derived from the lead" in result.stdout


def test_help_imports_no_heavy_library():
    """What keeps ``--help`` fast (its time is measured in bench/, not here)."""
    code = ("import sys, runpy; sys.argv=['lishi-pub','--help'];\n"
            "try:\n runpy.run_module('lishi_pub', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "heavy = [m for m in ('ebooklib', 'reportlab', 'attrs', 'cattrs', 'pluggy', 'lxml', 'rich') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in result.stdout
    assert "usage: lishi-pub" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_closed_stdout_is_not_an_error(sample_path):
    proc = subprocess.Popen([sys.executable, "-m", "lishi_pub", "parse", str(sample_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "LISHI_PUB_NO_PLUGINS": "1"})
    assert proc.stdout is not None
    proc.stdout.read(10)
    proc.stdout.close()
    proc.wait(timeout=60)
    assert b"Traceback" not in proc.stderr.read()


def test_bundle_puts_a_month_into_one_epub(sample_path, tmp_path):
    import zipfile

    for day in ("2022-04-21", "2022-04-22"):
        (tmp_path / "month" / day).mkdir(parents=True)
        (tmp_path / "month" / day / "p1.txt").write_bytes(sample_path.read_bytes())
    out = tmp_path / "april.epub"
    result = run("convert", "--bundle", str(tmp_path / "month" / "2022-04-21"), str(tmp_path / "month" / "2022-04-22"),
                 "--to", "epub", "-o", str(out), "--title", "离石报", "--vertical")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as book:
        names = book.namelist()
        nav = next(book.read(n).decode() for n in names if n.endswith("nav.xhtml"))
        opf = next(book.read(n).decode() for n in names if n.endswith(".opf"))
        css = "".join(book.read(n).decode() for n in names if n.endswith(".css"))
    assert "2022年4月21日" in nav and "2022年4月22日" in nav
    assert nav.count("到群众最需要的地方去") == 2
    assert 'page-progression-direction="rtl"' in opf and "vertical-rl" in css


def test_bundle_and_vertical_usage_errors(sample_path, tmp_path):
    result = run("convert", "--bundle", str(sample_path), "--to", "json", "-o", str(tmp_path / "x.json"))
    assert result.returncode == 2 and "cannot hold several issues" in result.stderr
    result = run("convert", "--bundle", str(sample_path), "--to", "epub", "--date", "2022-04-22",
                 "-o", str(tmp_path / "x.epub"))
    assert result.returncode == 2 and "--date" in result.stderr
    result = run("convert", str(sample_path), "--to", "pdf", "--vertical", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and "vertical" in result.stderr
