#!/usr/bin/env python3
"""Seeds a migrated Plenary SQLite database with one draft and N comments for the
export benchmark (bench/export.sh). Prints the draft id.

Usage: seed_export.py DATABASE_FILE N

The mix is what a large consultation looks like: 600 participants across the six
stakeholder groups, 150 paragraphs, about 20 % replies, 5 % amendments, 10 % general
comments, 6 % of comments hidden, withdrawn, pending or rejected, three attributions,
bodies of 200-800 characters with Arabic, Chinese and accented text, and a few cells
that start like spreadsheet formulas.
"""
import random
import sqlite3
import sys
from datetime import datetime, timedelta

GROUPS = ["government", "private_sector", "civil_society", "academia",
          "technical_community", "international_organization"]
COUNTRIES = ["KE", "BR", "CN", "EG", "FR", "IN", "US", "JP", "NG", "DE", None]
WORDS = ("the draft should recognise meaningful connectivity capacity building data "
         "governance human rights multistakeholder cooperation digital divides "
         "financing mechanisms review process internet governance forum action lines "
         "sustainable development goals accountability transparency").split()
EXTRA = ["يؤكد أهمية التعاون الرقمي بين جميع أصحاب المصلحة.",
         "我们强调数字合作对于可持续发展的重要性。",
         "La coopération numérique à Genève et à São Paulo reste essentielle.",
         "=SUM(A1:A9) is not a formula here.", "-10 per cent would be too little."]


def text(rng, lo, hi):
    out = []
    while sum(len(w) + 1 for w in out) < rng.randint(lo, hi):
        out.append(rng.choice(WORDS))
    s = " ".join(out).capitalize() + "."
    if rng.random() < 0.25:
        s = rng.choice(EXTRA) + " " + s
    return s


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(42)
    db = sqlite3.connect(path)
    start = datetime(2026, 1, 5, 8, 0, 0)
    fmt = "%Y-%m-%d %H:%M:%S"
    next_id = [10**15]

    def new_id():
        next_id[0] += 1
        return next_id[0]

    users = []
    rows = []
    admin = new_id()
    rows.append((admin, "admin@bench.example", "admin@bench.example", "x", "Secretariat",
                 "international_organization", "Secretariat", None, "admin", 1, 1, 0,
                 "off", 0, start.strftime(fmt)))
    for i in range(600):
        uid = new_id()
        group = GROUPS[i % 6]
        users.append((uid, group, f"{group} org {i % 40}", rng.choice(COUNTRIES), i % 3 == 0))
        email = f"bench{i}@bench.example"
        rows.append((uid, email, email, "x", f"Participant {i}", group, users[-1][2],
                     users[-1][3], "participant", int(users[-1][4]), 1, 0, "off", 0,
                     start.strftime(fmt)))
    db.executemany("INSERT INTO users (id, email, email_lower, password_hash, display_name, "
                   "stakeholder_group, organization, country, role, affiliation_verified, "
                   "email_verified, suspended, notification_mode, token_version, created_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    consultation = new_id()
    db.execute("INSERT INTO consultations (id, title, summary, opens_at, closes_at, moderation, "
               "created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
               (consultation, "Benchmark consultation", "Export benchmark",
                start.strftime(fmt), "2099-01-01 00:00:00", "post", admin, start.strftime(fmt)))
    draft = new_id()
    db.execute("INSERT INTO drafts (id, consultation_id, title, version_label, previous_draft_id, "
               "read_only, created_at) VALUES (?,?,?,?,?,?,?)",
               (draft, consultation, "WSIS+20 Outcome document", "Zero draft", None, 0,
                start.strftime(fmt)))
    paragraphs = []
    for number in range(1, 151):
        pid = new_id()
        ptext = f"{number}. " + text(rng, 250, 600)
        paragraphs.append((pid, ptext))
        db.execute("INSERT INTO paragraphs (id, draft_id, number, label, section, text, tags) "
                   "VALUES (?,?,?,?,?,?,?)",
                   (pid, draft, number, str(number), f"Section {(number - 1) // 20 + 1}",
                    ptext, ""))

    comments = []
    earlier = []  # (id, paragraph_id) of comments that can be replied to
    t = start
    for i in range(n):
        cid = new_id()
        t += timedelta(seconds=rng.randint(1, 30))
        uid, group, org, country, verified = rng.choice(users)
        r = rng.random()
        parent, kind, proposed = None, "comment", None
        if r < 0.20 and earlier:
            parent, paragraph = rng.choice(earlier)
        elif r < 0.30:
            paragraph = None
        else:
            p = rng.choice(paragraphs)
            paragraph = p[0]
            if r > 0.95:
                kind = "amendment"
                words = p[1].split()
                words.insert(rng.randint(1, len(words)), rng.choice(WORDS))
                proposed = " ".join(words)
        s = rng.random()
        status = ("published" if s < 0.94 else "hidden" if s < 0.96 else
                  "withdrawn" if s < 0.98 else "pending" if s < 0.99 else "rejected")
        a = rng.random()
        attribution = "name" if a < 0.7 else "organization" if a < 0.9 else "group"
        edited = (t + timedelta(hours=1)).strftime(fmt) if rng.random() < 0.05 else None
        comments.append((cid, draft, paragraph, parent, kind, text(rng, 200, 800), proposed,
                         status, attribution, uid, group, org, country, int(verified), 0,
                         t.strftime(fmt), edited))
        if status == "published" and len(earlier) < 50000:
            earlier.append((cid, paragraph))
    db.executemany("INSERT INTO comments (id, draft_id, paragraph_id, parent_id, kind, body, "
                   "proposed_text, status, attribution, author_id, author_group, "
                   "author_organization, author_country, author_verified, flag_count, "
                   "created_at, edited_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   comments)
    db.commit()
    db.close()
    print(draft)


if __name__ == "__main__":
    main()
