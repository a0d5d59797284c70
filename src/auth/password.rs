//! Password hashing with argon2id at the crate's defaults (m = 19 MiB, t = 2, p = 1,
//! the OWASP minimum), always on the blocking pool and at most one per core, and the
//! rules for new passwords.

use std::sync::{Arc, LazyLock, Mutex};

use argon2::password_hash::{
    self, rand_core::OsRng, Output, ParamsString, PasswordHash, Salt, SaltString,
};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::Semaphore;

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

/// argon2id of `password` with `salt` under `params`, in `blocks` (grown to the number of
/// blocks `params` needs and kept by the caller for the next computation).
fn compute<'a>(
    algorithm: Algorithm,
    version: Version,
    params: Params,
    password: &[u8],
    salt: Salt<'a>,
    blocks: &mut Vec<Block>,
) -> password_hash::Result<PasswordHash<'a>> {
    let mut raw_salt = [0u8; 64];
    let raw_salt = salt.decode_b64(&mut raw_salt)?;
    let n = params.block_count();
    if blocks.len() < n {
        blocks.resize(n, Block::default());
    }
    let len = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    let argon2 = Argon2::new(algorithm, version, params.clone());
    let output = Output::init_with(len, |out| {
        Ok(argon2.hash_password_into_with_memory(password, raw_salt, out, &mut blocks[..n])?)
    })?;
    Ok(PasswordHash {
        algorithm: algorithm.ident(),
        version: Some(version.into()),
        params: ParamsString::try_from(&params)?,
        salt: Some(salt),
        hash: Some(output),
    })
}

fn hash_blocking(password: &str, blocks: &mut Vec<Block>) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    compute(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::default(),
        password.as_bytes(),
        salt.as_salt(),
        blocks,
    )
    .map(|h| h.to_string())
    .map_err(|e| AppError::Internal(format!("hashing failed: {e}")))
}

fn verify_blocking(password: &str, hash: &str, blocks: &mut Vec<Block>) -> bool {
    let mut check = || -> password_hash::Result<bool> {
        let parsed = PasswordHash::new(hash)?;
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
            return Ok(false);
        };
        let algorithm = Algorithm::try_from(parsed.algorithm)?;
        let version = parsed
            .version
            .map(Version::try_from)
            .transpose()?
            .unwrap_or_default();
        let params = Params::try_from(&parsed)?;
        let computed = compute(
            algorithm,
            version,
            params,
            password.as_bytes(),
            salt,
            blocks,
        )?;
        // `Output`'s equality is constant-time.
        Ok(computed.hash == Some(expected))
    };
    check().unwrap_or(false)
}

/// The argon2id computations the server runs at once, one per core, and their memory.
///
/// Each computation needs m = 19 MiB. Left to themselves, a rush of sign-ins ran one per
/// blocking thread, and glibc's malloc kept every freed 19 MiB block for its thread's
/// arena: 32 accounts signing in took the server from 26 to 389 MiB resident for good
/// (docs/performance.md, round 4). Here at most one computation per core runs (more
/// would only share the same cores), each in a block buffer kept from the last one, so
/// the memory is allocated once per lane and stays bounded; the rest wait their turn
/// without holding a thread.
struct Lanes {
    permits: Arc<Semaphore>,
    free: Mutex<Vec<Vec<Block>>>,
}

static LANES: LazyLock<Lanes> = LazyLock::new(|| {
    let n = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 8));
    Lanes {
        permits: Arc::new(Semaphore::new(n)),
        free: Mutex::new(Vec::with_capacity(n)),
    }
});

/// Runs `f` on the blocking pool in a lane, with that lane's block buffer.
async fn in_lane<R: Send + 'static>(
    f: impl FnOnce(&mut Vec<Block>) -> R + Send + 'static,
) -> Result<R, AppError> {
    let permit = LANES
        .permits
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    actix_web::web::block(move || {
        // Held until the computation ends, even if the request is dropped meanwhile.
        let _permit = permit;
        let mut blocks = LANES
            .free
            .lock()
            .ok()
            .and_then(|mut free| free.pop())
            .unwrap_or_default();
        let out = f(&mut blocks);
        if let Ok(mut free) = LANES.free.lock() {
            free.push(blocks);
        }
        out
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))
}

/// Hashes on actix's blocking pool, in a lane, so a sign-up storm does not stall readers.
pub async fn hash(password: String) -> Result<String, AppError> {
    in_lane(move |blocks| hash_blocking(&password, blocks)).await?
}

/// Verifies on the blocking pool, in a lane. With `None` (unknown account) it verifies
/// against a fixed dummy hash, so that unknown emails take as long as wrong passwords.
pub async fn verify(password: String, hash: Option<String>) -> Result<bool, AppError> {
    in_lane(move |blocks| match hash {
        Some(h) => verify_blocking(&password, &h, blocks),
        None => {
            verify_blocking(&password, DUMMY_HASH, blocks);
            false
        }
    })
    .await
}

/// Synchronous hashing, for the command line and the demo seeder.
pub fn hash_now(password: &str) -> Result<String, AppError> {
    hash_blocking(password, &mut Vec::new())
}

/// argon2id(m=19456,t=2,p=1) of a random string nobody knows.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$zEm0CYpWzKNqU2XF3ItvJ8x/hf5X9v1aIlpzD2IbAz4";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_password() {
        let mut blocks = Vec::new();
        let h = hash_blocking("correct horse battery", &mut blocks).unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_blocking("correct horse battery", &h, &mut blocks));
        assert!(!verify_blocking("wrong horse battery", &h, &mut blocks));
        assert!(!verify_blocking(
            "correct horse battery",
            "not a hash",
            &mut blocks
        ));
        // The same hash as the crate's own, both ways.
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let parsed = PasswordHash::new(&h).unwrap();
        assert!(Argon2::default()
            .verify_password(b"correct horse battery", &parsed)
            .is_ok());
        let theirs = Argon2::default()
            .hash_password(b"staple", &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        assert!(verify_blocking("staple", &theirs, &mut blocks));
        // Other parameters (an older hash) verify too, in a buffer grown for them.
        let params = Params::new(8 * 1024, 1, 1, None).unwrap();
        let older = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password(b"staple", &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        assert!(verify_blocking("staple", &older, &mut blocks));
        assert!(!verify_blocking("stapler", &older, &mut blocks));
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
