//! `TestApp`: the real server on a random port, a fresh database per test (SQLite file,
//! or a new PostgreSQL database when PLENARY_TEST_DATABASE_URL names one), and a real
//! SMTP server on 127.0.0.1 that keeps what it receives.
#![allow(dead_code)]

use std::net::TcpListener;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use mailin_embedded::response::{INTERNAL_ERROR, NO_MAILBOX, OK};
use mailin_embedded::{Handler, Response};
use plenary::accounts::model::{Group, Role, User};
use plenary::accounts::validate::Registration;
use plenary::config::Config;
use plenary::db::Db;
use plenary::startup::Application;
use plenary::state::AppState;
use serde_json::{json, Value};

pub const PASSWORD: &str = "a long enough password";

// ------------------------------------------------------------------------------------
// SMTP

#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub headers: Vec<(String, String)>,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first link in the text part that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with(prefix))
            .map(|w| w.trim_end_matches(['.', ',', ')', '>']).to_string())
    }
}

#[derive(Clone)]
struct SmtpHandler {
    inbox: Arc<Mutex<Vec<Received>>>,
    /// 0 accepts mail; 451 or 550 refuses it with that code.
    mode: Arc<AtomicU16>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for SmtpHandler {
    fn mail(&mut self, _ip: std::net::IpAddr, _domain: &str, _from: &str) -> Response {
        match self.mode.load(Ordering::SeqCst) {
            451 => INTERNAL_ERROR,
            550 => NO_MAILBOX,
            _ => OK,
        }
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let Ok(parsed) = mailparse::parse_mail(&self.data) else {
            return INTERNAL_ERROR;
        };
        let headers = parsed
            .headers
            .iter()
            .map(|h| (h.get_key(), h.get_value()))
            .collect::<Vec<_>>();
        let subject = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("subject"))
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let mut text = String::new();
        let mut html = None;
        let parts: Vec<&mailparse::ParsedMail> = if parsed.subparts.is_empty() {
            vec![&parsed]
        } else {
            parsed.subparts.iter().collect()
        };
        for p in parts {
            let body = p.get_body().unwrap_or_default();
            if p.ctype.mimetype == "text/html" {
                html = Some(body);
            } else if p.ctype.mimetype == "text/plain" {
                text = body;
            }
        }
        self.inbox.lock().unwrap().push(Received {
            to: self.to.clone(),
            subject,
            text,
            html,
            headers,
        });
        OK
    }
}

pub struct Smtp {
    pub port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
    mode: Arc<AtomicU16>,
}

impl Smtp {
    /// Starts an SMTP server on `listener` in a thread of its own.
    pub fn start_on(listener: TcpListener) -> Smtp {
        let port = listener.local_addr().unwrap().port();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let mode = Arc::new(AtomicU16::new(0));
        let handler = SmtpHandler {
            inbox: inbox.clone(),
            mode: mode.clone(),
            to: vec![],
            data: vec![],
        };
        std::thread::spawn(move || {
            let mut server = mailin_embedded::Server::new(handler);
            server
                .with_name("test.smtp")
                .with_num_threads(2)
                .with_tcp_listener(listener);
            let _ = server.serve();
        });
        Smtp { port, inbox, mode }
    }

    pub fn start() -> Smtp {
        Smtp::start_on(TcpListener::bind("127.0.0.1:0").unwrap())
    }

    /// Answer every MAIL FROM with this code from now on (0 = accept).
    pub fn refuse_with(&self, code: u16) {
        self.mode.store(code, Ordering::SeqCst);
    }

