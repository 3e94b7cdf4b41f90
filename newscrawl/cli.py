"""The `newscrawl` command: one subcommand per module in newscrawl.commands."""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback

from newscrawl import __version__
from newscrawl.errors import UserError

# Shown by `newscrawl --help`; the store URL forms every --store option takes.
EPILOG = """store URLs (--store):
  memory://                      in this process only, gone when it ends
  sqlite:///relative/path.sqlite relative to the working directory
  sqlite:////absolute/path.sqlite
  redis://host:6379/0            shared by many workers; ?prefix=NAME keeps several stores in one database

exit status: 0 success, 1 the command ran but produced nothing or failed (e.g. no article
from any input), 2 wrong arguments or an unusable store; --verbose adds tracebacks."""

# subcommand -> help; each lives in newscrawl.commands.<name> with `HELP`,
# `add_arguments(parser)` and `run(args) -> int`. Only the chosen one is imported, so
# `newscrawl dedup` does not pay for loading the extraction stack.
SUBCOMMANDS = {
    "extract": "extract articles from .html, .html.gz and WARC files as JSON lines on stdout",
    "dedup": "link near-duplicates in a JSONL corpus and write it back with cluster fields",
    "clusters": "write the authoritative clusters file from a store",
    "report": "write the provenance report (who copies whom, how fast, with or without credit) as one HTML page",
}


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newscrawl",
        description="Boilerplate-aware news extraction and near-duplicate linking.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newscrawl {__version__}")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks of errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in SUBCOMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text, epilog=EPILOG,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
        command.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS,
                             help="show tracebacks of errors")
        if name == chosen:
            module = importlib.import_module(f"newscrawl.commands.{name}")
            module.add_arguments(command)
            command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    args = build_parser(chosen if chosen in SUBCOMMANDS else None).parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("newscrawl: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (UserError, OSError) as error:
        # The user's to fix (a setting, a path, a full disk): one line; --verbose for the traceback.
        if args.verbose:
            traceback.print_exc()
        print(f"newscrawl {args.command}: {error}", file=sys.stderr)
        return 2 if isinstance(error, UserError) else 1


if __name__ == "__main__":
    sys.exit(main())
