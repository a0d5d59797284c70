#!/usr/bin/env python3
"""Issue 3's speed check: does a page of comments cost the same at 1,000 and at
1,000,000 comments? Seeds SQLite at both sizes (and PostgreSQL with --postgres), prints
the query plans of the reading queries, times the page query in the database and over
HTTP (wrk), and writes the plans to docs/database.md and the figures to
docs/performance.md, each between its own markers.

    bench/run.sh scale [--postgres] [--large 1000000]
"""

import argparse
import base64
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402

PLANS_BEGIN = "<!-- bench:plans:begin (written by bench/run.sh scale; edit outside the markers) -->"
PLANS_END = "<!-- bench:plans:end -->"
SCALE_BEGIN = "<!-- bench:scale:begin (written by bench/run.sh scale; edit outside the markers) -->"
SCALE_END = "<!-- bench:scale:end -->"

# The comments page exactly as diesel sends it (captured from PostgreSQL's statement log
# for GET /api/v1/drafts/{id}/comments?paragraph_id=…&limit=200 by an anonymous reader),
# with the parameters written in.
COLS = ('"id", "draft_id", "paragraph_id", "parent_id", "kind", "body", "proposed_text", "status", '
        '"attribution", "author_id", "author_group", "author_organization", "author_country", '
        '"author_verified", "flag_count", "created_at", "edited_at"')


def page_sql(draft, paragraph, limit, after=None):
    cols = ", ".join(f'"comments".{c.strip()}' for c in COLS.split(","))
    rcols = ", ".join(f'"replies".{c.strip()}' for c in COLS.split(","))
    after_sql = f' AND ("comments"."id" > {after})' if after else ""
    return (
        f'SELECT {cols}, "users"."display_name" FROM ("comments" INNER JOIN "users" ON '
        f'("comments"."author_id" = "users"."id")) WHERE ((("comments"."draft_id" = {draft}) AND '
        f'("comments"."paragraph_id" = {paragraph})){after_sql} AND ((("comments"."status" = \'published\') OR '
        f'(("comments"."status" IN (\'hidden\', \'rejected\', \'withdrawn\')) AND EXISTS (SELECT {rcols} '
        f'FROM "comments" AS "replies" WHERE (("replies"."parent_id" = "comments"."id") AND '
        f'("replies"."status" = \'published\'))))) OR ("comments"."author_id" = 0))) '
        f'ORDER BY "comments"."id" ASC LIMIT {limit + 1}'
    )


def counts_sql(draft):
    """Mirrors drafts::service::counts: the counts kept by triggers (migration 000013)."""
    return ('SELECT "comment_counts"."paragraph_key", "comment_counts"."author_group", '
            '"comment_counts"."published" FROM "comment_counts" '
            f'WHERE (("comment_counts"."draft_id" = {draft}) AND ("comment_counts"."published" > 0))')


def previews_sql(draft, per_paragraph=3):
    """Mirrors comments::service::previews."""
    def head(place, k):
        return (f"(SELECT x.id FROM comments x WHERE x.draft_id = {draft} AND {place} "
                f"AND x.parent_id IS NULL AND x.status = 'published' "
                f"ORDER BY x.paragraph_id, x.id LIMIT 1 OFFSET {k})")
    heads = []
    for k in range(per_paragraph):
        heads.append(f"SELECT {head('x.paragraph_id = p.id', k)} FROM paragraphs p WHERE p.draft_id = {draft}")
        heads.append(f"SELECT {head('x.paragraph_id IS NULL', k)}")
    return ("SELECT c.*, u.display_name FROM comments c JOIN users u ON u.id = c.author_id "
            f"WHERE c.id IN ({' UNION ALL '.join(heads)}) ORDER BY c.id")


def queries(info, deep_after=None):
    d, p = info["draft_id"], info["hottest_paragraph"]
    q = [
        ("comments page: first 50 of the busiest paragraph", page_sql(d, p, 50)),
        ("comments page: 200 of the busiest paragraph", page_sql(d, p, 200)),
    ]
    if deep_after:
        q.append(("comments page: 50 after a cursor deep in the paragraph", page_sql(d, p, 50, deep_after)))
    q += [
        ("counts by paragraph and group (GET /drafts/{id}, the reading page)", counts_sql(d)),
        ("previews: first 3 top-level comments per paragraph (the reading page)", previews_sql(d)),
    ]
    return q


