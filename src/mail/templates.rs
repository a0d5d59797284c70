//! The text and HTML of account emails, built with maud so that every value is escaped.

use maud::{html, DOCTYPE};

use crate::i18n::t;
use crate::mail::outbox::Email;

fn html_page(paragraphs: &[&str], link: &str, after: Option<&str>) -> String {
    html! {
        (DOCTYPE)
        html lang=(crate::i18n::current().code()) dir=(crate::i18n::current().dir()) {
            head { meta charset="utf-8"; title { (t("site-name")) } }
            body style="font-family: sans-serif; line-height: 1.5; color: #1b1b1b;" {
                @for p in paragraphs { p { (p) } }
                p { a href=(link) { (link) } }
                @if let Some(a) = after { p { (a) } }
                p style="color: #555;" { "— " (t("site-name")) }
            }
        }
    }
    .into_string()
}

pub fn verify_email(to: &str, base_url: &str, token: &str) -> Email {
    let link = format!("{base_url}/verify-email?token={token}");
    Email {
        to: to.to_string(),
        subject: t("email-verify-subject").into(),
        text: format!(
            "{}\n\n{link}\n\n— {}\n",
            t("email-verify-body"),
            t("site-name")
        ),
        html: Some(html_page(&[t("email-verify-body")], &link, None)),
        unsubscribe_url: None,
    }
}

pub fn password_reset(to: &str, base_url: &str, token: &str) -> Email {
    let link = format!("{base_url}/password-reset?token={token}");
    Email {
        to: to.to_string(),
        subject: t("email-reset-subject").into(),
        text: format!(
            "{}\n\n{link}\n\n{}\n\n— {}\n",
            t("email-reset-body"),
            t("email-reset-ignore"),
            t("site-name")
        ),
        html: Some(html_page(
            &[t("email-reset-body")],
            &link,
            Some(t("email-reset-ignore")),
        )),
        unsubscribe_url: None,
    }
}
