//! Accounts: registration, email verification, sign-in, password reset, profiles and
//! the administration of roles, affiliation verification and suspension.

pub mod model;
pub mod personal_data;
pub mod service;
pub mod validate;
