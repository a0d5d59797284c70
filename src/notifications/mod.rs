//! Notifications: events written with the change that causes them, fanned out by the
//! worker to the people concerned (parent authors, thread participants, followers,
//! moderators) as emails or daily-digest items; follows; one-click unsubscribe.

pub mod digest;
pub mod email;
pub mod events;
pub mod fanout;
pub mod follows;
pub mod unsubscribe;
