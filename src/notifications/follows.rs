//! Following a draft: every newly published comment on it is notified.

use chrono::Utc;
use diesel::prelude::*;

use crate::db::schema::follows;
use crate::db::Conn;
use crate::db::Db;
use crate::error::AppError;

pub fn is_following(conn: &mut Conn, user: i64, draft: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(follows::table.find((user, draft)))).get_result(conn)
}

/// Follows a draft; following twice changes nothing.
pub fn follow(conn: &mut Conn, user: i64, draft: i64) -> QueryResult<()> {
    if !is_following(conn, user, draft)? {
        // A concurrent follow may win the race; the primary key keeps one row.
        let r = diesel::insert_into(follows::table)
            .values((
                follows::user_id.eq(user),
                follows::draft_id.eq(draft),
                follows::created_at.eq(Utc::now().naive_utc()),
            ))
            .execute(conn);
        match r {
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => {}
            other => {
                other?;
            }
        }
    }
    Ok(())
}

pub async fn set(db: &Db, user: i64, draft: i64, on: bool) -> Result<(), AppError> {
    db.run(move |conn| {
        crate::drafts::service::find(conn, draft)?;
        if on {
            follow(conn, user, draft)?;
        } else {
            diesel::delete(follows::table.find((user, draft))).execute(conn)?;
        }
        Ok(())
    })
    .await
}
