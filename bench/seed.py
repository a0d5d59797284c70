#!/usr/bin/env python3
"""Seeds a realistic consultation into a freshly migrated Plenary database, fast.

Bulk SQL, not HTTP: Python's sqlite3 module for SQLite, one `psql` COPY stream for
PostgreSQL. The schema must already exist (`plenary migrate`). Everything is derived
from a fixed random seed, so two runs seed the same rows.

    seed.py --sqlite PATH --hash PHC [--comments 20000]
    seed.py --postgres URL --hash PHC [--comments 20000]

Ids are BIGINTs far below the application's own (~2^58, time-ordered), strictly
increasing in creation order within each table, so rows the server adds later sort
after the seeded ones exactly as real ones would.
"""

import argparse
import datetime as dt
import itertools
import json
import random
import sqlite3
import subprocess
import sys
import time

ADMIN_ID = 1_000_000
USER_BASE = 1_000_001
CONSULTATION_ID = 2_000_000
DRAFT_ID = 2_100_000
PARAGRAPH_BASE = 2_200_001
COMMENT_BASE = 10_000_001

GROUPS = [
    ("civil_society", 30),
    ("private_sector", 20),
    ("government", 15),
    ("academia", 15),
    ("technical_community", 12),
    ("international_organization", 8),
]

FIRST = {
    "latin": ["Ana", "José", "Zoë", "Søren", "Łukasz", "Chloé", "Mariana", "Björn", "Amélie",
              "Ngozi", "Kwame", "Priya", "Aroha", "Tomás", "Inês", "Oğuz", "Nguyễn", "Fatou"],
    "arabic": ["محمد", "فاطمة", "أحمد", "ليلى", "يوسف", "مريم"],
    "chinese": ["王", "李", "张", "刘", "陈", "杨"],
    "cyrillic": ["Анна", "Иван", "Ольга", "Дмитрий"],
}
LAST = {
    "latin": ["Ramírez", "Müller", "Okafor", "Kierkegård", "Nowak", "Lefèvre", "da Silva",
              "Åberg", "Mensah", "Sharma", "Ngata", "Fernández", "Çelik", "Văn An", "Diallo"],
    "arabic": ["العلي", "حسن", "الخطيب", "منصور", "السيد"],
    "chinese": ["芳", "伟", "秀英", "敏", "静", "磊"],
    "cyrillic": ["Петрова", "Смирнов", "Кузнецова", "Соколов"],
}
ORGS = {
    "civil_society": ["Association for Progressive Communications", "Access Now",
                      "Réseau des Femmes Numériques", "Red de Derechos Digitales", ""],
    "private_sector": ["Telecom Group plc", "Nube Soluciones S.A.", "中国数字科技有限公司",
                       "Global Cable Consortium", ""],
    "government": ["Ministry of ICT", "Ministère du Numérique", "وزارة الاتصالات وتقنية المعلومات",
                   "Federal Office of Communications"],
    "academia": ["Université de Genève", "Universidad de Chile", "University of Nairobi",
                 "清华大学", ""],
    "technical_community": ["Internet Society", "Regional Internet Registry", "IETF participant",
                            "Asociación de Ingenieros de Red", ""],
    "international_organization": ["ITU", "UNESCO", "UNCTAD", "UNDP"],
}
COUNTRIES = ["KE", "BR", "FR", "DE", "CN", "IN", "EG", "SA", "US", "CH", "NG", "CL", "JP",
             "RU", "ZA", "MX", "ID", "TR", "VN", "SN", "NZ", "PL", "SE", "AR"]

