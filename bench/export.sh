#!/usr/bin/env bash
# Export benchmark (issue 6): seeds N comments (default 100,000) into a fresh SQLite
# database, starts the release server, downloads the draft's input in each format and
# reports the time, the size, the server's peak memory during that download, and how
# long other requests took meanwhile; then times `sqlite3 -csv` dumping the same rows.
#
#   bench/export.sh [N]          needs python3, sqlite3 and curl (and cargo to build)
#   RUNS=5 bench/export.sh       timed downloads per format (default 3; the median is shown)
#
# Peak memory: the kernel's VmHWM (peak RSS) of a server process started afresh for each
# format, after that format's downloads. Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
PORT=${PORT:-18181}
RUNS=${RUNS:-3}
for tool in python3 sqlite3 curl; do
    command -v "$tool" >/dev/null || { echo "bench/export.sh needs $tool" >&2; exit 1; }
done

cargo build --release -q
BIN=$PWD/target/release/plenary
WORK=$(mktemp -d /tmp/plenary-export-bench.XXXXXX)
SERVER=
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

export DATABASE_URL=$WORK/bench.db PLENARY_MAIL_DIR=$WORK/mail PLENARY_RATE_LIMITS=off RUST_LOG=warn
"$BIN" migrate >/dev/null
seed_start=$(date +%s.%N)
DRAFT=$(python3 bench/seed_export.py "$DATABASE_URL" "$N")
seed_end=$(date +%s.%N)
PUBLISHED=$(sqlite3 "$DATABASE_URL" "SELECT COUNT(*) FROM comments WHERE draft_id=$DRAFT AND status='published'")

# A fresh server for each format, so that each peak is that format's own.
start_server() {
    "$BIN" serve --bind "127.0.0.1:$PORT" >>"$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
        sleep 0.1
    done
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null
}
stop_server() {
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
}

kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$SERVER/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Requests other visitors make meanwhile: the consultation list, every 100 ms, at most
# 3,000 times; prints the slowest, in milliseconds.
probe() {
    local stop=$1 out=$2
    : >"$out"
    for _ in $(seq 1 3000); do
        [ -e "$stop" ] && break
        curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/api/v1/consultations" >>"$out" || true
        sleep 0.1
    done
}

printf '\nExport of %s comments (%s published) on SQLite; seeding took %.1f s\n' \
    "$N" "$PUBLISHED" "$(awk -v a="$seed_start" -v b="$seed_end" 'BEGIN { print b - a }')"
start_server
printf 'server RSS when started: %s MiB; %s cores; load average before: %s\n\n' \
    "$(mib "$(kib VmRSS)")" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
stop_server
printf '| format | time (s), median of %s | size (MiB) | server peak RSS (MiB), all runs | slowest other request (ms) |\n' "$RUNS"
printf '|---|---:|---:|---:|---:|\n'
url() { echo "http://127.0.0.1:$PORT/api/v1/drafts/$DRAFT/export?format=$1"; }
# One untimed download first, so that every format (and sqlite3 below) reads a warm cache.
start_server
curl -sS -o /dev/null "$(url csv)"
stop_server
for format in csv json xlsx html docx; do
    start_server
    rm -f "$WORK/stop"
    probe "$WORK/stop" "$WORK/probe.$format" &
    PROBE=$!
    : >"$WORK/times.$format"
    for _ in $(seq 1 "$RUNS"); do
        result=$(curl -sS -o "$WORK/out.$format" -w '%{time_total} %{size_download} %{http_code}' "$(url "$format")")
        read -r secs bytes code <<<"$result"
        [ "$code" = 200 ] || { echo "export $format answered $code" >&2; exit 1; }
        echo "$secs" >>"$WORK/times.$format"
    done
    touch "$WORK/stop"
    wait "$PROBE"
    secs=$(median "$WORK/times.$format")
    slowest=$(sort -g "$WORK/probe.$format" | tail -n1)
    printf '| %s | %.2f | %.1f | %s | %.0f |\n' "$format" "$secs" \
        "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" "$(mib "$(kib VmHWM)")" \
        "$(awk -v s="${slowest:-0}" 'BEGIN { print s * 1000 }')"
    stop_server
    eval "TIME_$format=$secs"
done

# The same rows and columns straight from SQLite, as the floor to compare the CSV with.
QUERY="SELECT c.id AS comment_id, c.parent_id, p.number AS paragraph_number,
  p.label AS paragraph_label, c.kind, c.author_group AS stakeholder_group,
  CASE WHEN c.attribution IN ('name', 'organization') THEN c.author_organization ELSE '' END AS organization,
  CASE WHEN c.attribution IN ('name', 'organization') THEN c.author_country END AS country,
  CASE WHEN c.attribution = 'name' THEN u.display_name END AS author,
  CASE WHEN c.author_verified THEN 'true' ELSE 'false' END AS affiliation_verified,
  c.status, c.created_at, c.edited_at, c.body, c.proposed_text
FROM comments c JOIN users u ON u.id = c.author_id LEFT JOIN paragraphs p ON p.id = c.paragraph_id
WHERE c.draft_id = $DRAFT AND c.status = 'published' ORDER BY c.id;"
: >"$WORK/times.sqlite"
for _ in $(seq 1 "$RUNS"); do
    sqlite_start=$(date +%s.%N)
    sqlite3 -csv -header "$DATABASE_URL" "$QUERY" >"$WORK/sqlite.csv"
    sqlite_end=$(date +%s.%N)
    awk -v a="$sqlite_start" -v b="$sqlite_end" 'BEGIN { print b - a }' >>"$WORK/times.sqlite"
done
SQLITE=$(median "$WORK/times.sqlite")

rows() { python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig"))) - 1)' "$1"; }
printf '\nsqlite3 -csv, same rows: %.2f s, median of %s (%s rows; the export has %s)\n' "$SQLITE" "$RUNS" \
    "$(rows "$WORK/sqlite.csv")" "$(rows "$WORK/out.csv")"
printf 'CSV export / sqlite3 -csv: %.2f×\n' "$(awk -v a="$TIME_csv" -v b="$SQLITE" 'BEGIN { print a / b }')"
