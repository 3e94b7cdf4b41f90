"""`python -m tests.mockweb --port 0 [--phase 1|2] [--verbose]`: serve the mock web until killed."""
import argparse
import signal
import sys

from .server import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.mockweb", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--phase", type=int, choices=(1, 2), default=1, help="which snapshot of the web to serve")
    parser.add_argument("--verbose", action="store_true", help="log one line per request to stderr")
    args = parser.parse_args(argv)
    # SIGTERM (MockWeb.__exit__) should end the process quietly, like Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    serve(args.port, args.phase, args.verbose)


if __name__ == "__main__":
    main()
