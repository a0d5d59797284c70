//! The security event log (ASVS 16.3): one structured `tracing` event, target
//! `plenary::security`, per sign-in, refusal (every 401 and 403), lockout, credential or
//! second-factor change and staff change to an account. Accounts appear by id, never by
//! address.

use std::fmt;

use actix_web::http::StatusCode;
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// The `tracing` target of every event here; the default filter lets it through at INFO.
pub const TARGET: &str = "plenary::security";

/// Whom a sign-in event is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Account(i64),
    /// An address that names no account (or was not looked up), as the first 12 hex
    /// digits of a SHA-256 keyed with the signing key: repeated tries on one address
    /// show as one value, and nobody without the key can test addresses against it.
    Address(String),
}

impl Subject {
    pub fn address(key: &[u8], email: &str) -> Subject {
        let mut h = Sha256::new();
        h.update(b"plenary security log\0");
        h.update(key);
        h.update(b"\0");
        h.update(email.trim().to_lowercase().as_bytes());
        Subject::Address(
            h.finalize()
                .iter()
                .take(6)
                .map(|b| format!("{b:02x}"))
                .collect(),
        )
    }

    fn account(&self) -> Option<i64> {
        match self {
            Subject::Account(id) => Some(*id),
            Subject::Address(_) => None,
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Account(id) => write!(f, "account {id}"),
            Subject::Address(h) => write!(f, "unknown account (address #{h})"),
        }
    }
}

/// How the second step of a sign-in was passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    None,
    Totp,
    RecoveryCode,
}

/// A change a moderator or an admin made to someone's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountChange {
    Role { from: String, to: String },
    Suspended(bool),
    AffiliationVerified(bool),
}

pub use crate::error::CsrfRefusal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecurityEvent {
    SignedIn {
        account: i64,
        second_factor: SecondFactor,
    },
    /// A wrong password, or an address with no account.
    SignInFailed {
        subject: Subject,
    },
    SignInRefusedSuspended {
        account: i64,
    },
    /// A wrong one-time or recovery code, or a one-time code used before.
    SecondFactorFailed {
        account: i64,
        replayed: bool,
    },
    /// Too many failed sign-ins: the account is locked for a while.
    SignInLocked {
        subject: Subject,
    },
    /// A rate limit of `ratelimit.rs` was hit; `key` is a client address or account id.
    RateLimited {
        limit: &'static str,
        key: String,
    },
    PasswordChanged {
        account: i64,
    },
    PasswordResetRequested {
        subject: Subject,
    },
    PasswordReset {
        account: i64,
    },
    EmailVerified {
        account: i64,
    },
    SignedOutEverywhere {
        account: i64,
    },
    MfaEnabled {
        account: i64,
    },
    MfaDisabled {
        account: i64,
    },
    RecoveryCodeUsed {
        account: i64,
    },
    /// The account's personal data was erased, by its holder (`actor` None) or an admin.
    AccountDeleted {
        account: i64,
        actor: Option<i64>,
    },
    AccountChanged {
        actor: i64,
        target: i64,
        change: AccountChange,
    },
    CsrfRefused {
        refusal: CsrfRefusal,
        path: String,
        account: Option<i64>,
    },
    /// A 401 or 403 answer to a request other than a sign-in: `reason` is the error's
    /// code (`unauthorized`, `mfa_required`, `forbidden`), `detail` what the caller read.
    AccessRefused {
        method: String,
        path: String,
        status: u16,
        reason: &'static str,
        detail: String,
        account: Option<i64>,
    },
}

/// The sign-in routes: their 401 and 403 answers are logged by the accounts service,
/// which knows whom they concern (`sign_in_failed`, `second_factor_failed`,
/// `sign_in_refused_suspended`), so `refusal` leaves them out.
const SIGN_IN_PATHS: [&str; 3] = ["/api/v1/auth/login", "/login", "/login/mfa"];

/// The event for one answer, if it is a refusal to log: every 401 and 403 (API and
/// pages) once; a CSRF refusal as `csrf_refused`, anything else as `access_refused`.
/// Not 404s, which a caller also gets for what they may not see: logging those would
/// flood the log with mistyped links. `account` is whom the request's token named.
pub fn refusal(
    method: &str,
    path: &str,
    status: StatusCode,
    error: Option<&AppError>,
    account: Option<i64>,
) -> Option<SecurityEvent> {
    if status != StatusCode::UNAUTHORIZED && status != StatusCode::FORBIDDEN {
        return None;
    }
    if let Some(AppError::CsrfRefused(refusal)) = error {
        return Some(SecurityEvent::CsrfRefused {
            refusal: *refusal,
            path: path.to_string(),
            account,
        });
    }
    if SIGN_IN_PATHS.contains(&path) {
        return None;
    }
    Some(SecurityEvent::AccessRefused {
        method: method.to_string(),
        path: path.to_string(),
        status: status.as_u16(),
        reason: error.map_or("refused", AppError::code),
        detail: error.map(AppError::detail).unwrap_or_default(),
        account,
    })
}

