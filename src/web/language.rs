//! Which of the six languages a request is answered in, chosen once per request and set
//! for its task (`i18n::scope`), so that every `t()` of the handler and of its error
//! page speaks it.
//!
//! Pages: a `?lang=` link (shareable, and what the language switcher links to; it also
//! sets the cookie), then the `plenary_lang` cookie, then `Accept-Language`, then
//! English. A signed-in account's `preferred_language` is put into the cookie when it
//! signs in and when it changes its profile. The API: `?lang=` where a route takes it
//! (the export), then `Accept-Language` (problem titles; machine values never change).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::web;
use actix_web::{HttpResponse, ResponseError};

use crate::i18n::{self, Lang};
use crate::state::AppState;

pub const COOKIE: &str = "plenary_lang";

/// The language asked for by a `lang=` parameter of a query string.
pub fn from_query(query: &str) -> Option<Lang> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::from_code(&v))
}

/// The cookie that keeps a visitor's language for a year.
pub fn cookie(lang: Lang, https: bool) -> Cookie<'static> {
    Cookie::build(COOKIE, lang.code())
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::days(365))
        .finish()
}

fn accept_language(req: &ServiceRequest) -> Option<Lang> {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
}

pub async fn choose(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let api = req.path().starts_with("/api/");
    // A link may name its language on the API too (the HTML compilation); only pages
    // remember it.
    let asked = from_query(req.query_string());
    let kept = (!api)
        .then(|| req.cookie(COOKIE).and_then(|c| Lang::from_code(c.value())))
        .flatten();
    let lang = asked
        .or(kept)
        .or_else(|| accept_language(&req))
        .unwrap_or_default();
    let https = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.config.https());
    let mut res = i18n::scope(lang, next.call(req))
        .await
        .map_err(|error| Localized { error, lang })?;
    if let Some(lang) = asked.filter(|l| !api && Some(*l) != kept) {
        res.response_mut().add_cookie(&cookie(lang, https)).ok();
    }
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    Ok(res)
}

/// An error an inner middleware returned (a refused CSRF check, a NUL in the query):
/// actix turns it into a response after this middleware has returned, outside the
/// request's language, so it carries the language with it.
#[derive(Debug)]
pub struct Localized {
    pub error: actix_web::Error,
    lang: Lang,
}

impl std::fmt::Display for Localized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl ResponseError for Localized {
    fn status_code(&self) -> StatusCode {
        self.error.as_response_error().status_code()
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        i18n::in_lang(self.lang, || self.error.error_response())
    }
}