def sqlite_plan(path, sql):
    db = sqlite3.connect(path)
    rows = db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    db.close()
    # (id, parent, notused, detail) -> an indented tree like the sqlite3 shell prints.
    depth = {0: -1}
    out = []
    for node, parent, _, detail in rows:
        depth[node] = depth.get(parent, -1) + 1
        out.append("  " * depth[node] + detail)
    return "\n".join(out)


def sqlite_time(path, sql, n=200):
    """Median wall time of the query in milliseconds, rows fetched, page cache warm."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA cache_size = -65536")
    times = []
    for i in range(n + 5):
        t0 = time.perf_counter()
        rows = db.execute(sql).fetchall()
        if i >= 5:
            times.append((time.perf_counter() - t0) * 1000)
    db.close()
    return statistics.median(times), len(rows)


def pg_explain(url, sql, analyze=True):
    opts = "ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON" if analyze else "COSTS OFF"
    return bench.psql_value(url, f"EXPLAIN ({opts}) {sql}")


def pg_time(url, sql, n=50):
    """Median execution time (EXPLAIN ANALYZE's, so without the network) in milliseconds."""
    times = []
    for _ in range(n):
        out = bench.psql_value(url, f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        times.append(json.loads(out)[0]["Execution Time"])
    return statistics.median(times)


def cursor(after):
    return base64.urlsafe_b64encode(f"after:{after}".encode()).decode().rstrip("=")


def http_p50(url, work, secret, path, duration):
    # Reads only: the server may use the seeded database itself.
    server = bench.Server(url, work, secret)
    try:
        lua = bench.script(work, "get")
        bench.wrk(server.base, path, lua, 2, 8, 2, {})
        r = bench.wrk(server.base, path, lua, duration, 8, 2, {})
    finally:
        server.stop()
    w = r["wrk"]
    return {"rps": w["requests"] / (w["duration_us"] / 1e6), "p50_ms": w["p50_us"] / 1000,
            "p99_ms": w["p99_us"] / 1000, "errors": w["status"] + w["timeout"] + w["read"]}


def deep_cursor(seeded, url):
    """The id after which lies the middle of the busiest paragraph's comments."""
    info = seeded.info
    n = info["hottest_count"] // 2
    sql = (f"SELECT id FROM comments WHERE paragraph_id = {info['hottest_paragraph']} "
           f"ORDER BY id LIMIT 1 OFFSET {n}")
    if seeded.backend == "sqlite":
        db = sqlite3.connect(url)
        (v,) = db.execute(sql).fetchone()
        db.close()
        return v
    return int(bench.psql_value(url, sql))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=1_000_000)
    ap.add_argument("--postgres", action="store_true", help="also seed PostgreSQL at both sizes")
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--json", help="also write the raw results here")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="plenary-scale-")
    bench.log(f"work directory: {work}")
    bench.snapshot_binary(work)
    secret = bench.secrets.token_hex(32)
    phash = bench.password_hash(work)
    backends = ["sqlite"] + (["postgres"] if args.postgres else [])
    results = {}
    plans = {}
    for b in backends:
        for n in (args.small, args.large):
            bench.log(f"[{b}] seeding {n:,} comments ...")
            seeded = bench.Seeded(b, work, phash, comments=n)
            info = seeded.info
            url = seeded.seed_path if b == "sqlite" else bench.pg_url(bench.PG_SEED_DB)
            if b == "postgres":
                bench.psql(url, "VACUUM ANALYZE")
            deep = deep_cursor(seeded, url) if n == args.large else None
            row = {"seed_s": seeded.seconds, "hottest": info["hottest_count"], "db": {}}
            for title, sql in queries(info, deep):
                if b == "sqlite":
                    ms, rows = sqlite_time(url, sql)
                    row["db"][title] = {"ms": ms, "rows": rows}
                    if n == args.large:
                        plans[(b, title)] = sqlite_plan(url, sql)
                else:
                    row["db"][title] = {"ms": pg_time(url, sql)}
                    if n == args.large:
                        plans[(b, title)] = pg_explain(url, sql)
                bench.log(f"[{b}] {n:,}: {title}: {row['db'][title]}")
            d, p = info["draft_id"], info["hottest_paragraph"]
            paths = {
                "GET comments page (50, busiest paragraph)": f"/api/v1/drafts/{d}/comments?paragraph_id={p}&limit=50",
                "GET /api/v1/drafts/{id}": f"/api/v1/drafts/{d}",
                "GET /drafts/{id} (the reading page, HTML)": f"/drafts/{d}",
            }
            if deep:
                paths["GET comments page (50, cursor deep in the paragraph)"] = (
                    f"/api/v1/drafts/{d}/comments?paragraph_id={p}&limit=50&cursor={cursor(deep)}")
            row["http"] = {}
            for title, path in paths.items():
                row["http"][title] = http_p50(url, work, secret, path, args.duration)
                bench.log(f"[{b}] {n:,}: {title}: {row['http'][title]}")
            results[(b, n)] = row

    m = bench.machine()
    lines = [f"## Scale: {args.small:,} versus {args.large:,} comments (bench/run.sh scale)", "",
             f"Measured {m['date']} on commit {m['commit']}; {m['cpus']} cores ({m['cpu']}), "
             f"{m['ram_gib']} GiB RAM. One draft of 100 paragraphs; the busiest paragraph holds "
             "about a ninth of the comments. Database times are medians of 200 runs (SQLite, "
             "in-process, warm cache) or of 50 `EXPLAIN ANALYZE` executions (PostgreSQL); HTTP "
             f"figures are wrk at 8 connections for {args.duration} s against the release binary.", ""]
    for b in backends:
        small, large = results[(b, args.small)], results[(b, args.large)]
        lines += [f"### {b}", "",
                  f"Seeding took {small['seed_s']} s and {large['seed_s']} s.", "",
                  f"| query | {args.small:,} comments | {args.large:,} comments | ratio |",
                  "|---|---:|---:|---:|"]
        for title in large["db"]:
            a = small["db"].get(title)
            z = large["db"][title]
            def cell(x):
                return f"{x['ms']:.2f} ms" + (f" ({x['rows']} rows)" if "rows" in x else "")
            if a:
                lines.append(f"| {title} | {cell(a)} | {cell(z)} | {z['ms'] / a['ms']:.2f}× |")
            else:
                lines.append(f"| {title} | – | {cell(z)} | – |")
        for title in large["http"]:
            a = small["http"].get(title)
            z = large["http"][title]
            if a:
                lines.append(f"| HTTP p50: {title} | {a['p50_ms']:.1f} ms ({a['rps']:,.0f} req/s) | "
                             f"{z['p50_ms']:.1f} ms ({z['rps']:,.0f} req/s) | {z['p50_ms'] / a['p50_ms']:.2f}× |")
            else:
                lines.append(f"| HTTP p50: {title} | – | {z['p50_ms']:.1f} ms ({z['rps']:,.0f} req/s) | – |")
        lines.append("")
    scale_section = "\n".join(lines)

    plan_lines = ["## Query plans", "",
                  f"Generated by `bench/run.sh scale` on {m['date']} (commit {m['commit']}) over the "
                  f"{args.large:,}-comment database, for the queries a reader's requests run. The SQL is "
                  "what diesel sends (PostgreSQL gets it as a prepared statement; the plans below are "
                  "for the literal values). SQLite runs without `ANALYZE` statistics, as the application "
                  "leaves it, so its choices follow the indexes alone; its plans here come from "
                  f"Python's sqlite3 module (SQLite {sqlite3.sqlite_version}), the server bundles its own "
                  "(libsqlite3-sys).", ""]
    for (b, title), plan in plans.items():
        kind = "EXPLAIN QUERY PLAN" if b == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)"
        plan_lines += [f"### {b}: {title}", "", f"`{kind}`:", "", "```", plan, "```", ""]
    plans_section = "\n".join(plan_lines)
    print(scale_section)
    print(plans_section)
    if not args.no_docs:
        write_between(os.path.join(bench.ROOT, "docs", "performance.md"), SCALE_BEGIN, SCALE_END, scale_section)
        write_between(os.path.join(bench.ROOT, "docs", "database.md"), PLANS_BEGIN, PLANS_END, plans_section)
        bench.log("wrote docs/performance.md and docs/database.md")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({f"{b}/{n}": r for (b, n), r in results.items()}, f, indent=1)
    # A million comments take a gigabyte or more: do not leave them behind.
    if "postgres" in backends:
        bench.psql(bench.PG_ADMIN_URL + "/postgres", f"DROP DATABASE IF EXISTS {bench.PG_SEED_DB}")
    bench.shutil.rmtree(work, ignore_errors=True)


def write_between(path, begin, end, section):
    text = open(path).read() if os.path.exists(path) else ""
    block = f"{begin}\n{section.strip()}\n{end}"
    if begin in text and end in text:
        pre, rest = text.split(begin, 1)
        text = pre + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
