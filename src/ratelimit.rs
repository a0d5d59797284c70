//! In-process sliding-window rate limits for registration, password reset, comments
//! and flags, keyed by client address or account. Failed logins are counted in the
//! database instead, so that the limit holds across web processes.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::AppError;

/// A named limit: at most `max` events per `window`.
#[derive(Clone, Copy)]
pub struct Limit {
    pub name: &'static str,
    pub max: usize,
    pub window: Duration,
}

pub const REGISTER: Limit = Limit {
    name: "register",
    max: 10,
    window: Duration::from_secs(3600),
};
pub const PASSWORD_RESET: Limit = Limit {
    name: "reset",
    max: 5,
    window: Duration::from_secs(3600),
};
pub const COMMENT: Limit = Limit {
    name: "comment",
    max: 30,
    window: Duration::from_secs(600),
};
/// Comments per client address, beside the per-account limit; generous, because a
/// ministry or a university may sit behind one address.
pub const COMMENT_IP: Limit = Limit {
    name: "comment_ip",
    max: 300,
    window: Duration::from_secs(600),
};
/// Exports are the heaviest reads: per client address.
pub const EXPORT: Limit = Limit {
    name: "export",
    max: 60,
    window: Duration::from_secs(600),
};
pub const FLAG: Limit = Limit {
    name: "flag",
    max: 20,
    window: Duration::from_secs(600),
};

pub struct RateLimiter {
    enabled: bool,
    hits: Mutex<HashMap<(&'static str, String), VecDeque<Instant>>>,
}

impl RateLimiter {
    pub fn new(enabled: bool) -> RateLimiter {
        RateLimiter {
            enabled,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one event for `key`; a 429 with `Retry-After` once the limit is reached.
    pub fn check(&self, limit: Limit, key: &str) -> Result<(), AppError> {
        if !self.enabled {
            return Ok(());
        }
        let now = Instant::now();
        let mut hits = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        if hits.len() > 100_000 {
            // Bounded memory: forget windows that have run out.
            hits.retain(|_, q| {
                q.back()
                    .is_some_and(|t| now.duration_since(*t) < limit.window)
            });
        }
        let q = hits.entry((limit.name, key.to_string())).or_default();
        while q
            .front()
            .is_some_and(|t| now.duration_since(*t) >= limit.window)
        {
            q.pop_front();
        }
        if q.len() >= limit.max {
            let oldest = q.front().copied().unwrap_or(now);
            let wait = limit.window.saturating_sub(now.duration_since(oldest));
            drop(hits);
            crate::auth::security_log::SecurityEvent::RateLimited {
                limit: limit.name,
                key: key.to_string(),
            }
            .emit();
            return Err(AppError::RateLimited {
                retry_after_secs: wait.as_secs().max(1),
            });
        }
        q.push_back(now);
        Ok(())
    }
}
