//! The page shell: document head, skip link, header with navigation, footer. Every page
//! goes through `page`, so the frame is written once.

use maud::{html, Markup, DOCTYPE};

use crate::accounts::model::User;
use crate::i18n::{self, t, Lang};

/// What every page needs to know about the request.
pub struct Ctx<'a> {
    pub user: Option<&'a User>,
    pub csrf: &'a str,
    /// The path of the page, to mark the current navigation entry.
    pub path: &'a str,
}

pub fn page(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    let lang = i18n::current();
    html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(lang.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (t("site-name")) }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                a class="skip-link" href="#main" { (t("site-skip")) }
                header class="site-header" {
                    a class="brand" href="/" { (t("site-name")) }
                    nav class="site-nav" aria-label=(t("nav-main")) {
                        ul {
                            (nav_link(ctx, "/", t("nav-consultations")))
                            @if let Some(u) = ctx.user {
                                @if u.is_moderator() { (nav_link(ctx, "/moderation", t("nav-moderation"))) }
                                @if u.is_admin() { (nav_link(ctx, "/admin", t("nav-admin"))) }
                                (nav_link(ctx, "/me", t("nav-me")))
                                li {
                                    form class="inline" method="post" action="/logout" {
                                        input type="hidden" name="csrf" value=(ctx.csrf);
                                        button type="submit" class="button link-like" { (t("nav-logout")) }
                                    }
                                }
                            } @else {
                                (nav_link(ctx, "/login", t("nav-login")))
                                (nav_link(ctx, "/register", t("nav-register")))
                            }
                        }
                    }
                    (language_switcher(ctx, lang))
                }
                main id="main" class="container" tabindex="-1" { (body) }
                footer class="site-footer" { p { (t("footer-text")) " " a href="/privacy" { (t("footer-privacy")) } } }
            }
        }
    }
}

/// Each language named in itself, a plain link (no script): `?lang=` on this page.
fn language_switcher(ctx: &Ctx, current: Lang) -> Markup {
    html! {
        nav class="language-switcher" aria-label=(t("lang-switcher")) {
            ul {
                @for &l in Lang::offered() {
                    li {
                        @if l == current {
                            span lang=(l.code()) dir=(l.dir()) aria-current="true" { (l.native_name()) }
                        } @else {
                            a href={ (ctx.path) "?lang=" (l.code()) } lang=(l.code()) hreflang=(l.code()) dir=(l.dir()) { (l.native_name()) }
                        }
                    }
                }
            }
        }
    }
}

fn nav_link(ctx: &Ctx, href: &str, label: &str) -> Markup {
    let current = if href == "/" {
        ctx.path == "/"
    } else {
        ctx.path.starts_with(href)
    };
    html! {
        li { a href=(href) aria-current=[current.then_some("page")] { (label) } }
    }
}
