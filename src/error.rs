//! The one application error type. Each variant has one status, chosen in one match;
//! API answers are RFC 9457 problem+json, and causes of 5xx are logged, never sent.

use std::collections::BTreeMap;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

/// Messages per field, for 422 answers: `{"body": ["must not be empty"]}`.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct FieldErrors(pub BTreeMap<String, Vec<String>>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_default()
            .push(message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&[String]> {
        self.0.get(field).map(Vec::as_slice)
    }

    /// `Ok(())` when nothing was added, else a validation error.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self))
        }
    }

    pub fn single(field: &str, message: impl Into<String>) -> AppError {
        let mut e = FieldErrors::new();
        e.add(field, message);
        AppError::Validation(e)
    }
}

/// Why a form post was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsrfRefusal {
    /// The form's token did not match the visitor's cookie.
    Token,
    /// `Origin` or `Sec-Fetch-Site` named another site.
    CrossSite,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("authentication required")]
    Unauthorized,
    /// The password was right; a one-time code from the second factor is needed (or
    /// the one given was wrong).
    #[error("second factor required")]
    MfaRequired,
    #[error("{0}")]
    Forbidden(String),
    /// A page form without its CSRF token, or from another site: a 403 of its own, so
    /// that the security log names it (`csrf_refused`).
    #[error("form refused: {0:?}")]
    CsrfRefused(CsrfRefusal),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("invalid fields")]
    Validation(FieldErrors),
    #[error("too many requests")]
    RateLimited { retry_after_secs: u64 },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// A stable snake_case code, used as the problem `type` suffix.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized => "unauthorized",
            AppError::MfaRequired => "mfa_required",
            AppError::Forbidden(_) => "forbidden",
            AppError::CsrfRefused(_) => "csrf_refused",
            AppError::NotFound => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::Validation(_) => "validation",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// The detail a client may read; causes of 5xx stay in the log.
    pub fn detail(&self) -> String {
        match self {
            AppError::BadRequest(m) | AppError::Forbidden(m) | AppError::Conflict(m) => m.clone(),
            AppError::Unauthorized => "Sign in, or send a valid bearer token.".into(),
            AppError::MfaRequired => "Enter the one-time code from your authenticator app (field totp), or a recovery code.".into(),
            AppError::CsrfRefused(CsrfRefusal::Token) => {
                crate::i18n::t("form-csrf").into()
            }
            AppError::CsrfRefused(CsrfRefusal::CrossSite) => {
                "This form was sent from another site. Go back to Plenary and try again.".into()
            }
            AppError::NotFound => "There is nothing here, or you may not see it.".into(),
            AppError::PayloadTooLarge => {
                "The request body is larger than this endpoint accepts.".into()
            }
            AppError::Validation(_) => "Some fields are invalid; see errors.".into(),
            AppError::RateLimited { retry_after_secs } => {
                format!("Too many attempts; try again in {retry_after_secs} seconds.")
            }
            AppError::Unavailable(_) => "The service is temporarily unavailable.".into(),
            AppError::Internal(_) => "An unexpected error occurred.".into(),
        }
    }

    pub fn forbidden(msg: &str) -> Self {
        AppError::Forbidden(msg.to_string())
    }

    pub fn conflict(msg: &str) -> Self {
        AppError::Conflict(msg.to_string())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        match e {
            E::NotFound => AppError::NotFound,
            E::DatabaseError(K::UniqueViolation, _) => {
                AppError::Conflict("This already exists.".into())
            }
            E::DatabaseError(K::ForeignKeyViolation, info) => {
                tracing::debug!(cause = info.message(), "foreign key violation");
                FieldErrors::single("id", "refers to something that does not exist")
            }
            // The database went away (restart, failover): a 503 the client may retry,
            // never a 500 with details.
            E::DatabaseError(K::ClosedConnection, info) => {
                AppError::Unavailable(info.message().to_string())
            }
            E::BrokenTransactionManager => {
                AppError::Unavailable("broken transaction manager".into())
            }
            E::DatabaseError(K::Unknown, info)
                if [
                    "terminating connection",
                    "connection",
                    "shutting down",
                    "starting up",
                    "database is locked",
                ]
                .iter()
                .any(|m| info.message().contains(m)) =>
            {
                AppError::Unavailable(info.message().to_string())
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        AppError::Unavailable(e.to_string())
    }
}

/// An RFC 9457 problem: every API error answer, as `application/problem+json`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Problem<'a> {
    /// `https://plenary.example/problems/<code>`, the code being stable snake_case.
    #[serde(rename = "type")]
    kind: String,
    #[schema(value_type = String)]
    title: &'a str,
    #[schema(minimum = 400, maximum = 599)]
    status: u16,
    detail: String,
    /// Only in 422 answers: the messages per invalid field.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = FieldErrors)]
    errors: Option<&'a FieldErrors>,
}

/// The problem's `title` in the request's language (`Accept-Language` on the API).
fn problem_title(status: StatusCode) -> &'static str {
    use crate::i18n::t;
    match status.as_u16() {
        400 => t("problem-400"),
        401 => t("problem-401"),
        403 => t("problem-403"),
        404 => t("problem-404"),
        409 => t("problem-409"),
        413 => t("problem-413"),
        422 => t("problem-422"),
        429 => t("problem-429"),
        503 => t("problem-503"),
        _ => t("problem-500"),
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized | AppError::MfaRequired => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) | AppError::CsrfRefused(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let problem = Problem {
            kind: format!("https://plenary.example/problems/{}", self.code()),
            title: problem_title(status),
            status: status.as_u16(),
            detail: self.detail(),
            errors: match self {
                AppError::Validation(f) => Some(f),
                _ => None,
            },
        };
        let mut res = HttpResponse::build(status);
        res.content_type("application/problem+json");
        if let AppError::RateLimited { retry_after_secs } = self {
            res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
        }
        if matches!(self, AppError::Unauthorized) {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        res.body(serde_json::to_string(&problem).unwrap_or_default())
    }
}
