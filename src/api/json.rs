//! The API's JSON body extractor: a size limit answered with 413, malformed JSON with
//! 400, and fields of the wrong shape (unknown, missing, mistyped) with 422 naming them.

use std::future::Future;
use std::pin::Pin;

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::error::{AppError, FieldErrors};

/// Default request body limit for the API (SPEC §4).
pub const DEFAULT_LIMIT: usize = 64 * 1024;
/// The limit for draft and revision imports: a Word file of at most 10 MiB, base64
/// encoded (4/3 of it), in a JSON body.
pub const IMPORT_LIMIT: usize = 14 * 1024 * 1024;

/// Put into a resource's app data to raise its body limit.
#[derive(Clone, Copy)]
pub struct BodyLimit(pub usize);

pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<BodyLimit>()
            .or_else(|| req.app_data::<web::Data<BodyLimit>>().map(|d| d.get_ref()))
            .map_or(DEFAULT_LIMIT, |l| l.0);
        let declared = req
            .headers()
            .get(actix_web::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let content_type_ok = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                let v = v.to_ascii_lowercase();
                v.starts_with("application/json") || v.contains("+json")
            })
            .unwrap_or(false);
        let mut payload = payload.take();
        Box::pin(async move {
            if declared.is_some_and(|n| n > limit) {
                return Err(AppError::PayloadTooLarge);
            }
            if !content_type_ok {
                return Err(AppError::BadRequest(
                    "The body must be JSON, sent with Content-Type: application/json.".into(),
                ));
            }
            let mut body = web::BytesMut::with_capacity(declared.unwrap_or(1024).min(limit));
            while let Some(chunk) = payload.next().await {
                let chunk = chunk
                    .map_err(|e| AppError::BadRequest(format!("cannot read the body: {e}")))?;
                if body.len() + chunk.len() > limit {
                    return Err(AppError::PayloadTooLarge);
                }
                body.extend_from_slice(&chunk);
            }
            // A revoked token is refused before this runs (`auth::authenticate`, and
            // the handler's user extractor comes before its body).
            parse(&body).map(Json)
        })
    }
}

/// The body of an import route: JSON, or `multipart/form-data` with the same fields as
/// form fields and the Word file as a file part named `docx`. The multipart form is read
/// into the JSON object it stands for (the file base64, as the JSON field takes it), so
/// both are checked by one set of rules and answer with the same errors.
pub struct Import<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Import<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if !crate::multipart::is_multipart(req.headers()) {
            let json = Json::<T>::from_request(req, payload);
            return Box::pin(async move { json.await.map(|Json(v)| Import(v)) });
        }
        let headers = req.headers().clone();
        let payload = payload.take();
        Box::pin(async move {
            // The Word file's bytes, not their base64 (which the JSON limit allows for).
            let limit = crate::drafts::docx::MAX_FILE + DEFAULT_LIMIT;
            let parts = crate::multipart::read(&headers, payload, limit).await?;
            let mut object = serde_json::Map::new();
            for part in parts {
                let value = match part.filename {
                    Some(_) if part.bytes.is_empty() => continue,
                    Some(_) => {
                        use base64::Engine;
                        base64::engine::general_purpose::STANDARD.encode(&part.bytes)
                    }
                    None => String::from_utf8_lossy(&part.bytes).into_owned(),
                };
                object.insert(part.name, serde_json::Value::String(value));
            }
            let body = serde_json::to_vec(&object)
                .map_err(|e| AppError::BadRequest(format!("cannot read the body: {e}")))?;
            parse(&body).map(Import)
        })
    }
}

/// Deserialises `body`, telling malformed JSON (400) from fields of the wrong shape (422).
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    let value = match result {
        Ok(v) => v,
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            return Err(match inner.classify() {
                serde_json::error::Category::Data => {
                    let msg = inner.to_string();
                    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                    // Unknown and missing fields name themselves in backticks.
                    let field =
                        if msg.starts_with("unknown field") || msg.starts_with("missing field") {
                            msg.split('`').nth(1).map(str::to_string)
                        } else {
                            None
                        };
                    // For an unknown field the path already ends with it; for a missing
                    // one the path is its container.
                    let unknown = msg.starts_with("unknown field");
                    let field = match field {
                        Some(_) if unknown && path != "." => path,
                        Some(f) if path == "." => f,
                        Some(f) => format!("{path}.{f}"),
                        None if path == "." => "body".to_string(),
                        None => path,
                    };
                    let msg = if msg.starts_with("unknown field") {
                        "is not a known field".to_string()
                    } else if msg.starts_with("missing field") {
                        "is required".to_string()
                    } else {
                        msg
                    };
                    FieldErrors::single(&field, msg)
                }
                _ => AppError::BadRequest(format!("The body is not valid JSON: {inner}")),
            });
        }
    };
    de.end()
        .map_err(|e| AppError::BadRequest(format!("The body is not valid JSON: {e}")))?;
    // Well-formed, and of the right shape: now the rule for all text (`crate::input`).
    if let Some(field) = crate::input::nul_in_json(body) {
        return Err(FieldErrors::single(&field, crate::input::NUL_MESSAGE));
    }
    Ok(value)
}
