"""Convert an archive with Dask: one task per issue folder, each running lishi-pub's own per-issue function.

    pip install lishi-pub 'dask[bag]'
    python examples/dask_convert.py ARCHIVE OUTDIR --to epub,pdf [--scheduler processes|threads|sync]

    pip install 'dask[distributed]'            # for a cluster of machines
    python examples/dask_convert.py ARCHIVE OUTDIR --to epub --scheduler tcp://scheduler:8786

Converting an issue is a pure function of its files
(:func:`lishi_pub.batch.convert_issue`), so no scheduler of lishi-pub's own is
needed: Dask hands the issues out, retries lost workers and shows its
dashboard.  On a cluster, ARCHIVE and OUTDIR must be paths every worker
sees (a shared file system), and every worker needs lishi-pub installed.
Prints one JSON line per issue, as ``lishi-pub convert`` does in a pipe, and
exits 1 if any issue failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import dask.bag as db

from lishi_pub.batch import IssueResult, Settings, convert_issue
from lishi_pub.discover import discover


def convert_archive(archive: str, out_dir: str, settings: Settings, scheduler: str) -> list[IssueResult]:
    sources, _ = discover([archive], exclude=out_dir)
    tasks = db.from_sequence(sources, partition_size=1).map(convert_issue, out_dir=out_dir, settings=settings)
    if scheduler.startswith(("tcp://", "tls://")):
        from dask.distributed import Client

        with Client(scheduler):
            return list(tasks.compute())
    return list(tasks.compute(scheduler=scheduler))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("archive", help="a folder of issue folders, each holding .txt page dumps")
    ap.add_argument("out", help="output folder (mirrors the archive's layout)")
    ap.add_argument("--to", default="epub", help="formats, comma-separated (default epub)")
    ap.add_argument("--title", help="publication title for every issue (else issue.toml or the page)")
    ap.add_argument("--scheduler", default="processes",
                    help="processes (default), threads, sync, or a distributed scheduler's address")
    args = ap.parse_args(argv)
    settings = Settings(formats=[f.strip() for f in args.to.split(",") if f.strip()],
                        metadata={"title": args.title} if args.title else {})
    results = convert_archive(args.archive, args.out, settings, args.scheduler)
    for result in results:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    return 1 if any(r.status == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
