"""Subcommands of the `newscrawl` command, one module each."""
