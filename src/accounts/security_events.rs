//! The account's own security history: the events of `auth::security_log` that concern
//! one account's sign-ins and credentials, written to the process log and to the
//! `security_events` table, so that "Download my data" can show them and the retention
//! purge can forget them. Refusals of single requests (401/403, CSRF, rate limits) stay
//! in the process log only: they describe requests, not the account.

use chrono::Utc;
use diesel::prelude::*;

use crate::auth::security_log::SecurityEvent;
use crate::db::schema::security_events;
use crate::db::{Conn, Db};

/// Whether the event belongs in the account's history.
fn kept(event: &SecurityEvent) -> bool {
    !matches!(
        event,
        SecurityEvent::RateLimited { .. }
            | SecurityEvent::CsrfRefused { .. }
            | SecurityEvent::AccessRefused { .. }
            // Its history is erased with the account; the process log keeps the fact.
            | SecurityEvent::AccountDeleted { .. }
    )
}

/// Stores the event under its account, if it is one for the history.
pub fn record(conn: &mut Conn, event: &SecurityEvent) -> QueryResult<()> {
    let Some(account) = event.account().filter(|_| kept(event)) else {
        return Ok(());
    };
    diesel::insert_into(security_events::table)
        .values((
            security_events::id.eq(crate::ids::new_id()),
            security_events::user_id.eq(account),
            security_events::kind.eq(event.kind()),
            security_events::detail.eq(event.to_string()),
            security_events::at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Writes the event to the process log and to the account's history. A failure to
/// store it is logged, not returned: the answer to the request does not depend on it.
pub async fn log(db: &Db, event: SecurityEvent) {
    event.emit();
    if event.account().is_none() || !kept(&event) {
        return;
    }
    if let Err(e) = db.run(move |conn| Ok(record(conn, &event)?)).await {
        tracing::warn!(error = %e, "could not store a security event");
    }
}
