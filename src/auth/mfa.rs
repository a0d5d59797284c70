//! The optional second factor: TOTP (RFC 6238, 30 s, 6 digits, SHA-1 as authenticator
//! apps expect) with a QR code for enrolment, and single-use recovery codes.

use base64::Engine;
use totp_rs::{Algorithm, Secret, TOTP};

pub const RECOVERY_CODES: usize = 10;
/// The RFC 6238 time step, as authenticator apps expect.
const STEP_SECS: u64 = 30;

/// A fresh secret, base32-encoded.
pub fn new_secret() -> String {
    match Secret::generate_secret().to_encoded() {
        Secret::Encoded(s) => s,
        Secret::Raw(bytes) => base32_fallback(&bytes),
    }
}

fn base32_fallback(bytes: &[u8]) -> String {
    // Not reached: to_encoded always encodes; kept total rather than panicking.
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn totp(secret: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_string()).to_bytes().ok()?;
    // Labels may not contain ':'.
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECS,
        bytes,
        Some("Plenary".into()),
        account.replace(':', " "),
    )
    .ok()
}

/// The RFC 6238 time step of the current moment.
pub fn current_step() -> i64 {
    step_of(unix_now())
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn step_of(unix_secs: u64) -> i64 {
    i64::try_from(unix_secs / STEP_SECS).unwrap_or(i64::MAX)
}

/// The time step whose code `code` is: the current step or one either side (clock
/// skew), else `None`. A match is not yet an acceptance: the caller must refuse a step
/// that is not later than the last one accepted for the account (RFC 6238 §5.2,
/// `accounts::service::second_factor::claim_totp_step`), or a code could be used twice.
pub fn matching_step(secret: &str, code: &str) -> Option<i64> {
    matching_step_at(secret, code, unix_now())
}

fn matching_step_at(secret: &str, code: &str, unix_secs: u64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 {
        return None;
    }
    let t = totp(secret, "x")?;
    let now = step_of(unix_secs);
    // Every candidate is computed and compared in constant time, whichever matches.
    let mut found = None;
    for step in [now - 1, now, now + 1] {
        let candidate = step_start(step).map(|secs| t.generate(secs));
        if candidate.is_some_and(|c| constant_time_eq(c.as_bytes(), code.as_bytes()))
            && found.is_none()
        {
            found = Some(step);
        }
    }
    found
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The code of time step `step` (for tests, which need a code of a later step than the
/// one just used rather than waiting 30 s).
pub fn code_at_step(secret: &str, step: i64) -> Option<String> {
    let t = totp(secret, "x")?;
    step_start(step).map(|secs| t.generate(secs))
}

/// The first second of a time step.
fn step_start(step: i64) -> Option<u64> {
    u64::try_from(step).ok()?.checked_mul(STEP_SECS)
}

/// The current code (for tests and for showing that enrolment works).
pub fn current(secret: &str) -> Option<String> {
    code_at_step(secret, current_step())
}

pub fn otpauth_url(secret: &str, account: &str) -> String {
    totp(secret, account)
        .map(|t| t.get_url())
        .unwrap_or_default()
}

/// The enrolment QR code as a `data:` URI of an SVG image (allowed by our CSP).
pub fn qr_data_uri(url: &str) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color>()
                .min_dimensions(200, 200)
                .build();
            format!(
                "data:image/svg+xml;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(svg)
            )
        }
        Err(_) => String::new(),
    }
}

/// Ten recovery codes, `xxxxx-xxxxx` from an unambiguous alphabet.
pub fn recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let chars: String = (0..10)
                .map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

pub fn normalise_recovery(code: &str) -> String {
    code.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_code_verifies_and_others_do_not() {
        let s = new_secret();
        let code = current(&s).unwrap();
        assert!(matching_step(&s, &code).is_some());
        let wrong = if code == "000000" { "111111" } else { "000000" };
        assert_eq!(matching_step(&s, wrong), None);
        assert!(otpauth_url(&s, "a@b.org").starts_with("otpauth://totp/Plenary:a%40b.org?"));
        assert!(qr_data_uri("otpauth://x").starts_with("data:image/svg+xml;base64,"));
    }

    #[test]
    fn a_code_names_its_own_step_within_one_step_of_skew_and_no_further() {
        let s = new_secret();
        let at = 1_800_000_015; // inside step 60_000_000
        let now = step_of(at);
        for step in [now - 1, now, now + 1] {
            let code = code_at_step(&s, step).unwrap();
            assert_eq!(matching_step_at(&s, &code, at), Some(step));
            // Spaces, as some apps show the code, do not matter.
            let spaced = format!("{} {}", &code[..3], &code[3..]);
            assert_eq!(matching_step_at(&s, &spaced, at), Some(step));
        }
        for step in [now - 2, now + 2] {
            let code = code_at_step(&s, step).unwrap();
            let near = [now - 1, now, now + 1].map(|n| code_at_step(&s, n).unwrap());
            if !near.contains(&code) {
                assert_eq!(matching_step_at(&s, &code, at), None);
            }
        }
    }
}
