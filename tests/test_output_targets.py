"""Outputs that are not regular files: written through, never replaced (issue 13, item 1).

Devices are made with mknod under the test's own temporary folder, never
under /dev.  Needs root (CAP_MKNOD); without it those tests skip, saying so.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

import lishi_pub
from lishi_pub.exporter import Exporter
from lishi_pub.testing import sample_issue

from test_cli import assert_one_line_error, run


def char_device(path: Path, minor: int) -> Path:
    """A memory character device (1, minor): 3 is null, 7 is full."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    return path


def reader_of(path: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as fh:
            got.append(fh.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


def test_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, got = reader_of(fifo)
    issue = sample_issue()
    assert lishi_pub.export(issue, "json", fifo) == fifo
    thread.join(10)
    assert lishi_pub.loads(got[0]) == issue
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_character_device_is_written_through_not_replaced(tmp_path):
    null = char_device(tmp_path / "null", 3)
    lishi_pub.export(sample_issue(), "epub", null)
    mode = os.lstat(null).st_mode
    assert stat.S_ISCHR(mode) and os.major(os.lstat(null).st_rdev) == 1, "the device was replaced by a file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_socket_is_written_through(tmp_path):
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    got: list[bytes] = []

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
            got.append(b"".join(chunks))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    lishi_pub.export(sample_issue(), "json", path)
    thread.join(10)
    server.close()
    assert lishi_pub.loads(got[0]) == sample_issue()
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


@pytest.mark.parametrize("dangling", [False, True], ids=["existing", "dangling"])
def test_a_symlink_is_followed_and_stays(tmp_path, dangling):
    real = tmp_path / "store" / "issue.json"
    real.parent.mkdir()
    if not dangling:
        real.write_text("old", "utf-8")
    link = tmp_path / "current.json"
    link.symlink_to(real)
    assert lishi_pub.export(sample_issue(), "json", link) == link
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert lishi_pub.loads(real.read_text("utf-8")) == sample_issue()
    assert sorted(p.name for p in real.parent.iterdir()) == ["issue.json"], "temporary files left behind"


def test_cli_writes_to_a_device_fifo_and_symlink(sample_path, tmp_path):
    null = char_device(tmp_path / "null", 3)
    result = run("convert", str(sample_path), "--to", "pdf", "-o", str(null))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    target = tmp_path / "real.epub"
    link = tmp_path / "link.epub"
    link.symlink_to(target)
    result = run("convert", str(sample_path), "--to", "epub", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and zipfile.is_zipfile(target)


def test_dash_is_standard_output(sample_path, tmp_path):
    result = subprocess.run([sys.executable, "-m", "lishi_pub", "convert", str(sample_path), "--to", "epub",
                             "-o", "-"], capture_output=True, cwd=tmp_path, timeout=120,
                            env={**os.environ, "LISHI_PUB_NO_PLUGINS": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"PK\x03\x04")
    assert not (tmp_path / "-").exists()
    result = run("parse", str(sample_path), "-o", "-", cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout)["format"] == "lishi-pub"
    assert not (tmp_path / "-").exists()


def test_dash_refuses_several_formats_and_folder_formats(sample_path, tmp_path):
    result = run("convert", str(sample_path), "--to", "json,epub", "-o", "-", cwd=tmp_path)
    assert_one_line_error(result, 2, "standard output")
    from lishi_pub.errors import OptionError
    from lishi_pub.job import plan

    folder = Exporter(name="site", render=lambda issue: {"index.html": ""}, output="directory",
                      description="d", provider="t")
    with pytest.raises(OptionError, match="writes a folder"):
        plan([folder], {}, "-", "x", [])


def test_a_convert_waits_for_another_writer_of_the_same_outputs(sample_path, tmp_path):
    """Two runs writing one set of outputs each write the whole set under a lock on the folder."""
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "lishi_pub", "convert", str(sample_path), "--to",
                                 "json,epub", "-o", str(out)], env={**os.environ, "LISHI_PUB_NO_PLUGINS": "1"},
                                stderr=subprocess.PIPE)
        deadline = time.monotonic() + 6  # the sample takes about a second to parse and render
        while time.monotonic() < deadline and proc.poll() is None and not any(out.iterdir()):
            time.sleep(0.2)
        assert not any(out.iterdir()), "the convert wrote while another writer held the folder"
        assert proc.poll() is None
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["lishi-2022-04-page.epub", "lishi-2022-04-page.json"]


def test_parallel_converts_leave_a_consistent_set(sample_path, tmp_path):
    out = tmp_path / "out"
    procs = [subprocess.Popen([sys.executable, "-m", "lishi_pub", "convert", str(sample_path), "--to", "json,epub",
                               "-o", str(out), "--title", f"报{k}"], env={**os.environ, "LISHI_PUB_NO_PLUGINS": "1"})
             for k in range(4)]
    assert all(p.wait(180) == 0 for p in procs)
    title = lishi_pub.loads((out / "lishi-2022-04-page.json").read_text("utf-8")).title
    with zipfile.ZipFile(out / "lishi-2022-04-page.epub") as book:
        opf = next(n for n in book.namelist() if n.endswith(".opf"))
        assert f">{title}" in book.read(opf).decode("utf-8")


def test_a_symlink_to_a_fifo_is_written_through(tmp_path):
    """As /dev/stdout is a link to /proc/self/fd/1, whose target may be a pipe with no path at all."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.json"
    link.symlink_to(fifo)
    thread, got = reader_of(fifo)
    lishi_pub.export(sample_issue(), "json", link)
    thread.join(10)
    assert lishi_pub.loads(got[0]) == sample_issue()
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)
