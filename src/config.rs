//! Typed settings read from the environment (and an optional `.env` file), exactly as
//! SPEC §3 names them. A value, passed into `Application::build`; never a global.

use std::path::PathBuf;

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    pub base_url: String,
    /// `None`: generated on first start and kept in the database.
    pub jwt_secret: Option<String>,
    /// `None`: emails are written as `.eml` files under `mail_dir`.
    pub smtp_url: Option<String>,
    pub mail_dir: PathBuf,
    pub mail_from: String,
    pub require_verified_email: bool,
    pub rate_limits: bool,
    pub flag_threshold: i64,
    /// Database pool size.
    /// None: the backend's default (`Db::connect`).
    pub pool_size: Option<u32>,
    /// Memory for rendered anonymous reads (src/reads.rs), in MiB; 0 turns it off.
    pub read_cache_mb: u64,
    /// How often the outbox worker looks for due emails when it has not been woken.
    pub worker_poll: std::time::Duration,
    /// Whether to run the outbox worker inside the web process.
    pub run_worker: bool,
    /// The delay before an email's first retry; it doubles after each failure.
    pub mail_retry_base: std::time::Duration,
    /// The address of a reverse proxy whose `X-Forwarded-For` is believed; without it
    /// the header is ignored and the TCP peer is the client.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// `PLENARY_STAFF_MFA=required`: moderators and admins must use a second factor.
    pub staff_mfa_required: bool,
    /// `PLENARY_RETENTION_DAYS`: delivered emails, security events, failed sign-ins and
    /// spent account tokens older than this are purged by the worker.
    pub retention_days: u32,
}

// Secrets never reach logs: Debug prints them redacted.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("base_url", &self.base_url)
            .field("jwt_secret", &self.jwt_secret.as_ref().map(|_| "<set>"))
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_dir", &self.mail_dir)
            .field("mail_from", &self.mail_from)
            .field("require_verified_email", &self.require_verified_email)
            .field("rate_limits", &self.rate_limits)
            .field("flag_threshold", &self.flag_threshold)
            .field("retention_days", &self.retention_days)
            .finish()
    }
}

/// Hides the password part of a URL.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://***@{}", &url[..s], &url[at + 1..]),
        _ => url.to_string(),
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn flag(name: &str, default: bool) -> Result<bool, String> {
    match var(name).map(|v| v.to_ascii_lowercase()) {
        None => Ok(default),
        Some(v) if ["1", "true", "on", "yes"].contains(&v.as_str()) => Ok(true),
        Some(v) if ["0", "false", "off", "no"].contains(&v.as_str()) => Ok(false),
        Some(v) => Err(format!("{name} must be on/off or true/false, not {v:?}")),
    }
}

impl Config {
    /// Reads the environment; `bind` from the command line wins over `PLENARY_BIND`.
    pub fn from_env(bind_flag: Option<String>) -> Result<Config, String> {
        let bind = bind_flag
            .or_else(|| var("PLENARY_BIND"))
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let base_url = var("PLENARY_BASE_URL")
            .unwrap_or_else(|| format!("http://{bind}"))
            .trim_end_matches('/')
            .to_string();
        let flag_threshold = match var("PLENARY_FLAG_THRESHOLD") {
            None => 3,
            Some(v) => v.parse::<i64>().ok().filter(|n| *n >= 1).ok_or_else(|| {
                format!("PLENARY_FLAG_THRESHOLD must be a positive integer, not {v:?}")
            })?,
        };
        Ok(Config {
            database_url: var("DATABASE_URL").unwrap_or_else(|| "plenary.db".into()),
            bind,
            base_url,
            jwt_secret: var("JWT_SECRET"),
            smtp_url: var("SMTP_URL"),
            mail_dir: var("PLENARY_MAIL_DIR")
                .unwrap_or_else(|| "mail".into())
                .into(),
            mail_from: var("MAIL_FROM").unwrap_or_else(|| "Plenary <no-reply@localhost>".into()),
            require_verified_email: flag("PLENARY_REQUIRE_VERIFIED_EMAIL", true)?,
            rate_limits: flag("PLENARY_RATE_LIMITS", true)?,
            flag_threshold,
            pool_size: match var("PLENARY_POOL_SIZE") {
                None => None,
                Some(v) => Some(v.parse().ok().filter(|n| *n >= 1).ok_or_else(|| {
                    format!("PLENARY_POOL_SIZE must be a positive number, not {v:?}")
                })?),
            },
            read_cache_mb: match var("PLENARY_READ_CACHE_MB") {
                None => 32,
                Some(v) => v.parse().map_err(|_| {
                    format!("PLENARY_READ_CACHE_MB must be a number of MiB, not {v:?}")
                })?,
            },
            worker_poll: std::time::Duration::from_secs(2),
            run_worker: true,
            mail_retry_base: std::time::Duration::from_secs(15),
            trusted_proxy: match var("PLENARY_TRUSTED_PROXY") {
                None => None,
                Some(v) => Some(v.parse().map_err(|_| {
                    format!("PLENARY_TRUSTED_PROXY must be an IP address, not {v:?}")
                })?),
            },
            retention_days: match var("PLENARY_RETENTION_DAYS") {
                None => 180,
                Some(v) => v.parse().ok().filter(|n| *n >= 1).ok_or_else(|| {
                    format!("PLENARY_RETENTION_DAYS must be a positive number of days, not {v:?}")
                })?,
            },
            staff_mfa_required: match var("PLENARY_STAFF_MFA").map(|v| v.to_ascii_lowercase()) {
                None => false,
                Some(v) if v == "required" => true,
                Some(v) if v == "optional" || v == "off" => false,
                Some(v) => {
                    return Err(format!(
                        "PLENARY_STAFF_MFA must be required or optional, not {v:?}"
                    ))
                }
            },
        })
    }

    /// Whether the login cookie must be `Secure`.
    pub fn https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}
