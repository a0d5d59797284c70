//! `plenary demo`: a fresh database with demo accounts (one per stakeholder group, a
//! moderator and an admin) and a living WSIS+20 consultation: the Zero draft and a few
//! hundred comments, replies and amendments from all six stakeholder groups.

use chrono::{Duration, Utc};
use diesel::prelude::*;

use crate::accounts::model::{Group, Role, User};
use crate::accounts::service::insert_user;
use crate::accounts::validate::Registration;
use crate::auth::password;
use crate::db::schema::{comments, consultations, users};
use crate::db::{Conn, Db};
use crate::drafts::service::{import, paragraphs_of, DraftInput};

/// The one password of every demo account; it exists only in demo databases.
pub const PASSWORD: &str = "plenary-demo-2025";

const DRAFT: &str = include_str!("wsis_zero_draft.md");
const CORPUS: &str = include_str!("comments.txt");
/// The language versions of the draft, aligned with it paragraph by paragraph.
const VERSIONS: [(crate::i18n::Lang, &str, &str); 2] = [
    (
        crate::i18n::Lang::Fr,
        "Document final du SMSI+20",
        include_str!("wsis_zero_draft.fr.md"),
    ),
    (
        crate::i18n::Lang::Ar,
        "الوثيقة الختامية لاستعراض مؤتمر القمة العالمي لمجتمع المعلومات بعد عشرين عاماً",
        include_str!("wsis_zero_draft.ar.md"),
    ),
];
/// Input written in the other languages, on the paragraph of that index (None: the
/// draft as a whole), so that the labels and the dashboard's languages have something
/// to show.
const MULTILINGUAL: [(&str, Option<usize>, &str); 6] = [
    ("fr", Some(11), "Nous proposons d'assortir cet engagement d'indicateurs nationaux mesurables, assortis d'un calendrier, afin que les progrès puissent être évalués lors du prochain examen."),
    ("es", Some(11), "Sugerimos mencionar expresamente a las comunidades rurales y a los pueblos indígenas, que siguen siendo los más afectados por la falta de conectividad asequible."),
    ("ar", Some(13), "نقترح الإشارة صراحةً إلى دور الشبكات المجتمعية في سد الفجوة الرقمية في المناطق الريفية والنائية."),
    ("zh", Some(14), "建议在本段中增加关于数字技能培训的具体承诺，特别是面向妇女和老年人的培训。"),
    ("ru", Some(2), "Предлагаем уточнить, что обзор должен опираться на данные, собранные на национальном уровне, в том числе статистическими службами."),
    ("fr", None, "La version française du projet devrait être publiée en même temps que l'original, afin que toutes les délégations puissent participer dans les mêmes délais."),
];

struct DemoAccount {
    email: &'static str,
    name: &'static str,
    group: Group,
    organization: &'static str,
    country: &'static str,
    role: Role,
}

const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        email: "government@demo.plenary",
        name: "Amina Diallo",
        group: Group::Government,
        organization: "Ministry of Digital Economy",
        country: "SN",
        role: Role::Participant,
    },
    DemoAccount {
        email: "private@demo.plenary",
        name: "Lukas Becker",
        group: Group::PrivateSector,
        organization: "Global Telecom Alliance",
        country: "DE",
        role: Role::Participant,
    },
    DemoAccount {
        email: "civil@demo.plenary",
        name: "María Fernández",
        group: Group::CivilSociety,
        organization: "Digital Rights Coalition",
        country: "AR",
        role: Role::Participant,
    },
    DemoAccount {
        email: "academia@demo.plenary",
        name: "Wei Chen",
        group: Group::Academia,
        organization: "Institute for Internet Studies",
        country: "CN",
        role: Role::Participant,
    },
    DemoAccount {
        email: "technical@demo.plenary",
        name: "Priya Raman",
        group: Group::TechnicalCommunity,
        organization: "Regional Internet Registry",
        country: "IN",
        role: Role::Participant,
    },
    DemoAccount {
        email: "igo@demo.plenary",
        name: "Jean-Pierre Martin",
        group: Group::InternationalOrganization,
        organization: "UN Regional Commission",
        country: "CH",
        role: Role::Participant,
    },
    DemoAccount {
        email: "moderator@demo.plenary",
        name: "Sofia Moderator",
        group: Group::InternationalOrganization,
        organization: "WSIS Secretariat",
        country: "CH",
        role: Role::Moderator,
    },
    DemoAccount {
        email: "admin@demo.plenary",
        name: "Secretariat Admin",
        group: Group::InternationalOrganization,
        organization: "WSIS Secretariat",
        country: "CH",
        role: Role::Admin,
    },
];