impl SecurityEvent {
    /// A stable snake_case name, for filtering.
    pub fn kind(&self) -> &'static str {
        use SecurityEvent::*;
        match self {
            SignedIn { .. } => "sign_in",
            SignInFailed { .. } => "sign_in_failed",
            SignInRefusedSuspended { .. } => "sign_in_refused_suspended",
            SecondFactorFailed { .. } => "second_factor_failed",
            SignInLocked { .. } => "sign_in_locked",
            RateLimited { .. } => "rate_limited",
            PasswordChanged { .. } => "password_changed",
            PasswordResetRequested { .. } => "password_reset_requested",
            PasswordReset { .. } => "password_reset",
            EmailVerified { .. } => "email_verified",
            SignedOutEverywhere { .. } => "signed_out_everywhere",
            MfaEnabled { .. } => "mfa_enabled",
            MfaDisabled { .. } => "mfa_disabled",
            RecoveryCodeUsed { .. } => "recovery_code_used",
            AccountDeleted { .. } => "account_deleted",
            AccountChanged { .. } => "account_changed",
            CsrfRefused { .. } => "csrf_refused",
            AccessRefused { .. } => "access_refused",
        }
    }

    /// Refusals are warnings; everything that succeeded is information.
    fn is_warning(&self) -> bool {
        use SecurityEvent::*;
        matches!(
            self,
            SignInFailed { .. }
                | SignInRefusedSuspended { .. }
                | SecondFactorFailed { .. }
                | SignInLocked { .. }
                | RateLimited { .. }
                | CsrfRefused { .. }
                | AccessRefused { .. }
        )
    }

    /// The account the event is about, when it is known.
    pub fn account(&self) -> Option<i64> {
        use SecurityEvent::*;
        match self {
            SignedIn { account, .. }
            | SignInRefusedSuspended { account }
            | SecondFactorFailed { account, .. }
            | PasswordChanged { account }
            | PasswordReset { account }
            | EmailVerified { account }
            | SignedOutEverywhere { account }
            | MfaEnabled { account }
            | MfaDisabled { account }
            | RecoveryCodeUsed { account } => Some(*account),
            AccountChanged { target, .. } => Some(*target),
            AccountDeleted { account, .. } => Some(*account),
            SignInFailed { subject }
            | SignInLocked { subject }
            | PasswordResetRequested { subject } => subject.account(),
            CsrfRefused { account, .. } | AccessRefused { account, .. } => *account,
            RateLimited { .. } => None,
        }
    }

    fn actor(&self) -> Option<i64> {
        match self {
            SecurityEvent::AccountChanged { actor, .. } => Some(*actor),
            SecurityEvent::AccountDeleted { actor, .. } => *actor,
            _ => None,
        }
    }

    /// Writes the event to the log.
    pub fn emit(&self) {
        let (event, account, actor) = (self.kind(), self.account(), self.actor());
        if self.is_warning() {
            tracing::warn!(target: TARGET, event, account, actor, "{self}");
        } else {
            tracing::info!(target: TARGET, event, account, actor, "{self}");
        }
    }
}

