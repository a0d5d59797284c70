//! The one rule for text that comes in from outside: it never holds U+0000.
//!
//! PostgreSQL `text` cannot store the NUL character and SQLite can, so without this rule
//! the same request was a 500 on one backend and a stored value on the other. Every
//! adapter applies it where it first sees the text, before any handler runs: the query
//! string of every request ([`refuse_nul_in_query`], a middleware), API JSON bodies
//! (`api::json`) and page forms (`web::Form`). Imports from the command line go through
//! the same check in the services ([`check`]). A NUL is refused, never stripped: it has
//! no meaning in a consultation text, and a value silently changed is worse than a 422
//! naming the field.
//!
//! Lone surrogates (`"\ud800"`) need no rule of their own: JSON with one is not valid
//! UTF-16 and is refused as malformed (400); in a form or a query, bytes that are not
//! UTF-8 are read as U+FFFD, which both backends store.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::ResponseError;
use serde_json::Value;

use crate::error::FieldErrors;

pub const NUL_MESSAGE: &str = "must not contain the NUL character (U+0000)";

/// Adds the NUL error for `field` to `errors` when `value` holds one.
pub fn check(errors: &mut FieldErrors, field: &str, value: &str) {
    if value.contains('\0') {
        errors.add(field, NUL_MESSAGE);
    }
}

/// The first name in `k=v&…` (form or query encoding) whose name or value decodes to
/// text with a NUL; `None` when there is none. The bytes are decoded only when they
/// could hold one (`%00` or a raw NUL), so the usual request pays one scan.
pub fn nul_in_urlencoded(bytes: &[u8]) -> Option<String> {
    if !bytes.contains(&0) && !bytes.windows(3).any(|w| w == b"%00") {
        return None;
    }
    form_urlencoded::parse(bytes).find_map(|(k, v)| {
        if k.contains('\0') {
            Some("query".to_string())
        } else if v.contains('\0') {
            Some(k.into_owned())
        } else {
            None
        }
    })
}

/// The path of the first string in a JSON body that holds a NUL (`body`, `text`,
/// `tags[2]`); `None` when there is none. The body is parsed a second time only when
/// it holds the escape `\u0000` (a raw NUL byte is not JSON and never gets here).
pub fn nul_in_json(body: &[u8]) -> Option<String> {
    if !body.windows(6).any(|w| w == b"\\u0000") {
        return None;
    }
    let value: Value = serde_json::from_slice(body).ok()?;
    find_in_value(&value, String::new())
}

fn find_in_value(value: &Value, path: String) -> Option<String> {
    let name = |path: &str| {
        if path.is_empty() {
            "body".to_string()
        } else {
            path.to_string()
        }
    };
    match value {
        Value::String(s) if s.contains('\0') => Some(name(&path)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| find_in_value(v, format!("{}[{i}]", name(&path)))),
        Value::Object(fields) => fields.iter().find_map(|(k, v)| {
            if k.contains('\0') {
                return Some(name(&path));
            }
            let inner = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            find_in_value(v, inner)
        }),
        _ => None,
    }
}

/// Middleware for the whole application: a query string with a NUL is a 422 naming the
/// parameter, before routing, as problem+json under `/api` and as a page elsewhere.
pub async fn refuse_nul_in_query(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, actix_web::Error> {
    let Some(field) = nul_in_urlencoded(req.query_string().as_bytes()) else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    let error = FieldErrors::single(&field, NUL_MESSAGE);
    let response = if req.path().starts_with("/api/") {
        error.error_response()
    } else {
        crate::web::PageError(error).error_response()
    };
    Ok(req.into_response(response).map_into_right_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded_names_the_parameter_holding_a_nul() {
        assert_eq!(nul_in_urlencoded(b"q=civil&limit=10"), None);
        assert_eq!(nul_in_urlencoded(b"limit=10&q=a%00b").as_deref(), Some("q"));
        assert_eq!(nul_in_urlencoded(b"a%00=1").as_deref(), Some("query"));
        // `%2500` is the text "%00", not a NUL.
        assert_eq!(nul_in_urlencoded(b"q=%2500"), None);
    }

    #[test]
    fn json_names_the_field_holding_a_nul() {
        assert_eq!(nul_in_json(br#"{"body":"fine"}"#), None);
        assert_eq!(
            nul_in_json(br#"{"body":"a\u0000b"}"#).as_deref(),
            Some("body")
        );
        assert_eq!(
            nul_in_json(br#"{"tags":["ok","\u0000"]}"#).as_deref(),
            Some("tags[1]")
        );
        assert_eq!(
            nul_in_json(br#"{"links":{"p1":{"note":"\u0000"}}}"#).as_deref(),
            Some("links.p1.note")
        );
        // An escaped backslash before `u0000` is text, not a NUL.
        assert_eq!(nul_in_json(br#"{"body":"\\u0000"}"#), None);
        assert_eq!(nul_in_json(br#""\u0000""#).as_deref(), Some("body"));
    }

    #[test]
    fn a_file_imported_from_the_command_line_is_held_to_the_same_rule() {
        let refused = crate::drafts::service::DraftInput::parse("Title", "Zero draft", "1. a\0b");
        match refused {
            Err(crate::error::AppError::Validation(e)) => {
                assert_eq!(e.get("text"), Some(&[NUL_MESSAGE.to_string()][..]));
            }
            other => panic!("expected a validation error, got {:?}", other.err()),
        }
    }
}
