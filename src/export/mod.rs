//! Consolidated stakeholder input (SPEC §6): one draft's comments, as the caller may see
//! them, written incrementally as CSV, JSON, XLSX or a printable HTML compilation.
//!
//! The pieces: `Request` (validated parameters, shared by the API, the pages and the
//! command line), `Plan` (what one export needs besides the comments, loaded once),
//! `source` (comments read a page at a time, so memory stays flat), one writer per
//! format, and `stream` (the HTTP body fed from the blocking pool).

pub mod csv;
pub mod docx;
pub mod html;
pub mod json;
pub mod pdf;
pub mod source;
pub mod xlsx;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use chrono::{NaiveDateTime, Utc};
use serde::Deserialize;

use crate::accounts::model::{Group, User};
use crate::comments::model::Viewer;
use crate::comments::view::CommentOut;
use crate::consultations::{service as consultations, Consultation};
use crate::db::{Conn, Db};
use crate::drafts::{service as drafts, Draft, Paragraph};
use crate::error::{AppError, FieldErrors};

/// The six formats, with their file extension and media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Xlsx,
    Html,
    /// The compilation as a Word document.
    Docx,
    /// The Word compilation turned into PDF by LibreOffice (`export::pdf`).
    Pdf,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Csv,
        Format::Json,
        Format::Xlsx,
        Format::Html,
        Format::Docx,
        Format::Pdf,
    ];

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Html => "text/html; charset=utf-8",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Pdf => "application/pdf",
        }
    }
}

/// Which comments an export holds.
#[derive(Debug, Clone)]
pub struct Scope {
    pub draft_id: i64,
    /// Every status (moderators and the command line), or published comments only.
    pub all_statuses: bool,
    /// Only comments written by members of this group.
    pub group: Option<Group>,
    /// Only comments on paragraphs carrying this (normalised) tag, e.g. `C5`.
    pub tag: Option<String>,
}

impl Scope {
    pub fn published(draft_id: i64) -> Scope {
        Scope {
            draft_id,
            all_statuses: false,
            group: None,
            tag: None,
        }
    }

    /// Whose eyes the export is written for. A published export is the public document
    /// whoever downloads it, so attribution applies even when a moderator asks for it
    /// (a secretariat circulates this file); `status=all` is the moderators' full view.
    pub fn viewer(&self) -> Viewer {
        if self.all_statuses {
            Viewer {
                id: None,
                moderator: true,
            }
        } else {
            Viewer::anonymous()
        }
    }

    /// The statuses in scope, for the queries that `comments::service::list` cannot make.
    pub fn statuses(&self) -> Vec<&'static str> {
        if self.all_statuses {
            crate::comments::model::STATUSES.to_vec()
        } else {
            vec!["published"]
        }
    }
}

/// The query string of an export, as the API and the pages receive it.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct Query {
    /// Required.
    #[param(required = true, schema_with = crate::vocabulary::export_format)]
    pub format: Option<String>,
    /// Only comments by this group; empty: every group.
    #[param(schema_with = crate::vocabulary::stakeholder_group_or_empty)]
    pub stakeholder_group: Option<String>,
    /// `all`: every status (moderators); published comments if absent.
    #[param(schema_with = crate::vocabulary::export_status)]
    pub status: Option<String>,
    /// Only comments on paragraphs with this tag, e.g. `C5`.
    pub tag: Option<String>,
    /// The language of the HTML compilation's own text (headings, summary); without it,
    /// `Accept-Language`. The data (CSV headers, JSON keys, group values) never changes.
    #[param(schema_with = crate::vocabulary::opt_language)]
    pub lang: Option<String>,
    /// The language version of the draft text (paragraphs, sections, title); the
    /// original when absent or when the draft has no version in that language.
    #[param(schema_with = crate::vocabulary::opt_language)]
    pub language: Option<String>,
}

/// A validated export request.
#[derive(Debug, Clone)]
pub struct Request {
    pub format: Format,
    pub scope: Scope,
    /// The language version of the draft text asked for.
    pub language: Option<String>,
}

