#!/usr/bin/env python3
"""The load benchmark of issue 11: seeds a consultation, starts the release binary on
127.0.0.1 and drives it with wrk, scenario by scenario, on SQLite and/or PostgreSQL.

Run it through bench/run.sh (which builds the binary and installs wrk); see
bench/README.md. Loopback only; every load run is bounded in time.
"""

import argparse
import datetime as dt
import glob
import json
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Other builds may replace target/release/plenary while we run: main() runs a copy.
BIN = os.environ.get("BENCH_BIN") or os.path.join(ROOT, "target", "release", "plenary")
sys.path.insert(0, HERE)
import seed  # noqa: E402

PASSWORD = "Quorum-7q2vXm-Tunis-Agenda"
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
PG_SEED_DB = "plenary_bench"
PG_RUN_DB = "plenary_bench_run"
MARK_BEGIN = "<!-- bench:load:begin (written by bench/run.sh; edit outside the markers) -->"
MARK_END = "<!-- bench:load:end -->"

# name, title, target text, check(result) -> list of misses
SCENARIOS = [
    ("comments_page", "GET a page of 200 comments of one paragraph (JSON)", "≥ 2,000 req/s, p99 < 50 ms"),
    ("draft_page", "GET /drafts/{id} (HTML, 100 paragraphs)", "≥ 500 req/s, p99 < 100 ms"),
    ("draft_page_signed_in", "GET /drafts/{id} (HTML) signed in: rendered for the reader", "≥ 500 req/s, p99 < 100 ms"),
    ("draft_api", "GET /api/v1/drafts/{id} (counts by group)", "≥ 1,500 req/s"),
    ("post_comment", "POST a comment (JSON, bearer token)", "≥ 1,500 req/s (SQLite), p99 < 50 ms, 0 errors"),
    ("mixed", "mixed: 90 % reads, 9 % comments, 1 % logins", "no 5xx; read p99 < 10 × read p50"),
]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Quiet: no NOTICE for a DROP … IF EXISTS of a database that is not there.
PG_ENV = dict(os.environ, PGOPTIONS="-c client_min_messages=warning")


def psql(url, sql):
    subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", url, "-c", sql], check=True,
                   stdout=subprocess.DEVNULL, env=PG_ENV)


def psql_value(url, sql):
    out = subprocess.run(["psql", "-q", "-X", "-At", url, "-c", sql], check=True,
                         capture_output=True, text=True, env=PG_ENV).stdout
    return out.strip()


def pg_url(db):
    return f"{PG_ADMIN_URL.rstrip('/')}/{db}"


def run_bin(args, env, **kw):
    full = dict(os.environ)
    full.pop("SMTP_URL", None)
    full.update(env)
    return subprocess.run([BIN] + args, env=full, check=True, capture_output=True, text=True, **kw)


def snapshot_binary(work):
    """Copies the binary into the work directory and runs that copy from then on."""
    global BIN
    copy = os.path.join(work, "plenary")
    shutil.copy2(BIN, copy)
    BIN = copy
    return copy


def password_hash(work):
    """One argon2id hash of PASSWORD, made by the binary itself (`plenary admin create`)."""
    path = os.path.join(work, "hash.db")
    run_bin(["admin", "create", "--email", "hash@example.org", "--name", "Hash", "--password-stdin"],
            {"DATABASE_URL": path}, input=PASSWORD + "\n")
    db = sqlite3.connect(path)
    (h,) = db.execute("SELECT password_hash FROM users").fetchone()
    db.close()
    assert h.startswith("$argon2id$"), h
    return h


