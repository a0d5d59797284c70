#!/usr/bin/env bash
# Property-based tests of the JSON API against its own OpenAPI document (SPEC §4,
# issue 9): schemathesis reads GET /api/openapi.json, generates valid and invalid
# requests for every operation, and fails on any 5xx and on any status, content type
# or body that the document does not promise.
#
# It starts `plenary demo` (the debug binary) on a fresh SQLite file in a temporary
# directory, on a free port of 127.0.0.1, rate limits off, emails written to files;
# signs in as the demo admin, so that every operation is reachable; points the path
# ids of each operation at real demo objects (a consultation, a draft, a paragraph, a
# comment, a participant), so that answers other than 404 are checked too.
#
# Excluded: POST /api/v1/auth/logout, which revokes every token of the admin ("sign
# out everywhere") and would turn the rest of the run into 401s. It is covered by the
# integration tests (tests/integration/access.rs, accounts.rs).
#
# One worker: with two, hypothesis (under CPython 3.11) sometimes dies with
# "SystemError: AST constructor recursion depth mismatch", a runtime error, not a
# finding. Warnings (e.g. "operations mostly rejected generated data": the validators
# are stricter than a schema can say) do not fail the run.
#
# Usage: scripts/schemathesis.sh   (MAX_EXAMPLES=20, SEED=20261128, REPORTS=junit,har)
# Exit status: non-zero on any failure. Reports in target/schemathesis-report/;
# `cd target && schemathesis-venv/bin/st replay <id>` replays a failure. See docs/api.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
VENV=target/schemathesis-venv
MAX_EXAMPLES=${MAX_EXAMPLES:-20}
SEED=${SEED:-20261128}
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,negative_data_rejection,ignored_auth

if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -qF "$SCHEMATHESIS_VERSION"; then
    echo "==> schemathesis $SCHEMATHESIS_VERSION into $VENV"
    python3 -m venv "$VENV" || { echo "needs python3 with venv (apt-get install python3-venv)" >&2; exit 1; }
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

echo "==> cargo build"
cargo build --quiet --bin plenary
BIN="$PWD/target/debug/plenary"

WORK=$(mktemp -d)
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
echo "==> plenary demo on $BASE (database and mail under $WORK)"
(
    cd "$WORK"
    exec env -u SMTP_URL -u JWT_SECRET -u PLENARY_BASE_URL \
        DATABASE_URL="$WORK/demo.db" PLENARY_MAIL_DIR="$WORK/mail" \
        PLENARY_RATE_LIMITS=off PLENARY_STAFF_MFA=optional RUST_LOG=warn \
        "$BIN" demo --bind "127.0.0.1:$PORT"
) >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
    curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
    if ! kill -0 "$SERVER" 2>/dev/null; then
        cat "$WORK/server.log"
        echo "the server did not start" >&2
        exit 1
    fi
    sleep 0.5
done
curl -fsS "$BASE/healthz" >/dev/null

# GET/POST helpers that print the answer's JSON; jq is not assumed, python3 is.
api() { curl -fsS -H "Authorization: Bearer ${TOKEN:-}" -H 'Content-Type: application/json' "$@"; }
field() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

echo "==> signing in as the demo admin"
TOKEN=$(api -X POST "$BASE/api/v1/auth/login" \
    -d '{"email":"admin@demo.plenary","password":"plenary-demo-2025"}' | field 'd["token"]')
