"""The ``lishi-pub`` command: a thin wrapper over :mod:`lishi_pub.api`.

Only argparse is imported at start-up (not even typing, logging or pathlib;
`--help` comes from the disk cache without it);
each command imports what it needs, so ``lishi-pub --help`` never pays for
ebooklib, reportlab, rich or even attrs.  Expected failures print one line
and exit with the code of their error class (docs/cli.md); ``--debug`` shows
the traceback instead.
"""

from __future__ import annotations

import sys

from ._version import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    import logging
    from collections.abc import Sequence
    from pathlib import Path
    from typing import Any

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_BATCH_FAILED = 6
EXIT_INTERRUPTED = 130

PROG = "lishi-pub"


def _add_metadata(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("issue metadata (overrides what the page prints)")
    g.add_argument("--title", help="publication title, e.g. 离石报")
    g.add_argument("--date", help="issue date, YYYY-MM-DD")
    g.add_argument("--number", help="issue number as printed")
    g.add_argument("--publisher", help="publisher, e.g. 离石区融媒体中心")
    g.add_argument("--language", help="BCP 47 language tag (default zh-CN)")
    p.add_argument("--encoding", help="input encoding; detected when omitted (UTF-8, UTF-16, GB18030)")
    p.add_argument("--from", dest="reader", metavar="READER",
                   help="what the inputs are: json (lishi-pub JSON) or a reader (see `plugins --all`: dump, pdf…); "
                        "chosen by content, then file suffix, when omitted")
    p.add_argument("--profile", metavar="PAPER.toml",
                   help="the parser's conventions and tuning for one paper (docs/parsing.md, Per-paper profiles)")
    p.add_argument("--max-input-mb", type=_megabytes, metavar="MB",
                   help="refuse input files larger than this (default 64, or LISHI_PUB_MAX_INPUT_MB)")


def _megabytes(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of megabytes") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r}: the limit must be a positive number of megabytes")
    return value


def _build_parser() -> argparse.ArgumentParser:
    import argparse  # here, not at the top: `--help` is printed from the cache without it

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn Chinese newspaper page dumps into structured issues: JSON, EPUB, PDF and more.",
        epilog="Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input, 4 export failed, "
        "5 plugin conflict, 6 some issues of a batch failed, 130 interrupted.  See docs/cli.md.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="parse page dumps and print the issue as JSON")
    p.add_argument("files", nargs="+", metavar="FILE", help="page dumps; several files are pages of one issue")
    p.add_argument("-o", "--output", metavar="OUT.json", help="write to this file instead of stdout")
    _add_metadata(p)
    p.set_defaults(func=_cmd_parse)

    p = sub.add_parser("convert", help="parse page dumps and export them in one or more formats; "
                       "folders make a batch, one issue per folder")
    p.add_argument("files", nargs="+", metavar="INPUT",
                   help="page dumps (several files are pages of one issue), or folders and globs: "
                   "a batch, each folder with .txt pages is one issue")
    p.add_argument("-t", "--to", required=True, metavar="FMT[,FMT...]", help="output formats (see `formats`)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="output file (one format) or directory; a batch writes into this directory; "
                   "default: the input's name, here")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="batch: convert N issues at a time in worker processes (0: one per core; default 1)")
    p.add_argument("--file-per-issue", action="store_true",
                   help="batch: every .txt file is an issue of its own, not a page of its folder's issue")
    p.add_argument("--update", action="store_true",
                   help="batch: skip an issue whose outputs are all newer than its pages and issue.toml")
    p.add_argument("--bundle", action="store_true",
                   help="every issue (each folder of pages, or each file with --file-per-issue) into one "
                   "output per format, e.g. a month as one EPUB, contents by issue, page and article")
    p.add_argument("--vertical", action="store_true",
                   help="traditional vertical layout, for the formats that offer it (-O vertical=yes)")
    p.add_argument("-O", "--option", action="append", default=[], metavar="KEY=VALUE",
                   help="exporter option, repeatable (see `formats` for each exporter's options)")
    p.add_argument("-T", "--transform", action="append", default=[], metavar="NAME[,NAME...]",
                   help="run a transform plugin on the issue first; repeatable, applied in the order given "
                   "(see `plugins`)")
    _add_metadata(p)
    p.set_defaults(func=_cmd_convert)

    p = sub.add_parser("inspect", help="show a readable outline of how the pages were parsed")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--lines", action="store_true",
                   help="show every line with the role the classify stage gave it, instead of the outline")
    p.add_argument("--overlay", metavar="DIR",
                   help="for PDF inputs, also write DIR/<name>-p<N>.png per page: the page rendered (poppler's "
                   "pdftoppm) with every article region, headline group and caption outlined and labelled")
    _add_metadata(p)
    p.set_defaults(func=_cmd_inspect)

    p = sub.add_parser("review", help="write one HTML page showing what the parser did to each page "
                       "and where it was unsure, to check before publishing")
    p.add_argument("files", nargs="+", metavar="PAGE",
                   help="page dumps (several files are pages of one issue), folders of them (each folder an "
                   "issue: a month in one review), or one lishi-pub JSON issue")
    p.add_argument("-o", "--output", metavar="REVIEW.html",
                   help="where to write the page (default: the first input's name with .review.html, here)")
    _add_metadata(p)
    p.set_defaults(func=_cmd_review)

    p = sub.add_parser("formats", help="list the export formats and the plugin providing each")
    p.set_defaults(func=_cmd_formats)

    p = sub.add_parser("plugins", help="list installed plugins, their versions, hooks, formats and transforms")
    p.add_argument("--all", action="store_true", help="include the built-in plugins")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=_cmd_plugins)

    p = sub.add_parser("schema", help="print the JSON Schema of the interchange format")
    p.set_defaults(func=_cmd_schema)
    return parser