SENTENCES = {
    "en": [
        "We welcome the emphasis on meaningful connectivity, but the paragraph should name affordability targets.",
        "The reference to the digital divide needs to recognise the gender gap explicitly.",
        "This paragraph should reaffirm the multistakeholder model as set out in the Tunis Agenda.",
        "We propose adding a reference to community networks and small operators.",
        "The language on artificial intelligence is too vague to guide any national policy.",
        "Capacity building for developing countries must be funded, not merely encouraged.",
        "We suggest aligning the monitoring of the Action Lines with the Global Digital Compact.",
        "Cybersecurity should be framed around human rights and the security of users, not only of states.",
        "The text should mention the role of the Internet Governance Forum and its national initiatives.",
        "Data governance deserves its own paragraph, with clear reference to privacy and cross-border flows.",
        "We support this paragraph as drafted.",
        "Please clarify who is responsible for reporting on progress, and how often.",
        "Persons with disabilities must be named among the groups to be reached.",
        "Open standards and interoperability are missing from this section.",
    ],
    "fr": [
        "Nous saluons l'accent mis sur la connectivité, mais le paragraphe devrait préciser des objectifs chiffrés.",
        "La fracture numérique entre zones rurales et urbaines reste très préoccupante en Afrique de l'Ouest.",
        "Il conviendrait de réaffirmer le rôle des États membres et de la société civile à égalité.",
        "Les données personnelles doivent être protégées conformément au droit international des droits de l'homme.",
    ],
    "es": [
        "Reconocemos la importancia de la conectividad significativa para las comunidades indígenas.",
        "El párrafo debería mencionar la brecha de género y la participación de las niñas en la ciencia.",
        "Proponemos añadir una referencia explícita a la inteligencia artificial responsable.",
    ],
    "ar": [
        "نؤكد على أهمية سد الفجوة الرقمية بين البلدان المتقدمة والبلدان النامية.",
        "ينبغي أن تشير هذه الفقرة إلى دور المجتمع المدني في حوكمة الإنترنت.",
        "نقترح إضافة إشارة واضحة إلى حماية البيانات الشخصية والخصوصية.",
    ],
    "zh": [
        "我们强调弥合数字鸿沟对于实现可持续发展目标至关重要。",
        "本段应明确提及发展中国家的能力建设和技术转让。",
        "建议增加关于人工智能治理和数据安全的内容。",
    ],
    "ru": [
        "Мы подчеркиваем важность преодоления цифрового разрыва между странами.",
        "В этом пункте следует упомянуть роль технического сообщества.",
    ],
}
LANGS = [("en", 70), ("fr", 8), ("es", 6), ("ar", 6), ("zh", 5), ("ru", 5)]
LANG_NAMES = [l for l, _ in LANGS]
LANG_CUM = list(itertools.accumulate(w for _, w in LANGS))

SECTIONS = [
    "Preamble",
    "Bridging digital divides",
    "Artificial intelligence and emerging technologies",
    "Building confidence and security in the use of ICTs",
    "Follow-up and review of the WSIS Action Lines",
]
PARA_TEXT = [
    "Recognizing that meaningful, affordable and universal connectivity remains a precondition for the achievement of the Sustainable Development Goals,",
    "Reaffirming the people-centred, inclusive and development-oriented vision of the World Summit on the Information Society,",
    "Calls upon all stakeholders to redouble efforts to close the digital divides within and between countries, including the gender digital divide,",
    "Encourages Member States to develop national strategies on artificial intelligence that respect human rights and promote transparency and accountability,",
    "Underlines the importance of international cooperation in building confidence and security in the use of information and communication technologies,",
    "Requests the Commission on Science and Technology for Development to continue to review the implementation of the Action Lines,",
    "Welcomes the Global Digital Compact and invites the relevant entities to align its follow-up with the WSIS architecture,",
]