impl Request {
    /// Validates the parameters; every problem is a 422 naming its field.
    pub fn parse(draft_id: i64, q: &Query) -> Result<Request, AppError> {
        let mut errors = FieldErrors::new();
        // Applied by `web::language` before the handler runs; checked here so that a
        // mistyped code is named rather than ignored.
        if q.lang
            .as_deref()
            .is_some_and(|l| crate::i18n::Lang::from_code(l).is_none())
        {
            errors.add(
                "lang",
                format!("must be one of {}", crate::i18n::Lang::offered_codes()),
            );
        }
        let format = match q.format.as_deref().map(str::trim) {
            None | Some("") => {
                errors.add("format", "is required: csv, json, xlsx, html, docx or pdf");
                None
            }
            Some(f) => {
                let parsed = Format::parse(f);
                if parsed.is_none() {
                    errors.add("format", "must be csv, json, xlsx, html, docx or pdf");
                }
                parsed
            }
        };
        let group = match q.stakeholder_group.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(g) => {
                let parsed = Group::parse(g);
                if parsed.is_none() {
                    errors.add("stakeholder_group", "is not a stakeholder group");
                }
                parsed
            }
        };
        let all_statuses = match q.status.as_deref().map(str::trim) {
            None | Some("") | Some("published") => false,
            Some("all") => true,
            Some(_) => {
                errors.add("status", "must be published or all");
                false
            }
        };
        let tag = crate::drafts::tags::parse_filter(q.tag.as_deref()).unwrap_or_else(|_| {
            errors.add("tag", "must be a tag: C1–C11 or SDG1–SDG17");
            None
        });
        let language = q
            .language
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .and_then(|l| crate::drafts::translations::check_language(&mut errors, "language", l))
            .map(|l| l.code().to_string());
        errors.into_result()?;
        Ok(Request {
            language,
            format: format.unwrap_or(Format::Csv),
            scope: Scope {
                draft_id,
                all_statuses,
                group,
                tag,
            },
        })
    }

    /// Anyone may export published input; every status needs a moderator.
    pub fn authorize(&self, user: Option<&User>) -> Result<(), AppError> {
        if !self.scope.all_statuses {
            return Ok(());
        }
        match user {
            None => Err(AppError::Unauthorized),
            Some(u) if u.is_moderator() => Ok(()),
            Some(_) => Err(AppError::forbidden(
                "Only moderators may export comments of every status.",
            )),
        }
    }
}

/// Comment counts of one paragraph and group, by kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub comments: i64,
    pub amendments: i64,
}

impl Tally {
    pub fn total(&self) -> i64 {
        self.comments + self.amendments
    }

    pub fn add(&mut self, other: Tally) {
        self.comments += other.comments;
        self.amendments += other.amendments;
    }
}

/// Counts in scope: paragraph (None = general comments) → group → tally.
pub type Counts = BTreeMap<Option<i64>, BTreeMap<String, Tally>>;

/// Everything an export needs besides the comments themselves, loaded once.
pub struct Plan {
    pub format: Format,
    pub scope: Scope,
    pub consultation: Consultation,
    pub draft: Draft,
    pub paragraphs: Vec<Paragraph>,
    pub counts: Counts,
    pub generated_at: NaiveDateTime,
    /// For a revised draft: each paragraph's descendants' labels in the next version
    /// (space-separated), for the `next_paragraph_label` column.
    pub next_labels: HashMap<i64, String>,
    /// The language of the title and paragraph texts in `draft` and `paragraphs`.
    pub text_language: String,
    /// When that is a language version: the original's paragraph texts, for the
    /// amendments written in the original's language.
    pub original_texts: HashMap<i64, String>,
    /// A language asked for that the draft has no version in.
    pub missing: Option<String>,
}