impl fmt::Display for SecurityEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use SecurityEvent::*;
        match self {
            SignedIn {
                account,
                second_factor,
            } => {
                let how = match second_factor {
                    SecondFactor::None => "password",
                    SecondFactor::Totp => "password and one-time code",
                    SecondFactor::RecoveryCode => "password and recovery code",
                };
                write!(f, "account {account} signed in ({how})")
            }
            SignInFailed { subject } => write!(f, "sign-in failed for {subject}"),
            SignInRefusedSuspended { account } => {
                write!(f, "sign-in refused: account {account} is suspended")
            }
            SecondFactorFailed {
                account,
                replayed: true,
            } => write!(
                f,
                "second factor refused for account {account}: the one-time code was already used"
            ),
            SecondFactorFailed { account, .. } => {
                write!(f, "second factor refused for account {account}: wrong code")
            }
            SignInLocked { subject } => {
                write!(f, "sign-in locked for {subject} after too many failures")
            }
            RateLimited { limit, key } => write!(f, "rate limit {limit:?} hit by {key:?}"),
            PasswordChanged { account } => write!(f, "account {account} changed its password"),
            PasswordResetRequested { subject } => {
                write!(f, "password reset requested for {subject}")
            }
            PasswordReset { account } => {
                write!(f, "account {account} set a new password with a reset link")
            }
            EmailVerified { account } => {
                write!(f, "account {account} confirmed its email address")
            }
            SignedOutEverywhere { account } => {
                write!(f, "account {account} signed out everywhere")
            }
            MfaEnabled { account } => {
                write!(f, "account {account} turned two-factor authentication on")
            }
            MfaDisabled { account } => {
                write!(f, "account {account} turned two-factor authentication off")
            }
            RecoveryCodeUsed { account } => {
                write!(f, "account {account} used a recovery code")
            }
            AccountDeleted {
                account,
                actor: None,
            } => write!(f, "account {account} was deleted by its holder"),
            AccountDeleted {
                account,
                actor: Some(actor),
            } => write!(f, "account {actor} deleted account {account}"),
            AccountChanged {
                actor,
                target,
                change,
            } => {
                write!(f, "account {actor} ")?;
                match change {
                    AccountChange::Role { from, to } => {
                        write!(
                            f,
                            "changed the role of account {target} from {from:?} to {to:?}"
                        )
                    }
                    AccountChange::Suspended(true) => write!(f, "suspended account {target}"),
                    AccountChange::Suspended(false) => write!(f, "unsuspended account {target}"),
                    AccountChange::AffiliationVerified(true) => {
                        write!(f, "verified the affiliation of account {target}")
                    }
                    AccountChange::AffiliationVerified(false) => {
                        write!(
                            f,
                            "withdrew the affiliation verification of account {target}"
                        )
                    }
                }
            }
            // Debug formatting of what the client sent (paths) escapes anything that
            // could forge lines.
            CsrfRefused {
                refusal,
                path,
                account,
            } => {
                let why = match refusal {
                    CsrfRefusal::Token => "without a matching CSRF token",
                    CsrfRefusal::CrossSite => "from another site",
                };
                write!(f, "form post refused: sent {why} to {path:?} by ")?;
                caller(f, *account)
            }
            AccessRefused {
                method,
                path,
                status,
                reason,
                detail,
                account,
            } => {
                write!(
                    f,
                    "{method} {path:?} refused with {status} {reason} ({detail:?}) for "
                )?;
                caller(f, *account)
            }
        }
    }
}

