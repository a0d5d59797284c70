//! Retention (issue 18): what is kept only for a while is deleted once it is older than
//! `PLENARY_RETENTION_DAYS` (default 180). The mail worker runs `purge` once an hour.
//! Accounts and what they wrote are kept until the account is deleted (`erasure`).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{account_tokens, digest_items, login_failures, outbox, security_events};
use crate::db::Conn;

/// How many rows each purge deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    /// Delivered emails (by delivery time) and emails given up on (by creation time).
    pub emails: usize,
    pub security_events: usize,
    pub login_failures: usize,
    /// Sign-in links (confirmation, reset) expired before the cut-off.
    pub account_tokens: usize,
    /// Digest lines already sent.
    pub digest_items: usize,
}

impl Purged {
    pub fn total(&self) -> usize {
        self.emails
            + self.security_events
            + self.login_failures
            + self.account_tokens
            + self.digest_items
    }
}

/// Deletes what is older than `days` days before `now`, in one transaction.
pub fn purge(conn: &mut Conn, days: u32, now: NaiveDateTime) -> QueryResult<Purged> {
    let cutoff = now - Duration::days(i64::from(days));
    crate::db::transaction(conn, |conn| {
        let sent = diesel::delete(
            outbox::table
                .filter(outbox::status.eq("sent"))
                .filter(outbox::sent_at.lt(cutoff)),
        )
        .execute(conn)?;
        let failed = diesel::delete(
            outbox::table
                .filter(outbox::status.eq("failed"))
                .filter(outbox::created_at.lt(cutoff)),
        )
        .execute(conn)?;
        Ok(Purged {
            emails: sent + failed,
            security_events: diesel::delete(
                security_events::table.filter(security_events::at.lt(cutoff)),
            )
            .execute(conn)?,
            login_failures: diesel::delete(
                login_failures::table.filter(login_failures::at.lt(cutoff)),
            )
            .execute(conn)?,
            account_tokens: diesel::delete(
                account_tokens::table.filter(account_tokens::expires_at.lt(cutoff)),
            )
            .execute(conn)?,
            digest_items: diesel::delete(
                digest_items::table.filter(digest_items::sent_at.lt(cutoff)),
            )
            .execute(conn)?,
        })
    })
}
