//! What every request handler shares: the services of the domain (database,
//! configuration, token keys, rate limiter) and what only the web process has, the
//! cache of rendered anonymous reads. Built once per application; no globals.
//!
//! `AppState` dereferences to `Services`, so a handler passes `&state` where a service
//! asks for `&Services`; the services themselves never see `AppState`.

use std::ops::Deref;
use std::sync::Arc;

use crate::reads::ReadCache;
use crate::services::Services;

#[derive(Clone)]
pub struct AppState {
    pub services: Services,
    /// Rendered anonymous reads (src/reads.rs).
    pub reads: Arc<ReadCache>,
}

impl Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.services
    }
}
