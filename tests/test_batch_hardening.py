"""Batch mode after Ctrl-C, and name collisions under --update (issue 13, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lishi_pub.batch import IssueResult, Settings, run_batch
from lishi_pub.discover import discover

from batch_archive import make_archive

JSON = Settings(formats=["json"])


def test_after_an_interrupt_every_issue_finished_on_disk_is_reported(tmp_path):
    """Ctrl-C reaches the parent while a worker is still converting: that issue ends on disk, and in the summary."""
    make_archive(tmp_path / "a", {"2022-04-22": ["甲"], "2022-04-23": ["乙"]})
    sources, _ = discover([str(tmp_path / "a")])
    reported: list[IssueResult] = []

    def interrupt_after_the_first(result: IssueResult) -> None:
        reported.append(result)
        if len(reported) == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(sources, tmp_path / "out", JSON, jobs=2, on_result=interrupt_after_the_first)
    on_disk = sorted(p.stem for p in (tmp_path / "out").iterdir() if p.suffix == ".json")
    assert sorted(Path(r.name).name for r in reported if r.status == "converted") == on_disk
    assert len(on_disk) == 2


def test_update_does_not_hide_a_name_collision(tmp_path):
    make_archive(tmp_path / "a", {"x": ["甲"]})
    make_archive(tmp_path / "b", {"x": ["乙"]})
    sources, _ = discover([str(tmp_path / "a" / "x"), str(tmp_path / "b" / "x")])
    first = run_batch(sources, tmp_path / "out", JSON)
    assert [r.status for r in first] == ["converted", "failed"]
    again = run_batch(sources, tmp_path / "out", JSON, update=True)
    assert [r.status for r in again] == ["skipped", "failed"]
    assert "taken by" in (again[1].reason or "")