class Seeded:
    """A seeded database of one backend, copied afresh for every scenario."""

    def __init__(self, backend, work, phash, comments=20000, extra_sql=None):
        self.backend = backend
        self.work = work
        t0 = time.monotonic()
        if backend == "sqlite":
            self.seed_path = os.path.join(work, f"seed-{comments}.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(self.seed_path + suffix):
                    os.remove(self.seed_path + suffix)
            run_bin(["migrate"], {"DATABASE_URL": self.seed_path})
            target = ["--sqlite", self.seed_path]
        else:
            psql(PG_ADMIN_URL + "/postgres", f"DROP DATABASE IF EXISTS {PG_RUN_DB}")
            psql(PG_ADMIN_URL + "/postgres", f"DROP DATABASE IF EXISTS {PG_SEED_DB}")
            psql(PG_ADMIN_URL + "/postgres", f"CREATE DATABASE {PG_SEED_DB}")
            run_bin(["migrate"], {"DATABASE_URL": pg_url(PG_SEED_DB)})
            target = ["--postgres", pg_url(PG_SEED_DB)]
        out = subprocess.run([sys.executable, os.path.join(HERE, "seed.py"), *target, "--hash", phash,
                              "--comments", str(comments)], check=True, capture_output=True, text=True).stdout
        self.info = json.loads(out)
        if extra_sql:
            # Experiments: an index tried on the seeded data without rebuilding the binary.
            sql = open(extra_sql).read()
            if backend == "sqlite":
                db = sqlite3.connect(self.seed_path)
                db.executescript(sql)
                db.close()
            else:
                subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", pg_url(PG_SEED_DB)],
                               input=sql, text=True, check=True, stdout=subprocess.DEVNULL)
        self.seconds = round(time.monotonic() - t0, 1)
        log(f"[{backend}] seeded {self.info['comments']} comments, {self.info['users']} users, "
            f"{self.info['followers']} followers in {self.seconds} s "
            f"(hottest paragraph: {self.info['hottest_count']} comments)")

    def fresh_url(self):
        """A working copy of the seeded database: every scenario starts from the same rows."""
        if self.backend == "sqlite":
            path = os.path.join(self.work, "run.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
            shutil.copyfile(self.seed_path, path)
            return path
        psql(PG_ADMIN_URL + "/postgres", f"DROP DATABASE IF EXISTS {PG_RUN_DB}")
        psql(PG_ADMIN_URL + "/postgres", f"CREATE DATABASE {PG_RUN_DB} TEMPLATE {PG_SEED_DB}")
        return pg_url(PG_RUN_DB)

    def count(self, url, sql):
        if self.backend == "sqlite":
            db = sqlite3.connect(url)
            (v,) = db.execute(sql).fetchone()
            db.close()
            return v
        return int(psql_value(url, sql))


class Server:
    """The release binary, serving on a free loopback port."""

    def __init__(self, url, work, secret, pool_size=None, wrapper=(), start_timeout=60):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        mail = os.path.join(work, "mail")
        shutil.rmtree(mail, ignore_errors=True)
        os.makedirs(mail)
        env = dict(os.environ)
        env.pop("SMTP_URL", None)
        env.update({
            "DATABASE_URL": url,
            "PLENARY_BIND": f"127.0.0.1:{self.port}",
            "PLENARY_RATE_LIMITS": "off",
            "PLENARY_MAIL_DIR": mail,
            "JWT_SECRET": secret,
            "RUST_LOG": "warn",
        })
        if pool_size:
            env["PLENARY_POOL_SIZE"] = str(pool_size)
        self.log = open(os.path.join(work, "server.log"), "a")
        self.proc = subprocess.Popen([*wrapper, BIN, "serve"], env=env, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start; see {self.log.name}")
            time.sleep(0.1)

    def status(self, field):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def sched(self):
        """Seconds the server's threads ran, and waited runnable for a CPU (schedstat)."""
        run = wait = 0
        for task in glob.glob(f"/proc/{self.proc.pid}/task/*/schedstat"):
            try:
                with open(task) as f:
                    r, w, _ = f.read().split()
            except (OSError, ValueError):
                continue
            run += int(r)
            wait += int(w)
        return run / 1e9, wait / 1e9

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def post_json(url, body, token=None):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def login_all(base, emails):
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(
            lambda e: post_json(base + "/api/v1/auth/login", {"email": e, "password": PASSWORD})["token"],
            emails))


def wrk(base, path, script, duration, connections, threads, env):
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s",
           "-s", script, base + path]
    full = dict(os.environ)
    full.update(env)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, env=full, capture_output=True, text=True, timeout=duration + 60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise RuntimeError(f"wrk failed: {out.stderr}\n{out.stdout}")
    res = {"wrk_cpu_s": round((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), 2)}
    for line in out.stdout.splitlines():
        for tag, key in (("BENCH_WRK ", "wrk"), ("BENCH_STATUS ", "status"), ("BENCH_MIXED ", "mixed")):
            if line.startswith(tag):
                res[key] = json.loads(line[len(tag):])
    if "wrk" not in res:
        raise RuntimeError(f"no summary from wrk:\n{out.stdout}\n{out.stderr}")
    return res


def script(work, name):
    """A scenario script with the common JSON reporter appended."""
    path = os.path.join(work, f"{name}.lua")
    with open(path, "w") as out:
        for part in (f"{name}.lua", "common.lua"):
            with open(os.path.join(HERE, "wrk", part)) as f:
                out.write(f.read() + "\n")
    return path


