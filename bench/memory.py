#!/usr/bin/env python3
"""The server's memory after a storm of comments (issue 20).

Seeds the load benchmark's consultation (bench/seed.py: 20,000 comments, 2,000 accounts),
starts the release binary with its default settings, signs 32 accounts in through the
API at once (argon2id, as a real rush of participants would), then posts --posts
comments (default 6,000) over 16 keep-alive connections, the accounts in turn; waits
for the worker to settle and reads the server's resident memory (VmRSS) and its peak
(VmHWM) from /proc. With --more N, posts N more and reads them again.

    bench/memory.py [sqlite|postgres] [--posts 6000] [--more 100000] [--env KEY=VALUE ...]
    BENCH_SKIP_BUILD=1 BENCH_BIN=path/to/plenary bench/memory.py ...

--env adds a variable to the server's environment (one change at a time: MALLOC_ARENA_MAX=2,
PLENARY_READ_CACHE_MB=0, PLENARY_POOL_SIZE=4 ...). Prints one JSON line and a table row.
Loopback only; nothing here asserts a figure.
"""

import argparse
import http.client
import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402


def post_storm(base, tokens, draft, paragraphs, n, connections):
    """Posts n comments over `connections` keep-alive connections; returns (seconds, statuses)."""
    host, port = base.removeprefix("http://").split(":")
    counter = iter(range(n))
    lock = threading.Lock()
    statuses = {}

    def worker(w):
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            body = json.dumps({
                "paragraph_id": str(paragraphs[i % len(paragraphs)]),
                "body": f"Storm comment {i}: we ask that this paragraph name affordability targets "
                        "for meaningful connectivity and the role of community networks.",
            })
            conn.request("POST", f"/api/v1/drafts/{draft}/comments", body=body, headers={
                "Content-Type": "application/json",
                "Authorization": "Bearer " + tokens[i % len(tokens)],
            })
            r = conn.getresponse()
            r.read()
            with lock:
                statuses[r.status] = statuses.get(r.status, 0) + 1
        conn.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - t0, statuses


def settle(server, seconds=3.0):
    """Waits until the resident size stops moving (the worker's fan-out), at most `seconds`."""
    last = server.status("VmRSS")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = server.status("VmRSS")
        if abs(now - last) < 256:
            break
        last = now
    return server.status("VmRSS")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("backend", nargs="?", default="sqlite", choices=["sqlite", "postgres"])
    ap.add_argument("--posts", type=int, default=6000)
    ap.add_argument("--more", type=int, default=0)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--accounts", type=int, default=32)
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE for the server")
    ap.add_argument("--label", default="defaults")
    args = ap.parse_args()
    if not os.environ.get("BENCH_SKIP_BUILD"):
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=bench.ROOT, check=True)
    extra = dict(kv.split("=", 1) for kv in args.env)
    work = tempfile.mkdtemp(prefix="plenary-memory-")
    bench.snapshot_binary(work)
    secret = secrets.token_hex(32)
    phash = bench.password_hash(work)
    seeded = bench.Seeded(args.backend, work, phash)
    info = seeded.info
    saved = {k: os.environ.get(k) for k in extra}
    os.environ.update(extra)
    try:
        server = bench.Server(seeded.fresh_url(), work, secret)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    try:
        start = server.status("VmRSS")
        emails = info["user_emails"][: args.accounts]
        t0 = time.monotonic()
        with ThreadPoolExecutor(args.connections) as pool:
            tokens = list(pool.map(
                lambda e: bench.post_json(server.base + "/api/v1/auth/login",
                                          {"email": e, "password": bench.PASSWORD})["token"],
                emails))
        logins_s = time.monotonic() - t0
        after_logins = settle(server)
        secs, statuses = post_storm(server.base, tokens, info["draft_id"], info["paragraph_ids"],
                                    args.posts, args.connections)
        after = settle(server)
        peak = server.status("VmHWM")
        result = {
            "label": args.label, "backend": args.backend, "env": extra,
            "start_mib": round(start / 1024, 1), "after_logins_mib": round(after_logins / 1024, 1),
            "after_posts_mib": round(after / 1024, 1), "peak_mib": round(peak / 1024, 1),
            "logins_s": round(logins_s, 2), "posts": args.posts, "posts_per_s": round(args.posts / secs), "statuses": statuses,
            "threads": len(os.listdir(f"/proc/{server.proc.pid}/task")),
        }
        if args.more:
            secs, more = post_storm(server.base, tokens, info["draft_id"], info["paragraph_ids"],
                                    args.more, args.connections)
            result["after_more_mib"] = round(settle(server) / 1024, 1)
            result["peak_after_more_mib"] = round(server.status("VmHWM") / 1024, 1)
            result["more_statuses"] = more
    finally:
        server.stop()
    print(json.dumps(result))
    print(f"| {args.label} | {result['start_mib']} | {result['after_logins_mib']} | "
          f"{result['after_posts_mib']} | {result['peak_mib']} | {result['posts_per_s']:,} | {result['logins_s']} |"
          + (f" {result['after_more_mib']} |" if args.more else ""))


if __name__ == "__main__":
    main()
