//! One module per area of the site.

pub mod accounts;
pub mod admin;
pub mod comments;
pub mod consultations;
pub mod dashboard;
pub mod drafts;
pub mod export;
pub mod moderation;
pub mod notifications;
pub mod privacy;
pub mod revisions;
pub mod tags;
pub mod translations;