def _metadata(args: argparse.Namespace) -> Any:
    """The command line's metadata, checked by the one record the API and sidecars use."""
    from .metadata import KEYS, Metadata

    try:
        return Metadata.of({k: getattr(args, k) for k in KEYS if getattr(args, k, None) is not None})
    except (TypeError, ValueError) as exc:
        raise _UsageError(str(exc)) from None


def _max_bytes(args: argparse.Namespace) -> int | None:
    return int(args.max_input_mb * 2**20) if args.max_input_mb is not None else None


def _parse_inputs(args: argparse.Namespace) -> Any:
    from .discover import expand_globs
    from .sources import read_issue

    from .errors import LishiPubError

    try:
        return read_issue(expand_globs(args.files), reader=args.reader, encoding=args.encoding,
                          max_bytes=_max_bytes(args), metadata=_metadata(args), profile=args.profile)
    except LishiPubError:
        raise
    except (TypeError, ValueError) as exc:  # an unknown reader, a bad profile
        raise _UsageError(str(exc)) from None


class _UsageError(Exception):
    """A mistake on the command line: reported like argparse's own, exit 2."""


def _cmd_parse(args: argparse.Namespace) -> int:
    from .errors import ExportError
    from .interchange import iter_dumps

    if not args.output or args.output == "-":
        out = getattr(sys.stdout, "buffer", None)
        if out is None:
            raise ExportError("cannot write to standard output: it is closed")
        pieces = iter_dumps(_parse_inputs(args))
        try:
            for piece in pieces:
                out.write(piece.encode("utf-8"))
            out.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise ExportError(f"cannot write to standard output ({exc.strerror or exc})") from None
        return EXIT_OK
    from pathlib import Path

    from .atomic import write_atomic
    from .job import refuse_overwriting_inputs

    refuse_overwriting_inputs([Path(args.output)], args.files)
    issue = _parse_inputs(args)
    try:
        write_atomic(args.output, iter_dumps(issue))
    except OSError as exc:
        raise ExportError(f"{args.output}: cannot write ({exc.strerror or exc})") from None
    return EXIT_OK