    pub fn all(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    pub fn to(&self, address: &str) -> Vec<Received> {
        self.all()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(address)))
            .collect()
    }

    /// Waits until `n` emails to `address` have arrived.
    pub async fn wait_for(&self, address: &str, n: usize, timeout: Duration) -> Vec<Received> {
        let start = Instant::now();
        loop {
            let got = self.to(address);
            if got.len() >= n || start.elapsed() > timeout {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

// ------------------------------------------------------------------------------------
// Databases

enum DbGuard {
    Sqlite(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

impl Drop for DbGuard {
    fn drop(&mut self) {
        match self {
            DbGuard::Sqlite(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            DbGuard::Postgres { admin_url, name } => {
                if let Ok(mut c) = PgConnection::establish(admin_url) {
                    let _ =
                        diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&mut c);
                }
            }
        }
    }
}

/// A fresh, empty database for one test; dropped with the guard.
fn fresh_database() -> (String, DbGuard) {
    let unique = format!("{}_{}", std::process::id(), plenary::ids::new_id());
    match std::env::var("PLENARY_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        Some(admin_url) if admin_url.starts_with("postgres") => {
            // Loopback tests need no TLS. With it, the pools of tests that have ended
            // (whose databases are dropped) may still be reconnecting through OpenSSL
            // when the test binary exits and its exit handlers free OpenSSL's state: the
            // binary once died with SIGSEGV after every test had passed.
            let admin_url = if admin_url.contains('?') {
                admin_url
            } else {
                format!("{admin_url}?sslmode=disable&gssencmode=disable")
            };
            let name = format!("plenary_test_{unique}");
            let mut c = PgConnection::establish(&admin_url)
                .expect("PLENARY_TEST_DATABASE_URL must reach PostgreSQL");
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut c)
                .unwrap();
            let (path, params) = admin_url.split_once('?').unwrap_or((&admin_url, ""));
            let base = path.rsplit_once('/').map(|(b, _)| b).unwrap_or(path);
            // postgres://user@host:port/db?params → replace the database name.
            let url = if path.matches('/').count() >= 3 {
                format!("{base}/{name}")
            } else {
                format!("{path}/{name}")
            };
            let url = if params.is_empty() {
                url
            } else {
                format!("{url}?{params}")
            };
            (url, DbGuard::Postgres { admin_url, name })
        }
        _ => {
            let dir = std::env::temp_dir().join(format!("plenary-test-{unique}"));
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join("test.db");
            (path.to_string_lossy().into_owned(), DbGuard::Sqlite(dir))
        }
    }
}

pub fn on_postgres() -> bool {
    std::env::var("PLENARY_TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"))
}

// ------------------------------------------------------------------------------------
// The security log

/// The lines logged under `plenary::security` since the first call, by every test of
/// this binary (they share one process and one global subscriber): filter them by
/// something only your test has, such as an account id or a fresh path.
pub fn security_log() -> &'static SecurityLog {
    static LOG: OnceLock<SecurityLog> = OnceLock::new();
    LOG.get_or_init(|| {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let sink = buf.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(
                "off,plenary::security=info",
            ))
            .with_ansi(false)
            .with_writer(move || LogSink(sink.clone()))
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other test sets a global subscriber");
        SecurityLog(buf)
    })
}

pub struct SecurityLog(Arc<Mutex<Vec<u8>>>);

impl SecurityLog {
    /// The lines that contain `needle`.
    pub fn lines_with(&self, needle: &str) -> Vec<String> {
        let bytes = self.0.lock().unwrap().clone();
        String::from_utf8_lossy(&bytes)
            .lines()
            .filter(|l| l.contains(needle))
            .map(str::to_string)
            .collect()
    }
}

struct LogSink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for LogSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// ------------------------------------------------------------------------------------
// The application

pub struct TestApp {
    pub address: String,
    pub port: u16,
    pub client: reqwest::Client,
    pub smtp: Smtp,
    pub state: AppState,
    pub database_url: String,
    pub mail_dir: std::path::PathBuf,
    _guard: DbGuard,
}

pub fn test_config(database_url: &str, smtp_port: u16) -> Config {
    let mut config = Config::from_env(Some("127.0.0.1:0".into())).unwrap();
    config.database_url = database_url.to_string();
    config.base_url = "http://127.0.0.1:0".into();
    config.jwt_secret = None;
    config.smtp_url = Some(format!("smtp://127.0.0.1:{smtp_port}"));
    config.mail_from = "Plenary <no-reply@plenary.test>".into();
    config.require_verified_email = true;
    config.rate_limits = true;
    config.flag_threshold = 3;
    config.pool_size = Some(8);
    config.worker_poll = Duration::from_millis(100);
    config
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the app after `tweak` has adjusted its configuration.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
    let smtp = Smtp::start();
    spawn_app_with_smtp(smtp, tweak).await
}

