//! The durability settings the "nothing acknowledged is lost" promise rests on, read
//! back from pooled connections of a started application (SPEC §8, issue 9).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use plenary::db::{Backend, Conn};

use crate::helpers::*;

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Text)]
    value: String,
}

#[derive(QueryableByName)]
struct Number {
    #[diesel(sql_type = BigInt)]
    value: i64,
}

#[derive(Debug, PartialEq, Eq)]
struct SqliteSettings {
    journal_mode: String,
    synchronous: i64,
    foreign_keys: i64,
    busy_timeout: i64,
}

/// SQLite's settings as one connection sees them (the pragmas' table-valued forms).
fn sqlite_settings(conn: &mut Conn) -> QueryResult<SqliteSettings> {
    let number = |conn: &mut Conn, sql: &str| -> QueryResult<i64> {
        Ok(diesel::sql_query(sql).get_result::<Number>(conn)?.value)
    };
    Ok(SqliteSettings {
        journal_mode: diesel::sql_query("SELECT journal_mode AS value FROM pragma_journal_mode")
            .get_result::<Setting>(conn)?
            .value,
        synchronous: number(conn, "SELECT synchronous AS value FROM pragma_synchronous")?,
        foreign_keys: number(
            conn,
            "SELECT foreign_keys AS value FROM pragma_foreign_keys",
        )?,
        busy_timeout: number(conn, "SELECT timeout AS value FROM pragma_busy_timeout")?,
    })
}

/// `SHOW name`, in its function form so that the column has a name we choose.
async fn postgres_setting(app: &TestApp, name: &'static str) -> String {
    app.db()
        .run(move |conn| {
            Ok(
                diesel::sql_query(format!("SELECT current_setting('{name}') AS value"))
                    .get_result::<Setting>(conn)?
                    .value,
            )
        })
        .await
        .unwrap()
}

fn assert_durable(s: &SqliteSettings) {
    assert_eq!(s.journal_mode, "wal", "journal_mode: {s:?}");
    assert_eq!(s.synchronous, 2, "synchronous must be FULL (2): {s:?}");
    assert_eq!(s.foreign_keys, 1, "foreign_keys: {s:?}");
    assert!(s.busy_timeout > 0, "busy_timeout: {s:?}");
}

#[actix_web::test]
async fn every_pooled_connection_is_opened_with_durable_settings() {
    let app = spawn_app().await;
    match app.db().backend() {
        Backend::Sqlite => {
            // Through the door the application uses…
            let s = app
                .db()
                .run(|conn| Ok(sqlite_settings(conn)?))
                .await
                .unwrap();
            assert_durable(&s);
            // …and on several connections held at once: the settings are per connection
            // (synchronous and foreign_keys are not stored in the file), so each new
            // connection must get them, not only the one that ran the migrations.
            let mut held: Vec<_> = (0..4).map(|_| app.db().get().unwrap()).collect();
            for conn in &mut held {
                assert_durable(&sqlite_settings(conn).unwrap());
            }
        }
        Backend::Postgres => {
            assert!(on_postgres());
            assert_eq!(postgres_setting(&app, "fsync").await, "on");
            assert_eq!(postgres_setting(&app, "synchronous_commit").await, "on");
            assert_eq!(postgres_setting(&app, "full_page_writes").await, "on");
        }
    }
}
