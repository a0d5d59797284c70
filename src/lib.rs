//! Plenary: a multistakeholder consultation platform. Drafts split into numbered
//! paragraphs, comments by stakeholder group, moderation, email and export.

pub mod accounts;
pub mod api;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod comments;
pub mod config;
pub mod consultations;
pub mod dashboard;
pub mod db;
pub mod demo;
pub mod download;
pub mod drafts;
pub mod error;
pub mod export;
pub mod i18n;
pub mod ids;
pub mod input;
pub mod mail;
pub mod moderation;
pub mod multipart;
pub mod notifications;
pub mod ratelimit;
pub mod reads;
pub mod revisions;
pub mod services;
pub mod startup;
pub mod state;
pub mod vocabulary;
pub mod web;