def _split_options(pairs: Sequence[str]) -> dict[str, str]:
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not key:
            raise _UsageError(f"bad --option {pair!r}: expected KEY=VALUE")
        options[key] = value if sep else "yes"
    return options


def _cmd_convert(args: argparse.Namespace) -> int:
    from .discover import expand_globs, is_batch
    from .plugins import get_exporter, get_transform

    names = [n.strip() for n in args.to.split(",") if n.strip()]
    if not names:
        raise _UsageError("--to needs at least one format")
    chosen = [get_exporter(n) for n in dict.fromkeys(names)]
    steps = [n.strip() for value in args.transform for n in value.split(",") if n.strip()]
    for step in steps:
        get_transform(step)
    raw = _split_options(args.option)
    if args.vertical:
        raw.setdefault("vertical", "yes")
    metadata = _metadata(args)
    args.files = expand_globs(args.files)
    if args.bundle:
        return _convert_bundle(args, chosen, steps, raw, metadata)
    if is_batch(args.files, file_per_issue=args.file_per_issue):
        return _convert_batch(args, chosen, steps, raw, metadata)
    if args.update:
        raise _UsageError("--update applies to a batch (folders, or --file-per-issue)")
    from pathlib import Path

    from .job import IssueInput, Job, plan

    targets = plan(chosen, raw, args.output, Path(args.files[0]).stem, args.files)
    job = Job(inputs=[IssueInput(args.files, metadata)], targets=targets, transforms=steps,
              reader=args.reader, encoding=args.encoding, max_bytes=_max_bytes(args), profile=args.profile)
    for written in job.run():
        if written is not None:
            print(written, file=sys.stderr)
    return EXIT_OK


def _convert_bundle(args: argparse.Namespace, chosen: Sequence[Any], steps: Sequence[str],
                    raw: dict[str, str], metadata: Any) -> int:
    """Several issues, one output per format (``render_collection``)."""
    from pathlib import Path

    from .discover import discover
    from .errors import InputError
    from .job import IssueInput, Job, plan
    from .sidecar import issue_metadata

    single = [e.name for e in chosen if e.render_collection is None]
    if single:
        raise _UsageError(f"--bundle: {', '.join(single)} cannot hold several issues in one output")
    if metadata.date or metadata.number:
        raise _UsageError("--date and --number name one issue; in a --bundle each issue's come from its "
                          "issue.toml, its folder or file name, or its page")
    found, skipped = discover(args.files, file_per_issue=args.file_per_issue)
    for item in skipped:
        print(f"{PROG}: skipped {item.name}: {item.reason}", file=sys.stderr)
    if not found:
        raise InputError("no issue to bundle: no folder or file with .txt pages")
    targets = plan(chosen, raw, args.output, Path(found[0].name.rstrip("/\\")).stem or "bundle",
                   [p for source in found for p in source.pages])
    inputs = [IssueInput(source.pages, issue_metadata(source, metadata)) for source in found]
    job = Job(inputs=inputs, targets=targets, transforms=steps, bundle=True, reader=args.reader,
              encoding=args.encoding, max_bytes=_max_bytes(args), profile=args.profile)
    for written in job.run():
        if written is not None:
            print(written, file=sys.stderr)
    return EXIT_OK


def _batch_reporters() -> list[Any]:
    """JSON Lines on stdout for a program reading it; a bar for a person at the terminal, else quiet lines."""
    from .progress import Bar, JsonLines, Lines

    reporters: list[Any] = [] if sys.stdout.isatty() else [JsonLines(sys.stdout)]
    reporters.append(Bar() if sys.stderr.isatty() else Lines(sys.stderr))
    return reporters