/// Loads the draft (404 if there is none), its consultation, paragraphs and counts.
pub fn plan(conn: &mut Conn, request: &Request) -> Result<Plan, AppError> {
    // Said before anything is sent: a PDF needs LibreOffice on this server.
    if request.format == Format::Pdf && !pdf::available() {
        return Err(pdf::unavailable());
    }
    let draft = drafts::find(conn, request.scope.draft_id)?;
    let consultation = consultations::find(conn, draft.consultation_id)?;
    let mut paragraphs = drafts::paragraphs_of(conn, draft.id)?;
    if let Some(tag) = &request.scope.tag {
        paragraphs.retain(|p| crate::drafts::tags::carries(p, tag));
    }
    let counts = source::counts(conn, &request.scope)?;
    let next_labels = next_labels(conn, &paragraphs)?;
    let mut draft = draft;
    let mut text_language = draft.language.clone();
    let mut original_texts = HashMap::new();
    let mut missing = None;
    if let Some(code) = request.language.as_deref().filter(|l| *l != draft.language) {
        match crate::drafts::translations::version(conn, draft.id, code)? {
            Some((title, texts)) => {
                draft.title = title;
                original_texts = crate::drafts::translations::apply(&mut paragraphs, texts);
                text_language = code.to_string();
            }
            None => missing = Some(code.to_string()),
        }
    }
    Ok(Plan {
        next_labels,
        text_language,
        original_texts,
        missing,
        format: request.format,
        scope: request.scope.clone(),
        consultation,
        draft,
        paragraphs,
        counts,
        generated_at: Utc::now().naive_utc(),
    })
}

impl Plan {
    /// `<title>-<version>.<ext>`, as ASCII (a draft with no ASCII letters gets "draft").
    pub fn filename(&self) -> String {
        let name = [
            slug(&self.draft.title, true),
            slug(&self.draft.version_label, true),
            self.language_suffix(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
        let name = if name.is_empty() {
            "draft".into()
        } else {
            name
        };
        format!("{name}.{}", self.format.as_str())
    }

    /// The file name with every letter kept (Arabic, Chinese, accents), for `filename*`.
    fn unicode_filename(&self) -> String {
        let name = [
            slug(&self.draft.title, false),
            slug(&self.draft.version_label, false),
            self.language_suffix(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
        format!("{name}.{}", self.format.as_str())
    }

    /// `attachment; filename="…"`, plus RFC 6266's `filename*` when the title has
    /// letters that the plain ASCII name had to drop.
    pub fn content_disposition(&self) -> String {
        let ascii = self.filename();
        let full = self.unicode_filename();
        if full == ascii || full.starts_with('.') {
            format!("attachment; filename=\"{ascii}\"")
        } else {
            format!(
                "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
                percent_encode(&full)
            )
        }
    }

    /// `fr` when the text is a language version, so two files do not share a name.
    fn language_suffix(&self) -> String {
        if self.text_language == self.draft.language {
            String::new()
        } else {
            self.text_language.clone()
        }
    }

    /// The paragraph's text an amendment is compared with: the one in the amendment's
    /// own language when the export has it, else none (no word diff across languages).
    pub fn text_for<'a>(&'a self, p: &'a Paragraph, language: &str) -> Option<&'a str> {
        if language == self.text_language {
            Some(&p.text)
        } else if language == self.draft.language {
            self.original_texts.get(&p.id).map(String::as_str)
        } else {
            None
        }
    }

    /// Paragraphs by id, for the columns that name a comment's paragraph.
    pub fn paragraph_index(&self) -> HashMap<i64, &Paragraph> {
        self.paragraphs.iter().map(|p| (p.id, p)).collect()
    }

    /// Counts summed over the paragraphs, per group.
    pub fn totals_by_group(&self) -> BTreeMap<String, Tally> {
        let mut out: BTreeMap<String, Tally> = BTreeMap::new();
        for groups in self.counts.values() {
            for (g, t) in groups {
                out.entry(g.clone()).or_default().add(*t);
            }
        }
        out
    }

    /// The groups shown in summaries: the one filtered on, or all six.
    pub fn groups(&self) -> Vec<Group> {
        match self.scope.group {
            Some(g) => vec![g],
            None => Group::ALL.to_vec(),
        }
    }

    pub fn generated_rfc3339(&self) -> String {
        crate::clock::rfc3339(self.generated_at)
    }
}

/// Lowercase letters and digits joined by single hyphens; `ascii` drops other letters.
pub fn slug(s: &str, ascii: bool) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let kept = match (ascii, c) {
            (true, c) if c.is_ascii_alphanumeric() => Some(c.to_string()),
            (true, c) => fold_latin(c).map(str::to_string),
            (false, c) if c.is_alphanumeric() => Some(c.to_string()),
            _ => None,
        };
        match kept {
            Some(k) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                out.push_str(&k);
                gap = false;
            }
            None => gap = true,
        }
    }
    out
}

/// The plain letters of the common accented Latin ones, so that an ASCII file name
/// reads "resume" rather than "r-sum".
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        _ => return None,
    })
}

