#!/usr/bin/env python3
"""The "nothing acknowledged is lost" harness (issue 9); scripts/crash.sh prepares the
database and runs this with: BINARY BACKEND WORKDIR.

Writer threads post comments with bearer tokens and keep every 201 with its id. The
server is killed with SIGKILL three times under load and started again; after each kill
every acknowledged comment must be in the database exactly once, with its
comment_published event. On PostgreSQL the cluster is then stopped abruptly under load:
the server must answer 503 (never a 500, never details), and recover by itself once the
cluster is back. Prints a table of figures; exits 1 on any loss.
"""
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

BIN, BACKEND, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
DATABASE_URL = os.environ["DATABASE_URL"]
PG_VERSION = os.environ.get("PG_VERSION", "")
WRITERS = 6
LOAD_SECONDS = 6.0
OUTAGE_SECONDS = 8.0
PASSWORD = "Crash-harness pass 7!Qz"
LEAK_WORDS = ["diesel", "postgres", "sql", "r2d2", "libpq", "panicked", "connection refused",
              "server closed", "backtrace", "src/"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


PORT = free_port()
BASE = f"http://127.0.0.1:{PORT}"


def call(method, path, body=None, token=None, timeout=30):
    """(status, text) or (None, error) when the connection failed."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except Exception as e:  # refused, reset, timed out: not an answer
        return None, type(e).__name__


class Server:
    def __init__(self):
        self.proc = None
        self.log = open(os.path.join(WORK, "server.log"), "ab")

    def start(self):
        t0 = time.time()
        self.proc = subprocess.Popen([BIN, "serve", "--bind", f"127.0.0.1:{PORT}"],
                                     stdout=self.log, stderr=self.log)
        while time.time() - t0 < 60:
            if self.proc.poll() is not None:
                sys.exit(f"the server exited at start with {self.proc.returncode}; see {WORK}/server.log")
            status, _ = call("GET", "/healthz", timeout=2)
            if status == 200:
                return time.time() - t0
            time.sleep(0.05)
        sys.exit("the server did not answer /healthz within 60 s")

    def kill(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


# ------------------------------------------------------------------------------------
# The database, read directly


def query(sql):
    if BACKEND == "sqlite":
        con = sqlite3.connect(DATABASE_URL, timeout=30)
        try:
            return [tuple(str(c) for c in row) for row in con.execute(sql).fetchall()]
        finally:
            con.close()
    out = subprocess.run(["psql", "-X", "-At", "-F", "\t", DATABASE_URL, "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


def check(acked, draft_id):
    """Every acknowledged comment once, with its body and one comment_published event."""
    rows = query(f"SELECT id, body FROM comments WHERE draft_id = {draft_id}")
    by_id = {}
    by_body = {}
    for cid, body in rows:
        by_id.setdefault(cid, []).append(body)
        by_body[body] = by_body.get(body, 0) + 1
    events = {}
    for (cid,) in query("SELECT comment_id FROM events WHERE kind = 'comment_published'"):
        events[cid] = events.get(cid, 0) + 1
    problems = []
    found = 0
    for cid, body in acked:
        if by_id.get(cid) != [body]:
            problems.append(f"comment {cid} answered 201 but the database has {by_id.get(cid)}")
            continue
        if by_body.get(body) != 1:
            problems.append(f"comment {cid} is stored {by_body.get(body)} times")
            continue
        if events.get(cid) != 1:
            problems.append(f"comment {cid} has {events.get(cid, 0)} comment_published events")
            continue
        found += 1
    return found, problems


# ------------------------------------------------------------------------------------
# Load


class Load:
    def __init__(self, draft_id, paragraph_id, tokens):
        self.draft_id, self.paragraph_id, self.tokens = draft_id, paragraph_id, tokens
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.acked = []
        self.phase = "start"
        self.stats = {}
        self.samples = []  # (phase, status, text) of 5xx answers
        self.last_created = 0.0

    def count(self, key):
        with self.lock:
            s = self.stats.setdefault(self.phase, {"tried": 0, "201": 0, "5xx": 0, "503": 0,
                                                   "500": 0, "no answer": 0, "other": 0})
            s[key] += 1

    def writer(self, n):
        token = self.tokens[n]
        seq = 0
        while not self.stop.is_set():
            seq += 1
            body = f"crash {n}-{seq} {uuid.uuid4().hex}"
            self.count("tried")
            status, text = call("POST", f"/api/v1/drafts/{self.draft_id}/comments",
                                {"paragraph_id": self.paragraph_id, "body": body}, token)
            if status == 201:
                cid = json.loads(text)["id"]
                with self.lock:
                    self.acked.append((str(cid), body))
                    self.last_created = time.time()
                self.count("201")
            elif status is None:
                self.count("no answer")
                time.sleep(0.02)
            elif status >= 500:
                self.count("5xx")
                if status in (500, 503):
                    self.count(str(status))
                with self.lock:
                    if len(self.samples) < 200:
                        self.samples.append((self.phase, status, text))
            else:
                self.count("other")
                with self.lock:
                    if len(self.samples) < 200:
                        self.samples.append((self.phase, status, text))

    def reader(self):
        while not self.stop.is_set():
            for path in ("/healthz", "/api/v1/consultations"):
                status, text = call("GET", path)
                if status is not None and status >= 500:
                    with self.lock:
                        key = f"reads {status}"
                        s = self.stats.setdefault(self.phase, {})
                        s[key] = s.get(key, 0) + 1
                        if len(self.samples) < 200:
                            self.samples.append((self.phase, status, text))
            time.sleep(0.05)

    def start(self):
        self.threads = [threading.Thread(target=self.writer, args=(i,), daemon=True)
                        for i in range(len(self.tokens))]
        self.threads.append(threading.Thread(target=self.reader, daemon=True))
        for t in self.threads:
            t.start()

    def finish(self):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=60)

    def snapshot(self):
        with self.lock:
            return list(self.acked)


def setup(server):
    subprocess.run([BIN, "admin", "create", "--email", "admin@crash.test", "--name", "Admin",
                    "--password-stdin"], input=PASSWORD + "\n", text=True, check=True,
                   capture_output=True)
    server.start()
    s, t = call("POST", "/api/v1/auth/login", {"email": "admin@crash.test", "password": PASSWORD})
    assert s == 200, (s, t)
    admin = json.loads(t)["token"]
    s, t = call("POST", "/api/v1/consultations", {"title": "Crash", "summary": "Harness"}, admin)
    assert s == 201, (s, t)
    cons = json.loads(t)["id"]
    s, t = call("POST", f"/api/v1/consultations/{cons}/drafts",
                {"title": "Outcome", "version_label": "Zero draft",
                 "text": "# Part\n\n1. Commits to connectivity.\n"}, admin)
    assert s == 201, (s, t)
    draft = json.loads(t)
    tokens = []
    for i in range(WRITERS):
        email = f"writer{i}@crash.test"
        s, t = call("POST", "/api/v1/auth/register",
                    {"email": email, "password": PASSWORD, "display_name": f"Writer {i}",
                     "stakeholder_group": "civil_society"})
        assert s == 201, (s, t)
        s, t = call("POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})
        assert s == 200, (s, t)
        tokens.append(json.loads(t)["token"])
    return draft["id"], draft["paragraphs"][0]["id"], tokens


def leaks(text):
    low = text.lower()
    return [w for w in LEAK_WORDS if w in low]


def main():
    server = Server()
    draft_id, paragraph_id, tokens = setup(server)
    load = Load(draft_id, paragraph_id, tokens)
    failures = []
    table = []
    load.phase = "load before kill 1"
    load.start()
    for k in (1, 2, 3):
        time.sleep(LOAD_SECONDS)
        server.kill()
        phase = load.phase
        time.sleep(0.3)  # let answers in flight land in the list
        acked = load.snapshot()
        found, problems = check(acked, draft_id)
        failures += problems
        load.phase = f"down after kill {k}"
        restart = server.start()
        s = load.stats.get(phase, {})
        down = load.stats.get(f"down after kill {k}", {})
        table.append((f"kill {k}", s.get("tried", 0) + down.get("tried", 0), s.get("201", 0),
                      s.get("5xx", 0) + down.get("5xx", 0),
                      s.get("no answer", 0) + down.get("no answer", 0), len(acked), found,
                      f"{restart:.1f} s"))
        load.phase = f"load before kill {k + 1}" if k < 3 else "load after kill 3"
    time.sleep(LOAD_SECONDS)

    outage = None
    if BACKEND == "postgres":
        load.phase = "postgres down"
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, "main",
                        "stop", "-m", "immediate"], check=True)
        t_down = time.time()
        time.sleep(OUTAGE_SECONDS)
        down_stats = dict(load.stats.get("postgres down", {}))
        load.phase = "postgres back"
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, "main",
                        "start"], check=True)
        t_up = time.time()
        before = load.last_created
        recovered = None
        while time.time() - t_up < 60:
            if load.last_created > before and load.last_created > t_up:
                recovered = load.last_created - t_up
                break
            time.sleep(0.1)
        status, _ = call("GET", "/healthz")
        outage = (down_stats, t_up - t_down, recovered, status, server.alive())
        if recovered is None:
            failures.append("no comment was accepted within 60 s of PostgreSQL coming back")
        if not server.alive():
            failures.append("the server process died while PostgreSQL was down")
        time.sleep(LOAD_SECONDS / 2)

    load.phase = "stopping"
    load.finish()
    acked = load.snapshot()
    found, problems = check(acked, draft_id)
    failures += problems
    s = {}
    for name, st in load.stats.items():
        if name.startswith("load after") or name.startswith("postgres back"):
            for key, v in st.items():
                s[key] = s.get(key, 0) + v
    table.append(("end", s.get("tried", 0), s.get("201", 0), s.get("5xx", 0),
                  s.get("no answer", 0), len(acked), found, ""))
    server.stop()

    # A 5xx is acceptable only as a 503 while PostgreSQL is down, and never with details.
    for phase, status, text in load.samples:
        if status >= 500 and not (phase == "postgres down" or phase == "postgres back"):
            failures.append(f"{status} during '{phase}': {text[:200]}")
        elif status >= 500 and status != 503:
            failures.append(f"{status} (not 503) while PostgreSQL was down: {text[:200]}")
        if status >= 500 and leaks(text):
            failures.append(f"a {status} shows {leaks(text)}: {text[:200]}")
        if 400 <= status < 500:
            failures.append(f"unexpected {status} during '{phase}': {text[:200]}")

    print(f"\nbackend: {BACKEND}; {WRITERS} writers; {LOAD_SECONDS:.0f} s of load between kills\n")
    print("| after | requests tried | answered 201 | 5xx | no answer (killed/refused) "
          "| acknowledged so far | found once, with event | restart |")
    print("|---|---|---|---|---|---|---|---|")
    for row in table:
        print("| " + " | ".join(str(c) for c in row) + " |")
    if outage:
        st, secs, recovered, health, alive = outage
        codes = ", ".join(f"{k}: {v}" for k, v in sorted(st.items()))
        print(f"\nPostgreSQL stopped (-m immediate) under load, down for {secs:.1f} s: {codes}")
        print(f"first comment accepted {recovered:.1f} s after the cluster was started; "
              f"/healthz then {health}; server process alive: {alive}"
              if recovered is not None else "the server did not recover")
        samples = [t for p, s_, t in load.samples if p.startswith("postgres") and s_ >= 500]
        if samples:
            print(f"a 5xx body while down: {samples[0][:200]}")
    if failures:
        print(f"\nFAILED: {len(failures)} problems")
        for f in failures[:50]:
            print("  " + f)
        sys.exit(1)
    print(f"\nOK: all {len(acked)} acknowledged comments are stored once, each with its event")


if __name__ == "__main__":
    main()
