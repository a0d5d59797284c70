#!/usr/bin/env bash
# Dashboard benchmark (the speed bar of issue 8: the dashboard of a draft with 100,000
# comments in under 200 ms): seeds N comments (default 100,000) into one draft with
# bench/seed.py, starts the release server and times GET /drafts/{id}/dashboard, one
# warm-up request and then RUNS timed ones; prints the best and the median.
#
#   bench/dashboard.sh [sqlite|postgres|both] [N]   needs python3 and curl (psql for PostgreSQL)
#   RUNS=9 bench/dashboard.sh sqlite                 timed requests per backend (default 5)
#   BENCH_SKIP_BUILD=1 bench/dashboard.sh            reuses target/release/plenary as it is
#   BENCH_PG_URL=postgres://user@host:port ...       another server (default the local one);
#                                                    its database plenary_bench_dashboard is
#                                                    dropped and recreated, and dropped at the end
set -euo pipefail
cd "$(dirname "$0")/.."

WHAT=${1:-both}
N=${2:-100000}
RUNS=${RUNS:-5}
PORT=${PORT:-18182}
PG_URL=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432}
PG_DB=plenary_bench_dashboard
case "$WHAT" in
    sqlite | postgres) BACKENDS=$WHAT ;;
    both) BACKENDS="sqlite postgres" ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
for tool in python3 curl; do
    command -v "$tool" >/dev/null || { echo "bench/dashboard.sh needs $tool" >&2; exit 1; }
done
if [[ $BACKENDS == *postgres* ]] && ! psql -X -q "$PG_URL/postgres" -c 'SELECT 1' >/dev/null 2>&1; then
    echo "PostgreSQL does not answer at $PG_URL (set BENCH_PG_URL); try: bench/dashboard.sh sqlite" >&2
    exit 2
fi

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    cargo build --release -q
fi
WORK=$(mktemp -d /tmp/plenary-dashboard-bench.XXXXXX)
# A copy, so that a build finishing meanwhile does not change the binary mid-run.
cp target/release/plenary "$WORK/plenary"
BIN=$WORK/plenary
SERVER=
DROP_PG=
stop_server() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    SERVER=
}
cleanup() {
    stop_server
    if [ -n "$DROP_PG" ]; then
        psql -X -q "$PG_URL/postgres" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
export PLENARY_MAIL_DIR=$WORK/mail PLENARY_RATE_LIMITS=off RUST_LOG=warn
export PGOPTIONS="-c client_min_messages=warning"

ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '\nDashboard of one draft with %s comments (bench/seed.py); %s cores; load average: %s\n\n' \
    "$N" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| backend | published | seeding (s) | best (ms) | median of %s (ms) |\n' "$RUNS"
printf '|---|---:|---:|---:|---:|\n'
for backend in $BACKENDS; do
    if [ "$backend" = sqlite ]; then
        export DATABASE_URL=$WORK/bench.db
        rm -f "$DATABASE_URL"*
        seed_target=(--sqlite "$DATABASE_URL")
    else
        psql -X -q "$PG_URL/postgres" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
        psql -X -q "$PG_URL/postgres" -c "CREATE DATABASE $PG_DB" >/dev/null
        DROP_PG=1
        export DATABASE_URL=$PG_URL/$PG_DB
        seed_target=(--postgres "$DATABASE_URL")
    fi
    "$BIN" migrate >/dev/null
    seed_start=$(date +%s.%N)
    # Nobody signs in here, so the accounts' password hash need not be a real one.
    info=$(python3 bench/seed.py "${seed_target[@]}" --hash unused --comments "$N" --followers 0)
    seed_end=$(date +%s.%N)
    draft=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["draft_id"])' <<<"$info")
    count="SELECT COUNT(*) FROM comments WHERE draft_id = $draft AND status = 'published'"
    if [ "$backend" = sqlite ]; then
        published=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
            "$DATABASE_URL" "$count")
    else
        # What autovacuum does after a bulk load: statistics and the visibility map.
        psql -X -q "$DATABASE_URL" -c 'VACUUM ANALYZE' >/dev/null
        published=$(psql -X -q -At "$DATABASE_URL" -c "$count")
    fi

    "$BIN" serve --bind "127.0.0.1:$PORT" >>"$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
        sleep 0.1
    done
    url="http://127.0.0.1:$PORT/drafts/$draft/dashboard"
    code=$(curl -sS -o /dev/null -w '%{http_code}' "$url")
    [ "$code" = 200 ] || { echo "the dashboard answered $code on $backend" >&2; exit 1; }
    : >"$WORK/times"
    for _ in $(seq 1 "$RUNS"); do
        curl -sS -o /dev/null -w '%{time_total}\n' "$url" >>"$WORK/times"
    done
    stop_server
    printf '| %s | %s | %.1f | %s | %s |\n' "$backend" "$published" \
        "$(awk -v a="$seed_start" -v b="$seed_end" 'BEGIN { print b - a }')" \
        "$(ms "$(sort -g "$WORK/times" | head -n1)")" "$(ms "$(median "$WORK/times")")"
done