def _convert_batch(args: argparse.Namespace, chosen: Sequence[Any], steps: Sequence[str],
                   raw: dict[str, str], metadata: Any) -> int:
    """Many issues (docs/cli.md, Batch); exits 6 when any failed, after converting all the others."""
    import time
    from pathlib import Path

    from .batch import IssueResult, Settings, resolve_jobs, run_batch
    from .discover import discover
    from .errors import InputError
    from .job import bind_options

    out = Path(args.output) if args.output else Path.cwd()
    if args.output == "-" or out.exists() and not out.is_dir():
        raise _UsageError(f"{out}: a batch writes one file per issue and format; -o must name a folder")
    try:
        jobs = resolve_jobs(args.jobs)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    options = bind_options(chosen, raw)
    sources, skipped = discover(args.files, file_per_issue=args.file_per_issue, exclude=out)
    if not sources:
        raise InputError(f"no issues found: no .txt page files in {', '.join(args.files)}")
    settings = Settings(formats=[e.name for e in chosen], options=options,
                        transforms=steps, metadata=metadata, encoding=args.encoding, reader=args.reader,
                        max_bytes=_max_bytes(args), debug=args.debug, profile=args.profile)
    reporters = _batch_reporters()
    results = [IssueResult(name=s.name, status="skipped", reason=s.reason) for s in skipped]
    start = time.perf_counter()
    reported: list[IssueResult] = []

    def report(result: IssueResult) -> None:
        reported.append(result)
        for reporter in reporters:
            reporter.issue(result)

    interrupted = False
    try:
        for reporter in reporters:
            reporter.start(len(sources) + len(skipped), sum(len(s.pages) for s in sources))
        for result in results:
            report(result)
        results += run_batch(sources, out, settings, jobs=jobs, update=args.update, on_result=report)
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        for reporter in reporters:
            reporter.stop()
        if interrupted:  # what was finished is on disk and stays: say so before leaving
            for reporter in reporters:
                reporter.finish(reported, time.perf_counter() - start)
    for reporter in reporters:
        reporter.finish(results, time.perf_counter() - start)
    return EXIT_BATCH_FAILED if any(r.status == "failed" for r in results) else EXIT_OK


def _cmd_inspect(args: argparse.Namespace) -> int:
    if args.lines:
        code = _inspect_lines(args)
    else:
        from .outline import outline

        sys.stdout.write(outline(_parse_inputs(args)))
        code = EXIT_OK
    if args.overlay and code == EXIT_OK:
        from .discover import expand_globs
        from .parser.pdf.overlay import overlay_files

        for path in overlay_files(expand_globs(args.files), args.overlay, max_bytes=_max_bytes(args)):
            print(f"overlay: {path}", file=sys.stderr)
    return code


def _inspect_lines(args: argparse.Namespace) -> int:
    """One row per line: page, line number, role, text (docs/parsing.md lists the roles)."""
    from .api import _profile, layouts
    from .discover import expand_globs
    from .parser import classify_page

    try:
        profile = _profile(args.profile)
        pages = layouts(expand_globs(args.files), encoding=args.encoding, max_bytes=_max_bytes(args),
                        reader=args.reader)
        for layout in pages:
            print(f"page {layout.number}  [{layout.source}]" + (f"  style: {layout.style}" if layout.style else ""))
            for k, line in enumerate(classify_page(layout, profile), start=1):
                print(f"{k:5d}  {line.role.value:<15} {line.text.strip()}")
    except (TypeError, ValueError) as exc:
        raise _UsageError(str(exc)) from None
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .discover import expand_globs
    from .job import refuse_overwriting_inputs
    from .reviewpage.api import review

    files = expand_globs(args.files)
    first = Path(files[0])
    stem = first.stem or first.resolve().name or "review"  # a folder given as "." has no stem
    target = Path(args.output) if args.output else Path(stem + ".review.html")
    refuse_overwriting_inputs([target], files)
    try:
        written = review(files, target, encoding=args.encoding, max_bytes=_max_bytes(args), **_metadata(args).given())
    except (TypeError, ValueError) as exc:
        raise _UsageError(str(exc)) from None
    print(written, file=sys.stderr)
    return EXIT_OK


