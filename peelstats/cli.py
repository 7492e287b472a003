"""The ``peelstats`` command line.

Errors peelstats anticipates (unknown force, missing period, bad download, changed layout) print one line
and exit with status 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import sys
from collections.abc import Callable

import pandas as pd

from peelstats import __version__, config, formats
from peelstats.errors import InputFileError, PeelstatsError, UsageError
from peelstats.ingest import sources
from peelstats.ingest.sources.base import SourceId
from peelstats.output import FORMATS, render
from peelstats.reporting import labels

log = logging.getLogger("peelstats")

EXIT_USAGE = 2

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(func):
        COMMANDS[name] = func
        return func
    return register


def _emit(frame: pd.DataFrame, fmt: str) -> None:
    """A table fitted to the terminal (plain headers, signed percentages, Yes/No), or JSON/CSV with the columns'
    own names and whole numbers as integers."""
    print(render(frame, fmt, width=_terminal_width() if fmt == "table" else None), end="" if fmt == "csv" else "\n")


# --------------------------------------------------------------------------------------------- data


@command("sources")
def _sources(args: argparse.Namespace) -> int:
    from peelstats.ingest.cache import RawCache
    from peelstats.ingest.sources.base import RemoteFile

    cache = RawCache()
    rows = []
    manifest = cache.read_manifest()
    seen = set()
    for source in sources.REGISTRY.values():
        listed: dict[str, RemoteFile | None] = {f.filename: f for f in source.files()}
        for key, recorded in manifest.items():
            if recorded.get("source") == source.id and key.split("/", 1)[1] not in listed:
                listed[key.split("/", 1)[1]] = None  # a file resolved at fetch time (e.g. the current ODS)
        for filename, remote in listed.items():
            path = cache.path_for(source.id, filename)
            entry = manifest.get(cache.key(path))
            seen.add(cache.key(path))
            rows.append({
                "source": source.id,
                "publisher": source.publisher,
                "file": filename,
                "edition": entry["edition"] if entry else remote.edition if remote else None,
                "cached": bool(entry) and path.is_file(),
                "bytes": entry["bytes"] if entry else None,
                "sha256": (entry["sha256"] if args.format != "table" else entry["sha256"][:16] + "…")
                if entry else None,
                "fetched_at": entry["fetched_at"] if entry else None,
                # the publisher's address always; where the copy came from only when that was a mirror
                "address": (entry.get("publisher_url") if entry else None) or (remote.url if remote else None)
                or "(no publisher file: held only by a mirror)",
                "mirror": entry["url"] if entry and entry.get("via") == "mirror" else None,
                "address_verified": bool(remote.url_verified) if remote else None,
                "licence": source.licence,
            })
    frame = pd.DataFrame(rows)
    if args.format == "table":
        unused = ["publisher", "licence", "fetched_at", "address_verified"] + (
            [] if frame["mirror"].notna().any() else ["mirror"])
        frame = frame.drop(columns=unused)
        frame["bytes"] = frame["bytes"].astype("Int64")
    _emit(frame, args.format)
    if args.format == "table":
        mirror = config.mirror()
        from peelstats.output import fill

        width = _terminal_width()
        print("\n" + fill(f"cache: {cache.root}   mirror: {mirror or '(none: publishers)'}", width))
        for source in sources.REGISTRY.values():  # what a reader of each source should know
            print(fill(f"{source.id}: {source.title}. {source.edition_note} " + " ".join(source.caveats), width))
    return 0


@command("fetch")
def _fetch(args: argparse.Namespace) -> int:
    from peelstats.ingest.fetch import fetch

    for source_id in args.source:
        sources.get(source_id)  # validate before any download
    if args.latest:
        _discover_editions(quiet=False, strict=False)
    outcomes = fetch(args.source or None, refresh=args.refresh)
    frame = pd.DataFrame([o.as_dict() for o in outcomes])[["source", "filename", "status", "edition", "bytes",
                                                               "sha256", "url"]]
    if args.format == "table":
        frame["sha256"] = frame["sha256"].map(lambda sha: sha[:16] + "…" if sha else "")
        frame["bytes"] = frame["bytes"].map(lambda n: f"{n:,}" if n else "")
    _emit(frame, args.format)
    return 0


def _discover_editions(*, quiet: bool, strict: bool = True) -> list:
    """Find new ONS editions and record them; without network, say so in one line and carry on. ``strict``:
    pages that are not what was expected are an error (``editions --discover``); otherwise (``fetch --latest``)
    a one-line warning, and the registered editions are fetched."""
    from peelstats.errors import DownloadError
    from peelstats.ingest.download import RetryPolicy, build_session
    from peelstats.ingest.sources import ons_editions

    try:  # a look, not a download: one quick retry, so no network is said within seconds
        found = ons_editions.discover(build_session(RetryPolicy(attempts=2, backoff_seconds=0.5, connect_timeout=5,
                                                                read_timeout=20)))
    except DownloadError as error:
        print(f"peelstats: cannot reach ONS to look for new editions ({error})", file=sys.stderr)
        return []
    except ons_editions.EditionError as error:
        if strict:
            raise
        print(f"peelstats: {error}", file=sys.stderr)
        return []
    if found:
        path = ons_editions.save_user_editions(found)
        print(f"peelstats: {len(found)} new edition(s) found and recorded in {path}: "
              + ", ".join(e.label for e in found), file=sys.stderr)
    elif not quiet:
        print("peelstats: no new edition on ONS's pages", file=sys.stderr)
    return found


@command("editions")
def _editions(args: argparse.Namespace) -> int:
    from peelstats.ingest.sources import ons_editions

    if args.action == "add":
        if not args.url:
            raise UsageError("give the workbook's address: peelstats editions add URL [--period-end P]")
        edition = ons_editions.add(args.url, args.period_end)
        print(f"Added {edition.label} ({edition.filename}) to {ons_editions.user_file()}; `peelstats fetch` gets it")
        return 0
    if args.url:
        raise UsageError(f"unexpected {args.url!r}: did you mean `peelstats editions add {args.url}`?")
    if args.discover:
        _discover_editions(quiet=False)
    _emit(editions_table(args.format != "table"), args.format)
    return 0


def editions_table(full: bool) -> pd.DataFrame:
    from peelstats.ingest.atomic import sha256_of
    from peelstats.ingest.cache import RawCache
    from peelstats.ingest.sources import ons_editions

    cache = RawCache()
    manifest = cache.read_manifest()
    rows = []
    for e in ons_editions.editions():
        path = cache.path_for(SourceId.ONS_PFA_TABLES, e.filename)
        entry = manifest.get(cache.key(path))
        actual = entry["sha256"] if entry is not None and path.is_file() else None
        cached = actual is not None
        rows.append({
            "period_end": e.period_end, "edition": e.label, "file": e.filename, "tables": e.tables or "(any)",
            "origin": e.origin, "published": e.published or _estimated_month(e.period_end), "cached": cached,
            "checksum": ("matches the registry" if actual == e.sha256 else "differs from the registry")
            if cached and e.sha256 else ("none registered" if cached else ""),
            "address_verified": e.url_verified, "required": e.required,
            "address": e.mirror_path + " (mirror only)" if e.mirror_only else e.address,
        })
        if full and cached:
            rows[-1]["sha256"] = sha256_of(path)
    return pd.DataFrame(rows)


def _estimated_month(period_end: str | None) -> str:
    """An edition's publication month when no one recorded it: ONS's usual release day for its period."""
    from peelstats.reference.releases import estimate

    return f"{estimate(period_end):%Y-%m} (estimated)" if period_end else ""


@command("build")
def _build(args: argparse.Namespace) -> int:
    from peelstats.ingest.build import build

    report = build(refresh=args.refresh, strict=args.strict)
    state = "unchanged, skipped" if report.skipped else f"built in {report.seconds:.1f}s"
    print(f"Tidy dataset in {report.out_dir} ({state}):")
    for table, rows in report.rows.items():
        print(f"  {table:<18}{rows:>10,} rows")
    if report.missing:
        print(f"  incomplete: {len(report.missing)} registered file(s) not fetched ({', '.join(report.missing[:4])}"
              + (" ..." if len(report.missing) > 4 else "") + ")")
    return 0


@command("doctor")
def _doctor(args: argparse.Namespace) -> int:
    from peelstats.ingest.doctor import diagnose

    diagnosis = diagnose()
    frame = diagnosis.files
    if args.format == "table":
        frame = frame.astype(object).where(frame.notna(), "")
        frame = frame.drop(columns=["kept_aside"] if not frame.kept_aside.astype(bool).any() else [])
    _emit(frame, args.format)
    if args.format == "table":
        state = diagnosis.dataset
        from peelstats.output import fill

        print("\n" + fill(f"dataset: {state['folder']}: {state['status']}, {state['detail']}", _terminal_width()))
        print("healthy" if diagnosis.healthy else "problems found: see the rows marked 'problem'")
    return 0 if diagnosis.healthy else 1


@command("forces")
def _forces(args: argparse.Namespace) -> int:
    from peelstats.reference.forces import forces_table

    _emit(forces_table(include_non_territorial=not args.territorial_only), args.format)
    return 0


@command("breaks")
def _breaks(args: argparse.Namespace) -> int:
    from peelstats.reference.breaks import breaks_between, breaks_table

    if args.offence is not None and not args.offence.strip():
        raise UsageError("the offence is empty: name one (`peelstats breaks` alone lists every break)")
    if args.offence:
        from peelstats.reference.periods import label

        if args.baseline >= args.period_end:  # both read into period ends at the edge
            raise UsageError(f"the baseline ({label(args.baseline)}) must come before the period end "
                             f"({label(args.period_end)})")
        found = breaks_between(args.offence, args.baseline, args.period_end)
        frame = pd.DataFrame([b.as_dict() for b in found],
                             columns=["id", "effective", "severity", "explanation", "comparable_offence"])
    else:
        frame = breaks_table()
    _emit(frame, args.format)
    return 0


# ------------------------------------------------------------------------------------------ analysis


@command("compare")
def _compare(args: argparse.Namespace) -> int:
    from peelstats.analysis.comparison import compare
    from peelstats.output import fill, to_csv, to_json

    result = compare(args.force, args.offence, args.period_end, args.baseline, source=args.source)
    if args.format == "json":
        print(to_json(result.to_dict()))
    elif args.format == "csv":
        flat = {k: v for k, v in result.to_dict().items() if not isinstance(v, list | dict)}
        flat["breaks"] = "; ".join(b["id"] for b in result.breaks)
        print(to_csv(flat), end="")
    else:
        width = _terminal_width()
        baseline = f" (baseline from {result.baseline_edition})" if result.baseline_edition != result.edition else ""
        print(fill(result.headline(), width))
        print(fill(f"Source: {labels.source_name(result.source)}, {result.edition}{baseline}", width) + "\n")
        _emit(result.table().rename(columns={"gap_pp": "force_minus_this_pp"}), "table")
        if result.alternative is not None:
            print("\n" + fill(f"Nearest comparable offence: {result.alternative.headline()}", width))
        for caveat in result.caveats:
            print("\n" + fill(f"Note: {labels.readable(caveat)}", width))
    return 0


@command("trend")
def _trend(args: argparse.Namespace) -> int:
    from peelstats.analysis.trends import trend
    from peelstats.output import fill

    result = trend(args.force, args.offence, every=args.every, month=args.month, period_end=args.period_end)
    frame = result.table
    if args.format == "table":
        if len(frame):
            width = _terminal_width()
            first, last = frame.period_end.min(), frame.period_end.max()
            sources = frame[["source", "edition"]].drop_duplicates().itertuples(index=False)
            print(fill(result.headline(), width))
            ends = list(frame.period_end)
            quarterly = next((a for a, b in zip(ends, ends[1:], strict=False) if (b - a).days < 100), None)
            sparse = (f" (years ending March only before {quarterly:%B %Y}: the data hold no quarters before then)"
                      if args.every != "year" and quarterly is not None and quarterly != first else "")
            print(fill(f"{result.force}, {result.offence.lower()}: change on the year before, "
                       f"{'every year ending ' + last.strftime('%B') if args.every == 'year' else 'every quarter'}, "
                       f"{first:%Y} to {last:%Y}{sparse}; rank 1 = the lowest change of the forces ranked. Source: "
                       + "; ".join(f"{labels.source_name(s)}, {e}" for s, e in sources), width) + "\n")
        frame = frame.drop(columns=["force", "offence", "baseline_end", "source", "edition"])
        # a column with nothing in it (no series break in any year) would print a block of empty rows
        frame = frame.drop(columns=[c for c in frame.columns if frame[c].map(lambda v: v in (None, "", [])
                                                                              or v != v).all()])
    _emit(frame, args.format)
    return 0


@command("league")
def _league(args: argparse.Namespace) -> int:
    from peelstats.analysis.league_table import league
    from peelstats.output import fill
    from peelstats.reference import periods

    result = league(args.offence, args.period_end, args.baseline, source=args.source)
    frame = result.table
    if args.format == "table" and len(frame):
        print(fill(result.headline(), _terminal_width()))
        frame = frame.drop(columns=["force_code"] + ([] if frame.suppressed.any() else ["suppressed"]))
    if args.format == "table" and result.period_end is not None:
        width = _terminal_width()
        print(fill(f"{result.offence}, {periods.short_label(result.period_end)} against "
                   f"{periods.short_label(result.baseline_end)}; rank 1 = the lowest change. Source: "
                   f"{labels.source_name(result.source)}, {result.edition}; rates: {result.population}",
                   width) + ("" if result.note else "\n"))
        if result.note:
            print(fill(f"Note: {result.note}", width) + "\n")
    elif result.note:  # JSON and CSV carry rows only: what the reader must know goes to stderr
        print(f"peelstats league: note: {result.note}", file=sys.stderr)
    _emit(frame, args.format)
    return 0


@command("vintages")
def _vintages(args: argparse.Namespace) -> int:
    from peelstats.analysis.revisions import vintages
    from peelstats.output import fill
    from peelstats.reference import periods

    result = vintages(args.force, args.offence, args.period_end)
    frame = result.table
    if args.format == "table" and len(frame):
        print(fill(f"{result.force}, {result.offence.lower()}: {periods.short_label(result.period_end)} in every "
                   f"edition, oldest first; revised by = the difference from {result.revised_from()}.",
                   _terminal_width()) + "\n")
        frame = frame.assign(source=frame.source.map(labels.source_name))
    _emit(frame, args.format)
    return 0


@command("cross-check")
def _cross_check(args: argparse.Namespace) -> int:
    from peelstats.analysis.revisions import cross_check

    result = cross_check(args.edition)
    frame = result.table
    if args.format == "table":
        frame = frame[frame.difference_pp.abs() > args.threshold]
        print(f"{result.edition}: computed vs published % change, differences over {args.threshold} pp")
    _emit(frame, args.format)
    return 0


# ------------------------------------------------------------------------------------ claims, reports


@command("claims")
def _claims(args: argparse.Namespace) -> int:
    from peelstats.claims.claim_file import bundled, load_claim_file

    if args.list:
        rows = []
        for path in bundled():
            parsed = load_claim_file(path)
            rows.append({"name": path.stem, "document": parsed.document.title, "author": parsed.document.author,
                         "date": parsed.document.date.isoformat(), "claims": len(parsed.claims), "path": str(path)})
        _emit(pd.DataFrame(rows), args.format)
        return 0
    from peelstats.claims import evaluate
    from peelstats.output import to_json

    evaluation = evaluate(args.claim_file)
    if args.format == "json":
        print(to_json(evaluation.records()))
    elif args.format == "csv":
        print(evaluation.csv(), end="")
    else:
        import textwrap


        document = evaluation.document
        print(f"{document['title']}\n{document['author']}, {document['date']}\n")
        for record in evaluation.records():
            measured = formats.measured_of(record)
            print(f"[{record['id']}] {record['verdict'].upper()}  {measured}")
            width = _terminal_width()
            print(textwrap.fill(f'"{record["quote"]}"', width, initial_indent="  ", subsequent_indent="  "))
            print(textwrap.fill(record["reason"], width, initial_indent="  ", subsequent_indent="  ") + "\n")
    return 0


@command("check")
def _check(args: argparse.Namespace) -> int:
    from peelstats.claims.check import read
    from peelstats.output import to_json

    if (args.text is None) == (args.file is None):
        raise UsageError("give the words to check, or --file PATH (one of them)")
    text = args.text if args.file is None else _read_text_file(args.file)
    result = read(text, date=args.date, force=args.force)
    if not result.date_given and args.format != "table":
        print(f"peelstats check: no --date given: read as of today ({result.date.isoformat()})", file=sys.stderr)
    if args.format == "json":
        print(to_json(result.records))
    elif args.format == "yaml":
        print(result.yaml(), end="")
    else:
        print(result.table(width=_terminal_width()))
    return 0


def _read_text_file(path: str) -> str:
    from pathlib import Path

    file = Path(path)
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: is a folder, not a text file") from None
    except UnicodeDecodeError:
        raise InputFileError(f"{path}: is not UTF-8 text") from None
    except OSError as error:
        raise InputFileError(f"{path}: cannot be read ({error.strerror})") from None


def _terminal_width() -> int:
    import shutil

    return max(60, min(shutil.get_terminal_size((110, 24)).columns, 140))


@command("report")
def _report(args: argparse.Namespace) -> int:
    from peelstats.reporting.report import document_title, report, report_from_text

    options = {"notebooks": args.notebooks, "refresh": args.refresh, "policeuk_source": args.policeuk_source}
    if args.text:
        if args.claims:
            raise UsageError("give --text (claims drafted from a document) or --claims (a claim file), not both")
        text = _read_text_file(args.text)
        run = report_from_text(text, date=args.date, force=args.force, period_end=args.period_end, out=args.out,
                               title=document_title(args.text, text), **options)
    else:
        if args.date:
            raise UsageError("--date goes with --text (the date of the document); a claim file states its own")
        run = report(args.force, args.period_end, claims=args.claims, use_claims=not args.no_claims, out=args.out,
                     **options)
    state = "unchanged, skipped" if run.skipped else f"{run.seconds:.1f}s"
    print(f"{run.force}, {run.period_end}: {run.index} ({state})")
    for notebook in run.notebooks:
        print(f"  {notebook.name:<20} {'FAILED: ' + notebook.error if notebook.error else 'ok'}")
    if (run.folder / "claims.json").is_file():
        print(f"  verdicts: {run.folder / 'claims.json'}")
    return 1 if run.failed else 0


@command("batch")
def _batch(args: argparse.Namespace) -> int:
    from peelstats.reporting.batch import FAILED_STATUSES, run_batch

    summary = run_batch(args.schedule, workers=args.workers, refresh=args.refresh, scheduler=args.scheduler)
    _emit(summary, args.format)
    failed = summary[summary.status.isin(FAILED_STATUSES)]
    counts = summary.status.value_counts().to_dict()
    print(f"\n{len(summary)} reports: " + ", ".join(f"{v} {k}" for k, v in counts.items()), file=sys.stderr)
    for row in summary[summary.status == "invalid"].itertuples():
        print(f"peelstats batch: schedule entry {row.force!r} was not run: {row.error}", file=sys.stderr)
    return 1 if len(failed) else 0


@command("policeuk")
def _policeuk(args: argparse.Namespace) -> int:
    from peelstats.policeuk import PoliceUK, street_counts

    if args.policeuk_command == "counts":
        frame = street_counts(args.source, force=args.force, by=args.by)
        if args.format == "json":
            frame = frame.assign(month=frame.month.astype(str))
    else:
        frame = PoliceUK(base_url=args.base_url, use_cache=not args.no_cache).crimes_for_force(
            args.force, args.month, progress=args.format == "table")
        if args.format == "json":
            frame = frame.assign(month=frame.month.astype(str), outcome_month=frame.outcome_month.astype(str))
    _emit(frame, args.format)
    return 0


# ------------------------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, naming the problem and where the choices are."""

    def error(self, message: str):
        print(f"{self.prog}: {message} (see `{self.prog} --help`)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _period_end(text: str):
    """A period end read at the edge into the one period type (a bad one is refused before any data is loaded);
    'latest' is the default (None)."""
    from peelstats.reference.periods import parse_period_end

    if text.strip().lower() == "latest":
        return None
    if text.strip().lower() == "all":
        raise argparse.ArgumentTypeError("'all' is for `league --period-end all` only; give a period end such as "
                                         "2018-03-31, or leave it out for the latest")
    try:
        return parse_period_end(text)
    except PeelstatsError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _period_end_or_all(text: str):
    """``league``: a period end, or 'all' for every period."""
    return "all" if text.strip().lower() == "all" else _period_end(text)


def _given_period_end(text: str):
    """A period end that must be stated (no 'latest')."""
    if text.strip().lower() == "latest":
        raise argparse.ArgumentTypeError("give the period end itself, e.g. 2018-03-31")
    return _period_end(text)


def _percentage_points(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of percentage points") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of percentage points, 0 or more")
    return value


def _month_number(text: str) -> int:
    try:
        month = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month number (1-12)") from None
    if not 1 <= month <= 12:
        raise argparse.ArgumentTypeError(f"{month} is not a month number (1-12)")
    return month


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="peelstats", description=__doc__.splitlines()[0])
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
    p.add_argument("--latest", action="store_true", help="first look on ONS's pages for editions not yet known")
    p = with_format(sub.add_parser("editions", help="ONS PFA-table editions: registered, discovered or added"))
    p.add_argument("action", nargs="?", choices=["add"], help="'add URL': record an edition by its address")
    p.add_argument("url", nargs="?", help="with add: the workbook's address")
    p.add_argument("--period-end", type=_given_period_end,
                   help="with add: the period the edition covers (default: from its address, else its title when "
                        "fetched)")
    p.add_argument("--discover", action="store_true", help="look on ONS's dataset pages for new editions")
    p = sub.add_parser("build", help="parse raw files into the tidy parquet dataset")
    p.add_argument("--refresh", action="store_true", help="build again even if the raw files are unchanged")
    p.add_argument("--force", dest="refresh", action="store_true", help=argparse.SUPPRESS)  # its name before 0.2
    p.add_argument("--strict", action="store_true", help="refuse to build when a registered file was not fetched")
    with_format(sub.add_parser("doctor", help="is the data whole? files verified, parsed, complete; what to run"))
    p = with_format(sub.add_parser("forces", help="the force registry"))
    p.add_argument("--territorial-only", action="store_true", help="only the 43 territorial forces")
    p = with_format(sub.add_parser("breaks", help="series breaks (all, or those between two periods)"))
    p.add_argument("--offence", help="offence to check")
    p.add_argument("--baseline", default="2017-03-31", type=_given_period_end, help="baseline period end")
    p.add_argument("--period-end", default="2018-03-31", type=_given_period_end, help="period end")

    def analysis(name: str, help_text: str, force: bool = True, baseline: bool = True):
        p = with_format(sub.add_parser(name, help=help_text))
        if force:
            p.add_argument("--force", required=True, help="force name, variant, police.uk slug or ONS code")
        p.add_argument("--offence", default="total", help="offence name or alias (default: total recorded crime)")
        p.add_argument("--period-end", type=_period_end_or_all if name == "league" else _period_end,
                       help="period end: 2018-03-31, 2018-03, 'March 2018', 'YE Mar 2018' or '2017/18' (default: the "
                            "latest with a baseline)"
                       + ("; 'all' for every period" if name == "league" else ""))
        if baseline:
            p.add_argument("--baseline", type=_period_end, help="baseline period end (default: one year earlier)")
            p.add_argument("--source", choices=[SourceId.ONS_PFA_TABLES.value, SourceId.REC_CRIME_PFA.value],
                           help="force a source (default: newest ONS edition, else the long series)")
        return p

    analysis("compare", "a force's change against every national comparator")
    p = analysis("trend", "year-on-year change of a force and national comparators, every year", baseline=False)
    p.add_argument("--every", choices=["year", "quarter"], default="year",
                   help="one row per year (the period end's month) or per quarter (default: year)")
    p.add_argument("--month", type=_month_number, help="month of the year ends to keep, 1-12 (default: the "
                                                         "period end's)")
    analysis("league", "all 43 forces: count, change, rate, rank", force=False)
    analysis("vintages", "the same period in every edition, with revisions", baseline=False)
    p = with_format(sub.add_parser("cross-check", help="ONS published %% changes recomputed from counts"))
    p.add_argument("--edition", help="edition label or period end (default: the earliest)")
    p.add_argument("--threshold", type=_percentage_points, default=0.05,
                   help="table: show differences over this many pp")

    p = with_format(sub.add_parser("claims", help="evaluate a claim file: one verdict per claim"))
    p.add_argument("claim_file", nargs="?", help="path or bundled name (default: the West Mercia letter)")
    p.add_argument("--list", action="store_true", help="list the bundled claim files")

    p = sub.add_parser("check", help="check a sentence or a document: the claims in it and their verdicts")
    p.add_argument("text", nargs="?", help="the words to check (or --file)")
    p.add_argument("--file", help="a plain-text document to check")
    p.add_argument("--date", help="when the words were published, YYYY-MM-DD or DD/MM/YYYY (default: today): sets "
                                  "what was public and what 'last year' means")
    p.add_argument("--force", help="the force 'the force', 'the county' or 'we' refer to (default: from the text)")
    p.add_argument("--format", choices=("table", "json", "yaml"), default="table",
                   help="table (default), json records, or yaml: a claim file draft for `peelstats claims`")

    p = sub.add_parser("report", help="run the notebooks into an HTML evidence report (default: the letter)")
    p.add_argument("--force", help="force (default: West Mercia)")
    p.add_argument("--period-end", type=_period_end, help="period end (default: 2018-03-31)")
    p.add_argument("--claims", help="claim file for the claims notebook (default: the bundled letter, for its force)")
    p.add_argument("--no-claims", action="store_true", help="skip the claims notebook")
    p.add_argument("--text", help="a plain-text document: its claims are drafted (as `peelstats check` does) and "
                                  "checked in the report")
    p.add_argument("--date", help="with --text: when the document was published, YYYY-MM-DD (default: today)")
    p.add_argument("--out", help="output folder (default: reports/)")
    p.add_argument("--notebooks", nargs="+", help="which notebooks (default: all but policeuk_local)")
    p.add_argument("--policeuk-source", help="for policeuk_local: 'api' or a street CSV/folder/zip")
    p.add_argument("--refresh", action="store_true", help="run again even if nothing changed since the last run")
    p.add_argument("--skip-unchanged", action="store_true", help=argparse.SUPPRESS)  # before 0.2: now the default

    p = sub.add_parser("policeuk", help="data.police.uk: archive counts and API crimes (local texture only)")
    police = p.add_subparsers(dest="policeuk_command", required=True, metavar="SUBCOMMAND")
    q = with_format(police.add_parser("counts", help="monthly counts from street CSVs, folders or archive zips"))
    q.add_argument("source", nargs="+", help="CSV file(s), folder(s) or zip(s)")
    q.add_argument("--force", action="append", help="only this force (repeatable; name, slug or code)")
    q.add_argument("--by", choices=["category", "lsoa", "outcome"], default="category",
                   help="count by crime category, by LSOA, or by last outcome (default: category)")
    q = with_format(police.add_parser("crimes", help="a whole force's street-level crimes for a month (API)"))
    q.add_argument("--force", required=True, help="the force (name, variant, police.uk slug or ONS code)")
    q.add_argument("--month", required=True, help="YYYY-MM (the API serves about the latest 36 months)")
    q.add_argument("--base-url", help="API base URL (default $PEELSTATS_POLICEUK_API or data.police.uk)")
    q.add_argument("--no-cache", action="store_true", help="bypass the response cache")

    p = with_format(sub.add_parser("batch", help="run many reports from a schedule file, in parallel; one row per "
                                                 "report with its status: ok, skipped (unchanged), failed, or invalid "
                                                 "(a schedule entry naming no force); exit 1 if any failed or was "
                                                 "invalid"))
    p.add_argument("schedule", help="schedule YAML (see schedules/)")
    p.add_argument("--workers", type=int, default=1, help="parallel processes (default 1)")
    p.add_argument("--refresh", action="store_true", help="run again the reports whose inputs have not changed")
    p.add_argument("--force", dest="refresh", action="store_true", help=argparse.SUPPRESS)  # its name before 0.2
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the reports on a Dask cluster: its scheduler's address, e.g. tcp://host:8786 "
                        "(pip install 'peelstats[cluster]')")
    return parser


EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in peelstats, not a problem with the input


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed in one line
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    level = logging.DEBUG if args.debug else logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if not args.debug:  # Jupyter's own housekeeping (zmq contexts at shutdown) is not the user's business
        logging.getLogger("traitlets").setLevel(logging.ERROR)
    if not (args.debug or args.verbose):  # each retry is progress; the outcome is said once, by peelstats
        logging.getLogger("urllib3").setLevel(logging.ERROR)
    try:
        return COMMANDS[args.command](args)
    except PeelstatsError as error:
        if args.debug:
            raise
        for line in str(error).splitlines() or [type(error).__name__]:
            print(f"peelstats {args.command}: {line}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"peelstats {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `peelstats claims | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except OSError as error:  # a folder that cannot be written, a disk that is full: the user can act on it
        if args.debug:
            raise
        where = f" {error.filename}" if error.filename else ""
        print(f"peelstats {args.command}: cannot use{where}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - never a traceback for the user; --debug shows it
        if args.debug:
            raise
        print(f"peelstats {args.command}: internal error ({type(error).__name__}: {error}); please report it, with "
              "the output of --debug", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
