//! What administrators and moderators do to accounts, each change in the audit log.

use diesel::prelude::*;

use super::{find_user, now};
use crate::accounts::model::{Role, User};
use crate::accounts::security_events;
use crate::auth::security_log::{AccountChange, SecurityEvent};
use crate::db::schema::{audit_log, users};
use crate::db::Conn;
use crate::error::AppError;
use crate::services::Services;

pub struct UserFilter {
    pub q: Option<String>,
    pub role: Option<String>,
    pub group: Option<String>,
    pub after: Option<i64>,
    pub limit: i64,
}

pub async fn list_users(state: &Services, f: UserFilter) -> Result<Vec<User>, AppError> {
    state
        .db
        .run(move |conn| {
            let mut q = users::table
                .filter(users::deleted_at.is_null())
                .select(User::as_select())
                .order(users::id.asc())
                .into_boxed();
            if let Some(text) = f.q.filter(|s| !s.trim().is_empty()) {
                let pattern = format!("%{}%", text.trim().to_lowercase().replace(['%', '_'], ""));
                q = q.filter(
                    users::email_lower
                        .like(pattern.clone())
                        .or(users::display_name.like(pattern.clone()))
                        .or(users::organization.like(pattern)),
                );
            }
            if let Some(r) = f.role {
                q = q.filter(users::role.eq(r));
            }
            if let Some(g) = f.group {
                q = q.filter(users::stakeholder_group.eq(g));
            }
            if let Some(a) = f.after {
                q = q.filter(users::id.gt(a));
            }
            Ok(q.limit(f.limit).load(conn)?)
        })
        .await
}

/// Changes an admin may make to an account; moderators may only (un)suspend participants.
#[derive(Default)]
pub struct AdminChanges {
    pub role: Option<Role>,
    pub affiliation_verified: Option<bool>,
    pub suspended: Option<bool>,
    pub reason: Option<String>,
}

pub fn audit(
    conn: &mut Conn,
    actor: i64,
    action: &str,
    target_type: &str,
    target_id: i64,
    reason: Option<&str>,
) -> QueryResult<usize> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(crate::ids::new_id()),
            audit_log::actor_id.eq(actor),
            audit_log::action.eq(action),
            audit_log::target_type.eq(target_type),
            audit_log::target_id.eq(target_id),
            audit_log::reason.eq(reason),
            audit_log::at.eq(now()),
        ))
        .execute(conn)
}

pub async fn admin_update(
    state: &Services,
    actor: &User,
    target: i64,
    ch: AdminChanges,
) -> Result<User, AppError> {
    let actor_id = actor.id;
    let actor = actor.clone();
    let (user, changes) = state
        .db
        .run(move |conn| {
            crate::db::transaction(conn, |conn| {
                let mut changes = Vec::new();
                let user = find_user(conn, target)?;
                if user.deleted_at.is_some() {
                    return Err(AppError::NotFound);
                }
                if !actor.is_admin() {
                    if ch.role.is_some() || ch.affiliation_verified.is_some() {
                        return Err(AppError::forbidden(
                            "Only administrators may change roles or verify affiliations.",
                        ));
                    }
                    if user.role() != Role::Participant {
                        return Err(AppError::forbidden(
                            "Moderators may suspend participants only.",
                        ));
                    }
                }
                if user.id == actor.id
                    && (ch.suspended == Some(true) || ch.role.is_some_and(|r| r != user.role()))
                {
                    return Err(AppError::forbidden(
                        "You may not suspend yourself or change your own role.",
                    ));
                }
                let reason = ch.reason.as_deref();
                if let Some(role) = ch.role.filter(|r| *r != user.role()) {
                    diesel::update(users::table.find(target))
                        .set((
                            users::role.eq(role.as_str()),
                            users::token_version.eq(users::token_version + 1),
                        ))
                        .execute(conn)?;
                    audit(
                        conn,
                        actor.id,
                        &format!("role_{}", role.as_str()),
                        "user",
                        target,
                        reason,
                    )?;
                    changes.push(AccountChange::Role {
                        from: user.role.clone(),
                        to: role.as_str().into(),
                    });
                }
                if let Some(v) = ch
                    .affiliation_verified
                    .filter(|v| *v != user.affiliation_verified)
                {
                    diesel::update(users::table.find(target))
                        .set(users::affiliation_verified.eq(v))
                        .execute(conn)?;
                    let action = if v {
                        "verify_affiliation"
                    } else {
                        "unverify_affiliation"
                    };
                    audit(conn, actor.id, action, "user", target, reason)?;
                    changes.push(AccountChange::AffiliationVerified(v));
                }
                if let Some(s) = ch.suspended.filter(|s| *s != user.suspended) {
                    diesel::update(users::table.find(target))
                        .set((
                            users::suspended.eq(s),
                            users::token_version.eq(users::token_version + 1),
                        ))
                        .execute(conn)?;
                    audit(
                        conn,
                        actor.id,
                        if s { "suspend" } else { "unsuspend" },
                        "user",
                        target,
                        reason,
                    )?;
                    changes.push(AccountChange::Suspended(s));
                }
                Ok((find_user(conn, target)?, changes))
            })
        })
        .await?;
    // Logged once the transaction has committed, so only changes that happened appear.
    for change in changes {
        security_events::log(
            &state.db,
            SecurityEvent::AccountChanged {
                actor: actor_id,
                target,
                change,
            },
        )
        .await;
    }
    Ok(user)
}
