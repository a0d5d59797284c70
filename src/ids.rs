//! Ids made by the application, so that an insert never needs to read back its key
//! (diesel's MultiConnection has no `RETURNING`): time-ordered 63-bit integers.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::OnceLock;

/// 2025-01-01T00:00:00Z in Unix milliseconds; 41 bits of milliseconds last 69 years.
const EPOCH_MS: i64 = 1_735_689_600_000;
const NODE_BITS: u32 = 10;
const SEQ_BITS: u32 = 12;

// The generator is process-wide state on purpose: ids must stay unique across every
// application instance a process builds (tests build many), unlike configuration.
static LAST: AtomicI64 = AtomicI64::new(0);
static NODE: OnceLock<i64> = OnceLock::new();

/// A new id: milliseconds since 2025 | a random node number per process | a sequence.
/// Strictly increasing within a process, so ordering by id is ordering by creation.
pub fn new_id() -> i64 {
    let node = *NODE.get_or_init(|| rand::random_range(0..(1i64 << NODE_BITS)));
    let now = chrono::Utc::now().timestamp_millis() - EPOCH_MS;
    let candidate = (now << (NODE_BITS + SEQ_BITS)) | (node << SEQ_BITS);
    let mut last = LAST.load(Ordering::Relaxed);
    loop {
        let next = if candidate > last {
            candidate
        } else {
            last + 1
        };
        match LAST.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
}

/// How an id looks in the OpenAPI document (`value_type = crate::ids::Id`): a JSON
/// string of decimal digits, as `as_string` writes it.
pub struct Id;

impl utoipa::PartialSchema for Id {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[0-9]{1,19}$"))
            .description(Some(
                "An id: a decimal integer sent as a JSON string, since 63-bit integers \
                 do not survive JavaScript numbers. Opaque to clients.",
            ))
            .examples([serde_json::json!("496319452786528256")])
            .into()
    }
}

impl utoipa::ToSchema for Id {}

/// Serialises ids as JSON strings: 63-bit integers do not survive JavaScript numbers.
pub mod as_string {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(id: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(id)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Num(i64),
            Str(String),
        }
        match Either::deserialize(d)? {
            Either::Num(n) => Ok(n),
            Either::Str(s) => s
                .parse()
                .map_err(|_| serde::de::Error::custom("must be an id")),
        }
    }
}

/// The same for optional ids.
pub mod opt_string {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(id: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
        match id {
            Some(id) => s.collect_str(id),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Num(i64),
            Str(String),
        }
        match Option::<Either>::deserialize(d)? {
            None => Ok(None),
            Some(Either::Num(n)) => Ok(Some(n)),
            Some(Either::Str(s)) => s
                .parse()
                .map(Some)
                .map_err(|_| serde::de::Error::custom("must be an id")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_increase_and_are_positive() {
        let a = new_id();
        let b = new_id();
        assert!(a > 0 && b > a);
    }
}
