//! One module per area of the site.

pub mod accounts;
pub mod home;