def run_scenario(name, seeded, work, secret, files, duration, warmup, connections, pool_size=None):
    info = seeded.info
    draft = info["draft_id"]
    page = f"/api/v1/drafts/{draft}/comments?paragraph_id={info['hottest_paragraph']}&limit=200"
    url = seeded.fresh_url()
    server = Server(url, work, secret, pool_size)
    try:
        env = {"BENCH_DRAFT": str(draft), "BENCH_TOKENS": files["tokens"],
               "BENCH_PARAGRAPHS": files["paragraphs"], "BENCH_PARENTS": files["parents"],
               "BENCH_EMAILS": files["emails"], "BENCH_PASSWORD": PASSWORD, "BENCH_PAGE_PATH": page}
        threads = 2
        if name == "comments_page":
            path, lua = page, script(work, "get")
        elif name == "draft_page":
            path, lua = f"/drafts/{draft}", script(work, "get")
        elif name == "draft_page_signed_in":
            # Signed-out pages are kept and served again (src/reads.rs); a signed-in
            # reader's page is rendered for them on every request.
            with open(files["tokens"]) as f:
                token = f.readline().strip()
            env["BENCH_HEADER"] = f"Cookie: plenary_session={token}"
            path, lua = f"/drafts/{draft}", script(work, "get")
            probe = urllib.request.Request(server.base + path, headers={"Cookie": f"plenary_session={token}"})
            with urllib.request.urlopen(probe, timeout=10) as r:
                if b'action="/logout"' not in r.read():
                    raise RuntimeError("the session cookie did not sign the reader in")
        elif name == "draft_api":
            path, lua = f"/api/v1/drafts/{draft}", script(work, "get")
        elif name == "post_comment":
            path, lua = "/", script(work, "post")
        else:
            path, lua, threads = "/", script(work, "mixed"), connections
        if warmup:
            wrk(server.base, path, lua, warmup, connections, threads, env)
        comments_before = seeded.count(url, "SELECT COUNT(*) FROM comments")
        outbox_before = seeded.count(url, "SELECT COUNT(*) FROM outbox")
        load0 = os.getloadavg()[0]
        cpu0 = server.cpu_seconds()
        run0, wait0 = server.sched()
        res = wrk(server.base, path, lua, duration, connections, threads, env)
        res["server_cpu_s"] = round(server.cpu_seconds() - cpu0, 2)
        run1, wait1 = server.sched()
        res["sched_run_s"], res["sched_wait_s"] = round(run1 - run0, 2), round(wait1 - wait0, 2)
        res["load_before"] = round(load0, 2)
        res["load_after"] = round(os.getloadavg()[0], 2)
        res["rss_peak_kb"] = server.status("VmHWM")
        if name in ("post_comment", "mixed"):
            res["comments_added"] = seeded.count(url, "SELECT COUNT(*) FROM comments") - comments_before
            res["events_waiting"] = seeded.count(url, "SELECT COUNT(*) FROM events WHERE processed_at IS NULL")
            res["outbox_rows"] = seeded.count(url, "SELECT COUNT(*) FROM outbox") - outbox_before
    finally:
        server.stop()
    w = res["wrk"]
    secs = w["duration_us"] / 1e6
    res["rps"] = w["requests"] / secs if secs else 0
    res["errors"] = w["connect"] + w["read"] + w["write"] + w["timeout"] + w["status"]
    if "status" in res:
        res["non2xx"] = sum(v for k, v in res["status"].items() if not k.startswith("2"))
        res["s5xx"] = sum(v for k, v in res["status"].items() if k.startswith("5"))
    if "mixed" in res:
        res["s5xx"] = sum(v for kind in res["mixed"].values() for k, v in kind["status"].items()
                          if k.startswith("5") and kind is not res["mixed"].get("read"))
    return res


def verdict(name, backend, r):
    """Which targets of issue 11 a result meets: ('meets' | 'misses: …')."""
    misses = []
    p99 = r["wrk"]["p99_us"] / 1000
    if name == "comments_page":
        if r["rps"] < 2000: misses.append("req/s")
        if p99 >= 50: misses.append("p99")
    elif name in ("draft_page", "draft_page_signed_in"):
        if r["rps"] < 500: misses.append("req/s")
        if p99 >= 100: misses.append("p99")
    elif name == "draft_api":
        if r["rps"] < 1500: misses.append("req/s")
    elif name == "post_comment":
        if backend == "sqlite" and r["rps"] < 1500: misses.append("req/s")
        if p99 >= 50: misses.append("p99")
        if r["errors"] or r.get("non2xx"): misses.append("errors")
    elif name == "mixed":
        read = r["mixed"].get("read", {})
        if r.get("s5xx"): misses.append("5xx")
        if read and read["p99_us"] >= 10 * read["p50_us"]: misses.append("read p99/p50")
    return "meets" if not misses else "misses " + ", ".join(misses)


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    def git(*a):
        try:
            return subprocess.run(["git", "-C", ROOT, *a], capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"
    dirty = " (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": (git("rev-parse", "--short", "HEAD") or "?") + dirty,
        "cpus": os.cpu_count(),
        "cpu": model,
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "wrk": (re.findall(r"wrk \S*?(\d+\.\d+\.\d+)",
                           subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout) or ["?"])[0],
    }


