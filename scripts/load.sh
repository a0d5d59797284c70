#!/usr/bin/env bash
# The load requirement of the security issue (docs/security.md, "Load"): 32 concurrent
# clients mixing reads (90 %), comment posts (9 %) and logins (1 %) for 60 s against the
# release binary on 127.0.0.1, on SQLite and on PostgreSQL. Fails if any answer is a
# 5xx, or if the p99 of the reads is 10 times their median or more (argon2 must not
# starve readers). It reuses the load benchmark's seeding, server start and wrk script
# (bench/, scenario "mixed"); figures are printed and kept in target/load.json.
#
#     scripts/load.sh [sqlite|postgres|both] [--duration 60]
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:-both}"
shift || true
out=target/load.json
bench/run.sh "$backend" --scenarios mixed --duration 60 --connections 32 --no-docs --json "$out" "$@"
python3 - "$out" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
failed = False
for name, r in sorted(results.items()):
    m = r["mixed"]
    reads, logins = m["read"], m["login"]
    s5xx = r.get("s5xx", 0)
    ratio = reads["p99_us"] / max(reads["p50_us"], 1)
    ok = s5xx == 0 and ratio < 10 and logins["n"] > 0
    failed |= not ok
    print(f"{name}: {r['wrk']['requests']:,} requests, {s5xx} 5xx, "
          f"reads p50 {reads['p50_us']/1000:.1f} ms p99 {reads['p99_us']/1000:.1f} ms "
          f"(p99/p50 {ratio:.1f}), {logins['n']} logins p50 {logins['p50_us']/1000:.1f} ms, "
          f"{m['comment']['n']} comments -> {'ok' if ok else 'FAILED'}")
sys.exit(1 if failed else 0)
PY
