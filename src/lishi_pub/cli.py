"""The ``lishi-pub`` command: a thin wrapper over :mod:`lishi_pub.api`.

Only argparse is imported at start-up; each command imports what it needs, so
``lishi-pub --help`` never pays for ebooklib, reportlab or even attrs.
Expected failures print one line and exit with the code of their error class
(docs/cli.md); ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._version import __version__

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
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
    p.add_argument("--max-input-mb", type=float, metavar="MB",
                   help="refuse input files larger than this (default 64, or LISHI_PUB_MAX_INPUT_MB)")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn Chinese newspaper page dumps into structured issues: JSON, EPUB, PDF and more.",
        epilog="Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input, 4 export failed, "
        "5 plugin conflict, 130 interrupted.  See docs/cli.md.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="parse page dumps and print the issue as JSON")
    p.add_argument("files", nargs="+", metavar="FILE", help="page dumps; several files are pages of one issue")
    p.add_argument("-o", "--output", metavar="OUT.json", help="write to this file instead of stdout")
    _add_metadata(p)
    p.set_defaults(func=_cmd_parse)

    p = sub.add_parser("convert", help="parse page dumps and export them in one or more formats")
    p.add_argument("files", nargs="+", metavar="FILE", help="page dumps; several files are pages of one issue")
    p.add_argument("-t", "--to", required=True, metavar="FMT[,FMT...]", help="output formats (see `formats`)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="output file (one format) or directory; default: the input's name, here")
    p.add_argument("-O", "--option", action="append", default=[], metavar="KEY=VALUE",
                   help="exporter option, repeatable (see `formats` for each exporter's options)")
    p.add_argument("-T", "--transform", action="append", default=[], metavar="NAME[,NAME...]",
                   help="run a transform plugin on the issue first; repeatable, applied in the order given "
                   "(see `plugins`)")
    _add_metadata(p)
    p.set_defaults(func=_cmd_convert)

    p = sub.add_parser("inspect", help="show a readable outline of how the pages were parsed")
    p.add_argument("files", nargs="+", metavar="FILE")
    _add_metadata(p)
    p.set_defaults(func=_cmd_inspect)

    p = sub.add_parser("formats", help="list the export formats and the plugin providing each")
    p.set_defaults(func=_cmd_formats)

    p = sub.add_parser("plugins", help="list installed plugins, their versions, hooks, formats and transforms")
    p.add_argument("--all", action="store_true", help="include the built-in plugins")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=_cmd_plugins)

    p = sub.add_parser("schema", help="print the JSON Schema of the interchange format")
    p.set_defaults(func=_cmd_schema)
    return parser


def _metadata(args: argparse.Namespace) -> dict[str, Any]:
    return {k: getattr(args, k) for k in ("title", "date", "number", "publisher", "language")
            if getattr(args, k, None) is not None}


def _parse_inputs(args: argparse.Namespace) -> Any:
    from .api import parse

    try:
        max_bytes = int(args.max_input_mb * 2**20) if args.max_input_mb is not None else None
        return parse(args.files, encoding=args.encoding, max_bytes=max_bytes, **_metadata(args))
    except (TypeError, ValueError) as exc:
        raise _UsageError(str(exc)) from None


class _UsageError(Exception):
    """A mistake on the command line: reported like argparse's own, exit 2."""


def _cmd_parse(args: argparse.Namespace) -> int:
    from .interchange import dumps

    text = dumps(_parse_inputs(args))
    if args.output:
        from .atomic import write_atomic

        _refuse_overwriting_inputs([Path(args.output)], args.files)
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
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


def _options_for(exporter: Any, raw: dict[str, str]) -> dict[str, Any]:
    converted: dict[str, Any] = {}
    for key, value in raw.items():
        option = exporter.option(key)
        if option is not None:
            try:
                converted[key] = option.convert(value)
            except ValueError as exc:
                raise _UsageError(f"{exporter.name}: {exc}") from None
    return converted


def _refuse_overwriting_inputs(targets: Sequence[Path], inputs: Sequence[str]) -> None:
    from .errors import ExportError

    sources = {Path(f).resolve() for f in inputs}
    for target in targets:
        if target.resolve() in sources:
            raise ExportError(f"{target}: refusing to overwrite an input file")


def _cmd_convert(args: argparse.Namespace) -> int:
    from .api import export
    from .plugins import apply_transforms, get_exporter, get_transform

    names = [n.strip() for n in args.to.split(",") if n.strip()]
    if not names:
        raise _UsageError("--to needs at least one format")
    chosen = [get_exporter(n) for n in dict.fromkeys(names)]
    steps = [n.strip() for value in args.transform for n in value.split(",") if n.strip()]
    for step in steps:
        get_transform(step)
    raw = _split_options(args.option)
    unclaimed = sorted(k for k in raw if not any(e.option(k) for e in chosen))
    if unclaimed:
        raise _UsageError(f"no chosen exporter takes option {', '.join(unclaimed)} (see `{PROG} formats`)")
    stem = Path(args.files[0]).stem
    out = Path(args.output) if args.output else None
    if len(chosen) == 1 and out is not None and not out.is_dir() and not args.output.endswith(("/", "\\")):
        targets = [out]
    else:
        folder = out if out is not None else Path.cwd()
        targets = [folder / e.default_name(stem) for e in chosen]
    _refuse_overwriting_inputs(targets, args.files)
    issue = apply_transforms(_parse_inputs(args), steps)
    for exporter, target in zip(chosen, targets):
        written = export(issue, exporter.name, target, **_options_for(exporter, raw))
        print(written, file=sys.stderr)
    return EXIT_OK


def _cmd_inspect(args: argparse.Namespace) -> int:
    from .outline import outline

    sys.stdout.write(outline(_parse_inputs(args)))
    return EXIT_OK


def _cmd_formats(args: argparse.Namespace) -> int:
    from .plugins import exporters

    for exporter in exporters().values():
        where = exporter.extension or "folder"
        print(f"{exporter.name:<10} {where:<8} {exporter.description}  [{exporter.provider}]")
        for option in exporter.options:
            print(f"{'':<10} -O {option.name}=<{option.kind}>  {option.help}")
    return EXIT_OK


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
        details = [("hooks", info.hooks), ("exporters", info.exporters), ("transforms", info.transforms)]
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


class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{PROG}: {record.levelname.lower()}: {record.getMessage()}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
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
