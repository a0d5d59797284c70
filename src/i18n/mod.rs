//! The message catalogue: every text a person reads comes from `locales/<code>/main.ftl`
//! (Project Fluent), one file per UN language, compiled into the binary.
//!
//! The language of a request is chosen once, by `web::language` (a `?lang=` link, the
//! `plenary_lang` cookie, then `Accept-Language`), and set for the request's task with
//! [`scope`]; [`t`] and [`tr`] read it. Work that runs elsewhere (the blocking pool, the
//! mail worker) names its language explicitly with [`in_lang`].

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

mod format;
mod messages;
pub use format::{date, date_in, date_time, date_time_in, day_of, moment_of, number, number_in};
pub use messages::{message, message_in};

/// The six official languages of the United Nations, in the UN's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    Zh,
    #[default]
    En,
    Fr,
    Ru,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// The BCP 47 code, as in `<html lang>` and in the API (`preferred_language`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The language named in itself, as the language switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
        }
    }

    /// `rtl` for Arabic, `ltr` for the others.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The languages offered to readers: those whose catalogue holds every English
    /// message. A language whose file is missing or incomplete is not offered (it would
    /// mix in English), and becomes so as soon as its file is complete.
    pub fn offered() -> &'static [Lang] {
        static OFFERED: LazyLock<Vec<Lang>> = LazyLock::new(|| {
            let english = message_ids(Lang::En);
            Lang::ALL
                .into_iter()
                .filter(|l| {
                    let ids = message_ids(*l);
                    english.iter().all(|id| ids.binary_search(id).is_ok())
                })
                .collect()
        });
        &OFFERED
    }

    /// An offered language from a code: `fr`, `fr-CA` and `FR` are French, `zh-Hans-CN`
    /// Chinese.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::offered()
            .iter()
            .copied()
            .find(|l| l.code() == primary)
    }

    /// The first of the six an `Accept-Language` header asks for, by its q-values
    /// (RFC 9110 §12.5.4; a tag with `q=0` is refused, equal weights keep their order).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut asked: Vec<(u16, Lang)> = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let lang = Lang::from_code(parts.next()?)?;
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                Some(((q.clamp(0.0, 1.0) * 1000.0) as u16, lang))
            })
            .filter(|(q, _)| *q > 0)
            .collect();
        asked.sort_by_key(|(q, _)| std::cmp::Reverse(*q));
        asked.first().map(|(_, l)| *l)
    }

    /// The offered codes, for the message of a field that names a language.
    pub fn offered_codes() -> String {
        let codes: Vec<&str> = Lang::offered().iter().map(|l| l.code()).collect();
        codes.join(", ")
    }

    fn index(self) -> usize {
        self as usize
    }
}

tokio::task_local! {
    static CURRENT: Lang;
}

/// The language of the request (or of [`in_lang`]) being served; English outside one.
pub fn current() -> Lang {
    CURRENT.try_with(|l| *l).unwrap_or_default()
}

/// Runs `fut` with `lang` as the current language.
pub async fn scope<F: std::future::Future>(lang: Lang, fut: F) -> F::Output {
    CURRENT.scope(lang, fut).await
}

/// Runs `f` with `lang` as the current language: emails in their recipient's language,
/// an export rendered on the blocking pool.
pub fn in_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    CURRENT.sync_scope(lang, f)
}

struct Catalogue {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// Every message without variables, formatted once: `t` hands out `&'static str`.
    plain: Vec<HashMap<String, String>>,
}

const SOURCES: [(Lang, &str); 6] = [
    (Lang::Ar, include_str!("../../locales/ar/main.ftl")),
    (Lang::Zh, include_str!("../../locales/zh/main.ftl")),
    (Lang::En, include_str!("../../locales/en/main.ftl")),
    (Lang::Fr, include_str!("../../locales/fr/main.ftl")),
    (Lang::Ru, include_str!("../../locales/ru/main.ftl")),
    (Lang::Es, include_str!("../../locales/es/main.ftl")),
];

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let mut bundles = Vec::new();
    let mut plain = Vec::new();
    for (lang, source) in SOURCES {
        debug_assert_eq!(lang.index(), bundles.len());
        let (bundle, messages) = load(lang, source);
        bundles.push(bundle);
        plain.push(messages);
    }
    Catalogue { bundles, plain }
});