/// More voices, not printed: (name, group, organization, country).
const VOICES: &[(&str, Group, &str, &str)] = &[
    (
        "Tomás Herrera",
        Group::Government,
        "Ministry of Communications",
        "CO",
    ),
    (
        "Fatima Al-Sayed",
        Group::Government,
        "Telecommunications Regulatory Authority",
        "EG",
    ),
    (
        "Kenji Watanabe",
        Group::Government,
        "Ministry of Internal Affairs",
        "JP",
    ),
    ("Grace Njeri", Group::Government, "ICT Authority", "KE"),
    (
        "Olivia Grant",
        Group::PrivateSector,
        "Pacific Cable Consortium",
        "AU",
    ),
    (
        "Rahul Mehta",
        Group::PrivateSector,
        "Open Cloud Services",
        "IN",
    ),
    (
        "Chloé Dubois",
        Group::PrivateSector,
        "European Digital Industry Association",
        "FR",
    ),
    (
        "Samuel Okoro",
        Group::CivilSociety,
        "Community Networks Africa",
        "NG",
    ),
    (
        "Ana Lima",
        Group::CivilSociety,
        "Instituto Direitos Digitais",
        "BR",
    ),
    (
        "Layla Haddad",
        Group::CivilSociety,
        "Arab Digital Inclusion Network",
        "JO",
    ),
    (
        "Erik Lindqvist",
        Group::CivilSociety,
        "Open Knowledge Nordic",
        "SE",
    ),
    (
        "Dr. Helena Novak",
        Group::Academia,
        "University of Ljubljana",
        "SI",
    ),
    (
        "Prof. Kwame Mensah",
        Group::Academia,
        "University of Ghana",
        "GH",
    ),
    ("Li Na", Group::Academia, "Tsinghua University", "CN"),
    (
        "Marcus Webb",
        Group::TechnicalCommunity,
        "Internet Engineering Volunteers",
        "US",
    ),
    (
        "Aroha Parata",
        Group::TechnicalCommunity,
        "Pacific Network Operators Group",
        "NZ",
    ),
    (
        "Youssef Benali",
        Group::TechnicalCommunity,
        "Africa IXP Association",
        "MA",
    ),
    (
        "Irina Petrova",
        Group::InternationalOrganization,
        "Regional Development Bank",
        "KZ",
    ),
    (
        "Carlos Mendoza",
        Group::InternationalOrganization,
        "UN Economic Commission",
        "CL",
    ),
];

/// A small deterministic generator, so every demo looks the same.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn account(
    conn: &mut Conn,
    hash: &str,
    email: &str,
    p: (&str, Group, &str, &str),
    role: Role,
) -> anyhow::Result<User> {
    let (name, group, org, country) = p;
    let reg = Registration {
        email: email.into(),
        password: String::new(),
        display_name: name.into(),
        group,
        organization: org.into(),
        country: Some(country.into()),
        language: crate::i18n::Lang::En,
    };
    insert_user(conn, &reg, hash.to_string(), role, true).map_err(|e| anyhow::anyhow!(e.detail()))
}

