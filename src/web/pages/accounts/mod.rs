//! Account pages: register, sign in and out, confirm the email address, reset the
//! password, /me (profile, notifications, password, sign out everywhere) and the
//! second factor. Each part has its own file; the handlers are re-exported here for
//! the route table.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde::Deserialize;

use crate::error::AppError;
use crate::web::redirect;

mod passwords;
mod profile;
mod registration;
mod second_factor;
mod sign_in;

pub use passwords::*;
pub use profile::*;
pub use registration::*;
pub use second_factor::*;
pub use sign_in::*;

/// The status to answer a form with: 422 for field errors, else the error's own.
fn form_status(e: &AppError) -> StatusCode {
    use actix_web::ResponseError;
    e.status_code()
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
}

/// Where a signed-out visitor of a members' page is sent.
pub fn login_redirect(path: &str) -> HttpResponse {
    redirect(&format!("/login?next={path}"))
}
