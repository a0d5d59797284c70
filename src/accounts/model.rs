//! Accounts as stored (`User`), as inserted (`NewUser`), and the closed vocabularies of
//! stakeholder groups, roles and notification modes.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::users;

/// The six stakeholder groups of SPEC §1, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Government,
    PrivateSector,
    CivilSociety,
    Academia,
    TechnicalCommunity,
    InternationalOrganization,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Government,
        Group::PrivateSector,
        Group::CivilSociety,
        Group::Academia,
        Group::TechnicalCommunity,
        Group::InternationalOrganization,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Government => "government",
            Group::PrivateSector => "private_sector",
            Group::CivilSociety => "civil_society",
            Group::Academia => "academia",
            Group::TechnicalCommunity => "technical_community",
            Group::InternationalOrganization => "international_organization",
        }
    }

    pub fn parse(s: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Participant,
    Moderator,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "participant" => Some(Role::Participant),
            "moderator" => Some(Role::Moderator),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

pub const NOTIFICATION_MODES: [&str; 3] = ["immediate", "daily_digest", "off"];

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub email_lower: String,
    pub password_hash: String,
    pub display_name: String,
    pub stakeholder_group: String,
    pub organization: String,
    pub country: Option<String>,
    pub role: String,
    pub affiliation_verified: bool,
    pub email_verified: bool,
    pub suspended: bool,
    pub notification_mode: String,
    pub token_version: i32,
    pub created_at: NaiveDateTime,
    /// Base32 TOTP secret; set while enrolling and once enabled.
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    /// Set when the account was erased (`accounts::erasure`): the row is a tombstone.
    pub deleted_at: Option<NaiveDateTime>,
    /// One of the six UN languages (`i18n::Lang`): its pages and its emails.
    pub preferred_language: String,
}

impl User {
    /// The language of the account's pages and emails.
    pub fn language(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::from_code(&self.preferred_language).unwrap_or_default()
    }

    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Participant)
    }

    pub fn is_moderator(&self) -> bool {
        self.role() >= Role::Moderator
    }

    pub fn is_admin(&self) -> bool {
        self.role() == Role::Admin
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser {
    pub id: i64,
    pub email: String,
    pub email_lower: String,
    pub password_hash: String,
    pub display_name: String,
    pub stakeholder_group: String,
    pub organization: String,
    pub country: Option<String>,
    pub role: String,
    pub affiliation_verified: bool,
    pub email_verified: bool,
    pub suspended: bool,
    pub notification_mode: String,
    pub token_version: i32,
    pub created_at: NaiveDateTime,
    pub preferred_language: String,
}

/// Profile changes a user may make to their own account.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct ProfileChanges {
    pub display_name: Option<String>,
    pub organization: Option<String>,
    pub country: Option<Option<String>>,
    pub notification_mode: Option<String>,
    pub preferred_language: Option<String>,
}
