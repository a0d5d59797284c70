#!/usr/bin/env bash
# Does the API tell which accounts exist by how long it takes to answer? (issue 9)
#
# Starts the release server on a fresh SQLite database with PLENARY_RATE_LIMITS=off,
# then measures, over N requests each (default 200), interleaved so that drift hits both
# sides alike, the median answer time of:
#   - login with an unknown email          vs  a known email with a wrong password
#   - password reset for an unknown email  vs  a known email
#   - registration with a free email       vs  a taken email
# and prints the medians, the difference and the status codes seen. Target: < 5 ms.
#
# Registration answers 409 for a taken email (SPEC §4): its status alone reveals that
# the address has an account, whatever the timing; the per-IP rate limit on registration
# is what bounds that enumeration (docs/security.md).
#
# Usage: scripts/timing.sh [N]        Loopback only; the server is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200}"

cargo build --release --quiet
BIN="$PWD/target/release/plenary"
WORK="$(mktemp -d /tmp/plenary-timing.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

export DATABASE_URL="$WORK/timing.db"
export PLENARY_MAIL_DIR="$WORK/mail"
export PLENARY_RATE_LIMITS=off
export RUST_LOG=warn
"$BIN" migrate >/dev/null
"$BIN" serve --bind "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

python3 - "$PORT" "$N" <<'PY'
import http.client, json, statistics, sys, time, uuid

port, n = int(sys.argv[1]), int(sys.argv[2])
PASSWORD = "Known-account pass 7!Qz"

def post(path, body):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = json.dumps(body)
    t0 = time.perf_counter()
    c.request("POST", "/api/v1" + path, data, {"Content-Type": "application/json"})
    r = c.getresponse()
    payload = r.read()
    dt = (time.perf_counter() - t0) * 1000
    c.close()
    return r.status, dt, payload

def register(email):
    return post("/auth/register", {"email": email, "password": PASSWORD,
                                   "display_name": "Timing person",
                                   "stakeholder_group": "academia"})

known = "known@timing.test"
s, _, b = register(known)
assert s == 201, (s, b)

def fresh():
    return f"nobody-{uuid.uuid4().hex}@timing.test"

pairs = {
    "login": (lambda: post("/auth/login", {"email": fresh(), "password": "Wrong pass 123!x"}),
              lambda: post("/auth/login", {"email": known, "password": "Wrong pass 123!x"}),
              "unknown email", "known email, wrong password"),
    "password reset": (lambda: post("/auth/password-reset", {"email": fresh()}),
                       lambda: post("/auth/password-reset", {"email": known}),
                       "unknown email", "known email"),
    "registration": (lambda: register(fresh()),
                     lambda: register(known),
                     "free email", "taken email"),
}

# Warm up every path (connection pool, page cache, argon2's first allocation).
for a, b_, *_ in pairs.values():
    for _ in range(5):
        a(); b_()

print(f"| request | A | median A (ms) | B | median B (ms) | B − A (ms) | statuses A / B | same body |")
print("|---|---|---|---|---|---|---|---|")
worst = 0.0
for name, (a, b_, la, lb) in pairs.items():
    ta, tb, sa, sb, ba, bb = [], [], set(), set(), set(), set()
    for i in range(n):
        # Alternate which side goes first, so neither always follows the other.
        order = [(a, ta, sa, ba), (b_, tb, sb, bb)] if i % 2 == 0 else [(b_, tb, sb, bb), (a, ta, sa, ba)]
        for f, times, statuses, bodies in order:
            s, dt, payload = f()
            times.append(dt); statuses.add(s); bodies.add(payload)
    ma, mb = statistics.median(ta), statistics.median(tb)
    diff = mb - ma
    if name != "registration":
        worst = max(worst, abs(diff))
    print(f"| {name} | {la} | {ma:.2f} | {lb} | {mb:.2f} | {diff:+.2f} | "
          f"{'/'.join(map(str, sorted(sa)))} / {'/'.join(map(str, sorted(sb)))} | "
          f"{'yes' if ba == bb and len(ba) == 1 else 'no'} |")
print()
print(f"N = {n} requests per side; largest |difference| for login and reset: {worst:.2f} ms "
      f"({'OK' if worst < 5 else 'ABOVE'} the 5 ms target)")
sys.exit(0 if worst < 5 else 1)
PY