fn caller(f: &mut fmt::Formatter<'_>, account: Option<i64>) -> fmt::Result {
    match account {
        Some(id) => write!(f, "account {id}"),
        None => write!(f, "an unidentified caller"),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    const EMAIL: &str = "Ana.Souza@Example.org";

    #[test]
    fn an_unknown_address_appears_as_a_short_keyed_hash_never_in_clear() {
        let subject = Subject::address(b"key one", EMAIL);
        let Subject::Address(hash) = subject.clone() else {
            panic!("an address subject");
        };
        assert_eq!(hash.len(), 12);
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
        // The same address in any case is one value; another key gives another.
        assert_eq!(
            subject,
            Subject::address(b"key one", " ana.souza@example.org ")
        );
        assert_ne!(subject, Subject::address(b"key two", EMAIL));
        for event in [
            SecurityEvent::SignInFailed {
                subject: subject.clone(),
            },
            SecurityEvent::SignInLocked {
                subject: subject.clone(),
            },
            SecurityEvent::PasswordResetRequested {
                subject: subject.clone(),
            },
        ] {
            let line = event.to_string().to_lowercase();
            assert!(!line.contains("ana.souza"), "{line}");
            assert!(!line.contains("example.org"), "{line}");
            assert!(line.contains(hash.as_str()), "{line}");
        }
    }

    #[test]
    fn events_name_accounts_by_id_and_say_who_changed_whom() {
        let e = SecurityEvent::AccountChanged {
            actor: 7,
            target: 42,
            change: AccountChange::Role {
                from: "participant".into(),
                to: "moderator".into(),
            },
        };
        assert_eq!(
            e.to_string(),
            r#"account 7 changed the role of account 42 from "participant" to "moderator""#
        );
        assert_eq!((e.account(), e.actor()), (Some(42), Some(7)));
        let e = SecurityEvent::CsrfRefused {
            refusal: CsrfRefusal::CrossSite,
            path: "/me\nforged line".into(),
            account: None,
        };
        assert!(!e.to_string().contains('\n'), "{e}");
    }

    #[test]
    fn every_401_and_403_outside_the_sign_in_is_one_refusal_naming_method_path_and_account() {
        let forbidden = AppError::forbidden("Only administrators may do this.");
        let e = refusal(
            "GET",
            "/api/v1/admin/users",
            StatusCode::FORBIDDEN,
            Some(&forbidden),
            Some(42),
        );
        let Some(e) = e else {
            panic!("a 403 is logged");
        };
        assert_eq!(e.kind(), "access_refused");
        assert_eq!(e.account(), Some(42));
        assert_eq!(
            e.to_string(),
            r#"GET "/api/v1/admin/users" refused with 403 forbidden ("Only administrators may do this.") for account 42"#
        );
        let e = refusal(
            "POST",
            "/api/v1/drafts/7/comments",
            StatusCode::UNAUTHORIZED,
            Some(&AppError::Unauthorized),
            None,
        );
        let Some(e) = e else {
            panic!("a 401 is logged");
        };
        assert_eq!(e.account(), None);
        let line = e.to_string();
        assert!(
            line.starts_with(r#"POST "/api/v1/drafts/7/comments" refused with 401 unauthorized"#)
                && line.ends_with("for an unidentified caller"),
            "{line}"
        );
        // A refusal answered without an AppError (today only the sign-in pages do) is
        // still logged.
        let bare = refusal("GET", "/admin", StatusCode::FORBIDDEN, None, Some(1));
        assert!(bare.is_some_and(|e| e.to_string().contains("403 refused")));
    }

    #[test]
    fn not_found_other_statuses_and_the_sign_in_routes_own_refusals_are_left_out() {
        for status in [
            StatusCode::NOT_FOUND,
            StatusCode::OK,
            StatusCode::SEE_OTHER,
            StatusCode::UNPROCESSABLE_ENTITY,
            StatusCode::TOO_MANY_REQUESTS,
        ] {
            assert_eq!(
                refusal("GET", "/api/v1/comments/9", status, None, Some(3)),
                None
            );
        }
        // A wrong password or code is logged by the accounts service, with its subject.
        for path in SIGN_IN_PATHS {
            assert_eq!(
                refusal(
                    "POST",
                    path,
                    StatusCode::UNAUTHORIZED,
                    Some(&AppError::Unauthorized),
                    None
                ),
                None
            );
        }
    }

    #[test]
    fn a_csrf_refusal_is_logged_as_such_with_its_path_even_on_the_sign_in_form() {
        for (path, account) in [("/login", None), ("/me/password", Some(5))] {
            let e = refusal(
                "POST",
                path,
                StatusCode::FORBIDDEN,
                Some(&AppError::CsrfRefused(CsrfRefusal::Token)),
                account,
            );
            assert_eq!(
                e,
                Some(SecurityEvent::CsrfRefused {
                    refusal: CsrfRefusal::Token,
                    path: path.into(),
                    account,
                })
            );
        }
    }

    /// The events pass the binary's default filter, at INFO for what succeeded and at
    /// WARN for refusals, with their structured fields and without the address.
    #[test]
    fn events_reach_the_log_under_the_default_filter() {
        let out = Arc::new(Mutex::new(Vec::<u8>::new()));
        let sink = out.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(
                crate::cli::DEFAULT_LOG_FILTER,
            ))
            .with_ansi(false)
            .with_writer(move || SharedBuf(sink.clone()))
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            SecurityEvent::SignInFailed {
                subject: Subject::address(b"k", EMAIL),
            }
            .emit();
            SecurityEvent::SignedIn {
                account: 42,
                second_factor: SecondFactor::Totp,
            }
            .emit();
        });
        let text = String::from_utf8(out.lock().map(|b| b.clone()).unwrap_or_default()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(
            lines[0].contains("WARN") && lines[0].contains(TARGET),
            "{text}"
        );
        assert!(lines[0].contains("sign_in_failed"), "{text}");
        assert!(
            lines[1].contains("INFO") && lines[1].contains("account=42"),
            "{text}"
        );
        assert!(!text.to_lowercase().contains("example.org"), "{text}");
    }

    struct SharedBuf(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for SharedBuf {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if let Ok(mut b) = self.0.lock() {
                b.extend_from_slice(buf);
            }
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}