def ts(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


def body_text(rng, lo, hi, lang=None):
    """A comment body of lo..hi characters, log-uniform, in one language or several."""
    target = int(round(lo * (hi / lo) ** rng.random()))
    lang = lang or rng.choices(LANG_NAMES, cum_weights=LANG_CUM)[0]
    pool = SENTENCES[lang]
    parts, n = [], 0
    while n < target:
        s = rng.choice(pool)
        if parts and rng.random() < 0.15:
            s = "\n\n" + s
        parts.append(s)
        n += len(s) + 1
    text = " ".join(parts)[:target].strip()
    if len(text) < lo:
        text = (text + " " + pool[0])[:lo]
    return text


class Data:
    """Every row, generated once from a seeded RNG."""

    def __init__(self, n_users, n_comments, n_followers, n_paragraphs, password_hash, seed=42):
        rng = random.Random(seed)
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
        start = now - dt.timedelta(days=30)
        self.now = now
        self.users = []
        admin = (ADMIN_ID, "bench-admin@example.org", "bench-admin@example.org", password_hash,
                 "Bench Secretariat", "international_organization", "Secretariat", "CH",
                 "admin", True, True, False, "off", 0, ts(start))
        self.users.append(admin)
        gnames = [g for g, _ in GROUPS]
        gweights = [w for _, w in GROUPS]
        modes = ["immediate", "daily_digest", "off"]
        for i in range(n_users):
            script = rng.choices(["latin", "arabic", "chinese", "cyrillic"], [70, 12, 12, 6])[0]
            first, last = rng.choice(FIRST[script]), rng.choice(LAST[script])
            name = f"{last}{first}" if script == "chinese" else f"{first} {last}"
            group = rng.choices(gnames, gweights)[0]
            email = f"bench-user-{i:05d}@example.org"
            country = None if rng.random() < 0.05 else rng.choice(COUNTRIES)
            self.users.append((
                USER_BASE + i, email, email, password_hash, name, group,
                rng.choice(ORGS[group]), country, "participant", rng.random() < 0.3, True,
                False, rng.choices(modes, [50, 35, 15])[0], 0,
                ts(start + dt.timedelta(seconds=i)),
            ))
        self.consultation = (CONSULTATION_ID, "WSIS+20 review: zero draft consultation",
                             "Benchmark consultation, open for comments.",
                             ts(now - dt.timedelta(days=31)), ts(now + dt.timedelta(days=365)),
                             "post", ADMIN_ID, ts(start))
        self.draft = (DRAFT_ID, CONSULTATION_ID, "Outcome document of the WSIS+20 review",
                      "Zero draft", None, False, ts(start))
        self.paragraphs = []
        preamble = n_paragraphs // 5
        for n in range(1, n_paragraphs + 1):
            section = SECTIONS[0] if n <= preamble else SECTIONS[1 + (n - preamble - 1) * 4 // max(1, n_paragraphs - preamble)]
            label = f"PP{n}" if n <= preamble else f"{n - preamble}."
            text = " ".join(rng.choice(PARA_TEXT) for _ in range(rng.randint(1, 3)))
            tags = " ".join(sorted(rng.sample(["C1", "C2", "C5", "C7", "SDG4", "SDG5", "SDG9", "SDG17"], rng.randint(0, 2))))
            self.paragraphs.append((PARAGRAPH_BASE + n - 1, DRAFT_ID, n, label, section, text, tags))

        # Some paragraphs draw far more comments than others (Zipf-like), some people
        # write far more than others; a twentieth are general comments on the draft.
        pids = [p[0] for p in self.paragraphs]
        order = pids[:]
        rng.shuffle(order)
        pcum = list(itertools.accumulate(1 / (r + 1) ** 0.8 for r in range(len(order))))
        ucum = list(itertools.accumulate(1 / (r + 1) ** 0.6 for r in range(n_users)))
        participants = self.users[1:]
        texts = {p[0]: p[5] for p in self.paragraphs}
        kinds = (["reply"] * (n_comments // 5) + ["amendment"] * (n_comments // 10))
        kinds += ["comment"] * (n_comments - len(kinds))
        rng.shuffle(kinds)
        by_para = {}  # paragraph (None: general) -> recent comment ids, for replies
        para_of = {}
        span = (now - start).total_seconds() - 3600
        self.comments = []
        self.hottest = None
        counts = {}
        for i, kind in enumerate(kinds):
            cid = COMMENT_BASE + i
            created = start + dt.timedelta(seconds=span * i / max(1, n_comments))
            u = rng.choices(participants, cum_weights=ucum)[0] if n_users else self.users[0]
            parent = None
            if kind == "reply":
                para = rng.choices(order, cum_weights=pcum)[0] if rng.random() > 0.05 else None
                recent = by_para.get(para)
                if not recent:
                    kind = "comment"
                else:
                    parent = rng.choice(recent[-200:])
                    para = para_of[parent]
            elif kind == "amendment":
                para = rng.choices(order, cum_weights=pcum)[0]
            else:
                para = rng.choices(order, cum_weights=pcum)[0] if rng.random() > 0.05 else None
            r = rng.random()
            status, flags = "published", 0
            if r < 0.01:
                status, flags = "hidden", 3
            elif r < 0.02:
                status = "withdrawn"
            elif r < 0.025:
                status = "rejected"
            attribution = rng.choices(["name", "organization", "group"], [70, 20, 10])[0]
            proposed = None
            body = body_text(rng, 50, 2000)
            if kind == "amendment":
                proposed = texts[para] + " " + body_text(rng, 50, 400, "en")
            edited = ts(created + dt.timedelta(minutes=5)) if rng.random() < 0.05 else None
            self.comments.append((
                cid, DRAFT_ID, para, parent, "amendment" if kind == "amendment" else "comment",
                body, proposed, status, attribution, u[0], u[5], u[6], u[7], u[9], flags,
                ts(created), edited,
            ))
            para_of[cid] = para
            by_para.setdefault(para, []).append(cid)
            if para is not None:
                counts[para] = counts.get(para, 0) + 1
        if counts:
            self.hottest = max(counts, key=counts.get)
            self.hottest_count = counts[self.hottest]
        followers = rng.sample(participants, min(n_followers, len(participants)))
        followers.sort(key=lambda u: u[0])
        self.follows = [(u[0], DRAFT_ID, ts(start + dt.timedelta(hours=1))) for u in followers]


USER_COLS = ("id", "email", "email_lower", "password_hash", "display_name", "stakeholder_group",
             "organization", "country", "role", "affiliation_verified", "email_verified",
             "suspended", "notification_mode", "token_version", "created_at")
CONSULTATION_COLS = ("id", "title", "summary", "opens_at", "closes_at", "moderation",
                     "created_by", "created_at")
DRAFT_COLS = ("id", "consultation_id", "title", "version_label", "previous_draft_id",
              "read_only", "created_at")
PARAGRAPH_COLS = ("id", "draft_id", "number", "label", "section", "text", "tags")
COMMENT_COLS = ("id", "draft_id", "paragraph_id", "parent_id", "kind", "body", "proposed_text",
                "status", "attribution", "author_id", "author_group", "author_organization",
                "author_country", "author_verified", "flag_count", "created_at", "edited_at")
FOLLOW_COLS = ("user_id", "draft_id", "created_at")


def tables(d):
    return [
        ("users", USER_COLS, d.users),
        ("consultations", CONSULTATION_COLS, [d.consultation]),
        ("drafts", DRAFT_COLS, [d.draft]),
        ("paragraphs", PARAGRAPH_COLS, d.paragraphs),
        ("comments", COMMENT_COLS, d.comments),
        ("follows", FOLLOW_COLS, d.follows),
    ]


def seed_sqlite(path, d):
    db = sqlite3.connect(path)
    # Seeding only: the server itself always runs with synchronous=FULL.
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = ON")
    with db:
        for name, cols, rows in tables(d):
            sql = f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            db.executemany(sql, rows)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def copy_field(v):
    if v is None:
        return "\\N"
    if v is True:
        return "t"
    if v is False:
        return "f"
    s = str(v)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


# The counts the comment trigger would have kept (migrations 000013 and 000016: one
# `changes` per insert), computed once after a bulk load. Row by row, a million inserts in
# one transaction update the same few hundred counter rows a million times, and
# PostgreSQL cannot prune those row versions before the commit: the COPY ran for more
# than 15 minutes without finishing.
PG_COUNTS = """
INSERT INTO comment_counts (draft_id, paragraph_key, author_group, published, changes)
SELECT draft_id, COALESCE(paragraph_id, 0), author_group,
       COUNT(*) FILTER (WHERE status = 'published'), COUNT(*)
FROM comments GROUP BY 1, 2, 3
ON CONFLICT (draft_id, paragraph_key, author_group) DO UPDATE
SET published = comment_counts.published + excluded.published,
    changes = comment_counts.changes + excluded.changes;
"""


def seed_postgres(url, d):
    chunks = ["BEGIN;\nALTER TABLE comments DISABLE TRIGGER comment_counts_follow;\n"]
    for name, cols, rows in tables(d):
        chunks.append(f"COPY {name} ({', '.join(cols)}) FROM STDIN;\n")
        chunks.extend("\t".join(copy_field(v) for v in r) + "\n" for r in rows)
        chunks.append("\\.\n")
    chunks.append(PG_COUNTS)
    chunks.append("ALTER TABLE comments ENABLE TRIGGER comment_counts_follow;\nCOMMIT;\nANALYZE;\n")
    data = "".join(chunks).encode()
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-X", url], input=data, check=True,
                   stdout=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = ap.add_mutually_exclusive_group(required=True)
    target.add_argument("--sqlite")
    target.add_argument("--postgres")
    ap.add_argument("--hash", required=True, help="an argon2id PHC string used for every account")
    ap.add_argument("--users", type=int, default=2000)
    ap.add_argument("--comments", type=int, default=20000)
    ap.add_argument("--followers", type=int, default=1000)
    ap.add_argument("--paragraphs", type=int, default=100)
    args = ap.parse_args()
    t0 = time.monotonic()
    d = Data(args.users, args.comments, args.followers, args.paragraphs, args.hash)
    t1 = time.monotonic()
    if args.sqlite:
        seed_sqlite(args.sqlite, d)
    else:
        seed_postgres(args.postgres, d)
    t2 = time.monotonic()
    info = {
        "draft_id": DRAFT_ID,
        "consultation_id": CONSULTATION_ID,
        "hottest_paragraph": d.hottest,
        "hottest_count": getattr(d, "hottest_count", 0),
        "paragraph_ids": [p[0] for p in d.paragraphs],
        "user_emails": [u[1] for u in d.users[1:]],
        "users": len(d.users) - 1,
        "comments": len(d.comments),
        "replies": sum(1 for c in d.comments if c[3] is not None),
        "amendments": sum(1 for c in d.comments if c[4] == "amendment"),
        "followers": len(d.follows),
        "generate_s": round(t1 - t0, 2),
        "insert_s": round(t2 - t1, 2),
    }
    json.dump(info, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