/// RFC 3986 percent-encoding of everything but unreserved characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Why an export stopped. A client that went away is not a failure of ours.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    App(#[from] AppError),
    #[error("writing the export failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("building the spreadsheet failed: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("building the Word document failed: {0}")]
    Zip(#[from] zip::result::ZipError),
}

impl From<diesel::result::Error> for ExportError {
    fn from(e: diesel::result::Error) -> Self {
        ExportError::App(e.into())
    }
}

impl From<::csv::Error> for ExportError {
    fn from(e: ::csv::Error) -> Self {
        match e.into_kind() {
            ::csv::ErrorKind::Io(e) => ExportError::Io(e),
            other => ExportError::Io(std::io::Error::other(format!("{other:?}"))),
        }
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        ExportError::Io(e.into())
    }
}

impl ExportError {
    /// The reader hung up (the HTTP client disconnected, or a closed pipe on stdout).
    pub fn is_disconnect(&self) -> bool {
        match self {
            ExportError::Io(e) => e.kind() == std::io::ErrorKind::BrokenPipe,
            ExportError::Xlsx(rust_xlsxwriter::XlsxError::IoError(e))
            | ExportError::Zip(zip::result::ZipError::Io(e)) => {
                e.kind() == std::io::ErrorKind::BrokenPipe
            }
            _ => false,
        }
    }
}

/// Writes the whole export of `plan` to `out`, reading comments a page at a time.
pub fn write<W: Write + Send>(db: &Db, plan: &Plan, out: W) -> Result<(), ExportError> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    match plan.format {
        Format::Csv => csv::write(db, plan, &mut out)?,
        Format::Json => json::write(db, plan, &mut out)?,
        Format::Xlsx => xlsx::write(db, plan, &mut out)?,
        Format::Html => html::write(db, plan, &mut out)?,
        Format::Docx => docx::write(db, plan, &mut out)?,
        Format::Pdf => pdf::write(db, plan, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

/// The command line's export (`plenary export`): to `output`, or to standard output. A
/// partly written file is removed if the export fails.
pub fn export_to(
    db: &Db,
    request: &Request,
    output: Option<&std::path::Path>,
) -> Result<(), ExportError> {
    let plan = {
        let mut conn = db.get()?;
        plan(&mut conn, request)?
    };
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)?;
            let written = write(db, &plan, file);
            if written.is_err() {
                let _ = std::fs::remove_file(path);
            }
            written
        }
        None => match write(db, &plan, std::io::stdout()) {
            // `plenary export … | head` is not a failure.
            Err(e) if e.is_disconnect() => Ok(()),
            other => other,
        },
    }
}

/// Where each paragraph went in the next version, from the revision lineage.
fn next_labels(
    conn: &mut Conn,
    paragraphs: &[Paragraph],
) -> Result<HashMap<i64, String>, AppError> {
    use crate::db::schema::{paragraph_links, paragraphs as ps};
    use diesel::prelude::*;
    let ids: Vec<i64> = paragraphs.iter().map(|p| p.id).collect();
    let mut out: HashMap<i64, String> = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, String)> = paragraph_links::table
            .inner_join(ps::table.on(ps::id.eq(paragraph_links::to_paragraph_id)))
            .filter(paragraph_links::from_paragraph_id.eq_any(chunk))
            .order((paragraph_links::from_paragraph_id, ps::number))
            .select((paragraph_links::from_paragraph_id, ps::label))
            .load(conn)?;
        for (from, label) in rows {
            let e = out.entry(from).or_default();
            if !e.is_empty() {
                e.push(' ');
            }
            e.push_str(&label);
        }
    }
    Ok(out)
}

