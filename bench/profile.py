#!/usr/bin/env python3
"""Instructions per request, counted by callgrind: repeatable on a noisy shared machine
where req/s and latencies are not. Seeds the benchmark's data set, runs the release
binary under `valgrind --tool=callgrind`, and for each request kind zeroes the counters,
sends N sequential requests and dumps them.

    bench/run.sh profile [sqlite|postgres] [--requests 10] [--top 12]
"""

import argparse
import glob
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402


class Profiled(bench.Server):
    """The server under callgrind (slow to start: about 50× slower than native)."""

    def __init__(self, url, work, secret):
        self.work = work
        super().__init__(url, work, secret, wrapper=(
            "valgrind", "--tool=callgrind", "--quiet", f"--callgrind-out-file={work}/callgrind.out.%p"),
            start_timeout=300)

    def control(self, *args):
        subprocess.run(["callgrind_control", *args, str(self.proc.pid)], check=True,
                       stdout=subprocess.DEVNULL)

    def measure(self, send, n):
        """Instructions (Ir) of n calls of send(), and the dump file."""
        self.control("--zero")
        for _ in range(n):
            send()
        before = set(glob.glob(f"{self.work}/callgrind.out.{self.proc.pid}*"))
        self.control("--dump")
        deadline = time.monotonic() + 30
        while True:
            new = set(glob.glob(f"{self.work}/callgrind.out.{self.proc.pid}*")) - before
            if new:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("callgrind wrote no dump")
            time.sleep(0.2)
        path = max(new, key=os.path.getmtime)
        time.sleep(0.5)
        with open(path) as f:
            for line in f:
                if line.startswith("totals:") or line.startswith("summary:"):
                    return int(line.split()[1]), path
        raise RuntimeError(f"no totals in {path}")


def top_functions(path, n):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", f"--threshold=99", path],
                         capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+(.*)", line)
        if m:
            name = re.sub(r"\s*\[.*\]$", "", m.group(3)).split(":", 1)[-1].strip()
            rows.append((int(m.group(1).replace(",", "")), float(m.group(2)), name))
    return rows[:n]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("backend", nargs="?", default="sqlite", choices=["sqlite", "postgres"])
    ap.add_argument("--requests", type=int, default=10)
    ap.add_argument("--top", type=int, default=0, help="also list the top N functions (inclusive)")
    ap.add_argument("--extra-sql")
    ap.add_argument("--kinds", default="comments_page,draft_page,draft_api,post_comment")
    ap.add_argument("--json")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="plenary-profile-")
    bench.log(f"work directory: {work}")
    bench.snapshot_binary(work)
    secret = secrets.token_hex(32)
    phash = bench.password_hash(work)
    seeded = bench.Seeded(args.backend, work, phash, extra_sql=args.extra_sql)
    info = seeded.info
    # The worker fans each new comment out to the draft's followers on its own schedule;
    # without followers that work stays out of the counts of the requests themselves.
    url = seeded.fresh_url()
    if args.backend == "sqlite":
        db = bench.sqlite3.connect(url)
        db.execute("DELETE FROM follows")
        db.commit()
        db.close()
    else:
        bench.psql(url, "DELETE FROM follows")
    d, p = info["draft_id"], info["hottest_paragraph"]
    server = Profiled(url, work, secret)
    results = {}
    try:
        token = bench.login_all(server.base, info["user_emails"][:1])[0]

        def get(path):
            return lambda: urllib.request.urlopen(server.base + path, timeout=600).read()

        para = info["paragraph_ids"][len(info["paragraph_ids"]) // 2]
        kinds = [
            ("comments_page", get(f"/api/v1/drafts/{d}/comments?paragraph_id={p}&limit=200")),
            ("draft_page", get(f"/drafts/{d}")),
            ("draft_api", get(f"/api/v1/drafts/{d}")),
            ("post_comment", lambda: bench.post_json(
                server.base + f"/api/v1/drafts/{d}/comments",
                {"paragraph_id": str(para), "body": "Nous proposons d'ajouter une référence explicite."},
                token)),
        ]
        for name, send in kinds:
            if name not in args.kinds.split(","):
                continue
            send()  # warm: plans prepared, pages cached
            ir, path = server.measure(send, args.requests)
            results[name] = {"ir_per_request": ir // args.requests}
            bench.log(f"{name}: {ir // args.requests:,} instructions per request")
            if args.top:
                results[name]["top"] = top_functions(path, args.top)
                for total, pct, fn in results[name]["top"]:
                    bench.log(f"    {pct:5.1f}%  {fn[:150]}")
    finally:
        server.stop()
    print(json.dumps(results, indent=1))
    if args.top == 0:
        bench.shutil.rmtree(work, ignore_errors=True)
    else:
        bench.log(f"callgrind dumps kept in {work} (callgrind_annotate them; delete afterwards)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
