//! The optional second factor: TOTP (RFC 6238, 30 s, 6 digits, SHA-1 as authenticator
//! apps expect) with a QR code for enrolment, and single-use recovery codes.

use base64::Engine;
use totp_rs::{Algorithm, Secret, TOTP};

pub const RECOVERY_CODES: usize = 10;

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
        30,
        bytes,
        Some("Plenary".into()),
        account.replace(':', " "),
    )
    .ok()
}

/// Whether `code` is the current one-time code (one step of clock skew allowed).
pub fn verify(secret: &str, code: &str) -> bool {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    code.len() == 6 && totp(secret, "x").is_some_and(|t| t.check_current(&code).unwrap_or(false))
}

/// The current code (for tests and for showing that enrolment works).
pub fn current(secret: &str) -> Option<String> {
    totp(secret, "x").and_then(|t| t.generate_current().ok())
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
        assert!(verify(&s, &code));
        let wrong = if code == "000000" { "111111" } else { "000000" };
        assert!(!verify(&s, wrong));
        assert!(otpauth_url(&s, "a@b.org").starts_with("otpauth://totp/Plenary:a%40b.org?"));
        assert!(qr_data_uri("otpauth://x").starts_with("data:image/svg+xml;base64,"));
    }
}
