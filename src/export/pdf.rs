//! The compilation as PDF: the Word compilation (`export::docx`) converted by
//! LibreOffice on the server (`soffice --headless --convert-to pdf`), decision 0007.
//!
//! LibreOffice is a program, not a library: it runs in a temporary folder of its own
//! (its own profile, so conversions never share state), at most [`MAX_AT_ONCE`] at a time,
//! and is stopped after [`TIMEOUT`]. The PDF is then copied to the response. A server
//! without LibreOffice answers 503 before anything is sent ([`available`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::db::Db;
use crate::error::AppError;
use crate::export::{docx, ExportError, Plan};

/// Conversions running at once: each is a LibreOffice process of a few hundred MiB.
const MAX_AT_ONCE: usize = 2;
/// A conversion taking longer is stopped (100,000 comments take well under it).
const TIMEOUT: Duration = Duration::from_secs(600);

/// The LibreOffice program: `PLENARY_SOFFICE`, else `soffice` on the `PATH`.
fn program() -> String {
    std::env::var("PLENARY_SOFFICE").unwrap_or_else(|_| "soffice".into())
}

/// Whether this server can make PDFs: LibreOffice answers `--version`.
pub fn available() -> bool {
    Command::new(program())
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The 503 of a server without LibreOffice.
pub fn unavailable() -> AppError {
    AppError::Unavailable(
        "PDF needs LibreOffice on the server (apt-get install libreoffice-writer-nogui); download the .docx compilation instead.".into(),
    )
}

/// Waits for a free conversion slot; the slot is given back when the guard drops.
struct Slot;

static RUNNING: Mutex<usize> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

impl Slot {
    fn take() -> Slot {
        let mut n = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
        while *n >= MAX_AT_ONCE {
            n = FREED.wait(n).unwrap_or_else(|e| e.into_inner());
        }
        *n += 1;
        Slot
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut n = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
        *n -= 1;
        FREED.notify_one();
    }
}

/// A folder removed with everything in it when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn convert(dir: &Path, docx: &Path) -> Result<PathBuf, ExportError> {
    let profile = format!("file://{}", dir.join("profile").display());
    let mut child = Command::new(program())
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(docx)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            let pdf = docx.with_extension("pdf");
            if status.success() && pdf.exists() {
                return Ok(pdf);
            }
            return Err(std::io::Error::other(format!("LibreOffice failed ({status})")).into());
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("LibreOffice took too long").into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub fn write<W: Write>(db: &Db, plan: &Plan, mut out: W) -> Result<(), ExportError> {
    let dir = TempDir(std::env::temp_dir().join(format!("plenary-pdf-{}", crate::ids::new_id())));
    std::fs::create_dir_all(&dir.0)?;
    let source = dir.0.join("compilation.docx");
    docx::write(db, plan, std::fs::File::create(&source)?)?;
    let _slot = Slot::take();
    let pdf = convert(&dir.0, &source)?;
    std::io::copy(&mut std::fs::File::open(pdf)?, &mut out)?;
    Ok(())
}
