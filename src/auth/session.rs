//! The pages' session: the login cookie (the same signed token the API uses, HttpOnly,
//! SameSite=Lax, Secure over https) and a double-submit CSRF token for every form.

use std::future::{ready, Future, Ready};
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use base64::Engine;

use crate::accounts::model::User;
use crate::auth::user_from_token;
use crate::error::AppError;
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "plenary_session";
pub const CSRF_COOKIE: &str = "plenary_csrf";

/// Cookie names: over https they carry the `__Host-` prefix, which browsers only accept
/// with Secure, Path=/ and no Domain, so a sibling subdomain cannot plant them.
pub fn session_cookie(https: bool) -> &'static str {
    if https {
        "__Host-plenary_session"
    } else {
        SESSION_COOKIE
    }
}

pub fn csrf_cookie(https: bool) -> &'static str {
    if https {
        "__Host-plenary_csrf"
    } else {
        CSRF_COOKIE
    }
}

/// Whether a state-changing request comes from our own pages: `Sec-Fetch-Site` (when
/// the browser sends it) must not be cross-site, and `Origin` (when sent) must name the
/// host the request was sent to. Complements the CSRF token.
fn same_origin(req: &ServiceRequest) -> bool {
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
    if header("sec-fetch-site").is_some_and(|v| v == "cross-site") {
        return false;
    }
    match (header("origin"), header("host")) {
        (None, _) | (Some("null"), _) => true,
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, h)| h.eq_ignore_ascii_case(host)),
        (Some(_), None) => false,
    }
}

/// A random URL-safe token of 32 bytes.
pub fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// This request's CSRF token, put in the request by `csrf_middleware`.
#[derive(Clone)]
pub struct CsrfToken(pub String);

#[derive(Clone)]
struct NewCsrf;

/// Makes sure every visitor has a CSRF cookie, and hands its value to the pages.
pub async fn csrf_middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let https = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.config.https());
    let state_changing = !matches!(req.method().as_str(), "GET" | "HEAD" | "OPTIONS");
    // The unsubscribe link is posted by mail providers (RFC 8058), with its own token.
    if state_changing && req.path() != "/unsubscribe" && !same_origin(&req) {
        // Logged with the other refusals, in `startup::log_refusals`.
        let res = crate::web::PageError(crate::error::AppError::CsrfRefused(
            crate::auth::security_log::CsrfRefusal::CrossSite,
        ));
        return Err(res.into());
    }
    let existing = req
        .cookie(csrf_cookie(https))
        .map(|c| c.value().to_string())
        .filter(|v| v.len() >= 32);
    let (token, fresh) = match existing {
        Some(t) => (t, false),
        None => (random_token(), true),
    };
    req.extensions_mut().insert(CsrfToken(token.clone()));
    if fresh {
        req.extensions_mut().insert(NewCsrf);
    }
    let mut res = next.call(req).await?;
    if fresh {
        let cookie = Cookie::build(csrf_cookie(https), token)
            .path("/")
            .http_only(true)
            .secure(https)
            .same_site(SameSite::Lax)
            .finish();
        res.response_mut().add_cookie(&cookie).ok();
    }
    Ok(res)
}

impl FromRequest for CsrfToken {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<CsrfToken>()
                .cloned()
                .ok_or_else(|| AppError::Internal("CSRF middleware missing".into())),
        )
    }
}

impl CsrfToken {
    /// Whether a submitted form token matches the cookie (compared in constant time).
    pub fn matches(&self, submitted: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), submitted.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

/// The signed-in user of a page request, if any (from the login cookie).
pub struct PageUser(pub Option<User>);

impl FromRequest for PageUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.get_ref().clone());
        let https = state.as_ref().is_some_and(|s| s.config.https());
        let token = req
            .cookie(session_cookie(https))
            .map(|c| c.value().to_string());
        Box::pin(async move {
            match (token, state) {
                (Some(t), Some(state)) => Ok(PageUser(user_from_token(&state, &t).await?)),
                _ => Ok(PageUser(None)),
            }
        })
    }
}

pub fn login_cookie(token: &str, https: bool) -> Cookie<'static> {
    Cookie::build(session_cookie(https), token.to_string())
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::seconds(crate::auth::token::LIFETIME_SECS))
        .finish()
}

pub fn logout_cookie(https: bool) -> Cookie<'static> {
    let mut c = login_cookie("", https);
    c.make_removal();
    c
}