def fmt_ms(us):
    return f"{us / 1000:.1f}" if us < 100_000 else f"{us / 1000:.0f}"


def table(results, backends):
    """Markdown table: one row per scenario, the backends side by side."""
    head = "| scenario | target |"
    sep = "|---|---|"
    for b in backends:
        head += f" {b}: req/s | p50 ms | p99 ms | errors | server CPU ms/req | peak RSS MB | verdict |"
        sep += "---:|---:|---:|---:|---:|---:|---|"
    lines = [head, sep]
    for name, title, target in SCENARIOS:
        if not any((b, name) in results for b in backends):
            continue
        row = f"| {title} | {target} |"
        for b in backends:
            r = results.get((b, name))
            if not r:
                row += " – | – | – | – | – | – | – |"
                continue
            w = r["wrk"]
            errs = r["errors"] if "non2xx" not in r else max(r["errors"], r["non2xx"])
            if name == "mixed":
                errs = f"{errs} ({r.get('s5xx', 0)} 5xx)"
            cpu_ms = 1000 * r["server_cpu_s"] / max(1, w["requests"])
            row += (f" {r['rps']:,.0f} | {fmt_ms(w['p50_us'])} | {fmt_ms(w['p99_us'])} | {errs} | "
                    f"{cpu_ms:.2f} | {r['rss_peak_kb'] / 1024:.0f} | {verdict(name, b, r)} |")
        lines.append(row)
    return "\n".join(lines)


def details(results, backends):
    out = []
    for b in backends:
        for name, title, _ in SCENARIOS:
            r = results.get((b, name))
            if not r:
                continue
            w = r["wrk"]
            cpu_ms = 1000 * r["server_cpu_s"] / max(1, w["requests"])
            share = 100 * r["server_cpu_s"] / (w["duration_us"] / 1e6) / (os.cpu_count() or 1)
            line = (f"- {b} / {name}: {w['requests']:,} requests in {w['duration_us'] / 1e6:.1f} s; "
                    f"p90 {fmt_ms(w['p90_us'])} ms, max {fmt_ms(w['max_us'])} ms; "
                    f"server CPU {r['server_cpu_s']:.1f} s ({cpu_ms:.2f} ms/request, {share:.0f} % of the cores), "
                    f"wrk CPU {r['wrk_cpu_s']:.1f} s; its threads waited {r.get('sched_wait_s', 0):.1f} s "
                    f"runnable for a CPU; load average {r['load_before']} before, {r['load_after']} after")
            if "status" in r:
                line += f"; statuses {json.dumps(r['status'], sort_keys=True)}"
            if "comments_added" in r:
                line += (f"; {r['comments_added']:,} comments stored during the run, {r['events_waiting']:,} "
                         f"notification events still waiting for the worker at its end, "
                         f"{r['outbox_rows']:,} emails queued during the run")
            out.append(line)
            if "mixed" in r:
                for kind, m in sorted(r["mixed"].items()):
                    out.append(f"  - {kind}: {m['n']:,} requests, p50 {fmt_ms(m['p50_us'])} ms, "
                               f"p99 {fmt_ms(m['p99_us'])} ms, statuses {json.dumps(m['status'], sort_keys=True)}")
    return "\n".join(out)


