//! Bearer tokens: JWT HS256 only, 12 hours, with `iss`, `aud`, `sub`, `iat`, `exp` all
//! required and a per-user token version that revokes every earlier token when bumped.

use chrono::Utc;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

pub const LIFETIME_SECS: i64 = 12 * 3600;
const ISSUER: &str = "plenary";
const AUDIENCE: &str = "plenary";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub role: String,
    /// The user's token version when the token was issued.
    pub ver: i32,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
}

pub struct Keys {
    secret: Vec<u8>,
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl Keys {
    pub fn new(secret: &[u8]) -> Keys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = 30;
        Keys {
            secret: secret.to_vec(),
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    /// The key itself, for other HMACs derived from it (unsubscribe links).
    pub fn secret(&self) -> &[u8] {
        &self.secret
    }

    /// A token for `user_id`; returns it with its expiry (Unix seconds).
    pub fn issue(&self, user_id: i64, role: &str, version: i32) -> Result<(String, i64), String> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_string(),
            role: role.to_string(),
            ver: version,
            iat: now,
            exp: now + LIFETIME_SECS,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map(|t| (t, claims.exp))
            .map_err(|e| e.to_string())
    }

    /// The claims of a valid token; `None` for anything else (bad signature, another
    /// algorithm, expired, wrong issuer or audience, missing claims).
    pub fn verify(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|d| d.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_round_trips_and_another_key_rejects_it() {
        let keys = Keys::new(b"0123456789abcdef0123456789abcdef");
        let (t, _) = keys.issue(42, "admin", 3).unwrap();
        let c = keys.verify(&t).unwrap();
        assert_eq!((c.sub.as_str(), c.role.as_str(), c.ver), ("42", "admin", 3));
        assert!(Keys::new(b"another key entirely, 32 bytes!!")
            .verify(&t)
            .is_none());
    }
}
