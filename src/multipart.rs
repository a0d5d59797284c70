//! `multipart/form-data` bodies, read whole into memory under a limit: the Word upload of
//! the admin pages and of the API's import routes. A part is a text field or a file; both
//! are small enough here (a draft of at most 10 MiB) that streaming to disk buys nothing.

use actix_web::http::header::{self, HeaderMap};
use actix_web::{dev::Payload, web};
use futures_util::StreamExt;

use crate::error::{AppError, FieldErrors};

/// The most parts a form may have: the import forms have half a dozen.
const MAX_PARTS: usize = 64;

/// One part: a field's text, or a file with the name the browser gave it.
#[derive(Debug)]
pub struct Part {
    pub name: String,
    /// `Some` for a file input; a file input left empty has `Some("")` and no bytes.
    pub filename: Option<String>,
    pub bytes: web::Bytes,
}

/// Whether the request says it is `multipart/form-data`.
pub fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"))
}

/// Reads every part of the body, at most `limit` bytes of content in all (413 past it).
/// A malformed body is a 400; a text field that is not UTF-8 or holds NUL, a 422 naming it.
pub async fn read(
    headers: &HeaderMap,
    payload: Payload,
    limit: usize,
) -> Result<Vec<Part>, AppError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit + 64 * 1024) {
        return Err(AppError::PayloadTooLarge);
    }
    let bad = |e: actix_multipart::MultipartError| {
        AppError::BadRequest(format!(
            "The multipart/form-data body could not be read: {e}."
        ))
    };
    let mut multipart = actix_multipart::Multipart::new(headers, payload);
    let (mut parts, mut total) = (Vec::new(), 0usize);
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(bad)?;
        if parts.len() == MAX_PARTS {
            return Err(AppError::BadRequest(format!(
                "The form has more than {MAX_PARTS} parts."
            )));
        }
        let disposition = field.content_disposition();
        let name = disposition
            .and_then(|d| d.get_name())
            .unwrap_or_default()
            .to_owned();
        let filename = disposition
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        let mut bytes = web::BytesMut::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(bad)?;
            total += chunk.len();
            if total > limit {
                return Err(AppError::PayloadTooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        if filename.is_none() {
            let text = std::str::from_utf8(&bytes)
                .map_err(|_| FieldErrors::single(&name, "must be UTF-8 text"))?;
            if text.contains('\0') {
                return Err(FieldErrors::single(&name, crate::input::NUL_MESSAGE));
            }
        }
        parts.push(Part {
            name,
            filename,
            bytes: bytes.freeze(),
        });
    }
    Ok(parts)
}

/// The text fields of `parts` (files left out), as a form would send them.
pub fn text_fields(parts: &[Part]) -> impl Iterator<Item = (&str, &str)> {
    parts.iter().filter(|p| p.filename.is_none()).map(|p| {
        (
            p.name.as_str(),
            std::str::from_utf8(&p.bytes).unwrap_or_default(),
        )
    })
}

/// The first file sent as `name` that is not an empty file input.
pub fn take_file(parts: &mut Vec<Part>, name: &str) -> Option<Part> {
    let at = parts
        .iter()
        .position(|p| p.name == name && p.filename.is_some() && !p.bytes.is_empty())?;
    Some(parts.remove(at))
}
