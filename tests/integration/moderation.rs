//! Moderation: flags, the queue, decisions, pre-moderation and the audit log.
