//! One-click unsubscribe tokens: `user id` + an HMAC of it, so the link works without
//! signing in, cannot be forged for another account, and needs no table.

use hmac::{Hmac, Mac};
use sha2::Sha256;

fn mac(secret: &[u8], user_id: i64) -> String {
    let Ok(mut m) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    m.update(format!("unsubscribe:{user_id}").as_bytes());
    m.finalize()
        .into_bytes()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn token(secret: &[u8], user_id: i64) -> String {
    format!("{user_id}.{}", mac(secret, user_id))
}

/// The user a token names, if it is genuine.
pub fn verify(secret: &[u8], token: &str) -> Option<i64> {
    let (id, sig) = token.split_once('.')?;
    let id: i64 = id.parse().ok()?;
    let expected = mac(secret, id);
    let ok = expected.len() == sig.len()
        && expected
            .bytes()
            .zip(sig.bytes())
            .fold(0u8, |a, (x, y)| a | (x ^ y))
            == 0;
    ok.then_some(id)
}

pub fn url(base_url: &str, secret: &[u8], user_id: i64) -> String {
    format!("{base_url}/unsubscribe?token={}", token(secret, user_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_names_its_user_and_cannot_be_moved_to_another() {
        let t = token(b"secret", 42);
        assert_eq!(verify(b"secret", &t), Some(42));
        let forged = t.replacen("42.", "43.", 1);
        assert_eq!(verify(b"secret", &forged), None);
        assert_eq!(verify(b"other", &t), None);
    }
}
