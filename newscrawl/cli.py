"""The `newscrawl` command: one subcommand per module in newscrawl.commands."""

from __future__ import annotations

import argparse
import importlib
import sys

# subcommand -> module in newscrawl.commands; each module has `HELP`,
# `add_arguments(parser)` and `run(args) -> int`.
SUBCOMMANDS = {
    "extract": "extract",
    "dedup": "dedup",
    "clusters": "clusters",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newscrawl",
        description="Boilerplate-aware news extraction and near-duplicate linking.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in SUBCOMMANDS.items():
        module = importlib.import_module(f"newscrawl.commands.{module_name}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("newscrawl: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