/// A bundle for one language. The files are part of the binary and checked by the tests
/// (`every_language_has_every_message`), so a syntax error is a bug in the build:
/// it is reported, and the messages that did parse are used.
fn load(lang: Lang, source: &str) -> (FluentBundle<FluentResource>, HashMap<String, String>) {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around variables would reach emails, CSV titles and
    // tests as invisible characters; the pages set `dir` on their own elements instead.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::Ar => format::fluent_number::<0, _>,
        Lang::Zh => format::fluent_number::<1, _>,
        Lang::En => format::fluent_number::<2, _>,
        Lang::Fr => format::fluent_number::<3, _>,
        Lang::Ru => format::fluent_number::<4, _>,
        Lang::Es => format::fluent_number::<5, _>,
    }));
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, errors)| {
        tracing::error!(
            language = lang.code(),
            ?errors,
            "syntax errors in the catalogue"
        );
        res
    });
    let ids = ids_in(source);
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(
            language = lang.code(),
            ?errors,
            "duplicate messages in the catalogue"
        );
    }
    let mut plain = HashMap::new();
    for id in ids {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            plain.insert(id.to_string(), text.into_owned());
        }
    }
    (bundle, plain)
}

/// The text of message `key` in the current language (English when the language lacks
/// it); an unknown key is returned as itself, visibly. For messages without variables.
pub fn t(key: &'static str) -> &'static str {
    t_in(current(), key)
}

/// [`t`] in a named language.
pub fn t_in(lang: Lang, key: &'static str) -> &'static str {
    let c = &*CATALOGUE;
    c.plain[lang.index()]
        .get(key)
        .or_else(|| c.plain[Lang::En.index()].get(key))
        .map_or(key, String::as_str)
}

/// The text of message `key` with its variables, plural forms chosen by the current
/// language's rules: `tr("draft-comments-count", &[("n", 5.into())])`.
pub fn tr(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    tr_in(current(), key, args)
}

/// [`tr`] in a named language.
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let c = &*CATALOGUE;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    for bundle in [&c.bundles[lang.index()], &c.bundles[Lang::En.index()]] {
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

/// The message ids of a language's file, for the tests that keep the six complete.
pub fn message_ids(lang: Lang) -> Vec<&'static str> {
    let mut ids = ids_in(SOURCES[lang.index()].1);
    ids.sort_unstable();
    ids
}

/// The ids of the messages of a Fluent file: the names before ` =` at the start of a line.
fn ids_in(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            let well_formed = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            well_formed.then_some(id)
        })
        .collect()
}

/// The display name of a stakeholder group from its API value.
pub fn group(value: &str) -> &'static str {
    match value {
        "government" => t("group-government"),
        "private_sector" => t("group-private_sector"),
        "civil_society" => t("group-civil_society"),
        "academia" => t("group-academia"),
        "technical_community" => t("group-technical_community"),
        "international_organization" => t("group-international_organization"),
        _ => "—",
    }
}

/// The label of a form field from its name, for the error summary above a form.
pub fn field_label(name: &str) -> Option<&'static str> {
    Some(match name {
        "email" => t("field-email"),
        "password" => t("field-password"),
        "new_password" => t("field-new_password"),
        "current_password" => t("field-current_password"),
        "display_name" => t("field-display_name"),
        "stakeholder_group" => t("field-stakeholder_group"),
        "organization" => t("field-organization"),
        "country" => t("field-country"),
        "notification_mode" => t("field-notification_mode"),
        "preferred_language" => t("field-preferred_language"),
        "title" => t("field-title"),
        "summary" => t("field-summary"),
        "opens_at" => t("field-opens_at"),
        "closes_at" => t("field-closes_at"),
        "moderation" => t("field-moderation"),
        "version_label" => t("field-version_label"),
        "text" => t("field-text"),
        "body" => t("form-body"),
        "proposed_text" => t("form-proposed_text"),
        "attribution" => t("form-attribution"),
        "role" => t("field-role"),
        _ => return None,
    })
}

/// The display name of a role from its API value.
pub fn role(value: &str) -> &'static str {
    match value {
        "moderator" => t("role-moderator"),
        "admin" => t("role-admin"),
        _ => t("role-participant"),
    }
}

/// The display name of a comment status from its API value.
pub fn status(value: &str) -> &'static str {
    match value {
        "pending" => t("comment-status-pending"),
        "published" => t("comment-status-published"),
        "hidden" => t("comment-status-hidden"),
        "rejected" => t("comment-status-rejected"),
        "withdrawn" => t("comment-status-withdrawn"),
        _ => "—",
    }
}