CONSULTATION=$(api "$BASE/api/v1/consultations" | field 'd["items"][0]["id"]')
DRAFT=$(api "$BASE/api/v1/consultations/$CONSULTATION" | field 'd["drafts"][0]["id"]')
PARAGRAPH=$(api "$BASE/api/v1/drafts/$DRAFT" | field 'd["paragraphs"][1]["id"]')
COMMENT=$(api "$BASE/api/v1/drafts/$DRAFT/comments?limit=1" | field 'd["items"][0]["id"]')
PARTICIPANT=$(api "$BASE/api/v1/admin/users?role=participant&limit=1" | field 'd["items"][0]["id"]')
# Deleting an account is for good: delete_user gets a participant of its own.
TO_DELETE=$(api "$BASE/api/v1/admin/users?role=participant&limit=2" | field 'd["items"][1]["id"]')
# Only its author edits or withdraws a comment: two of the admin's own for those.
own_comment() {
    api -X POST "$BASE/api/v1/drafts/$DRAFT/comments" \
        -d "{\"paragraph_id\":\"$PARAGRAPH\",\"body\":\"The admin's comment to $1\"}" | field 'd["id"]'
}
TO_EDIT=$(own_comment edit)
TO_WITHDRAW=$(own_comment withdraw)
# Changing a consultation's dates can close it, and a revision makes its draft
# read-only: either would turn every later comment operation into a 409. Those two
# operations get a spare consultation and draft of their own.
SPARE_CONSULTATION=$(api -X POST "$BASE/api/v1/consultations" \
    -d '{"title":"Spare consultation","summary":"For schemathesis"}' | field 'd["id"]')
SPARE_DRAFT=$(api -X POST "$BASE/api/v1/consultations/$SPARE_CONSULTATION/drafts" \
    -d '{"title":"Spare draft","version_label":"Zero draft","text":"# A\n\n1. One.\n\n2. Two.\n"}' | field 'd["id"]')
echo "    consultation $CONSULTATION, draft $DRAFT, paragraph $PARAGRAPH, comment $COMMENT," \
    "own comments $TO_EDIT and $TO_WITHDRAW, participants $PARTICIPANT and $TO_DELETE," \
    "spare consultation $SPARE_CONSULTATION and draft $SPARE_DRAFT"

# The first entry that matches an operation decides: specific ones first.
cat >"$WORK/schemathesis.toml" <<EOF
[[operations]]
include-operation-id = "edit_comment"
parameters = { "path.id" = "$TO_EDIT" }

[[operations]]
include-operation-id = "withdraw_comment"
parameters = { "path.id" = "$TO_WITHDRAW" }

[[operations]]
include-operation-id = "delete_user"
parameters = { "path.id" = "$TO_DELETE" }

[[operations]]
include-operation-id = "update_consultation"
parameters = { "path.id" = "$SPARE_CONSULTATION" }

[[operations]]
include-operation-id = "create_revision"
parameters = { "path.id" = "$SPARE_DRAFT" }

[[operations]]
include-path-regex = "^/api/v1/consultations/"
parameters = { "path.id" = "$CONSULTATION" }

[[operations]]
include-path-regex = "^/api/v1/drafts/"
parameters = { "path.id" = "$DRAFT" }

[[operations]]
include-path-regex = "^/api/v1/paragraphs/"
parameters = { "path.id" = "$PARAGRAPH" }

[[operations]]
include-path-regex = "^/api/v1/comments/"
parameters = { "path.id" = "$COMMENT" }

[[operations]]
include-path-regex = "^/api/v1/admin/users/"
parameters = { "path.id" = "$PARTICIPANT" }
EOF

echo "==> schemathesis $SCHEMATHESIS_VERSION: at most $MAX_EXAMPLES examples per operation, seed $SEED"
# From target/, where its crash cache (for `st replay`) and reports stay out of git.
status=0
cd target
"schemathesis-venv/bin/schemathesis" --config-file "$WORK/schemathesis.toml" run "$BASE/api/openapi.json" \
    --header "Authorization: Bearer $TOKEN" \
    --checks "$CHECKS" \
    --include-path-regex '^/api/' \
    --exclude-path /api/v1/auth/logout \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --workers 1 \
    --request-timeout 30 \
    --generation-database none \
    --report "${REPORTS:-junit}" --report-dir schemathesis-report \
    --no-color || status=$?
if [ "$status" -ne 0 ]; then
    echo "==> schemathesis failed ($status); the server's log:" >&2
    grep -E 'ERROR|panicked' "$WORK/server.log" | tail -n 40 >&2 || true
fi
exit "$status"
