//! The command line of SPEC §3: serve, demo, migrate, admin create, import-draft,
//! export, worker.

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::accounts::model::Role;
use crate::accounts::service::insert_user;
use crate::accounts::validate::Registration;
use crate::auth::password;
use crate::config::Config;
use crate::startup::{open_database, Application};

#[derive(Parser)]
#[command(
    name = "plenary",
    version,
    about = "A multistakeholder consultation platform"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web UI, the API and the in-process email worker.
    Serve {
        #[arg(long)]
        bind: Option<String>,
    },
    /// Start on a fresh embedded database with a demo consultation and demo accounts.
    Demo {
        #[arg(long)]
        bind: Option<String>,
    },
    /// Apply pending migrations and exit.
    Migrate,
    /// Manage accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Import a Markdown draft into a consultation.
    ImportDraft {
        /// The consultation of a new document (not needed with --revision-of or
        /// --translation-of).
        #[arg(long, required_unless_present_any = ["revision_of", "translation_of"])]
        consultation: Option<i64>,
        /// Publish the file as a revision of this draft, with paragraph lineage.
        #[arg(long, conflicts_with = "translation_of")]
        revision_of: Option<i64>,
        /// Add the file as a language version of this draft (with --language): its
        /// paragraphs must line up with the draft's, by number and label.
        #[arg(long, requires = "language", conflicts_with = "consultation")]
        translation_of: Option<i64>,
        /// The language the file is written in: ar, zh, en, fr, ru or es (en if absent).
        #[arg(long)]
        language: Option<String>,
        /// The title; a language version keeps the original's without it.
        #[arg(long, required_unless_present = "translation_of")]
        title: Option<String>,
        #[arg(long, required_unless_present = "translation_of")]
        version_label: Option<String>,
        /// The Markdown file, or a Word file (.docx).
        file: std::path::PathBuf,
    },
    /// Write a draft's consolidated input (published comments; `--all` for every status).
    Export {
        #[arg(long)]
        draft: i64,
        /// csv, json, xlsx, html, docx (the compilation as a Word document) or pdf (the
        /// same, converted by LibreOffice, which must be installed).
        #[arg(long)]
        format: String,
        /// Only comments by this stakeholder group.
        #[arg(long)]
        stakeholder_group: Option<String>,
        /// Every status (hidden, pending, rejected, withdrawn too): the command line is
        /// trusted like a moderator.
        #[arg(long)]
        all: bool,
        /// The language version of the draft text: ar, zh, en, fr, ru or es (the
        /// original without it, or when the draft has no version in that language).
        #[arg(long)]
        language: Option<String>,
        /// The file to write; standard output without it.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
    /// Run only the email outbox worker.
    Worker,
    /// Send the daily notification digests now (the worker sends them daily at 07:00 UTC).
    Digest,
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an administrator; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        password_stdin: bool,
        #[arg(long, default_value = "international_organization")]
        stakeholder_group: String,
    },
}

/// What is logged when `RUST_LOG` is not set: the security event log
/// (`auth::security_log`) always, at INFO and WARN.
pub const DEFAULT_LOG_FILTER: &str = "info,plenary::http=warn,plenary::security=info";

