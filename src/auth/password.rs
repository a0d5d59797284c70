//! Password hashing with argon2id at the crate's defaults (m = 19 MiB, t = 2, p = 1,
//! the OWASP minimum), always on the blocking pool, and the rules for new passwords.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

use crate::error::AppError;

pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 1024;

/// Checks a new password: 10 to 1024 characters, no composition rules, and not
/// guessable (zxcvbn score 3 or more, with the account's own email and name counted as
/// known words). `None` when it is acceptable.
pub fn check_new(password: &str, user_inputs: &[&str]) -> Option<String> {
    let n = password.chars().count();
    if n < MIN_LEN {
        return Some(format!("must be at least {MIN_LEN} characters"));
    }
    if n > MAX_LEN {
        return Some(format!("must be at most {MAX_LEN} characters"));
    }
    // zxcvbn's cost grows with length; what the first 64 characters do not make
    // guessable, the rest will not either.
    let head: String = password.chars().take(64).collect();
    let inputs: Vec<&str> = user_inputs
        .iter()
        .flat_map(|i| std::iter::once(*i).chain(i.split(|c: char| !c.is_alphanumeric())))
        .filter(|w| w.len() >= 3)
        .collect();
    if (zxcvbn::zxcvbn(&head, &inputs).score() as u8) < 3 {
        return Some("is too easy to guess: avoid common words, names, dates and patterns; a few unrelated words make a good password".into());
    }
    None
}

fn hash_blocking(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("hashing failed: {e}")))
}

fn verify_blocking(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Hashes on actix's blocking pool so a login storm does not stall readers.
pub async fn hash(password: String) -> Result<String, AppError> {
    actix_web::web::block(move || hash_blocking(&password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
}

/// Verifies on the blocking pool. With `None` (unknown account) it verifies against a
/// fixed dummy hash, so that unknown emails take as long as wrong passwords.
pub async fn verify(password: String, hash: Option<String>) -> Result<bool, AppError> {
    actix_web::web::block(move || match hash {
        Some(h) => verify_blocking(&password, &h),
        None => {
            verify_blocking(&password, DUMMY_HASH);
            false
        }
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))
}

/// Synchronous hashing, for the command line and the demo seeder.
pub fn hash_now(password: &str) -> Result<String, AppError> {
    hash_blocking(password)
}

/// argon2id(m=19456,t=2,p=1) of a random string nobody knows.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$zEm0CYpWzKNqU2XF3ItvJ8x/hf5X9v1aIlpzD2IbAz4";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_password() {
        let h = hash_blocking("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_blocking("correct horse battery", &h));
        assert!(!verify_blocking("wrong horse battery", &h));
    }

    #[test]
    fn the_dummy_hash_parses() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn lengths_are_checked_in_characters() {
        assert!(check_new("short", &[]).is_some());
        assert!(check_new("mañana-élan-vital-7", &[]).is_none());
        assert!(check_new(&"a".repeat(1025), &[]).is_some());
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        for weak in [
            "password123",
            "1234567890",
            "qwertyuiop",
            "aaaaaaaaaaaa",
            "Password2024!",
        ] {
            assert!(check_new(weak, &[]).is_some(), "{weak} accepted");
        }
        assert!(check_new("ana.souza@rede.org", &["ana.souza@rede.org", "Ana Souza"]).is_some());
        for fine in [
            "a long enough password",
            "correct horse battery staple",
            "plenary-demo-2025-wsis",
        ] {
            assert!(check_new(fine, &[]).is_none(), "{fine} refused");
        }
    }
}
