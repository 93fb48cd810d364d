//! Sending the e-mails of notifications from the outbox (`persistence::mail_outbox`): to the
//! log by default, through an SMTP server when one is configured.
//!
//! Each e-mail is claimed for a lease before it is sent and marked sent right after, so several
//! servers never send one at the same time and a crash leaves it due again once the lease ends.
//! The one window left, a crash after the mail server took the message and before it was marked
//! sent, sends it again with the same `Message-ID` (built from the notification's id), by which
//! mail clients recognise the repeat.

use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use domain::retry::Backoff;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::{SmtpTransport, Transport};
use persistence::mail_outbox::{self, Mail};

use crate::db::Db;
use crate::error::ApiError;

/// How long a sender holds an e-mail: far longer than one SMTP conversation may take.
const CLAIM_LEASE: Duration = Duration::from_secs(5 * 60);
/// How long one SMTP conversation may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// How often a server looks for due e-mails.
const POLL: Duration = Duration::from_secs(5);

/// Where e-mails go.
pub enum Sender {
    /// Written to the log: the default, for development.
    Log,
    /// Handed to an SMTP server.
    Smtp {
        transport: Box<SmtpTransport>,
        from: Mailbox,
    },
}

impl std::fmt::Debug for Sender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Sender::Log => f.write_str("Sender::Log"),
            Sender::Smtp { from, .. } => write!(f, "Sender::Smtp(from {from})"),
        }
    }
}

/// Why an e-mail was not sent.
#[derive(Debug)]
struct Failure {
    message: String,
    /// The server refused it for good (an unknown mailbox): trying again cannot help.
    permanent: bool,
}

impl Sender {
    /// A sender through the SMTP server at `url` (`smtp://host:25`,
    /// `smtp://user:password@host:587?tls=required`, `smtps://user:password@host`), writing
    /// from `from` (`PartnerNet <no-reply@example.org>`).
    pub fn smtp(url: &str, from: &str) -> anyhow::Result<Self> {
        let transport = SmtpTransport::from_url(url)
            .map_err(|e| anyhow::anyhow!("PARTNERNET_SMTP_URL: {e}"))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from = from
            .parse()
            .map_err(|e| anyhow::anyhow!("PARTNERNET_MAIL_FROM '{from}': {e}"))?;
        Ok(Sender::Smtp {
            transport: Box::new(transport),
            from,
        })
    }

    /// Sends one e-mail; blocks for the SMTP conversation.
    fn send(&self, mail: &Mail) -> Result<(), Failure> {
        let Sender::Smtp { transport, from } = self else {
            tracing::info!(
                to = %mail.recipient,
                subject = %mail.subject,
                body = %mail.body,
                "e-mail written to the log (set PARTNERNET_SMTP_URL to send it)"
            );
            return Ok(());
        };
        let permanent = |message: String| Failure {
            message,
            permanent: true,
        };
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|e| permanent(format!("the recipient cannot be addressed: {e}")))?;
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(mail.subject.as_str())
            .message_id(Some(format!("<{}@{}>", mail.id, from.email.domain())))
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| permanent(format!("the e-mail cannot be built: {e}")))?;
        transport.send(&message).map(drop).map_err(|e| Failure {
            message: e.to_string(),
            permanent: e.is_permanent(),
        })
    }
}

/// What one round of delivery did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub retrying: usize,
    pub given_up: usize,
}

/// Delivers the outbox through a sender.
#[derive(Debug, Clone)]
pub struct Outbox {
    db: Db,
    sender: Arc<Sender>,
    retry: Backoff,
    lease: Duration,
}

impl Outbox {
    pub fn new(db: Db, sender: Sender, retry: Backoff) -> Self {
        Self {
            db,
            sender: Arc::new(sender),
            retry,
            lease: CLAIM_LEASE,
        }
    }

    /// Sends, one at a time, every e-mail due when the round starts; one that fails now is
    /// left for a later round.
    pub async fn deliver_due(&self) -> Result<Round, ApiError> {
        let started = persistence::clock::now();
        let mut round = Round::default();
        loop {
            let lease = self.lease;
            let claimed = self
                .db
                .run(move |conn| Ok(mail_outbox::claim_next(conn, started, lease)?))
                .await?;
            let Some(mail) = claimed else {
                return Ok(round);
            };
            let sender = self.sender.clone();
            let (mail, outcome) = web::block(move || {
                let outcome = sender.send(&mail);
                (mail, outcome)
            })
            .await
            .map_err(|_| ApiError::internal(anyhow::anyhow!("the e-mail sender panicked")))?;
            let retry = self.retry;
            let id = mail.id.clone();
            match outcome {
                Ok(()) => {
                    round.sent += 1;
                    self.db
                        .run(move |conn| Ok(mail_outbox::mark_sent(conn, &id)?))
                        .await?;
                }
                Err(failure) => {
                    let failed = u32::try_from(mail.attempts).unwrap_or(0) + 1;
                    let now = persistence::clock::now();
                    let retry_at = (!failure.permanent)
                        .then(|| retry.next_attempt(mail.created_at, failed, now, fastrand::f64()))
                        .flatten();
                    if retry_at.is_some() {
                        round.retrying += 1;
                        tracing::warn!(id = %mail.id, attempt = failed, error = %failure.message, "e-mail not sent; will try again");
                    } else {
                        round.given_up += 1;
                        tracing::error!(id = %mail.id, attempt = failed, error = %failure.message, "e-mail given up");
                    }
                    self.db
                        .run(move |conn| {
                            Ok(mail_outbox::mark_failed(
                                conn,
                                &id,
                                &failure.message,
                                retry_at,
                            )?)
                        })
                        .await?;
                }
            }
        }
    }

    /// Delivers due e-mails every few seconds, for as long as the server runs.
    pub async fn run(self) {
        let mut every = actix_web::rt::time::interval(POLL);
        loop {
            every.tick().await;
            if let Err(error) = self.deliver_due().await {
                tracing::warn!(%error, "cannot deliver e-mails");
            }
        }
    }
}
