"""``lishi-pub convert`` over folders and globs, run as a user runs it: a separate process."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

import lishi_pub
from lishi_pub.batch import IssueResult
from lishi_pub.progress import Bar

from batch_archive import make_archive, page
from test_cli import assert_one_line_error, run


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = make_archive(tmp_path / "archive", {
        "2022-04-22": ["春耕备耕正当时", "乡村振兴"],
        "2022-04-23": {"p1.txt": page("甲"), "p2.txt": ""},
        "20220424": {"p1.txt": page("丙"), "issue.toml": 'title = "离石报"\nnumber = 1236\n'},
    })
    (root / "empty").mkdir()
    return root


def test_a_batch_on_a_pipe_prints_json_lines_and_exits_6_when_an_issue_failed(archive, tmp_path):
    result = run("convert", str(archive / "*"), "--to", "json,epub", "-o", str(tmp_path / "out"), "--jobs", "2")
    assert result.returncode == 6, result.stderr
    records = json_lines(result.stdout)
    issues = {Path(r["issue"]).name: r for r in records if r["type"] == "issue"}
    assert {k: v["status"] for k, v in issues.items()} == {
        "2022-04-22": "converted", "2022-04-23": "failed", "20220424": "converted", "empty": "skipped"}
    assert issues["2022-04-23"]["reason"].endswith("p2.txt: the file is empty")
    assert issues["empty"]["reason"] == "no page files (*.pdf, *.txt)"
    converted = [r for r in issues.values() if r["status"] == "converted"]
    assert all(r["cpu_seconds"] > 0 and isinstance(r["process"], int) for r in converted), converted
    assert issues["2022-04-22"]["outputs"] == [str(tmp_path / "out" / "2022-04-22.json"),
                                                str(tmp_path / "out" / "2022-04-22.epub")]
    assert records[-1] == {"type": "summary", "converted": 2, "failed": 1, "skipped": 1,
                           "seconds": records[-1]["seconds"]}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "2022-04-22.epub", "2022-04-22.json", "20220424.epub", "20220424.json"]
    lines = result.stderr.splitlines()
    assert lines == [f"lishi-pub: failed: {archive / '2022-04-23'}: {issues['2022-04-23']['reason']}",
                     lines[-1]]
    assert lines[-1].startswith("lishi-pub: 2 converted (3 page files), 1 failed, 1 skipped in ")
    issue = lishi_pub.loads((tmp_path / "out" / "20220424.json").read_text("utf-8"))
    assert (issue.title, issue.number, issue.date.isoformat()) == ("离石报", "1236", "2022-04-24")


def test_command_line_metadata_overrides_sidecar_and_folder_name(archive, tmp_path):
    result = run("convert", str(archive / "20220424"), str(archive / "2022-04-22"), "--to", "json",
                 "-o", str(tmp_path / "out"), "--title", "吕梁日报", "--date", "2023-01-01")
    assert result.returncode == 0, result.stderr
    for name in ("20220424", "2022-04-22"):
        issue = lishi_pub.loads((tmp_path / "out" / f"{name}.json").read_text("utf-8"))
        assert (issue.title, issue.date.isoformat()) == ("吕梁日报", "2023-01-01")
    assert lishi_pub.loads((tmp_path / "out" / "20220424.json").read_text("utf-8")).number == "1236"


def test_all_converted_exits_0_and_update_then_skips(archive, tmp_path):
    args = ("convert", str(archive / "2022-04-22"), str(archive / "20220424"), "--to", "json",
            "-o", str(tmp_path / "out"))
    assert run(*args).returncode == 0
    again = run(*args, "--update")
    assert again.returncode == 0, again.stderr
    assert [r.get("status", r["type"]) for r in json_lines(again.stdout)] == ["skipped", "skipped", "summary"]


def test_plain_files_are_still_the_pages_of_one_issue(tmp_path):
    make_archive(tmp_path, {"pages": {"p10.txt": page("第十版头条"), "p2.txt": page("第二版头条")}})
    out = tmp_path / "one.json"
    result = run("convert", str(tmp_path / "pages" / "p2.txt"), str(tmp_path / "pages" / "p10.txt"),
                 "--to", "json", "-o", str(out), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert len(lishi_pub.loads(out.read_text("utf-8")).pages) == 2
    quoted = run("convert", str(tmp_path / "pages" / "*.txt"), "--to", "json", "-o", str(tmp_path / "glob.json"))
    assert quoted.returncode == 0, quoted.stderr
    issue = lishi_pub.loads((tmp_path / "glob.json").read_text("utf-8"))
    assert [p.source for p in issue.pages] == [str(tmp_path / "pages" / "p2.txt"), str(tmp_path / "pages" / "p10.txt")]


def test_file_per_issue_converts_each_file(tmp_path):
    make_archive(tmp_path, {"daily": {"lishi-2022-04-22.txt": page("甲"), "lishi-2022-04-23.txt": page("乙")}})
    result = run("convert", str(tmp_path / "daily" / "*.txt"), "--file-per-issue", "--to", "json",
                 "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    dates = [lishi_pub.loads(p.read_text("utf-8")).date.isoformat() for p in sorted((tmp_path / "out").iterdir())]
    assert dates == ["2022-04-22", "2022-04-23"]


@pytest.mark.parametrize("extra, code, words", [
    (["--jobs", "-1"], 2, ["--jobs"]),
    (["--date", "22/04/2022"], 2, ["ISO"]),
    (["-o", "FILE"], 2, ["folder"]),
])
def test_batch_usage_errors(archive, tmp_path, extra, code, words):
    (tmp_path / "FILE").write_text("x", "utf-8")
    extra = [str(tmp_path / "FILE") if x == "FILE" else x for x in extra]
    result = run("convert", str(archive / "2022-04-22"), "--to", "json", *extra)
    assert result.returncode == code
    assert all(w in result.stderr for w in words), result.stderr
    assert "Traceback" not in result.stderr


def test_update_without_a_batch_and_a_batch_without_issues_are_refused(archive, tmp_path, sample_path):
    result = run("convert", str(sample_path), "--to", "json", "-o", str(tmp_path / "x.json"), "--update")
    assert result.returncode == 2 and "--update" in result.stderr
    assert_one_line_error(run("convert", str(archive / "empty"), "--to", "json", "-o", str(tmp_path / "o")),
                          3, "no issues found")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pseudo-terminal")
def test_a_terminal_gets_a_bar_and_a_summary_not_json(archive, tmp_path):
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "lishi_pub", "convert", str(archive / "*"), "--to", "json",
                             "-o", str(tmp_path / "out")], stdin=subprocess.DEVNULL, stdout=follower,
                            stderr=follower, env={**os.environ, "LISHI_PUB_NO_PLUGINS": "1", "COLUMNS": "120"})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=120) == 6
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert '"type"' not in shown
    assert "issues" in shown and "pages" in shown
    assert "2 converted (3 page files), 1 failed, 1 skipped" in shown
    assert "p2.txt: the file is empty" in shown


def test_the_bar_prints_failures_warnings_and_a_summary():
    out = io.StringIO()
    bar = Bar(Console(file=out, force_terminal=True, width=100))
    results = [IssueResult(name="a/2022-04-22", status="converted", pages=4, warnings=("font lacks 𠀀",)),
               IssueResult(name="a/2022-04-23", status="failed", pages=2, reason="p2.txt: the file is empty"),
               *(IssueResult(name=f"a/{n}", status="skipped", pages=1, reason="up to date") for n in range(11)),
               IssueResult(name="a/empty", status="skipped", reason="no page files (*.pdf, *.txt)")]
    bar.start(len(results), 17)
    for result in results:
        bar.issue(result)
    bar.finish(results, 1.5)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())
    assert "warning a/2022-04-22: font lacks 𠀀" in shown
    assert "failed a/2022-04-23: p2.txt: the file is empty" in shown
    assert "1 converted (4 page files), 1 failed, 12 skipped in 1.5 s" in shown
    assert "11 issues: up to date" in shown and "a/empty: no page files (*.pdf, *.txt)" in shown


def test_an_interrupted_batch_still_says_what_it_finished(sample_path, tmp_path):
    """Ctrl-C: exit 130, a summary of the issues already converted, and their outputs kept."""
    import signal

    archive = tmp_path / "archive"
    for day in range(1, 31):
        (archive / f"2022-04-{day:02d}").mkdir(parents=True)
        (archive / f"2022-04-{day:02d}" / "p1.txt").write_bytes(sample_path.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "lishi_pub", "convert", str(archive), "--to", "json,pdf",
                             "-o", str(tmp_path / "out")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "LISHI_PUB_NO_PLUGINS": "1"})
    assert proc.stdout is not None
    first = json.loads(proc.stdout.readline())  # one issue finished: now interrupt
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    summary = json.loads(rest.strip().splitlines()[-1])
    assert summary["type"] == "summary" and summary["converted"] >= 1
    assert summary["converted"] < 30
    assert "Traceback" not in err and "interrupted" in err
    assert first["outputs"] and all(Path(p).exists() for p in first["outputs"])
