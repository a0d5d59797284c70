//! The API's JSON shapes. Diesel models never go straight to JSON: they pass through
//! these, so that a new column cannot leak (an email address, a hash) by accident.

use serde::Serialize;
use utoipa::ToSchema;

use crate::accounts::model::User;

/// A user as others see them.
#[derive(Serialize, ToSchema)]
pub struct UserDto {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub id: i64,
    pub display_name: String,
    #[schema(schema_with = crate::api::openapi::stakeholder_group)]
    pub stakeholder_group: String,
    pub organization: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    #[schema(schema_with = crate::api::openapi::role)]
    pub role: String,
    pub affiliation_verified: bool,
}

impl From<&User> for UserDto {
    fn from(u: &User) -> Self {
        UserDto {
            id: u.id,
            display_name: u.display_name.clone(),
            stakeholder_group: u.stakeholder_group.clone(),
            organization: u.organization.clone(),
            country: u.country.clone(),
            role: u.role.clone(),
            affiliation_verified: u.affiliation_verified,
        }
    }
}

/// The caller's own account: the public user plus private fields.
#[derive(Serialize, ToSchema)]
pub struct MeDto {
    #[serde(flatten)]
    pub user: UserDto,
    pub email: String,
    pub email_verified: bool,
    #[schema(schema_with = crate::api::openapi::notification_mode)]
    pub notification_mode: String,
    /// The language of the account's pages and emails.
    #[schema(schema_with = crate::api::openapi::language)]
    pub preferred_language: String,
    pub suspended: bool,
    pub totp_enabled: bool,
}

impl From<&User> for MeDto {
    fn from(u: &User) -> Self {
        MeDto {
            user: u.into(),
            email: u.email.clone(),
            email_verified: u.email_verified,
            notification_mode: u.notification_mode.clone(),
            preferred_language: u.preferred_language.clone(),
            suspended: u.suspended,
            totp_enabled: u.totp_enabled,
        }
    }
}

/// Users as an admin sees them in the list: private fields included.
pub type AdminUserDto = MeDto;

/// `{"items": [...], "next_cursor": "…" | null}`
#[derive(Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `?cursor=` for the next page; `null` on the last one.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A page from a query that fetched `limit + 1` rows: the extra row only says that
    /// there is more, and the cursor points after the last row kept.
    pub fn from_overfetch(mut items: Vec<T>, limit: i64, id_of: impl Fn(&T) -> i64) -> Self {
        let more = items.len() as i64 > limit;
        items.truncate(usize::try_from(limit).unwrap_or(0));
        let next_cursor = if more {
            items.last().map(|i| crate::api::cursor_encode(id_of(i)))
        } else {
            None
        };
        Page { items, next_cursor }
    }
}

pub use crate::clock::rfc3339;
