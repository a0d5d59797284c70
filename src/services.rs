//! What the domain services need to run, and nothing of HTTP: the database, the
//! settings, the signing keys and the per-account rate limits. The web process builds
//! one inside its `AppState`; the command line, the worker and tests can build one
//! without a web state. Services that need only the database take a `&Db`.

use std::sync::Arc;

use crate::auth::token::Keys;
use crate::config::Config;
use crate::db::Db;
use crate::ratelimit::RateLimiter;

#[derive(Clone)]
pub struct Services {
    pub db: Db,
    pub config: Arc<Config>,
    pub keys: Arc<Keys>,
    pub limiter: Arc<RateLimiter>,
}
