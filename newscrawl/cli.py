"""The `newscrawl` command: one subcommand per module in newscrawl.commands."""

from __future__ import annotations

import argparse
import importlib
import sys

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
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in SUBCOMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
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


if __name__ == "__main__":
    sys.exit(main())
