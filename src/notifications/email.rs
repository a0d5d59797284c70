//! The notification emails: a subject naming the consultation and the paragraph, the
//! comment's text, a link straight to the thread, an unsubscribe link; plain text and
//! HTML (maud, escaped). No one else's email address ever appears.

use maud::{html, Markup, DOCTYPE};

use crate::i18n::{self, t, tr};
use crate::mail::outbox::Email;

/// Where the event happened, as readers name it.
pub struct Place {
    pub consultation: String,
    pub draft_title: String,
    pub version_label: String,
    /// `Some(label)` for a paragraph, `None` for the whole draft.
    pub paragraph_label: Option<String>,
}

impl Place {
    pub fn on(&self) -> String {
        match &self.paragraph_label {
            Some(l) => tr("email-on-paragraph", &[("label", l.as_str().into())]),
            None => t("email-on-draft").to_string(),
        }
    }

    pub fn document(&self) -> String {
        format!("{} {}", self.consultation, self.version_label)
    }
}

/// A notification email's content before it gets its recipient.
pub struct Notice {
    pub subject: String,
    pub lead: String,
    pub quote: Option<String>,
    pub quote_label: Option<String>,
    pub extra: Option<String>,
    pub link: String,
    pub link_text: String,
}

fn html_body(n: &Notice, unsubscribe: &str, base_url: &str) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(i18n::current().code()) dir=(i18n::current().dir()) {
            head { meta charset="utf-8"; title { (n.subject) } }
            body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 40em;" {
                p { (n.lead) }
                @if let Some(q) = &n.quote {
                    @if let Some(l) = &n.quote_label { p style="margin-bottom: 0.25em;" { strong { (l) } } }
                    blockquote style="border-inline-start: 4px solid #1a4480; margin: 0 0 1em; padding: 0.25em 1em; background: #f3f6fa;" {
                        @for para in q.split("\n\n") { p { (para) } }
                    }
                }
                @if let Some(e) = &n.extra { p { (e) } }
                p { a href=(n.link) { (n.link_text) } }
                hr;
                p style="color: #555; font-size: 0.9em;" {
                    (t("email-footer-why")) " "
                    a href={ (base_url) "/me" } { (t("email-footer-change")) } " " (t("email-footer-or")) " "
                    a href=(unsubscribe) { (t("email-footer-unsubscribe")) } "."
                }
            }
        }
    }
}

fn text_body(n: &Notice, unsubscribe: &str, base_url: &str) -> String {
    let mut s = format!("{}\n\n", n.lead);
    if let Some(q) = &n.quote {
        if let Some(l) = &n.quote_label {
            s.push_str(&format!("{l}\n"));
        }
        for line in q.lines() {
            s.push_str(&format!("> {line}\n"));
        }
        s.push('\n');
    }
    if let Some(e) = &n.extra {
        s.push_str(&format!("{e}\n\n"));
    }
    s.push_str(&format!(
        "{}:\n{}\n\n-- \n{}\n{}\n",
        n.link_text,
        n.link,
        footer_change(base_url),
        footer_unsubscribe(unsubscribe)
    ));
    s
}

pub fn build(to: &str, n: &Notice, unsubscribe: &str, base_url: &str) -> Email {
    Email {
        to: to.to_string(),
        subject: n.subject.clone(),
        text: text_body(n, unsubscribe, base_url),
        html: Some(html_body(n, unsubscribe, base_url).into_string()),
        unsubscribe_url: Some(unsubscribe.to_string()),
    }
}

/// One entry of a daily digest.
pub struct DigestLine {
    pub consultation: String,
    pub draft: String,
    pub line: String,
    pub excerpt: String,
    pub link: String,
}

pub fn digest(to: &str, items: &[DigestLine], unsubscribe: &str, base_url: &str) -> Email {
    // Grouped by consultation and draft, in the order the items came (oldest first:
    // newest last).
    let mut groups: Vec<(String, Vec<&DigestLine>)> = Vec::new();
    for i in items {
        let key = format!("{} — {}", i.consultation, i.draft);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    let subject = tr("email-digest-subject", &[("n", items.len().into())]);
    let mut text = format!("{}\n\n", t("email-digest-lead"));
    for (k, list) in &groups {
        text.push_str(&format!("{k}\n{}\n", "=".repeat(k.chars().count().min(70))));
        for i in list {
            text.push_str(&format!("* {}\n  {}\n  {}\n\n", i.line, i.excerpt, i.link));
        }
    }
    text.push_str(&format!(
        "-- \n{}\n{}\n",
        footer_change(base_url),
        footer_unsubscribe(unsubscribe)
    ));
    let html = html! {
        (DOCTYPE)
        html lang=(i18n::current().code()) dir=(i18n::current().dir()) {
            head { meta charset="utf-8"; title { (subject) } }
            body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 40em;" {
                p { (t("email-digest-lead")) }
                @for (k, list) in &groups {
                    h2 style="font-size: 1.1em;" { (k) }
                    ul {
                        @for i in list {
                            li { a href=(i.link) { (i.line) } br; span style="color: #444;" { (i.excerpt) } }
                        }
                    }
                }
                hr;
                p style="color: #555; font-size: 0.9em;" {
                    a href={ (base_url) "/me" } { (t("email-digest-change")) } " " (t("email-footer-or")) " "
                    a href=(unsubscribe) { (t("email-footer-unsubscribe")) } "."
                }
            }
        }
    };
    Email {
        to: to.to_string(),
        subject,
        text,
        html: Some(html.into_string()),
        unsubscribe_url: Some(unsubscribe.to_string()),
    }
}

fn footer_change(base_url: &str) -> String {
    tr(
        "email-footer-text-change",
        &[("url", format!("{base_url}/me").into())],
    )
}

fn footer_unsubscribe(unsubscribe: &str) -> String {
    tr(
        "email-footer-text-unsubscribe",
        &[("url", unsubscribe.into())],
    )
}

pub fn excerpt(text: &str, n: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > n {
        format!("{}…", flat.chars().take(n).collect::<String>())
    } else {
        flat
    }
}
