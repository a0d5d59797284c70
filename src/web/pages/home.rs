//! The home page: the list of consultations.

use actix_web::{web, HttpRequest};
use maud::html;

use crate::auth::session::{CsrfToken, PageUser};
use crate::i18n::t;
use crate::state::AppState;
use crate::web::layout::{page, Ctx};
use crate::web::{ok, PageResult};

pub async fn index(
    _state: web::Data<AppState>,
    req: HttpRequest,
    PageUser(user): PageUser,
    csrf: CsrfToken,
) -> PageResult {
    let ctx = Ctx {
        user: user.as_ref(),
        csrf: &csrf.0,
        path: req.path(),
    };
    Ok(ok(page(
        &ctx,
        t("nav.consultations"),
        html! {
            h1 { (t("nav.consultations")) }
            p class="lead" { (t("site.tagline")) }
        },
    )))
}
