//! What every request handler shares: the database, the configuration, the token keys
//! and the rate limiter. Built once per application; no globals.

use std::sync::Arc;

use crate::auth::token::Keys;
use crate::config::Config;
use crate::db::Db;
use crate::ratelimit::RateLimiter;
use crate::reads::ReadCache;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub keys: Arc<Keys>,
    pub limiter: Arc<RateLimiter>,
    /// Rendered anonymous reads (src/reads.rs).
    pub reads: Arc<ReadCache>,
}
