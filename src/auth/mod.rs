//! Who is calling: passwords, tokens, the API's bearer extractors and the pages'
//! cookie session with its CSRF token.

pub mod mfa;
pub mod password;
pub mod security_log;
pub mod session;
pub mod token;

use std::future::Future;
use std::pin::Pin;

use actix_web::{dev::Payload, web, FromRequest, HttpMessage, HttpRequest};
use diesel::prelude::*;

use crate::accounts::model::User;
use crate::db::schema::users;
use crate::error::AppError;
use crate::state::AppState;

/// Loads the user a token names and checks that the token is still current: its
/// version matches (no password change, reset, role change or suspension since) and
/// the account is not suspended or erased.
pub async fn user_from_token(state: &AppState, token: &str) -> Result<Option<User>, AppError> {
    let Some(claims) = state.keys.verify(token) else {
        return Ok(None);
    };
    let Ok(id) = claims.sub.parse::<i64>() else {
        return Ok(None);
    };
    let user = state
        .db
        .run(move |conn| {
            users::table
                .find(id)
                .select(User::as_select())
                .first(conn)
                .optional()
                .map_err(Into::into)
        })
        .await?;
    Ok(user.filter(|u| u.token_version == claims.ver && !u.suspended && u.deleted_at.is_none()))
}

/// The account a token with a good signature and expiry names, whether or not it has
/// been revoked since: the security log says whom a refused request came from.
pub fn account_named_by(state: &AppState, token: &str) -> Option<i64> {
    state.keys.verify(token)?.sub.parse().ok()
}

/// The credential a request presents: its bearer token (the API), or else the pages'
/// session cookie.
pub fn presented_token(req: &HttpRequest, https: bool) -> Option<String> {
    bearer(req).or_else(|| {
        req.cookie(session::session_cookie(https))
            .map(|c| c.value().to_string())
    })
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

fn state_of(req: &HttpRequest) -> Result<AppState, AppError> {
    req.app_data::<web::Data<AppState>>()
        .map(|s| s.get_ref().clone())
        .ok_or_else(|| AppError::Internal("application state missing".into()))
}

/// What the API's authentication step found in a request's bearer token, kept in the
/// request's extensions for the extractors below.
#[derive(Clone)]
enum Bearer {
    /// A token naming a current, unsuspended account.
    Valid(Box<User>),
    /// A token was sent but is forged, expired, revoked, or names an account that is
    /// suspended or erased.
    Invalid,
}

/// The API's one authentication step (middleware on `/api/v1`): it reads the bearer
/// token, if any, before any handler runs and before any body is read, and leaves what
/// it found for `ApiUser` and `MaybeApiUser`. Those are then ready at once, so a
/// revoked token is a 401 whatever else is wrong with the request (a handler's
/// extractors run in order and the first error is the answer). It answers nothing
/// itself: routes that ignore tokens keep ignoring them. The sign-in routes
/// (`/auth/*` but logout) are public and skip the lookup.
pub async fn authenticate(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let path = req.path();
    let public = path.starts_with("/api/v1/auth/") && path != "/api/v1/auth/logout";
    if let (false, Some(token)) = (public, bearer(req.request())) {
        let state = state_of(req.request())?;
        let found = match user_from_token(&state, &token).await? {
            Some(user) => Bearer::Valid(Box::new(user)),
            None => Bearer::Invalid,
        };
        req.extensions_mut().insert(found);
    }
    next.call(req).await
}

fn found(req: &HttpRequest) -> Option<Bearer> {
    req.extensions().get::<Bearer>().cloned()
}

/// An API caller with a valid bearer token; 401 otherwise. Cookies are ignored.
pub struct ApiUser(pub User);

impl FromRequest for ApiUser {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(match found(req) {
            Some(Bearer::Valid(user)) => Ok(ApiUser(*user)),
            _ => Err(AppError::Unauthorized),
        })
    }
}

/// An API caller who may or may not have sent a token. A bad token is still a 401:
/// silently treating it as anonymous would hide a client's bug.
pub struct MaybeApiUser(pub Option<User>);

impl FromRequest for MaybeApiUser {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(match found(req) {
            None => Ok(MaybeApiUser(None)),
            Some(Bearer::Valid(user)) => Ok(MaybeApiUser(Some(*user))),
            Some(Bearer::Invalid) => Err(AppError::Unauthorized),
        })
    }
}

/// Under `PLENARY_STAFF_MFA=required`, staff without a second factor may sign in (to
/// set it up) but may not use their powers.
pub fn staff_mfa_ok(state: &AppState, user: &User) -> Result<(), AppError> {
    if state.config.staff_mfa_required && user.is_moderator() && !user.totp_enabled {
        return Err(AppError::forbidden(
            "Moderators and administrators must turn on two-factor authentication first (My account).",
        ));
    }
    Ok(())
}

/// A moderator or admin; 401 without a token, 403 for participants.
pub struct Moderator(pub User);

impl FromRequest for Moderator {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = ApiUser::from_request(req, payload);
        let state = state_of(req);
        Box::pin(async move {
            let ApiUser(u) = user.await?;
            if u.is_moderator() {
                staff_mfa_ok(&state?, &u)?;
                Ok(Moderator(u))
            } else {
                Err(AppError::forbidden("Only moderators may do this."))
            }
        })
    }
}

/// An admin; 401 without a token, 403 for everyone else.
pub struct Admin(pub User);

impl FromRequest for Admin {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = ApiUser::from_request(req, payload);
        let state = state_of(req);
        Box::pin(async move {
            let ApiUser(u) = user.await?;
            if u.is_admin() {
                staff_mfa_ok(&state?, &u)?;
                Ok(Admin(u))
            } else {
                Err(AppError::forbidden("Only administrators may do this."))
            }
        })
    }
}
