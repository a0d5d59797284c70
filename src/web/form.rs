//! The page form extractor: `application/x-www-form-urlencoded` up to 2 MiB, decoded
//! with the same rule for text as the API (`crate::input`: no NUL, a 422 naming the
//! field), and answered as a page when it does not parse.

use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

use actix_web::http::header;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use super::PageError;
use crate::error::{AppError, FieldErrors};

/// The largest form body: a draft or a revision pasted into the import form.
pub const LIMIT: usize = 2 * 1024 * 1024;

pub struct Form<T>(pub T);

impl<T> Form<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Form<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Form<T> {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let headers = req.headers().clone();
        let payload = payload.take();
        Box::pin(async move {
            if !is_urlencoded(&headers) {
                return Err(PageError(AppError::BadRequest(
                    "This form must be sent as application/x-www-form-urlencoded.".into(),
                )));
            }
            urlencoded(&headers, payload).await.map(Form)
        })
    }
}

/// A form that may carry a file: an import form with its Word upload. It is sent as
/// `multipart/form-data` (what a browser sends for a form with a file input), or as a
/// plain form when there is no file.
pub struct Upload<T> {
    pub form: T,
    /// The file chosen in the input named `file`, if one was.
    pub file: Option<crate::multipart::Part>,
}

/// The largest upload: a Word file of at most 10 MiB and the form around it.
pub const UPLOAD_LIMIT: usize = crate::drafts::docx::MAX_FILE + LIMIT;

impl<T: DeserializeOwned + 'static> FromRequest for Upload<T> {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let headers = req.headers().clone();
        let payload = payload.take();
        Box::pin(async move {
            if is_urlencoded(&headers) {
                let form = urlencoded(&headers, payload).await?;
                return Ok(Upload { form, file: None });
            }
            if !crate::multipart::is_multipart(&headers) {
                return Err(PageError(AppError::BadRequest(
                    "This form must be sent as multipart/form-data.".into(),
                )));
            }
            let mut parts = crate::multipart::read(&headers, payload, UPLOAD_LIMIT)
                .await
                .map_err(PageError)?;
            let file = crate::multipart::take_file(&mut parts, "file");
            let mut encoded = form_urlencoded::Serializer::new(String::new());
            encoded.extend_pairs(crate::multipart::text_fields(&parts));
            let form = serde_urlencoded::from_str(&encoded.finish()).map_err(|e| {
                PageError(AppError::BadRequest(format!(
                    "The form could not be read: {e}."
                )))
            })?;
            Ok(Upload { form, file })
        })
    }
}

fn is_urlencoded(headers: &header::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        })
}

/// Reads and decodes an `application/x-www-form-urlencoded` body of at most [`LIMIT`].
async fn urlencoded<T: DeserializeOwned>(
    headers: &header::HeaderMap,
    mut payload: Payload,
) -> Result<T, PageError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > LIMIT) {
        return Err(PageError(AppError::PayloadTooLarge));
    }
    let mut body = web::BytesMut::with_capacity(declared.unwrap_or(1024).min(LIMIT));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk
            .map_err(|e| PageError(AppError::BadRequest(format!("cannot read the form: {e}"))))?;
        if body.len() + chunk.len() > LIMIT {
            return Err(PageError(AppError::PayloadTooLarge));
        }
        body.extend_from_slice(&chunk);
    }
    if let Some(field) = crate::input::nul_in_urlencoded(&body) {
        return Err(PageError(FieldErrors::single(
            &field,
            crate::input::NUL_MESSAGE,
        )));
    }
    serde_urlencoded::from_bytes(&body).map_err(|e| {
        PageError(AppError::BadRequest(format!(
            "The form could not be read: {e}."
        )))
    })
}