/// Seeds the demo data; returns (email, description) of each printed login.
pub fn seed(db: &Db) -> anyhow::Result<Vec<(String, String)>> {
    let hash = password::hash_now(PASSWORD).map_err(|e| anyhow::anyhow!(e.to_string()))?;
    let mut conn = db.get().map_err(|e| anyhow::anyhow!(e.to_string()))?;
    let conn = &mut *conn;
    let mut logins = Vec::new();
    let mut people = Vec::new();
    let mut admin_id = 0;
    for a in ACCOUNTS {
        let u = account(
            conn,
            &hash,
            a.email,
            (a.name, a.group, a.organization, a.country),
            a.role,
        )?;
        let label = match a.role {
            Role::Participant => crate::i18n::group(a.group.as_str()).to_string(),
            r => crate::i18n::role(r.as_str()).to_string(),
        };
        if a.role == Role::Admin {
            admin_id = u.id;
        }
        if a.role == Role::Participant {
            people.push(u);
        }
        logins.push((a.email.to_string(), label));
    }
    for (i, (name, group, org, country)) in VOICES.iter().enumerate() {
        let u = account(
            conn,
            &hash,
            &format!("voice{i}@demo.plenary"),
            (name, *group, org, country),
            Role::Participant,
        )?;
        people.push(u);
    }
    // A few affiliations verified by the secretariat.
    for u in people.iter().step_by(3) {
        diesel::update(users::table.find(u.id))
            .set(users::affiliation_verified.eq(true))
            .execute(conn)?;
    }
    let people: Vec<User> = people
        .iter()
        .map(|u| {
            users::table
                .find(u.id)
                .select(User::as_select())
                .first(conn)
        })
        .collect::<Result<_, _>>()?;

    let now = Utc::now().naive_utc();
    let start = now - Duration::days(12);
    let consultation_id = crate::ids::new_id();
    diesel::insert_into(consultations::table)
        .values((
            consultations::id.eq(consultation_id),
            consultations::title.eq("WSIS+20 Review: Outcome document"),
            consultations::summary.eq("The General Assembly's twenty-year review of the World Summit on the Information Society. \
                The co-facilitators invite all stakeholders to comment on the Zero draft of the outcome document, paragraph by paragraph, \
                and to propose amendments. Input received will be compiled by stakeholder group and inform Rev.1."),
            consultations::opens_at.eq(start),
            consultations::closes_at.eq(now + Duration::days(30)),
            consultations::moderation.eq("post"),
            consultations::created_by.eq(admin_id),
            consultations::created_at.eq(start),
        ))
        .execute(conn)?;
    let input = DraftInput::parse("WSIS+20 Outcome Document", "Zero draft", DRAFT)
        .map_err(|e| anyhow::anyhow!(e.detail()))?;
    let draft = import(conn, consultation_id, &input, None)
        .map_err(|e| anyhow::anyhow!(format!("{e:?}")))?;
    let paragraphs = paragraphs_of(conn, draft.id)?;
    let corpus: Vec<&str> = CORPUS
        .split("\n---\n")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();

    let mut rng = Lcg(20_251_216);
    let total = 320;
    let mut published: Vec<(i64, Option<i64>)> = Vec::new();
    for i in 0..total {
        let author = &people[rng.below(people.len())];
        let at = start + Duration::minutes((i as i64) * (12 * 24 * 60) / total as i64);
        let body = corpus[rng.below(corpus.len())];
        let roll = rng.below(100);
        let (paragraph_id, parent_id, kind, proposed) = if roll < 22 && !published.is_empty() {
            let (parent, para) = published[rng.below(published.len())];
            (para, Some(parent), "comment", None)
        } else if roll < 32 {
            let p = &paragraphs[rng.below(paragraphs.len())];
            let proposed = amend(&p.text, &mut rng);
            (Some(p.id), None, "amendment", Some(proposed))
        } else if roll < 38 {
            (None, None, "comment", None)
        } else {
            // Weight the operative paragraphs on connectivity and AI, as real input is.
            let p = if rng.below(3) == 0 {
                &paragraphs[10 + rng.below(12).min(paragraphs.len() - 11)]
            } else {
                &paragraphs[rng.below(paragraphs.len())]
            };
            (Some(p.id), None, "comment", None)
        };
        let attribution = match rng.below(10) {
            0 => "group",
            1 | 2 => "organization",
            _ => "name",
        };
        let id = crate::ids::new_id();
        diesel::insert_into(comments::table)
            .values((
                comments::id.eq(id),
                comments::draft_id.eq(draft.id),
                comments::paragraph_id.eq(paragraph_id),
                comments::parent_id.eq(parent_id),
                comments::kind.eq(kind),
                comments::body.eq(body),
                comments::proposed_text.eq(proposed),
                comments::status.eq("published"),
                comments::attribution.eq(attribution),
                comments::author_id.eq(author.id),
                comments::author_group.eq(&author.stakeholder_group),
                comments::author_organization.eq(&author.organization),
                comments::author_country.eq(&author.country),
                comments::author_verified.eq(author.affiliation_verified),
                comments::flag_count.eq(0),
                comments::created_at.eq(at),
            ))
            .execute(conn)?;
        if parent_id.is_none() {
            published.push((id, paragraph_id));
        }
    }
    for (language, title, text) in VERSIONS {
        let version = crate::drafts::translations::TranslationInput::parse(
            language.code(),
            Some(title),
            text,
        )
        .and_then(|input| crate::drafts::translations::add(conn, draft.id, &input))
        .map_err(|e| anyhow::anyhow!(format!("{e:?}")))?;
        debug_assert_eq!(version.language, language.code());
    }
    for (i, (language, paragraph, body)) in MULTILINGUAL.into_iter().enumerate() {
        let author = &people[(i * 7 + 3) % people.len()];
        let paragraph_id = paragraph.and_then(|n| paragraphs.get(n)).map(|p| p.id);
        diesel::insert_into(comments::table)
            .values((
                comments::id.eq(crate::ids::new_id()),
                comments::draft_id.eq(draft.id),
                comments::paragraph_id.eq(paragraph_id),
                comments::kind.eq("comment"),
                comments::body.eq(body),
                comments::status.eq("published"),
                comments::attribution.eq("name"),
                comments::author_id.eq(author.id),
                comments::author_group.eq(&author.stakeholder_group),
                comments::author_organization.eq(&author.organization),
                comments::author_country.eq(&author.country),
                comments::author_verified.eq(author.affiliation_verified),
                comments::flag_count.eq(0),
                comments::created_at.eq(now - Duration::hours(6 - i as i64)),
                comments::language.eq(language),
            ))
            .execute(conn)?;
    }
    Ok(logins)
}