/// The display name of a disposition from its API value.
pub fn disposition(value: &str) -> &'static str {
    match value {
        "incorporated" => t("disp-incorporated"),
        "partly_incorporated" => t("disp-partly_incorporated"),
        "not_incorporated" => t("disp-not_incorporated"),
        "noted" => t("disp-noted"),
        _ => "—",
    }
}

/// The display name of a lineage change from its API value.
pub fn change(value: &str) -> &'static str {
    match value {
        "unchanged" => t("change-unchanged"),
        "edited" => t("change-edited"),
        "split" => t("change-split"),
        "merged" => t("change-merged"),
        "moved" => t("change-moved"),
        "new" => t("change-new"),
        "deleted" => t("change-deleted"),
        _ => "—",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `.rs` file under `src/`, with its text.
    pub(super) fn sources() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    out.push((path.display().to_string(), text));
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out
    }

    /// Every string literal of the source (near enough: the pieces between quotes).
    fn literals_in_source() -> std::collections::HashSet<String> {
        sources()
            .iter()
            .flat_map(|(_, text)| {
                text.split('"')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn every_message_the_code_asks_for_exists_in_english() {
        let english = message_ids(Lang::En);
        let mut missing = Vec::new();
        for (file, text) in sources() {
            for call in ["t(\"", "tr(\""] {
                for (at, _) in text.match_indices(call) {
                    // `t(` itself, not `select(` or `ext(`.
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[at + call.len()..];
                    let id = rest.split('"').next().unwrap_or("");
                    if !english.contains(&id) {
                        missing.push(format!("{file}: {id}"));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "asked for but not in locales/en/main.ftl: {missing:#?}"
        );
    }

    #[test]
    fn every_english_message_is_used() {
        let used = literals_in_source();
        let unused: Vec<&str> = message_ids(Lang::En)
            .into_iter()
            .filter(|id| !used.contains(*id))
            .collect();
        assert!(
            unused.is_empty(),
            "in locales/en/main.ftl but never used: {unused:?}"
        );
    }

    #[test]
    fn every_language_has_every_message_and_no_other() {
        let english = message_ids(Lang::En);
        // All six are complete, so all six are offered: a message missing from any file
        // fails here, not only by withdrawing that language from readers.
        assert_eq!(Lang::offered(), Lang::ALL.as_slice());
        for lang in Lang::ALL {
            let ids = message_ids(lang);
            let missing: Vec<_> = english.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<_> = ids.iter().filter(|id| !english.contains(id)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(extra.is_empty(), "{} has unknown {extra:?}", lang.code());
            // Every message of the file parsed into the bundle.
            for id in &ids {
                assert!(
                    CATALOGUE.bundles[lang.index()].has_message(id),
                    "{}: {id} did not parse",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let n = |lang, n: i64| tr_in(lang, "draft-comments-count", &[("n", n.into())]);
        assert_eq!(n(Lang::En, 1), "1 comment");
        assert_eq!(n(Lang::En, 2), "2 comments");
        // Russian: one (1, 21), few (2–4, 22), many (5–20, 0).
        assert!(Lang::offered().contains(&Lang::Ru) && Lang::offered().contains(&Lang::Ar));
        let ru: Vec<String> = [1, 2, 5, 21, 22, 25].map(|k| n(Lang::Ru, k)).into();
        assert_ne!(ru[0], ru[1].replace('2', "1"));
        assert_ne!(ru[1].replace('2', "5"), ru[2]);
        assert_eq!(ru[0].replace("1", "21"), ru[3]);
        assert_eq!(ru[1].replace('2', "22"), ru[4]);
        // Arabic: zero, one, two, few (3–10), many (11–99), other (100–102).
        let ar: Vec<String> = [0, 1, 2, 3, 11, 100].map(|k| n(Lang::Ar, k)).into();
        let forms: std::collections::HashSet<String> = ar
            .iter()
            .map(|s| {
                s.chars()
                    .filter(|c| !c.is_ascii_digit())
                    .collect::<String>()
            })
            .collect();
        assert_eq!(forms.len(), 6, "six Arabic forms: {ar:?}");
        assert!(n(Lang::Zh, 5).contains('5'));
    }

    #[test]
    fn languages_are_read_from_codes_and_accept_language() {
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("RU-ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(
            Lang::from_accept_language("de-CH, ru;q=0.9, en;q=0.8"),
            Some(Lang::Ru)
        );
        assert_eq!(Lang::from_accept_language("en;q=0.1, ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_accept_language("*"), None);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(in_lang(Lang::Fr, current), Lang::Fr);
        assert_eq!(current(), Lang::En);
    }
}
