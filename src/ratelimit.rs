//! In-process sliding-window rate limits for registration, password reset, comments
//! and flags, keyed by client address (`client_ip`, for the API and the pages alike) or
//! account. Failed logins are counted in the database instead, so that the limit holds
//! across web processes.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::HttpRequest;

use crate::error::AppError;

/// The client's address: the TCP peer, or, when the peer is the configured trusted
/// proxy, the address that proxy appended last to `X-Forwarded-For`. A client-supplied
/// header is otherwise ignored, so nobody escapes a rate limit by inventing one.
/// `trusted` is `PLENARY_TRUSTED_PROXY`.
pub fn client_ip(req: &HttpRequest, trusted: Option<IpAddr>) -> String {
    let forwarded_for = req
        .headers()
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok());
    client_address(req.peer_addr().map(|a| a.ip()), trusted, forwarded_for)
}

fn client_address(
    peer: Option<IpAddr>,
    trusted: Option<IpAddr>,
    forwarded_for: Option<&str>,
) -> String {
    if peer.is_some() && peer == trusted {
        let forwarded = forwarded_for
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .and_then(|ip| ip.parse::<IpAddr>().ok());
        if let Some(ip) = forwarded {
            return ip.to_string();
        }
    }
    peer.map(|ip| ip.to_string()).unwrap_or_default()
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn a_forwarded_for_header_counts_only_from_the_trusted_proxy() {
        let peer = ip("198.51.100.4");
        // No proxy configured, or a peer that is not it: the header is the client's
        // invention and is ignored.
        assert_eq!(client_address(peer, None, Some("10.0.0.1")), "198.51.100.4");
        assert_eq!(
            client_address(peer, ip("127.0.0.1"), Some("10.0.0.1")),
            "198.51.100.4"
        );
        // From the proxy: the address it appended last, not what the client sent first.
        assert_eq!(
            client_address(
                ip("127.0.0.1"),
                ip("127.0.0.1"),
                Some("10.0.0.1, 203.0.113.7")
            ),
            "203.0.113.7"
        );
        // A garbled or missing header from the proxy: the proxy itself.
        for header in [Some("not an address"), None] {
            assert_eq!(
                client_address(ip("127.0.0.1"), ip("127.0.0.1"), header),
                "127.0.0.1"
            );
        }
        assert_eq!(client_address(None, None, Some("10.0.0.1")), "");
    }
}
