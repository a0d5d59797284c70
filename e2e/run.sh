#!/usr/bin/env bash
# End-to-end tests of Plenary's pages in Debian's headless Chromium.
#
# Builds the binary, starts an SMTP sink and `plenary demo` on free ports of 127.0.0.1
# with a throw-away database, waits for /healthz, runs the tests (node --test), then
# stops everything. Exits non-zero when a test fails.
#
#   e2e/run.sh                              # every test file
#   e2e/run.sh tests/2-a11y.test.mjs         # some of them (paths relative to e2e/)
#   E2E_KEEP=1 e2e/run.sh                   # keep the temporary folder (logs, emails)
#
# Needs: /usr/bin/chromium (apt-get install -y chromium), node 20+, and `npm ci` in e2e/.
set -euo pipefail

E2E="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$E2E/.." && pwd)"
CHROMIUM="${E2E_CHROMIUM:-/usr/bin/chromium}"

say() { printf '[e2e] %s\n' "$*"; }

if [ ! -x "$CHROMIUM" ]; then
    say "no Chromium at $CHROMIUM: install Debian's package with 'apt-get install -y chromium'"
    exit 2
fi
if [ ! -d "$E2E/node_modules/playwright-core" ]; then
    say "installing the npm packages (npm ci)"
    (cd "$E2E" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

say "building plenary (debug)"
(cd "$ROOT" && cargo build --quiet --bin plenary)
BIN="$ROOT/target/debug/plenary"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/plenary-e2e.XXXXXX")"
SINK_PID=""
SERVER_PID=""
cleanup() {
    local code=$?
    for pid in $SERVER_PID $SINK_PID; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    if [ "${E2E_KEEP:-}" = "1" ] || [ "$code" -ne 0 ]; then
        say "logs, emails and downloads kept in $TMP"
    else
        rm -rf "$TMP"
    fi
    exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

mkdir -p "$TMP/mail" "$TMP/run" "$TMP/out"
node "$E2E/smtp-sink.mjs" --dir "$TMP/mail" --port-file "$TMP/smtp.port" >"$TMP/sink.log" 2>&1 &
SINK_PID=$!
for _ in $(seq 1 100); do [ -s "$TMP/smtp.port" ] && break; sleep 0.1; done
[ -s "$TMP/smtp.port" ] || { say "the SMTP sink did not start:"; cat "$TMP/sink.log"; exit 1; }
SMTP_PORT="$(cat "$TMP/smtp.port")"

PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
say "starting plenary demo on $BASE (SMTP sink on 127.0.0.1:$SMTP_PORT)"
# In a folder of its own, so that no .env of the work tree is read.
(
    cd "$TMP/run"
    exec env -u JWT_SECRET -u PLENARY_BIND \
        DATABASE_URL="$TMP/plenary-e2e.db" \
        SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" \
        PLENARY_BASE_URL="$BASE" \
        PLENARY_MAIL_DIR="$TMP/mail-files" \
        PLENARY_REQUIRE_VERIFIED_EMAIL=true \
        RUST_LOG="${RUST_LOG:-info,plenary::http=warn}" \
        "$BIN" demo --bind "127.0.0.1:$PORT"
) >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 120); do
    if curl -fsS "$BASE/healthz" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        say "the server stopped:"; cat "$TMP/server.log"; exit 1
    fi
    sleep 0.5
done
curl -fsS "$BASE/healthz" >/dev/null || { say "no answer on /healthz:"; tail -50 "$TMP/server.log"; exit 1; }

if [ "$#" -gt 0 ]; then
    FILES=("$@")
else
    FILES=(tests/1-screens.test.mjs tests/2-a11y.test.mjs tests/3-flows-mouse.test.mjs tests/4-flows-keyboard.test.mjs tests/5-word-upload.test.mjs)
fi

say "running ${FILES[*]}"
set +e
(
    cd "$E2E"
    PLENARY_BASE_URL="$BASE" \
    E2E_MAIL_DIR="$TMP/mail" \
    E2E_OUT_DIR="$TMP/out" \
    E2E_SCREENSHOT_DIR="${E2E_SCREENSHOT_DIR:-$ROOT/docs/screenshots}" \
    E2E_CHROMIUM="$CHROMIUM" \
        node --test --test-concurrency=1 --test-timeout=600000 "${FILES[@]}"
)
STATUS=$?
set -e

for report in axe-report.md page-weights.md; do
    if [ -f "$TMP/out/$report" ]; then
        printf '\n[e2e] %s\n' "$report"
        cat "$TMP/out/$report"
    fi
done
if [ "$STATUS" -ne 0 ]; then
    say "failed; the server's last log lines:"
    tail -40 "$TMP/server.log"
fi
exit "$STATUS"
