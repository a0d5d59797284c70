//! Accounts: registration, email verification, sign-in, password reset, profiles and
//! the administration of roles, affiliation verification and suspension.

pub mod erasure;
pub mod model;
pub mod personal_data;
pub mod retention;
pub mod security_events;
pub mod service;
pub mod validate;