pub fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(DEFAULT_LOG_FILTER)),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve { bind } => {
            let config = Config::from_env(bind).map_err(anyhow::Error::msg)?;
            serve(config)
        }
        Command::Demo { bind } => {
            let mut config = Config::from_env(bind).map_err(anyhow::Error::msg)?;
            if std::env::var("DATABASE_URL").is_err() {
                config.database_url = "plenary-demo.db".into();
            }
            if let Some(path) = crate::db::parse_url(&config.database_url)
                .ok()
                .filter(|(b, _)| *b == crate::db::Backend::Sqlite)
                .map(|(_, p)| p)
            {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{path}{suffix}"));
                }
            } else {
                anyhow::bail!("plenary demo runs on a fresh embedded SQLite database; unset DATABASE_URL or point it at a file");
            }
            let db = open_database(&config)?;
            let logins = crate::demo::seed(&db)?;
            println!("Plenary demo on http://{}", config.bind);
            println!(
                "Demo accounts (password for all: {}):",
                crate::demo::PASSWORD
            );
            for (email, label) in logins {
                println!("  {email:<42} {label}");
            }
            actix_web::rt::System::new().block_on(async move {
                let app = Application::build_with(config, db)?;
                app.run_until_stopped().await?;
                Ok(())
            })
        }
        Command::Migrate => {
            let config = Config::from_env(None).map_err(anyhow::Error::msg)?;
            let db = crate::db::Db::connect(&config.database_url, Some(2))?;
            let applied = db.migrate().map_err(anyhow::Error::msg)?;
            println!("{} migration(s) applied", applied.len());
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::Create {
                    email,
                    name,
                    password_stdin,
                    stakeholder_group,
                },
        } => {
            if !password_stdin {
                anyhow::bail!("pass --password-stdin and write the password to standard input");
            }
            let mut pw = String::new();
            std::io::stdin().read_to_string(&mut pw)?;
            let pw = pw.trim_end_matches(['\r', '\n']).to_string();
            let config = Config::from_env(None).map_err(anyhow::Error::msg)?;
            let db = open_database(&config)?;
            let reg = Registration::parse(&email, &pw, &name, &stakeholder_group, None, None)
                .map_err(|e| match e {
                    crate::error::AppError::Validation(f) => anyhow::anyhow!(
                        "invalid: {}",
                        f.0.iter()
                            .map(|(k, v)| format!("{k} {}", v.join(", ")))
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                    other => anyhow::anyhow!(other.to_string()),
                })?;
            let hash =
                password::hash_now(&reg.password).map_err(|e| anyhow::anyhow!(e.to_string()))?;
            let mut conn = db.get().map_err(|e| anyhow::anyhow!(e.to_string()))?;
            let user = insert_user(&mut conn, &reg, hash, Role::Admin, true)
                .map_err(|e| anyhow::anyhow!(e.detail()))?;
            println!("admin {} created (id {})", email, user.id);
            Ok(())
        }
        Command::ImportDraft {
            consultation,
            revision_of,
            translation_of,
            language,
            title,
            version_label,
            file,
        } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            // A Word file is turned into the same Markdown, and what it cannot carry said.
            let text = if crate::drafts::docx::looks_like_docx(&bytes) {
                let converted = crate::drafts::docx::to_markdown(&bytes)
                    .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), e.0))?;
                for w in &converted.warnings {
                    eprintln!("warning: {w}");
                }
                converted.markdown
            } else {
                String::from_utf8(bytes).map_err(|_| {
                    anyhow::anyhow!(
                        "{} is neither UTF-8 Markdown nor a .docx file",
                        file.display()
                    )
                })?
            };
            let config = Config::from_env(None).map_err(anyhow::Error::msg)?;
            let db = open_database(&config)?;
            let mut conn = db.get().map_err(|e| anyhow::anyhow!(e.to_string()))?;
            if let Some(original) = translation_of {
                use crate::drafts::translations::{add, TranslationInput};
                let input = TranslationInput::parse(
                    language.as_deref().unwrap_or_default(),
                    title.as_deref(),
                    &text,
                )
                .map_err(describe)?;
                let t = add(&mut conn, original, &input).map_err(describe)?;
                println!(
                    "language version {} ({}) of draft {original} imported",
                    t.id, t.language
                );
                return Ok(());
            }
            let (title, version_label) =
                (title.unwrap_or_default(), version_label.unwrap_or_default());
            let draft = match (revision_of, consultation) {
                (Some(previous), _) => {
                    let input = crate::revisions::service::RevisionInput {
                        title: Some(title),
                        version_label,
                        text,
                        links: None,
                    };
                    crate::revisions::service::publish(&mut conn, None, previous, &input)
                        .map_err(describe)?
                }
                (None, Some(consultation)) => {
                    let input =
                        crate::drafts::service::DraftInput::parse(&title, &version_label, &text)
                            .and_then(|i| i.in_language(language.as_deref()))
                            .map_err(describe)?;
                    crate::drafts::service::import(&mut conn, consultation, &input, None)
                        .map_err(describe)?
                }
                (None, None) => anyhow::bail!(
                    "give --consultation ID, --revision-of DRAFT_ID or --translation-of DRAFT_ID"
                ),
            };
            let n = crate::drafts::service::paragraphs_of(&mut conn, draft.id)?.len();
            println!("draft {} imported with {n} paragraphs", draft.id);
            Ok(())
        }
        Command::Digest => {
            let config = Config::from_env(None).map_err(anyhow::Error::msg)?;
            let db = open_database(&config)?;
            let secret = crate::startup::token_secret(&db, &config)?;
            let ctx = crate::notifications::fanout::Context {
                base_url: config.base_url.clone(),
                secret: secret.into_bytes(),
            };
            let mut conn = db.get().map_err(|e| anyhow::anyhow!(e.to_string()))?;
            // Pending events first, so the digest includes everything up to now.
            crate::notifications::fanout::process_due(&mut conn, &ctx)?;
            let n = crate::notifications::digest::run(&mut conn, &ctx)?;
            println!("{n} digest email(s) queued; the worker delivers them");
            Ok(())
        }
        Command::Export {
            draft,
            format,
            stakeholder_group,
            all,
            language,
            output,
        } => {
            let query = crate::export::Query {
                format: Some(format),
                stakeholder_group,
                status: all.then(|| "all".to_string()),
                tag: None,
                lang: None,
                language,
            };
            let request = crate::export::Request::parse(draft, &query).map_err(describe)?;
            let config = Config::from_env(None).map_err(anyhow::Error::msg)?;
            let db = open_database(&config)?;
            crate::export::export_to(&db, &request, output.as_deref()).map_err(|e| match e {
                crate::export::ExportError::App(e) => describe(e),
                other => anyhow::anyhow!(other),
            })
        }
        Command::Worker => {
            let config = Config::from_env(None).map_err(anyhow::Error::msg)?;
            let db = open_database(&config)?;
            actix_web::rt::System::new().block_on(async move {
                let secret = crate::startup::token_secret(&db, &config)?.into_bytes();
                crate::mail::worker::Worker::new(db, &config, secret)?
                    .run()
                    .await;
                Ok(())
            })
        }
    }
}

fn serve(config: Config) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        tracing::info!(config = ?config, "starting");
        let app = Application::build(config).await?;
        tracing::info!(port = app.port(), "listening");
        app.run_until_stopped().await?;
        Ok(())
    })
}

/// An application error as a command-line message, naming fields.
fn describe(e: crate::error::AppError) -> anyhow::Error {
    match e {
        crate::error::AppError::Validation(f) => anyhow::anyhow!(
            "invalid input: {}",
            f.0.iter()
                .map(|(k, v)| format!("{k} {}", v.join(", ")))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        crate::error::AppError::NotFound => anyhow::anyhow!("not found"),
        other => anyhow::anyhow!(other.detail()),
    }
}
