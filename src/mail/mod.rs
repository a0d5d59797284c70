//! Email: the transactional outbox (rows written with the event that causes them), the
//! worker that delivers them with lettre, and the messages' text and HTML.

pub mod outbox;
pub mod templates;
pub mod worker;
