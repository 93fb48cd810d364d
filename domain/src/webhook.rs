//! Webhook subscriptions of multiplier systems: where deliveries may go, and their states.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::InvalidValue;

/// The longest receiver address we store.
pub const MAX_URL: usize = 2_000;

string_enum!(
    /// Whether a subscription gets deliveries.
    WebhookStatus, "unknown_webhook_status", "webhook status" {
        Active = "active",
        Paused = "paused",
    }
);

string_enum!(
    /// Where one delivery stands.
    DeliveryStatus, "unknown_delivery_status", "delivery status" {
        Pending = "pending",
        Delivered = "delivered",
        Failed = "failed",
    }
);

/// A receiver's address: an absolute `http` or `https` URL with a host, without credentials
/// (they would be stored and shown) or fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookUrl(url::Url);

impl WebhookUrl {
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let invalid = |why: &str| {
            InvalidValue::new(
                "invalid_url",
                format!("'{raw}' is not a webhook address: {why}"),
            )
        };
        let raw = raw.trim();
        if raw.len() > MAX_URL {
            return Err(invalid(&format!("longer than {MAX_URL} characters")));
        }
        let url = url::Url::parse(raw).map_err(|e| invalid(&e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(invalid("only http and https addresses receive webhooks"));
        }
        if url.host().is_none() {
            return Err(invalid("it names no host"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(invalid(
                "credentials do not belong in the address; verify the signature instead",
            ));
        }
        if url.fragment().is_some() {
            return Err(invalid("a fragment is never sent"));
        }
        Ok(Self(url))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The host as written (a name, or an address in brackets for IPv6).
    pub fn host(&self) -> &str {
        self.0.host_str().unwrap_or_default()
    }

    /// The address when the URL names one instead of a host name.
    pub fn ip(&self) -> Option<IpAddr> {
        match self.0.host()? {
            url::Host::Ipv4(ip) => Some(IpAddr::V4(ip)),
            url::Host::Ipv6(ip) => Some(IpAddr::V6(ip)),
            url::Host::Domain(_) => None,
        }
    }

    pub fn port(&self) -> u16 {
        self.0.port_or_known_default().unwrap_or(80)
    }
}

/// Whether `ip` is on the public internet. Webhooks never go to loopback, private, link-local,
/// shared, reserved or multicast addresses: a subscription must not make the server reach
/// into its own network (SSRF).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => is_public_v4(ip),
        IpAddr::V6(ip) => match ip.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(ip),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        // Shared address space (carrier-grade NAT), 100.64.0.0/10.
        || (a == 100 && (64..128).contains(&b))
        // IETF protocol assignments, 192.0.0.0/24.
        || (a == 192 && b == 0 && c == 0)
        // Benchmarking, 198.18.0.0/15.
        || (a == 198 && (b == 18 || b == 19))
        // Reserved, 240.0.0.0/4.
        || a >= 240)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        // Unique local, fc00::/7.
        || (first & 0xfe00) == 0xfc00
        // Link-local, fe80::/10.
        || (first & 0xffc0) == 0xfe80
        // Documentation, 2001:db8::/32.
        || (first == 0x2001 && ip.segments()[1] == 0x0db8)
        // NAT64 and IPv4-compatible forms reach IPv4 addresses we cannot judge here.
        || first == 0x0064
        || first == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receiver_addresses_are_checked() {
        let url = WebhookUrl::parse(" https://crm.ihk.example:8443/hooks/partnernet ")
            .expect("a valid address");
        assert_eq!(url.host(), "crm.ihk.example");
        assert_eq!(url.port(), 8443);
        assert_eq!(url.ip(), None);
        assert_eq!(
            WebhookUrl::parse("http://10.0.0.1/x").expect("valid").ip(),
            Some(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1)))
        );
        for bad in [
            "",
            "crm.example/hook",
            "ftp://crm.example/hook",
            "https://user:secret@crm.example/hook",
            "https://crm.example/hook#part",
            "file:///etc/passwd",
        ] {
            assert_eq!(
                WebhookUrl::parse(bad).map_err(|e| e.code),
                Err("invalid_url"),
                "{bad}"
            );
        }
    }

    #[test]
    fn only_public_addresses_receive_webhooks() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::7f00:1",
        ] {
            let ip: IpAddr = private.parse().expect("an address");
            assert!(!is_public(ip), "{private}");
        }
        for public in [
            "93.184.216.34",
            "2a00:1450:4001:80b::200e",
            "::ffff:8.8.8.8",
        ] {
            let ip: IpAddr = public.parse().expect("an address");
            assert!(is_public(ip), "{public}");
        }
    }
}
