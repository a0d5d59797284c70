#!/usr/bin/env bash
# The load benchmark of issue 11 and the scale check of issue 3; see bench/README.md.
#   bench/run.sh [sqlite|postgres|both] [--duration 15] [...]   load scenarios → docs/performance.md
#   bench/run.sh scale [--postgres] [--large 1000000]             1,000 vs 1,000,000 comments,
#                                                                 query plans → docs/database.md
#   bench/run.sh profile [sqlite|postgres] [--top 12]             instructions per request (callgrind)
#   bench/run.sh smoke                                            2 s per scenario, SQLite, no docs
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-both}
[ $# -gt 0 ] && shift

if ! command -v wrk >/dev/null 2>&1; then
    echo "installing wrk (Debian package) ..." >&2
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
fi
if [ "$what" = postgres ] || [ "$what" = both ] || [[ " $* " == *" --postgres "* || " $* " == *" postgres "* ]]; then
    url=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432}
    if ! psql -X -q "$url/postgres" -c 'SELECT 1' >/dev/null 2>&1; then
        echo "PostgreSQL does not answer at $url (set BENCH_PG_URL); try: bench/run.sh sqlite" >&2
        exit 2
    fi
fi
# One release build, reused by every scenario. BENCH_SKIP_BUILD=1 keeps the binary as is.
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    cargo build --release --quiet
fi

case "$what" in
    sqlite|postgres|both) exec python3 bench/bench.py "$what" "$@" ;;
    scale) exec python3 bench/scale.py "$@" ;;
    profile)
        command -v valgrind >/dev/null 2>&1 || apt-get install -y -qq valgrind >/dev/null
        exec python3 bench/profile.py "$@" ;;
    smoke) exec python3 bench/bench.py sqlite --duration 2 --warmup 0 --no-docs "$@" ;;
    *) sed -n '2,7p' "$0" >&2; exit 2 ;;
esac
