//! Time as Plenary writes it: UTC, stored as `NaiveDateTime`, shown to machines as
//! RFC 3339 to the second. Shared by the domain (exports, comment views, the personal
//! data file) and the API, so that neither borrows it from the other.

use chrono::{NaiveDateTime, Utc};

/// Now, in UTC, as the database stores it.
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// `2026-12-06T03:24:56Z`.
pub fn rfc3339(t: NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