def write_docs(path, section):
    """Replaces our section of docs/performance.md between the markers; keeps the rest."""
    text = open(path).read() if os.path.exists(path) else "# Performance\n"
    block = f"{MARK_BEGIN}\n{section.strip()}\n{MARK_END}"
    if MARK_BEGIN in text and MARK_END in text:
        pre, rest = text.split(MARK_BEGIN, 1)
        post = rest.split(MARK_END, 1)[1]
        text = pre + block + post
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    with open(path, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("backend", nargs="?", default="both", choices=["sqlite", "postgres", "both"])
    ap.add_argument("--duration", type=int, default=15, help="seconds per scenario (10–30)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--scenarios", default=",".join(s[0] for s in SCENARIOS))
    ap.add_argument("--pool-size", type=int, default=None, help="PLENARY_POOL_SIZE for the server")
    ap.add_argument("--no-docs", action="store_true", help="print the table only")
    ap.add_argument("--json", help="also write the raw results here")
    ap.add_argument("--label", default="", help="a note printed above the table")
    ap.add_argument("--extra-sql", help="SQL run on the seeded database before the scenarios (experiments)")
    args = ap.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    wanted = args.scenarios.split(",")
    work = tempfile.mkdtemp(prefix="plenary-bench-")
    log(f"work directory: {work}")
    snapshot_binary(work)
    secret = secrets.token_hex(32)
    phash = password_hash(work)
    results = {}
    seeds = {}
    try:
        for b in backends:
            seeded = Seeded(b, work, phash, extra_sql=args.extra_sql)
            seeds[b] = seeded
            info = seeded.info
            # Tokens for 64 different participants, made once (JWTs signed with our
            # JWT_SECRET stay valid across server restarts and the fresh copies).
            server = Server(seeded.fresh_url(), work, secret)
            try:
                tokens = login_all(server.base, info["user_emails"][:64])
            finally:
                server.stop()
            files = {k: os.path.join(work, f"{k}.txt") for k in ("tokens", "paragraphs", "parents", "emails")}
            with open(files["tokens"], "w") as f:
                f.write("\n".join(tokens) + "\n")
            with open(files["paragraphs"], "w") as f:
                f.write("\n".join(str(p) for p in info["paragraph_ids"]) + "\n")
            with open(files["emails"], "w") as f:
                f.write("\n".join(info["user_emails"][:200]) + "\n")
            # Published top-level comments to reply to.
            if b == "sqlite":
                db = sqlite3.connect(seeded.seed_path)
                parents = [r[0] for r in db.execute(
                    "SELECT id FROM comments WHERE parent_id IS NULL AND status = 'published' ORDER BY id LIMIT 500")]
                db.close()
            else:
                parents = psql_value(pg_url(PG_SEED_DB),
                                     "SELECT id FROM comments WHERE parent_id IS NULL AND status = 'published' "
                                     "ORDER BY id LIMIT 500").split()
            with open(files["parents"], "w") as f:
                f.write("\n".join(str(p) for p in parents) + "\n")
            for name, title, _ in SCENARIOS:
                if name not in wanted:
                    continue
                log(f"[{b}] {name}: {args.duration} s at {args.connections} connections ...")
                r = run_scenario(name, seeded, work, secret, files, args.duration, args.warmup,
                                 args.connections, args.pool_size)
                results[(b, name)] = r
                log(f"[{b}] {name}: {r['rps']:,.0f} req/s, p50 {fmt_ms(r['wrk']['p50_us'])} ms, "
                    f"p99 {fmt_ms(r['wrk']['p99_us'])} ms, errors {r['errors']}"
                    + (f", statuses {r['status']}" if "status" in r else "")
                    + f", peak RSS {r['rss_peak_kb'] / 1024:.0f} MB, {verdict(name, b, r)}")
    finally:
        if "postgres" in backends:
            try:
                psql(PG_ADMIN_URL + "/postgres", f"DROP DATABASE IF EXISTS {PG_RUN_DB}")
            except subprocess.CalledProcessError:
                pass
    m = machine()
    seeds_line = "; ".join(
        f"{b}: {s.info['comments']:,} comments ({s.info['replies']:,} replies, {s.info['amendments']:,} amendments), "
        f"{s.info['users']:,} accounts, {s.info['followers']:,} followers, seeded in {s.seconds} s"
        for b, s in seeds.items())
    section = f"""## Load benchmark (bench/run.sh)

Measured {m['date']} on commit {m['commit']}; {m['cpus']} cores ({m['cpu']}), {m['ram_gib']} GiB RAM,
Linux {m['kernel']}; wrk {m['wrk']} on the same machine (loopback), {args.connections} connections,
{args.duration} s per scenario after a {args.warmup} s warm-up, a fresh copy of the seeded database and a
fresh server process per scenario (so peak RSS is per scenario). Release build, `PLENARY_RATE_LIMITS=off`,
emails to files, SQLite with `synchronous=FULL`; PostgreSQL 15 on the same machine.
{('Run: ' + args.label) if args.label else ''}

Data: {seeds_line}.

{table(results, backends)}

Errors count socket errors, timeouts and non-2xx answers. Server CPU is the plenary
process's user+system time over the measured run divided by its requests; on PostgreSQL
the database's own work runs in its processes and is not included. Details:

{details(results, backends)}
"""
    print()
    print(section)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({f"{b}/{n}": r for (b, n), r in results.items()}, f, indent=1)
    if not args.no_docs:
        write_docs(os.path.join(ROOT, "docs", "performance.md"), section)
        log("wrote docs/performance.md")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