pub async fn spawn_app_with_smtp(smtp: Smtp, tweak: impl FnOnce(&mut Config)) -> TestApp {
    let (database_url, guard) = fresh_database();
    let mut config = test_config(&database_url, smtp.port);
    let mail_dir = std::env::temp_dir().join(format!("plenary-mail-{}", plenary::ids::new_id()));
    config.mail_dir = mail_dir.clone();
    tweak(&mut config);
    let db = plenary::startup::open_database(&config).unwrap();
    let app = Application::build_with(config, db).unwrap();
    let port = app.port();
    let state = app.state.clone();
    actix_web::rt::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        port,
        client,
        smtp,
        state,
        database_url,
        mail_dir,
        _guard: guard,
    }
}

/// One hash for every account the helpers create directly: argon2 is slow on purpose.
fn shared_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| plenary::auth::password::hash_now(PASSWORD).unwrap())
}

/// A user made by the helpers, with a valid token.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: i64,
    pub email: String,
    pub token: String,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub fn api(&self, path: &str) -> String {
        format!("{}/api/v1{}", self.address, path)
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    pub async fn post_json(
        &self,
        path: &str,
        body: &Value,
        token: Option<&str>,
    ) -> reqwest::Response {
        let mut r = self.client.post(self.api(path)).json(body);
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send().await.unwrap()
    }

    pub async fn patch_json(
        &self,
        path: &str,
        body: &Value,
        token: Option<&str>,
    ) -> reqwest::Response {
        let mut r = self.client.patch(self.api(path)).json(body);
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send().await.unwrap()
    }

    pub async fn get_api(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut r = self.client.get(self.api(path));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send().await.unwrap()
    }

    pub async fn delete_api(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut r = self.client.delete(self.api(path));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send().await.unwrap()
    }

    /// Creates a verified account directly in the database and gives it a token.
    pub async fn create_user(&self, group: Group, role: Role) -> TestUser {
        let email = format!("user{}@example.org", plenary::ids::new_id());
        let reg = Registration {
            email: email.clone(),
            password: PASSWORD.into(),
            display_name: format!("{} person", group.as_str()),
            group,
            organization: format!("{} org", group.as_str()),
            country: Some("KE".into()),
            language: plenary::i18n::Lang::En,
        };
        let hash = shared_hash().to_string();
        let user: User = self
            .db()
            .run(move |conn| plenary::accounts::service::insert_user(conn, &reg, hash, role, true))
            .await
            .unwrap();
        let (token, _) = self
            .state
            .keys
            .issue(user.id, &user.role, user.token_version)
            .unwrap();
        TestUser {
            id: user.id,
            email,
            token,
        }
    }

    pub async fn participant(&self, group: Group) -> TestUser {
        self.create_user(group, Role::Participant).await
    }

    pub async fn moderator(&self) -> TestUser {
        self.create_user(Group::InternationalOrganization, Role::Moderator)
            .await
    }

    pub async fn admin(&self) -> TestUser {
        self.create_user(Group::InternationalOrganization, Role::Admin)
            .await
    }

    /// Logs in through the API and returns the token.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_json(
            "/auth/login",
            &json!({"email": email, "password": password}),
            None,
        )
        .await
    }

    /// Signs `email` in through the `/login` form: this client's cookie jar then holds
    /// its session (replacing any earlier one).
    pub async fn sign_in_on_the_pages(&self, email: &str) {
        let csrf = self.csrf("/login").await;
        let res = self
            .client
            .post(self.url("/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", email),
                ("password", PASSWORD),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "signing in {email} on the pages");
    }

    /// The HTML of a page as this client (and its cookies) sees it; it must be a 200.
    pub async fn page(&self, path: &str) -> String {
        let res = self.client.get(self.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "GET {path}");
        res.text().await.unwrap()
    }

    /// The CSRF token of a fresh page (this client's cookie jar keeps the cookie).
    pub async fn csrf(&self, path: &str) -> String {
        let html = self
            .client
            .get(self.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("input[name=csrf]").unwrap();
        doc.select(&sel)
            .next()
            .and_then(|e| e.value().attr("value"))
            .expect("the page has a CSRF field")
            .to_string()
    }

    /// Counts rows of a table, straight from the database.
    pub async fn count(&self, sql_table: &'static str) -> i64 {
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        self.db()
            .run(move |conn| {
                Ok(
                    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {sql_table}"))
                        .get_result::<N>(conn)?
                        .n,
                )
            })
            .await
            .unwrap()
    }
}

pub async fn body(res: reqwest::Response) -> (u16, Value) {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}
