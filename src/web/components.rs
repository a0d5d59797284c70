//! Small reusable pieces of markup: form fields that show their errors accessibly,
//! notices, the CSRF field.

use maud::{html, Markup};

use crate::error::FieldErrors;
use crate::i18n::{message, t};

pub fn csrf_field(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}

pub enum Notice<'a> {
    Info(&'a str),
    Success(&'a str),
    Error(&'a str),
}

pub fn notice(n: &Notice) -> Markup {
    let (class, text, role) = match n {
        Notice::Info(t) => ("notice", *t, "status"),
        Notice::Success(t) => ("notice success", *t, "status"),
        Notice::Error(t) => ("notice error", *t, "alert"),
    };
    html! { div class=(class) role=(role) { p { (text) } } }
}

/// What a Word upload could not carry (tables, images, comments, tracked changes), shown
/// above the converted text before anything is stored.
pub fn import_warnings(warnings: &[String]) -> Markup {
    html! {
        @if !warnings.is_empty() {
            div class="notice warning" role="status" id="import-warnings" {
                p { strong { (t("import-warnings")) } }
                ul { @for w in warnings { li { (message(w)) } } }
            }
        }
    }
}

/// What a file input for a Word draft accepts.
pub const DOCX_ACCEPT: &str =
    ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A summary of field errors at the top of a form, linking to each field.
pub fn error_summary(errors: &FieldErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div class="notice error" role="alert" tabindex="-1" id="error-summary" {
                p { (t("form-errors")) }
                ul {
                    @for (field, msgs) in &errors.0 {
                        @for m in msgs {
                            li {
                                a href={ "#f-" (field) } {
                                    @match crate::i18n::field_label(field) {
                                        Some(label) => { (label) ": " (message(m)) }
                                        None => { (field.replace('_', " ")) " " (message(m)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One labelled input.
pub struct Field<'a> {
    pub name: &'a str,
    pub label: &'a str,
    pub kind: &'a str,
    pub value: &'a str,
    pub hint: Option<&'a str>,
    pub required: bool,
    pub autocomplete: Option<&'a str>,
    /// Distinguishes the ids of two forms on one page with the same field names.
    pub prefix: &'a str,
}

impl<'a> Field<'a> {
    pub fn new(name: &'a str, label: &'a str) -> Self {
        Field {
            name,
            label,
            kind: "text",
            value: "",
            hint: None,
            required: false,
            autocomplete: None,
            prefix: "",
        }
    }
    pub fn kind(mut self, k: &'a str) -> Self {
        self.kind = k;
        self
    }
    pub fn value(mut self, v: &'a str) -> Self {
        self.value = v;
        self
    }
    pub fn hint(mut self, h: &'a str) -> Self {
        self.hint = Some(h);
        self
    }
    pub fn prefix(mut self, p: &'a str) -> Self {
        self.prefix = p;
        self
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub fn autocomplete(mut self, a: &'a str) -> Self {
        self.autocomplete = Some(a);
        self
    }

    pub fn render(&self, errors: &FieldErrors) -> Markup {
        let id = if self.prefix.is_empty() {
            format!("f-{}", self.name)
        } else {
            format!("f-{}-{}", self.prefix, self.name)
        };
        let hint_id = format!("{id}-hint");
        let err_id = format!("{id}-error");
        let msgs = errors.get(self.name);
        let mut described = Vec::new();
        if self.hint.is_some() {
            described.push(hint_id.clone());
        }
        if msgs.is_some() {
            described.push(err_id.clone());
        }
        let described = (!described.is_empty()).then(|| described.join(" "));
        html! {
            div class="field" {
                label for=(id) { (self.label) }
                @if let Some(h) = self.hint { small class="hint" id=(hint_id) { (h) } }
                @if let Some(ms) = msgs {
                    p class="field-error" id=(err_id) { @for m in ms { (message(m)) " " } }
                }
                @if self.kind == "textarea" {
                    textarea id=(id) name=(self.name) rows="6" required[self.required]
                        aria-invalid=[msgs.map(|_| "true")] aria-describedby=[described.as_deref()] { (self.value) }
                } @else {
                    input id=(id) type=(self.kind) name=(self.name) value=(self.value) required[self.required]
                        autocomplete=[self.autocomplete] accept=[(self.kind == "file").then_some(DOCX_ACCEPT)]
                        aria-invalid=[msgs.map(|_| "true")] aria-describedby=[described.as_deref()];
                }
            }
        }
    }
}

/// A `<select>` with its options as (value, label).
pub fn select(
    name: &str,
    label: &str,
    options: &[(&str, &str)],
    selected: &str,
    errors: &FieldErrors,
) -> Markup {
    select_with_id(&format!("f-{name}"), name, label, options, selected, errors)
}

/// A `<select>` with an explicit id, for pages with several forms.
pub fn select_with_id(
    id: &str,
    name: &str,
    label: &str,
    options: &[(&str, &str)],
    selected: &str,
    errors: &FieldErrors,
) -> Markup {
    let err_id = format!("{id}-error");
    let msgs = errors.get(name);
    html! {
        div class="field" {
            label for=(id) { (label) }
            @if let Some(ms) = msgs { p class="field-error" id=(err_id) { @for m in ms { (message(m)) " " } } }
            select id=(id) name=(name) aria-invalid=[msgs.map(|_| "true")] aria-describedby=[msgs.map(|_| err_id.as_str())] {
                @for (value, text) in options {
                    option value=(value) selected[*value == selected] { (text) }
                }
            }
        }
    }
}

/// The arrow of a link back to where the reader came from: it points to the side a
/// line of text starts on, so to the right in Arabic.
pub fn back_arrow() -> &'static str {
    match crate::i18n::current().dir() {
        "rtl" => "→ ",
        _ => "← ",
    }
}
