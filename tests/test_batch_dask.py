"""examples/dask_convert.py runs for real and writes what the command line's batch writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from batch_archive import make_archive, page
from test_cli import run

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_convert.py"


def test_dask_bag_over_issue_folders_matches_the_cli_batch(tmp_path):
    archive = make_archive(tmp_path / "archive", {
        "2022/2022-04-22": ["春耕备耕正当时", "乡村振兴"],
        "2022/2022-04-23": {"p1.txt": page("甲"), "issue.toml": 'title = "离石报"\nnumber = 1235\n'},
        "2022/2022-04-24": {"p1.txt": ""},
    })
    result = subprocess.run([sys.executable, str(EXAMPLE), str(archive), str(tmp_path / "dask"), "--to", "json,epub",
                             "--scheduler", "threads"], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "LISHI_PUB_NO_PLUGINS": "1"})
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(Path(r["issue"]).name, r["status"]) for r in records] == [
        ("2022-04-22", "converted"), ("2022-04-23", "converted"), ("2022-04-24", "failed")]

    assert run("convert", str(archive), "--to", "json,epub", "-o", str(tmp_path / "cli")).returncode == 6
    written = sorted(p.relative_to(tmp_path / "dask") for p in (tmp_path / "dask").rglob("*") if p.is_file())
    assert [str(p) for p in written] == [os.path.join("2022", n) for n in (
        "2022-04-22.epub", "2022-04-22.json", "2022-04-23.epub", "2022-04-23.json")]
    for rel in written:
        assert (tmp_path / "dask" / rel).read_bytes() == (tmp_path / "cli" / rel).read_bytes(), rel