/// The columns of the CSV and of the XLSX "Comments" sheet, in order: SPEC §6's, then
/// the revision columns (issue 7) and the comment's language (issue 17) appended after
/// them.
pub const COLUMNS: [&str; 18] = [
    "comment_id",
    "parent_id",
    "paragraph_number",
    "paragraph_label",
    "kind",
    "stakeholder_group",
    "organization",
    "country",
    "author",
    "affiliation_verified",
    "status",
    "created_at",
    "edited_at",
    "body",
    "proposed_text",
    "disposition",
    "next_paragraph_label",
    "language",
];

/// One comment as a row of `COLUMNS`. The author fields come from `CommentOut`, so the
/// export withholds exactly what the API withholds; no email address is among them.
pub fn row<'a>(
    c: &'a CommentOut,
    paragraphs: &HashMap<i64, &'a Paragraph>,
    next: &'a HashMap<i64, String>,
) -> [Cow<'a, str>; 18] {
    // Borrowed where possible: this runs for every comment of every export.
    let paragraph = c.paragraph_id.and_then(|p| paragraphs.get(&p).copied());
    let text = |s: &'a Option<String>| Cow::Borrowed(s.as_deref().unwrap_or_default());
    let number = |n: Option<i64>| n.map_or(Cow::Borrowed(""), |n| Cow::Owned(n.to_string()));
    [
        Cow::Owned(c.id.to_string()),
        number(c.parent_id),
        number(paragraph.map(|p| i64::from(p.number))),
        Cow::Borrowed(paragraph.map_or("", |p| p.label.as_str())),
        Cow::Borrowed(c.kind.as_str()),
        Cow::Borrowed(c.author.stakeholder_group.as_str()),
        text(&c.author.organization),
        text(&c.author.country),
        text(&c.author.display_name),
        Cow::Borrowed(if c.author.affiliation_verified {
            "true"
        } else {
            "false"
        }),
        Cow::Borrowed(c.status.as_str()),
        Cow::Borrowed(c.created_at.as_str()),
        text(&c.edited_at),
        text(&c.body),
        text(&c.proposed_text),
        text(&c.disposition),
        Cow::Borrowed(
            c.paragraph_id
                .and_then(|p| next.get(&p))
                .map_or("", |s| s.as_str()),
        ),
        Cow::Borrowed(c.language.as_str()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits_joined_by_single_hyphens() {
        assert_eq!(
            slug("WSIS+20 Outcome — Zero draft", true),
            "wsis-20-outcome-zero-draft"
        );
        assert_eq!(slug("Rev.1", true), "rev-1");
        assert_eq!(slug("Résumé", true), "resume");
        assert_eq!(slug("Résumé", false), "résumé");
        assert_eq!(slug("مسودة", true), "");
        assert_eq!(slug("مسودة الصفر", false), "مسودة-الصفر");
    }

    #[test]
    fn unknown_values_are_named_in_the_errors() {
        let q = Query {
            format: Some("odt".into()),
            stakeholder_group: Some("aliens".into()),
            status: Some("hidden".into()),
            tag: Some("C99".into()),
            lang: Some("xx".into()),
            language: Some("de".into()),
        };
        let Err(AppError::Validation(f)) = Request::parse(1, &q) else {
            panic!("expected a validation error");
        };
        assert!(f.get("format").is_some());
        assert!(f.get("lang").is_some());
        assert!(f.get("language").is_some());
        assert!(f.get("stakeholder_group").is_some());
        assert!(f.get("status").is_some());
        assert!(f.get("tag").is_some());
    }
}
