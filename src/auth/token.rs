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
    mfa_validation: Validation,
}

/// The audience of the short-lived token between a correct password and a correct
/// one-time code on the sign-in page; it opens nothing else.
const MFA_AUDIENCE: &str = "plenary-mfa";
const MFA_LIFETIME_SECS: i64 = 300;

impl Keys {
    pub fn new(secret: &[u8]) -> Keys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = 30;
        let mut mfa_validation = validation.clone();
        mfa_validation.set_audience(&[MFA_AUDIENCE]);
        Keys {
            mfa_validation,
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

    /// A five-minute token saying that `user_id` gave the right password.
    pub fn issue_mfa(&self, user_id: i64, version: i32) -> Result<String, String> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_string(),
            role: String::new(),
            ver: version,
            iat: now,
            exp: now + MFA_LIFETIME_SECS,
            iss: ISSUER.into(),
            aud: MFA_AUDIENCE.into(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(|e| e.to_string())
    }

    pub fn verify_mfa(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.mfa_validation)
            .ok()
            .map(|d| d.claims)
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
