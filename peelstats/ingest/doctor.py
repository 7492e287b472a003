"""``peelstats doctor``: is the data whole? Per source and edition: the file present and verified, what it
parses into (rows per table, forces present), known gaps, earlier versions and refused downloads kept aside;
then anything missing or unexpected, and the state of the built dataset.

Nothing is changed: the doctor reads, hashes and parses, and says what to run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from peelstats import config
from peelstats.ingest import sources
from peelstats.ingest.atomic import sha256_of
from peelstats.ingest.build import missing_files
from peelstats.ingest.build_record import BUILD_FILE, read_build_info, tables_readable
from peelstats.ingest.cache import INCOMING, REJECTED, VERSIONS, RawCache
from peelstats.ingest.fetch import cached_files
from peelstats.reference import forces, gaps

OK, WARN, PROBLEM = "ok", "note", "problem"
COLUMNS = ["status", "source", "file", "edition", "verified", "rows", "forces", "known_gaps", "kept_aside", "detail"]
_TERRITORIAL = {f.code for f in forces.TERRITORIAL_FORCES}


@dataclass
class Diagnosis:
    files: pd.DataFrame  # one row per cached file, missing file, unexpected file and leftover
    dataset: dict  # the built dataset: folder, built_at, readable, current

    @property
    def healthy(self) -> bool:
        return not (self.files.status == PROBLEM).any() and self.dataset["status"] != PROBLEM


def diagnose(cache: RawCache | None = None, out_dir: Path | None = None) -> Diagnosis:
    cache = cache or RawCache()
    out_dir = Path(out_dir) if out_dir is not None else config.processed_dir()
    rows = []
    manifest = cache.read_manifest()
    inputs = {}
    for remote, path, entry in cached_files(cache):
        actual = sha256_of(path)
        inputs[cache.key(path)] = actual
        row = {"source": remote.source_id, "file": remote.filename, "edition": entry.get("edition"),
               "verified": actual == entry["sha256"],
               "kept_aside": _kept_aside(entry)}
        try:
            parsed = sources.get(remote.source_id).parser(path, remote)
        except Exception as error:  # noqa: BLE001 - the doctor reports any failure to parse, it does not stop
            rows.append({**row, "status": PROBLEM,
                         "detail": f"does not parse: {(str(error).splitlines() or [type(error).__name__])[0]}"})
            continue
        counts = parsed.get("counts", pd.DataFrame())
        codes = set(counts["geography_code"].astype(str)) if len(counts) else set()
        present = len(codes & _TERRITORIAL)
        ends = pd.to_datetime(counts["period_end"]).drop_duplicates() if len(counts) else []
        known = sorted({f"{g.force} ({g.months_label})" for end in ends for g in gaps.gaps_in(end)})
        detail = "" if row["verified"] else "changed since it was fetched: run `peelstats fetch` to restore it"
        rows.append({**row, "status": OK if row["verified"] else WARN,
                     "rows": ", ".join(f"{t} {len(f):,}" for t, f in parsed.items() if len(f)),
                     "forces": f"{present} of 43" if len(counts) else "", "known_gaps": "; ".join(known),
                     "detail": detail})
    for missing in missing_files(cache):
        source, filename = missing.split("/", 1)
        rows.append({"status": PROBLEM, "source": source, "file": filename,
                     "detail": "registered but not in the raw cache: run `peelstats fetch`"})
    for path in cache.unexpected_files(manifest):
        rows.append({"status": WARN, "source": path.parent.name, "file": path.name,
                     "detail": "in the cache folder but not in its manifest (not used)"})
    kept = {r["path"] for e in manifest.values() for r in e.get(REJECTED, [])}
    for refusal in cache.refused():
        if refusal["path"] in kept:
            continue  # shown with the verified copy it did not replace
        source, _, name = refusal["path"].partition("/")
        rows.append({"status": WARN, "source": source, "file": name.removeprefix(f"{REJECTED}/"),
                     "kept_aside": refusal["path"],
                     "detail": f"a download refused and kept for inspection: {refusal.get('reason', '')}"})
    for path in cache.orphans():
        folder = path.parent.parent if path.parent.name == INCOMING else path.parent
        rows.append({"status": WARN, "source": folder.name if folder != cache.root else "(cache)", "file": path.name,
                     "detail": "left by an interrupted download; removed on the next fetch"})
    return Diagnosis(pd.DataFrame(rows, columns=COLUMNS), _dataset_state(out_dir, inputs))


def _kept_aside(entry: dict) -> str:
    parts = []
    if entry.get(VERSIONS):
        parts.append(f"{len(entry[VERSIONS])} earlier version(s)")
    if entry.get(REJECTED):
        last = entry[REJECTED][-1]
        parts.append(f"{len(entry[REJECTED])} refused download(s), latest at {last['path']}: {last.get('reason', '')}")
    return "; ".join(parts)


def _dataset_state(out_dir: Path, inputs: dict[str, str]) -> dict:
    state = {"folder": str(out_dir)}
    if not (out_dir / BUILD_FILE).is_file():
        return {**state, "status": PROBLEM, "detail": "not built: run `peelstats build`"}
    info = read_build_info(out_dir)
    if info is None or not tables_readable(out_dir):
        return {**state, "status": PROBLEM, "detail": "damaged: the next `peelstats build` or load rebuilds it"}
    built_from = info.get("signature", {}).get("inputs", {})
    current = built_from == inputs
    detail = "built from the raw files as they are now" if current else \
        "built from other raw files than those cached now: run `peelstats build`"
    return {**state, "status": OK if current else WARN, "built_at": info.get("built_at"),
            "rows": info.get("rows"), "detail": detail}
