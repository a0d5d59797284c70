//! Consultations: a title, a summary, an open window and a moderation mode; the status
//! (upcoming, open, closed) is derived from the window, never stored.

pub mod service;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::consultations;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = consultations)]
pub struct Consultation {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub opens_at: NaiveDateTime,
    pub closes_at: NaiveDateTime,
    pub moderation: String,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Upcoming,
    Open,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Open => "open",
            Status::Closed => "closed",
        }
    }
}

impl Consultation {
    pub fn status_at(&self, now: NaiveDateTime) -> Status {
        if now < self.opens_at {
            Status::Upcoming
        } else if now >= self.closes_at {
            Status::Closed
        } else {
            Status::Open
        }
    }

    pub fn status(&self) -> Status {
        self.status_at(Utc::now().naive_utc())
    }

    pub fn is_open(&self) -> bool {
        self.status() == Status::Open
    }

    pub fn pre_moderated(&self) -> bool {
        self.moderation == "pre"
    }
}
