"""The ``peelstats`` command line.

Errors peelstats anticipates (unknown force, missing period, bad download, changed layout) print one line
and exit with status 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

import pandas as pd

from peelstats import __version__, config, sources
from peelstats.exceptions import PeelstatsError
from peelstats.output import FORMATS, render

log = logging.getLogger("peelstats")

EXIT_USAGE = 2

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(func):
        COMMANDS[name] = func
        return func
    return register


def _emit(frame: pd.DataFrame, fmt: str) -> None:
    print(render(frame, fmt))


# --------------------------------------------------------------------------------------------- data


@command("sources")
def _sources(args: argparse.Namespace) -> int:
    from peelstats.cache import RawCache

    cache = RawCache()
    rows = []
    manifest = cache.read_manifest()
    seen = set()
    for source in sources.REGISTRY.values():
        listed = {f.filename: f for f in source.files()}
        for key, entry in manifest.items():
            if entry.get("source") == source.id and key.split("/", 1)[1] not in listed:
                listed[key.split("/", 1)[1]] = None  # a file resolved at fetch time (e.g. the current ODS)
        for filename, remote in listed.items():
            path = cache.path_for(source.id, filename)
            entry = manifest.get(cache.key(path))
            seen.add(cache.key(path))
            rows.append({
                "source": source.id,
                "publisher": source.publisher,
                "file": filename,
                "edition": entry["edition"] if entry else remote.edition,
                "cached": bool(entry) and path.is_file(),
                "bytes": entry["bytes"] if entry else None,
                "sha256": (entry["sha256"] if args.format != "table" else entry["sha256"][:16] + "…")
                if entry else None,
                "fetched_at": entry["fetched_at"] if entry else None,
                "url": entry["url"] if entry else (remote.url if remote else None),
                "licence": source.licence,
            })
    frame = pd.DataFrame(rows)
    if args.format == "table":
        frame = frame.drop(columns=["publisher", "url", "licence"])
        frame["bytes"] = frame["bytes"].astype("Int64")
    _emit(frame, args.format)
    if args.format == "table":
        mirror = config.mirror()
        print(f"\ncache: {cache.root}   mirror: {mirror or '(none: publishers)'}")
    return 0


@command("fetch")
def _fetch(args: argparse.Namespace) -> int:
    from peelstats.fetch import fetch

    for source_id in args.source:
        sources.get(source_id)  # validate before any download
    outcomes = fetch(args.source or None, refresh=args.refresh)
    frame = pd.DataFrame([o.as_dict() for o in outcomes])[["source", "filename", "status", "edition", "bytes",
                                                               "sha256", "url"]]
    if args.format == "table":
        frame["sha256"] = frame["sha256"].str[:16] + "…"
    _emit(frame, args.format)
    return 0


@command("build")
def _build(args: argparse.Namespace) -> int:
    from peelstats.build import build

    report = build(force=args.force)
    state = "unchanged, skipped" if report.skipped else f"built in {report.seconds:.1f}s"
    print(f"Tidy dataset in {report.out_dir} ({state}):")
    for table, rows in report.rows.items():
        print(f"  {table:<18}{rows:>10,} rows")
    return 0


@command("forces")
def _forces(args: argparse.Namespace) -> int:
    from peelstats.forces import forces_table

    _emit(forces_table(include_non_territorial=not args.territorial_only), args.format)
    return 0


@command("headline")
def _headline(args: argparse.Namespace) -> int:
    from peelstats.headline import headline

    _emit(headline(args.force, args.offence), args.format)
    return 0


# ------------------------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="peelstats", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"peelstats {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress (INFO)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_format(p: argparse.ArgumentParser, default: str = "table") -> argparse.ArgumentParser:
        p.add_argument("--format", choices=FORMATS, default=default, help="output format (default %(default)s)")
        return p

    with_format(sub.add_parser("sources", help="registered sources: cached?, edition, bytes, sha256"))
    p = with_format(sub.add_parser("fetch", help="download sources (or take them from $PEELSTATS_MIRROR)"))
    p.add_argument("source", nargs="*", help=f"source ids (default all): {', '.join(sources.REGISTRY)}")
    p.add_argument("--refresh", action="store_true", help="download again even when a verified copy is cached")
    p = sub.add_parser("build", help="parse raw files into the tidy parquet dataset")
    p.add_argument("--force", action="store_true", help="rebuild even if the raw files are unchanged")
    p = with_format(sub.add_parser("forces", help="the force registry"))
    p.add_argument("--territorial-only", action="store_true", help="only the 43 territorial forces")
    p = with_format(sub.add_parser("headline", help="a force vs England and Wales, latest period"))
    p.add_argument("--force", default="West Mercia")
    p.add_argument("--offence", default="total recorded crime excluding fraud")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.DEBUG if args.debug else logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except PeelstatsError as error:
        if args.debug:
            raise
        print(f"peelstats {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
