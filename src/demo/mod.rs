//! `plenary demo`: a fresh database with demo accounts (one per stakeholder group, a
//! moderator and an admin) and a living WSIS+20 consultation.

use crate::accounts::model::{Group, Role};
use crate::accounts::service::insert_user;
use crate::accounts::validate::Registration;
use crate::auth::password;
use crate::db::Db;

/// The one password of every demo account; it exists only in demo databases.
pub const PASSWORD: &str = "plenary-demo-2025";

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

/// Seeds the demo data; returns (email, description) of each login.
pub fn seed(db: &Db) -> anyhow::Result<Vec<(String, String)>> {
    let hash = password::hash_now(PASSWORD).map_err(|e| anyhow::anyhow!(e.to_string()))?;
    let mut conn = db.get().map_err(|e| anyhow::anyhow!(e.to_string()))?;
    let mut logins = Vec::new();
    for a in ACCOUNTS {
        let reg = Registration {
            email: a.email.into(),
            password: String::new(),
            display_name: a.name.into(),
            group: a.group,
            organization: a.organization.into(),
            country: Some(a.country.into()),
        };
        insert_user(&mut conn, &reg, hash.clone(), a.role, true)
            .map_err(|e| anyhow::anyhow!(e.detail()))?;
        let label = match a.role {
            Role::Participant => crate::i18n::group(a.group.as_str()).to_string(),
            r => crate::i18n::role(r.as_str()).to_string(),
        };
        logins.push((a.email.to_string(), label));
    }
    Ok(logins)
}
