#!/usr/bin/env bash
# Records what the public surface answers, for comparing a refactoring before and after
# (issue 19): the OpenAPI document, and a fixed set of API answers and pages of the demo
# with ids, times, tokens and CSRF values masked (they differ from run to run).
#
#   scripts/answers.sh > before.txt; (change the code); scripts/answers.sh > after.txt
#   diff before.txt after.txt        # empty: no public answer changed
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --bin plenary
BIN="$PWD/target/debug/plenary"
WORK=$(mktemp -d)
SERVER=""
cleanup() {
    [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
    rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
(
    cd "$WORK"
    exec env -u SMTP_URL -u JWT_SECRET -u PLENARY_BASE_URL \
        DATABASE_URL="$WORK/demo.db" PLENARY_MAIL_DIR="$WORK/mail" \
        PLENARY_RATE_LIMITS=off RUST_LOG=warn "$BIN" demo --bind "127.0.0.1:$PORT"
) >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
    curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
    sleep 0.5
done
BASE="$BASE" python3 - <<'PY'
import json, os, re, urllib.request, urllib.error

base = os.environ["BASE"]

def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

MASKS = [
    (r'"\d{15,20}"', '"<id>"'),
    (r'/\d{15,20}', '/<id>'),
    (r'=\d{15,20}', '=<id>'),
    (r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)', '<time>'),
    (r'"token":"[^"]+"', '"token":"<token>"'),
    (r'"expires_at":\d+', '"expires_at":<n>'),
    (r'name="csrf" value="[^"]+"', 'name="csrf" value="<csrf>"'),
    (r'"(next_cursor)":"[^"]+"', r'"\1":"<cursor>"'),
    (r'cursor=[A-Za-z0-9_-]+', 'cursor=<cursor>'),
]

def mask(text):
    for pattern, replacement in MASKS:
        text = re.sub(pattern, replacement, text)
    return text

def show(label, status, text):
    print(mask(f"=== {label}: {status}"))
    print(mask(text))

status, doc = call("GET", "/api/openapi.json")
show("GET /api/openapi.json", status, json.dumps(json.loads(doc), indent=1, sort_keys=True))
_, login = call("POST", "/api/v1/auth/login",
                {"email": "admin@demo.plenary", "password": "plenary-demo-2025"})
token = json.loads(login)["token"]
_, cons = call("GET", "/api/v1/consultations")
consultation = json.loads(cons)["items"][0]["id"]
_, c = call("GET", f"/api/v1/consultations/{consultation}")
draft = json.loads(c)["drafts"][0]["id"]
for method, path, body, tok in [
    ("GET", "/api/v1/consultations", None, None),
    ("GET", f"/api/v1/consultations/{consultation}", None, None),
    ("GET", f"/api/v1/drafts/{draft}/stats", None, None),
    ("GET", f"/api/v1/drafts/{draft}/comments?limit=5", None, None),
    ("GET", f"/api/v1/drafts/{draft}/comments?limit=5", None, token),
    ("GET", "/api/v1/me", None, token),
    ("GET", "/api/v1/me", None, "not-a-token"),
    ("PATCH", "/api/v1/me", {"display_name": "\u0000"}, token),
    ("PATCH", "/api/v1/me", {"display_name": 3}, None),
    ("POST", f"/api/v1/drafts/{draft}/comments", {"body": ""}, token),
    ("POST", "/api/v1/auth/login", {"email": "admin@demo.plenary", "password": "wrong password"}, None),
    ("GET", "/api/v1/admin/users?limit=3", None, token),
    ("GET", "/api/v1/moderation/queue", None, token),
    ("GET", f"/api/v1/drafts/{draft}/dashboard", None, token),
    ("GET", f"/api/v1/drafts/{draft}/export?format=json", None, token),
    ("GET", "/", None, None),
    ("GET", f"/drafts/{draft}", None, None),
    ("GET", "/login", None, None),
    ("GET", "/privacy", None, None),
]:
    status, text = call(method, path, body, tok)
    show(f"{method} {path} {'(admin)' if tok == token else ''}", status, text)
PY
