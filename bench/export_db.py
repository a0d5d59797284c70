#!/usr/bin/env python3
"""Every export format against the database's own CSV dump of the same rows (issue 20).

Seeds the load benchmark's consultation with --comments comments (default 100,000;
bench/seed.py, bodies of 50–2,000 characters in six languages) on SQLite or PostgreSQL,
starts the release server with its defaults, downloads the draft's input in each format
(--runs times, after one untimed CSV download that warms the cache), and times the
database's own command-line dump of the same rows and columns: `sqlite3 -csv -header`,
or `psql -c "\\copy (…) to stdout csv header"`. Prints medians and each format's ratio
to that floor.

    BENCH_SKIP_BUILD=1 python3 bench/export_db.py [sqlite|postgres] [--comments 100000] [--runs 3]
    python3 bench/export_db.py postgres --rounds 3 --bin /tmp/before --bin /tmp/after
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402

FORMATS = ["csv", "json", "xlsx", "html", "docx"]

# The CSV export's rows and columns (src/export/csv.rs), as SQL both backends read.
QUERY = """SELECT c.id AS comment_id, c.parent_id, p.number AS paragraph_number,
  p.label AS paragraph_label, c.kind, c.author_group AS stakeholder_group,
  CASE WHEN c.attribution IN ('name', 'organization') THEN c.author_organization ELSE '' END AS organization,
  CASE WHEN c.attribution IN ('name', 'organization') THEN c.author_country END AS country,
  CASE WHEN c.attribution = 'name' THEN u.display_name END AS author,
  CASE WHEN c.author_verified THEN 'true' ELSE 'false' END AS affiliation_verified,
  c.status, c.created_at, c.edited_at, c.body, c.proposed_text, c.language
FROM comments c JOIN users u ON u.id = c.author_id LEFT JOIN paragraphs p ON p.id = c.paragraph_id
WHERE c.draft_id = {draft} AND c.status = 'published' ORDER BY c.id"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("backend", nargs="?", default="sqlite", choices=["sqlite", "postgres"])
    ap.add_argument("--comments", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=3, help="timed downloads per format and round")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--bin", action="append", default=[],
                    help="a server binary to compare (repeat; rounds alternate between them)")
    ap.add_argument("--formats", default=",".join(FORMATS))
    args = ap.parse_args()
    if not os.environ.get("BENCH_SKIP_BUILD"):
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=bench.ROOT, check=True)
    work = tempfile.mkdtemp(prefix="plenary-export-db-")
    bins = args.bin or [bench.snapshot_binary(work)]
    formats = args.formats.split(",")
    seeded = bench.Seeded(args.backend, work, bench.password_hash(work), comments=args.comments)
    draft = seeded.info["draft_id"]
    url = seeded.fresh_url()
    if args.backend == "postgres":
        subprocess.run(["psql", "-q", "-X", url, "-c", "VACUUM ANALYZE"], check=True)
    published = seeded.count(url, f"SELECT COUNT(*) FROM comments WHERE draft_id = {draft} "
                                  "AND status = 'published'")
    query = QUERY.format(draft=draft).replace("\n", " ")
    dump = os.path.join(work, "dump.csv")
    if args.backend == "sqlite":
        cmd = ["sqlite3", "-csv", "-header", url, query + ";"]
        floor_name = "sqlite3 -csv"
    else:
        cmd = ["psql", "-q", "-X", url, "-c", f"\\copy ({query}) to stdout csv header"]
        floor_name = "psql \\copy … csv"

    def run_dump():
        with open(dump, "wb") as f:
            subprocess.run(cmd, stdout=f, check=True)
        return os.path.getsize(dump)

    times = {(b, f): [] for b in bins for f in formats}
    sizes, peaks, floors = {}, {b: 0 for b in bins}, []
    for _ in range(args.rounds):
        for b in bins:
            bench.BIN = b
            server = bench.Server(url, work, secrets.token_hex(32))
            try:
                def download(fmt):
                    path = os.path.join(work, f"out.{fmt}")
                    link = f"{server.base}/api/v1/drafts/{draft}/export?format={fmt}"
                    with urllib.request.urlopen(link, timeout=600) as r, open(path, "wb") as f:
                        while chunk := r.read(1 << 16):
                            f.write(chunk)
                    return os.path.getsize(path)

                download("csv")
                for fmt in formats:
                    for _ in range(args.runs):
                        t0 = time.monotonic()
                        sizes[fmt] = download(fmt)
                        times[(b, fmt)].append(time.monotonic() - t0)
                peaks[b] = max(peaks[b], server.status("VmHWM"))
            finally:
                server.stop()
        for _ in range(args.runs):
            t0 = time.monotonic()
            floor_size = run_dump()
            floors.append(time.monotonic() - t0)
    floor = statistics.median(floors)
    n = args.runs * args.rounds
    print(f"\n{args.backend}: {published:,} published comments of {args.comments:,}; medians of {n} "
          f"downloads ({args.rounds} round(s) of {args.runs}); server peak RSS "
          + ", ".join(f"{os.path.basename(b)} {peaks[b] / 1024:.1f} MiB" for b in bins) + "\n")
    head = " | ".join(f"{os.path.basename(b)} (s) | ÷ floor" for b in bins)
    print(f"| format | size (MiB) | {head} |")
    print("|---|---:|" + "---:|---:|" * len(bins))
    for fmt in formats:
        cells = " | ".join(f"{statistics.median(times[(b, fmt)]):.2f} | "
                           f"{statistics.median(times[(b, fmt)]) / floor:.2f}×" for b in bins)
        print(f"| {fmt} | {sizes[fmt] / 1048576:.1f} | {cells} |")
    print(f"| {floor_name} (the floor) | {floor_size / 1048576:.1f} | {floor:.2f} s, median of {len(floors)} |")


if __name__ == "__main__":
    main()
