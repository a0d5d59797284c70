//! One validating constructor per account input, shared by the API and the forms: each
//! turns raw fields into clean values or a `FieldErrors` naming every bad field.

use crate::accounts::model::{Group, NOTIFICATION_MODES};
use crate::auth::password;
use crate::error::{AppError, FieldErrors};

pub const MAX_NAME: usize = 100;
pub const MAX_ORG: usize = 200;
pub const MAX_EMAIL: usize = 254;

/// A plausible address: one `@`, something on each side, a dot in the domain, no spaces.
pub fn check_email(email: &str) -> Option<&'static str> {
    let e = email.trim();
    if e.is_empty() {
        return Some("is required");
    }
    if e.len() > MAX_EMAIL {
        return Some("is too long");
    }
    let mut parts = e.split('@');
    let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
        (Some(l), Some(d), None) => (l, d),
        _ => return Some("must be an email address"),
    };
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        None
    } else {
        Some("must be an email address")
    }
}

fn check_text(errors: &mut FieldErrors, field: &str, value: &str, min: usize, max: usize) {
    let n = value.chars().count();
    if n < min {
        errors.add(field, "is required");
    } else if n > max {
        errors.add(field, format!("must be at most {max} characters"));
    }
    if value.chars().any(|c| c.is_control() && c != '\t') {
        errors.add(field, "must not contain control characters");
    }
}

/// An ISO 3166-1 alpha-2 code such as `KE`, upper-cased; empty means none.
pub fn parse_country(errors: &mut FieldErrors, raw: Option<&str>) -> Option<String> {
    let c = raw.map(str::trim).filter(|c| !c.is_empty())?;
    if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) {
        Some(c.to_ascii_uppercase())
    } else {
        errors.add(
            "country",
            "must be a two-letter ISO 3166-1 code such as KE or BR",
        );
        None
    }
}

pub struct Registration {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub group: Group,
    pub organization: String,
    pub country: Option<String>,
    /// The language the person registered in: their pages and emails from then on.
    pub language: crate::i18n::Lang,
}

impl Registration {
    pub fn parse(
        email: &str,
        password: &str,
        display_name: &str,
        stakeholder_group: &str,
        organization: Option<&str>,
        country: Option<&str>,
    ) -> Result<Registration, AppError> {
        let mut errors = FieldErrors::new();
        if let Some(m) = check_email(email) {
            errors.add("email", m);
        }
        if let Some(m) = password::check_new(password, &[email, display_name]) {
            errors.add("password", m);
        }
        let display_name = display_name.trim();
        check_text(&mut errors, "display_name", display_name, 1, MAX_NAME);
        let group = Group::parse(stakeholder_group);
        if group.is_none() {
            errors.add(
                "stakeholder_group",
                "must be one of government, private_sector, civil_society, academia, technical_community, international_organization",
            );
        }
        let organization = organization.unwrap_or("").trim();
        check_text(&mut errors, "organization", organization, 0, MAX_ORG);
        let country = parse_country(&mut errors, country);
        match (errors.is_empty(), group) {
            (true, Some(group)) => Ok(Registration {
                email: email.trim().to_string(),
                password: password.to_string(),
                display_name: display_name.to_string(),
                group,
                organization: organization.to_string(),
                country,
                language: crate::i18n::Lang::default(),
            }),
            _ => Err(AppError::Validation(errors)),
        }
    }
}

/// A validated change to one's own profile.
#[derive(Default)]
pub struct ProfilePatch {
    pub display_name: Option<String>,
    pub organization: Option<String>,
    pub country: Option<Option<String>>,
    pub notification_mode: Option<String>,
    pub preferred_language: Option<String>,
}

impl ProfilePatch {
    pub fn parse(
        display_name: Option<&str>,
        organization: Option<&str>,
        country: Option<Option<&str>>,
        notification_mode: Option<&str>,
        preferred_language: Option<&str>,
    ) -> Result<ProfilePatch, AppError> {
        let mut errors = FieldErrors::new();
        let display_name = display_name.map(|n| {
            let n = n.trim();
            check_text(&mut errors, "display_name", n, 1, MAX_NAME);
            n.to_string()
        });
        let organization = organization.map(|o| {
            let o = o.trim();
            check_text(&mut errors, "organization", o, 0, MAX_ORG);
            o.to_string()
        });
        let country = country.map(|c| parse_country(&mut errors, c));
        if let Some(m) = notification_mode {
            if !NOTIFICATION_MODES.contains(&m) {
                errors.add(
                    "notification_mode",
                    "must be one of immediate, daily_digest, off",
                );
            }
        }
        let preferred_language = preferred_language.and_then(|l| {
            let lang = crate::i18n::Lang::offered().iter().find(|x| x.code() == l);
            if lang.is_none() {
                errors.add(
                    "preferred_language",
                    format!("must be one of {}", crate::i18n::Lang::offered_codes()),
                );
            }
            lang.map(|l| l.code().to_string())
        });
        errors.into_result()?;
        Ok(ProfilePatch {
            display_name,
            organization,
            country,
            notification_mode: notification_mode.map(str::to_string),
            preferred_language,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_field_is_named() {
        let Err(AppError::Validation(e)) =
            Registration::parse("nope", "short", " ", "press", None, Some("Kenya"))
        else {
            panic!("expected a validation error");
        };
        for f in [
            "email",
            "password",
            "display_name",
            "stakeholder_group",
            "country",
        ] {
            assert!(e.get(f).is_some(), "{f} not named");
        }
    }

    #[test]
    fn a_good_registration_is_cleaned() {
        let r = Registration::parse(
            " A@Example.org ",
            "long enough pw",
            " Ana ",
            "academia",
            None,
            Some("ke"),
        )
        .unwrap();
        assert_eq!(
            (r.email.as_str(), r.display_name.as_str()),
            ("A@Example.org", "Ana")
        );
        assert_eq!(r.country.as_deref(), Some("KE"));
    }
}