/// A plausible amendment of a paragraph: a stronger verb, a qualifier, or an addition.
fn amend(text: &str, rng: &mut Lcg) -> String {
    let swaps = [
        ("encourages", "urges"),
        ("Encourages", "Urges"),
        ("calls upon", "commits"),
        ("Recognizes", "Reaffirms"),
        ("should", "shall"),
        ("developing countries", "developing countries, in particular least developed countries and small island developing States"),
        ("stakeholders", "stakeholders, including women, youth and persons with disabilities"),
    ];
    for _ in 0..swaps.len() {
        let (from, to) = swaps[rng.below(swaps.len())];
        if text.contains(from) {
            return text.replacen(from, to, 1);
        }
    }
    format!(
        "{} in line with international human rights law",
        text.trim_end_matches([',', ';', '.'])
    )
}

#[cfg(test)]
mod version_tests {
    use super::*;
    use crate::drafts::markdown::parse_draft;

    /// The demo's language versions line up with its draft, so `plenary demo` starts.
    #[test]
    fn every_language_version_of_the_demo_draft_lines_up() {
        let original: Vec<crate::drafts::Paragraph> = parse_draft(DRAFT)
            .unwrap()
            .into_iter()
            .map(|p| crate::drafts::Paragraph {
                id: i64::from(p.number),
                draft_id: 1,
                number: p.number,
                label: p.label,
                section: p.section,
                text: p.text,
                tags: p.tags.join(" "),
            })
            .collect();
        for (language, _, text) in VERSIONS {
            let parsed = parse_draft(text).unwrap();
            let problems = crate::drafts::translations::misaligned(&original, &parsed);
            assert!(problems.is_empty(), "{language:?}: {problems:?}");
            assert!(MULTILINGUAL
                .iter()
                .all(|(_, p, _)| p.is_none_or(|n| n < original.len())));
        }
    }
}
