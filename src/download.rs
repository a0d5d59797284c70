//! The HTTP body of an export (shared by the API and the pages, so it lives beside
//! them, not in `export`, which knows no HTTP): the file is written on the blocking pool into a bounded
//! channel that the response streams from. Memory stays flat, a slow client slows the
//! writer down instead of filling a buffer, and a client that leaves stops it.

use std::io::{self, Write};

use actix_web::http::header;
use actix_web::web::{self, Bytes};
use actix_web::HttpResponse;
use base64::Engine;
use sha2::{Digest, Sha256};
use tokio::sync::mpsc;

use crate::db::Db;
use crate::export::{Format, Plan};

/// Chunks waiting to be sent; with the 64 KiB writer buffer, at most ~0.5 MiB per export.
const CHANNEL_CHUNKS: usize = 8;

/// A `Write` that hands each write to the response as one chunk.
struct ChannelWriter {
    tx: mpsc::Sender<Result<Bytes, io::Error>>,
}

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        // Blocks this (blocking-pool) thread while the channel is full; fails once the
        // response is dropped, which is how a disconnected client stops the export.
        self.tx
            .blocking_send(Ok(Bytes::copy_from_slice(buf)))
            .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The export of `plan` as a streamed download. The plan is loaded (and the draft known
/// to exist) before this is called, so every error a client can cause has already been
/// answered with its status; a failure while streaming can only cut the download short,
/// which the client sees as an incomplete transfer, never as a complete-looking file.
pub fn response(db: Db, plan: Plan) -> HttpResponse {
    let (tx, mut rx) = mpsc::channel::<Result<Bytes, io::Error>>(CHANNEL_CHUNKS);
    let mut res = HttpResponse::Ok();
    res.content_type(plan.format.content_type())
        .insert_header((header::CONTENT_DISPOSITION, plan.content_disposition()))
        .insert_header((header::CACHE_CONTROL, "no-store"));
    match plan.format {
        Format::Html => {
            res.insert_header((header::CONTENT_SECURITY_POLICY, html_policy()));
        }
        // A zip (or a PDF) already: compressing it again for the wire would only cost CPU.
        Format::Xlsx | Format::Docx | Format::Pdf => {
            res.insert_header((header::CONTENT_ENCODING, "identity"));
        }
        Format::Csv | Format::Json => {}
    }
    let failed = tx.clone();
    let draft = plan.draft.id;
    let format = plan.format.as_str();
    // The compilation is written on the blocking pool, in the request's language.
    let lang = crate::i18n::current();
    actix_web::rt::spawn(async move {
        let written = web::block(move || {
            crate::i18n::in_lang(lang, || {
                crate::export::write(&db, &plan, ChannelWriter { tx })
            })
        })
        .await;
        let error = match written {
            Ok(Ok(())) => return,
            Ok(Err(e)) if e.is_disconnect() => {
                tracing::debug!(draft, format, "export download abandoned by the client");
                return;
            }
            Ok(Err(e)) => e.to_string(),
            Err(e) => format!("blocking task failed: {e}"),
        };
        tracing::error!(draft, format, error, "export failed while streaming");
        let _ = failed
            .send(Err(io::Error::other("the export failed")))
            .await;
    });
    res.streaming(futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx)))
}

/// The compilation's own policy: nothing may load, only its inline stylesheet applies.
fn html_policy() -> String {
    let digest = Sha256::digest(crate::export::html::CSS.as_bytes());
    let hash = base64::engine::general_purpose::STANDARD.encode(digest);
    format!(
        "default-src 'none'; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
}
