#!/usr/bin/env python3
"""Issue 5: a comment on a draft with 5,000 followers is answered in milliseconds,
because fan-out happens in the worker, not in the request.

Seeds a draft with 0 and with 5,000 followers (SQLite, release binary), posts 100
comments one after another, and prints the median and p90 response times of the POSTs
and how long the worker then took to write every follower's email.

    python3 bench/fanout.py            # after `cargo build --release`
"""
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as B  # noqa: E402


def post(url, body, token=None):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"content-type": "application/json",
                                          **({"authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"{}")


def run(work, phash, followers):
    db = os.path.join(work, f"fanout-{followers}.db")
    B.run_bin(["migrate"], {"DATABASE_URL": db})
    out = subprocess.run([sys.executable, os.path.join(B.HERE, "seed.py"), "--sqlite", db, "--hash", phash,
                          "--users", "6000", "--followers", str(followers), "--comments", "1000"],
                         check=True, capture_output=True, text=True).stdout
    info = json.loads(out)
    port = B.free_port()
    env = {**os.environ, "DATABASE_URL": db, "PLENARY_RATE_LIMITS": "off", "JWT_SECRET": "x" * 40,
           "PLENARY_MAIL_DIR": os.path.join(work, "mail"), "RUST_LOG": "warn"}
    env.pop("SMTP_URL", None)
    server = subprocess.Popen([B.BIN, "serve", "--bind", f"127.0.0.1:{port}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        token = post(base + "/api/v1/auth/login", {"email": info["user_emails"][-1], "password": B.PASSWORD})["token"]
        times = []
        for i in range(100):
            t0 = time.perf_counter()
            post(f"{base}/api/v1/drafts/{info['draft_id']}/comments",
                 {"paragraph_id": str(info["paragraph_ids"][0]), "body": f"Fan-out probe {i}"}, token)
            times.append((time.perf_counter() - t0) * 1000)
        t0 = time.monotonic()
        con = sqlite3.connect(db)
        while con.execute("SELECT COUNT(*) FROM events WHERE processed_at IS NULL").fetchone()[0] > 0:
            if time.monotonic() - t0 > 600:
                break
            time.sleep(0.2)
        drained = time.monotonic() - t0
        emails = con.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
        con.close()
        times.sort()
        return {"followers": info["followers"], "post_p50_ms": round(statistics.median(times), 2),
                "post_p90_ms": round(times[89], 2), "fanout_drain_s": round(drained, 1), "outbox_rows": emails}
    finally:
        server.kill()
        server.wait()


def main():
    work = tempfile.mkdtemp(prefix="plenary-fanout-")
    phash = B.password_hash(work)
    for followers in (0, 5000):
        print(json.dumps(run(work, phash, followers)), flush=True)


if __name__ == "__main__":
    main()
