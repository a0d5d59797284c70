//! Moderation: flags from participants, the review queue, decisions (approve, hide,
//! reject, restore) taken in one transaction with their audit-log entry, and the log.

pub mod service;
