//! `Application::build`: opens the database, applies migrations, loads the token key,
//! starts the outbox worker and binds the HTTP server (port 0 works, for tests).

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::{from_fn, Compress, DefaultHeaders, Logger, Next};
use actix_web::{web, App, HttpServer};
use diesel::prelude::*;

use crate::auth::security_log;
use crate::auth::session::{csrf_middleware, random_token};
use crate::auth::token::Keys;
use crate::config::Config;
use crate::db::schema::settings;
use crate::db::Db;
use crate::error::AppError;
use crate::mail::worker::Worker;
use crate::ratelimit::RateLimiter;
use crate::state::AppState;
use crate::{api, web as pages};

pub struct Application {
    port: u16,
    server: Server,
    pub state: AppState,
}

/// Opens the database named by the configuration and applies pending migrations.
pub fn open_database(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url, config.pool_size)?;
    let applied = db.migrate().map_err(anyhow::Error::msg)?;
    for m in applied {
        tracing::info!(migration = %m, "applied migration");
    }
    Ok(db)
}

/// The HMAC key for tokens: `JWT_SECRET` if set, else one generated on first start
/// and kept in the database, so that every web process of one deployment agrees.
pub fn token_secret(db: &Db, config: &Config) -> anyhow::Result<String> {
    if let Some(s) = &config.jwt_secret {
        if s.len() < 32 {
            anyhow::bail!("JWT_SECRET must be at least 32 characters");
        }
        return Ok(s.clone());
    }
    let mut conn = db.get().map_err(|e| anyhow::anyhow!(e.to_string()))?;
    let existing: Option<String> = settings::table
        .find("jwt_secret")
        .select(settings::value)
        .first(&mut *conn)
        .optional()?;
    if let Some(s) = existing {
        return Ok(s);
    }
    let fresh = format!("{}{}", random_token(), random_token());
    // Two processes starting at once: the primary key lets one win; read it back.
    let _ = diesel::insert_into(settings::table)
        .values((settings::key.eq("jwt_secret"), settings::value.eq(&fresh)))
        .execute(&mut *conn);
    Ok(settings::table
        .find("jwt_secret")
        .select(settings::value)
        .first(&mut *conn)?)
}

pub fn build_state(config: Config, db: Db) -> anyhow::Result<AppState> {
    let secret = token_secret(&db, &config)?;
    Ok(AppState {
        reads: Arc::new(crate::reads::ReadCache::new(config.read_cache_mb)),
        services: crate::services::Services {
            db,
            keys: Arc::new(Keys::new(secret.as_bytes())),
            limiter: Arc::new(RateLimiter::new(config.rate_limits)),
            config: Arc::new(config),
        },
    })
}

/// Headers on every answer: a strict CSP without inline script, no framing, no
/// sniffing, no referrer; HSTS when served over https.
fn security_headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "no-referrer"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ));
    if https {
        headers.add((
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    }
}

/// The application error behind an answer, from the API or a page.
fn app_error(e: &actix_web::Error) -> Option<&AppError> {
    e.as_error::<AppError>()
        .or_else(|| e.as_error::<pages::PageError>().map(|p| &p.0))
        .or_else(|| {
            e.as_error::<pages::language::Localized>()
                .and_then(|l| app_error(&l.error))
        })
}

/// Logs every 401 and 403 answer once, API and pages alike, whether a handler, an
/// extractor or the CSRF middleware refused (`security_log::refusal` says which).
async fn log_refusals(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    // Taken before the call: an error from an inner middleware comes back without the
    // request (and holding a clone of it would break routing).
    // Cheap to keep: a standard method is not allocated, a `Uri` shares its bytes.
    let method = req.method().clone();
    let uri = req.uri().clone();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let https = state.as_ref().is_some_and(|s| s.config.https());
    let token = crate::auth::presented_token(req.request(), https);
    let result = next.call(req).await;
    let (status, error) = match &result {
        Ok(res) => (res.status(), res.response().error()),
        Err(e) => (e.as_response_error().status_code(), Some(e)),
    };
    if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
        // Whom the credential names, checked only now: refusals are rare.
        let account = token
            .zip(state)
            .and_then(|(t, s)| crate::auth::account_named_by(&s, &t));
        let error = error.and_then(app_error);
        if let Some(event) =
            security_log::refusal(method.as_str(), uri.path(), status, error, account)
        {
            event.emit();
        }
    }
    result
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let db = open_database(&config)?;
        Self::build_with(config, db)
    }

    pub fn build_with(mut config: Config, db: Db) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(&config.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.bind))?;
        let addr = listener.local_addr()?;
        let port = addr.port();
        // A base URL derived from a bind to port 0 must name the port actually bound.
        if config.base_url == format!("http://{}", config.bind) {
            config.base_url = format!("http://{addr}");
        }
        let state = build_state(config, db)?;
        if state.config.run_worker {
            let worker = Worker::new(
                state.db.clone(),
                &state.config,
                state.keys.secret().to_vec(),
            )?;
            actix_web::rt::spawn(worker.run());
        }
        let data = web::Data::new(state.clone());
        let https = state.config.https();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .wrap(from_fn(crate::input::refuse_nul_in_query))
                .wrap(from_fn(pages::language::choose))
                .wrap(security_headers(https))
                .wrap(Compress::default())
                .wrap(Logger::new("%r %s %Dms").log_target("plenary::http"))
                .wrap(from_fn(log_refusals))
                .route("/healthz", web::get().to(api::healthz))
                .configure(api::openapi_routes)
                .service(
                    web::scope("/api/v1")
                        // Answers carry personal data (/me) and tokens (/auth/login).
                        .wrap(from_fn(crate::auth::authenticate))
                        .wrap(DefaultHeaders::new().add(("Cache-Control", "no-store")))
                        .configure(api::routes),
                )
                .service(
                    web::scope("")
                        .wrap(from_fn(csrf_middleware))
                        .configure(pages::routes),
                )
        })
        .listen(listener)?
        .run();
        Ok(Application {
            port,
            server,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
