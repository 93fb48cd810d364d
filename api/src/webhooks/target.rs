//! Where webhooks may be sent, checked when a subscription names an address and again, by the
//! resolver of the delivering client, on every connection: a host name that resolved to a
//! public address yesterday and to `127.0.0.1` today (DNS rebinding) is refused then too.

use std::net::SocketAddr;
use std::time::Duration;

use actix_tls::connect::{Connector as TcpConnector, Resolve, Resolver};
use domain::InvalidValue;
use domain::webhook::{WebhookUrl, is_public};
use futures_util::future::LocalBoxFuture;

/// How long one delivery may take, from connecting to the receiver's answer.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(15);

/// Whether loopback and private receivers are allowed: only in development, where the
/// receiver runs on the same machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    pub allow_private: bool,
}

impl Targets {
    /// Refuses an address that is or resolves to a non-public one.
    pub async fn check(&self, url: &WebhookUrl) -> Result<(), InvalidValue> {
        if self.allow_private {
            return Ok(());
        }
        let addresses = match url.ip() {
            Some(ip) => vec![SocketAddr::new(ip, url.port())],
            None => resolve(url.host(), url.port()).await?,
        };
        public_only(url.host(), addresses).map(drop)
    }

    /// The HTTP client deliveries go through: it resolves names itself and connects only to
    /// public addresses (unless private ones are allowed), follows no redirect (a redirect
    /// could point anywhere) and gives up after [`DELIVERY_TIMEOUT`].
    pub fn client(&self) -> awc::Client {
        let tcp = TcpConnector::new(Resolver::custom(PublicResolver(*self))).service();
        let connector = awc::Connector::new()
            .connector(tcp)
            .timeout(Duration::from_secs(5));
        awc::Client::builder()
            .connector(connector)
            .timeout(DELIVERY_TIMEOUT)
            .disable_redirects()
            .add_default_header((
                awc::http::header::USER_AGENT,
                concat!("PartnerNet-Webhooks/", env!("CARGO_PKG_VERSION")),
            ))
            .finish()
    }
}

async fn resolve(host: &str, port: u16) -> Result<Vec<SocketAddr>, InvalidValue> {
    let addresses: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| {
            InvalidValue::new(
                "unresolvable_host",
                format!("'{host}' cannot be resolved: {e}"),
            )
        })?
        .collect();
    if addresses.is_empty() {
        return Err(InvalidValue::new(
            "unresolvable_host",
            format!("'{host}' resolves to no address"),
        ));
    }
    Ok(addresses)
}

fn public_only(host: &str, addresses: Vec<SocketAddr>) -> Result<Vec<SocketAddr>, InvalidValue> {
    match addresses.iter().find(|a| !is_public(a.ip())) {
        Some(private) => Err(InvalidValue::new(
            "private_address",
            format!(
                "'{host}' is or resolves to {}, which is not a public internet address; \
                 webhooks go only to public receivers",
                private.ip()
            ),
        )),
        None => Ok(addresses),
    }
}

/// Resolves as the system does, then applies [`Targets`].
struct PublicResolver(Targets);

impl Resolve for PublicResolver {
    fn lookup<'a>(
        &'a self,
        host: &'a str,
        port: u16,
    ) -> LocalBoxFuture<'a, Result<Vec<SocketAddr>, Box<dyn std::error::Error>>> {
        Box::pin(async move {
            let addresses = resolve(host, port).await?;
            if self.0.allow_private {
                return Ok(addresses);
            }
            Ok(public_only(host, addresses)?)
        })
    }
}
