#!/usr/bin/env bash
# "Nothing acknowledged is lost" (SPEC §8, issue 9): writers post comments against the
# real release server while it is killed with SIGKILL three times and restarted; then
# every comment that was answered 201 must be in the database exactly once, with its
# comment_published event row (the notification outbox).
#
#   scripts/crash.sh            SQLite (a file under /tmp)
#   scripts/crash.sh postgres   PostgreSQL, database plenary_crash on
#                               postgres://postgres@127.0.0.1:5432; then also stops the
#                               cluster abruptly (pg_ctlcluster … stop -m immediate)
#                               under load: the server must answer 503 meanwhile, never a
#                               500 or a leak of details, and recover by itself.
#
# Loopback only, bounded in time (about a minute). The PostgreSQL cluster is always
# started again on the way out, even when the harness fails.
set -euo pipefail
cd "$(dirname "$0")/.."
BACKEND="${1:-sqlite}"

cargo build --release --quiet
WORK="$(mktemp -d /tmp/plenary-crash.XXXXXX)"
PG_VERSION=""

restart_cluster() {
    if [ -n "$PG_VERSION" ] && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
        echo "crash.sh: starting the PostgreSQL cluster again" >&2
        pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start || true
        for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
    fi
}
cleanup() {
    restart_cluster
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

case "$BACKEND" in
    sqlite)
        DATABASE_URL="$WORK/crash.db"
        ;;
    postgres)
        PG_VERSION="$(ls /etc/postgresql | head -n1)"
        restart_cluster
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS plenary_crash WITH (FORCE)"
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE plenary_crash"
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/plenary_crash"
        ;;
    *)
        echo "usage: $0 [sqlite|postgres]" >&2
        exit 2
        ;;
esac

export DATABASE_URL PG_VERSION
export PLENARY_MAIL_DIR="$WORK/mail"
export PLENARY_RATE_LIMITS=off
export PLENARY_REQUIRE_VERIFIED_EMAIL=false
export RUST_LOG=warn
BIN="$PWD/target/release/plenary"
"$BIN" migrate >/dev/null
python3 scripts/crash.py "$BIN" "$BACKEND" "$WORK"