def _cmd_formats(args: argparse.Namespace) -> int:
    from .plugins import exporters

    for exporter in exporters().values():
        where = exporter.extension or "folder"
        print(f"{exporter.name:<10} {where:<8} {exporter.description}  [{exporter.provider}]")
        for option in exporter.options:
            default = ("" if option.default is None or "default" in option.help
                       else f" (default: {_shown(option.default)})")
            print(f"{'':<10} -O {option.name}=<{option.describe()}>  {option.help}{default}")
    if any(o.kind == "bool" for e in exporters().values() for o in e.options):
        print(f"{'':<10} yes/no options take yes, true, on, 1 (or nothing: -O toc) or no, false, off, 0, in any case")
    return EXIT_OK


def _shown(value: Any) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else str(value)


def _cmd_plugins(args: argparse.Namespace) -> int:
    import json

    import attrs

    from .plugins import installed_plugins

    infos = installed_plugins(include_builtin=args.all)
    if args.json:
        print(json.dumps([attrs.asdict(i) for i in infos], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not infos:
        print(f"no plugins installed (`{PROG} plugins --all` includes the built-in ones)")
    for info in infos:
        print(f"{info.name}  [{info.provider}]" + ("  FAILED TO LOAD" if info.error else ""))
        details = [("hooks", info.hooks), ("readers", info.readers), ("exporters", info.exporters),
                   ("transforms", info.transforms)]
        for label, values in details:
            if values:
                print(f"  {label}: {', '.join(values)}")
        if info.error:
            print(f"  error: {info.error}")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    import json

    from .interchange import schema

    print(json.dumps(schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _outside_batch_issue(record: logging.LogRecord) -> bool:
    """A warning logged while a batch converts an issue goes into that issue's result, not straight out."""
    batch = sys.modules.get("lishi_pub.batch")
    return batch is None or not batch.capturing()


def _stderr_handler() -> logging.Handler:
    """Log records as one line each; built after argument parsing, so ``--help`` never imports logging."""
    import logging

    class OneLine(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return f"{PROG}: {record.levelname.lower()}: {record.getMessage()}"

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    handler.addFilter(_outside_batch_issue)
    return handler


#: The collector's first threshold for a command run (CPython's default is 700): start-up creates
#: hundreds of thousands of long-lived objects (classes, functions, compiled patterns) and
#: almost no cycles, and collecting them over and over cost 15 % of a one-page conversion.
GC_THRESHOLD = 100_000


def main(argv: Sequence[str] | None = None) -> int:
    """The command; ``argv`` None means it is the process's own, which may tune the collector."""
    own_process = argv is None
    if own_process:
        import gc

        gc.set_threshold(GC_THRESHOLD, 10, 10)
    try:
        return _main(argv)
    finally:
        if own_process:
            import gc

            gc.freeze()  # the process ends next: the final collection need not walk every object


def _main(argv: Sequence[str] | None) -> int:
    if argv is None and sys.argv[1:] in (["--help"], ["-h"]):
        from .helptext import top_help  # from the disk cache: no argparse parser built

        sys.stdout.write(top_help(_build_parser))
        return EXIT_OK
    parser = _build_parser()
    args = parser.parse_args(argv)
    import logging

    handler = _stderr_handler()
    root = logging.getLogger("lishi_pub")
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if args.debug else logging.WARNING)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except _UsageError as exc:
        parser.exit(EXIT_USAGE, f"{PROG}: error: {exc}\n")
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            raise
        from .errors import LishiPubError

        if isinstance(exc, LishiPubError):
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            return exc.exit_code
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
              file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        root.removeHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
