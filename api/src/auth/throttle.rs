//! Limits on failed logins, kept in memory per process.
//!
//! Failures are counted in fixed windows under three keys: the account from one address, the
//! address (whatever accounts it tries) and the account (from anywhere). The tight limit is the
//! first: one attacker's address is stopped after a few guesses without touching the account's
//! owner elsewhere. The account-wide limit is higher and only slows guessing from many
//! addresses; a lockout it causes ends with the window, so nobody can lock a user out for long.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct ThrottleLimits {
    pub per_account_and_address: u32,
    pub per_address: u32,
    pub per_account: u32,
    pub window: Duration,
    /// Partnership proposals a user may make in 24 hours (spam of unsolicited proposals).
    pub proposals_per_day: u32,
}

impl Default for ThrottleLimits {
    fn default() -> Self {
        Self {
            per_account_and_address: 5,
            per_address: 30,
            per_account: 20,
            window: Duration::from_secs(15 * 60),
            proposals_per_day: 20,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    failures: u32,
}

/// Above this many tracked keys, expired windows are dropped so memory stays bounded.
const PRUNE_ABOVE: usize = 50_000;

#[derive(Debug)]
pub struct LoginThrottle {
    limits: ThrottleLimits,
    windows: Mutex<HashMap<String, Window>>,
}

impl LoginThrottle {
    pub fn new(limits: ThrottleLimits) -> Self {
        Self {
            limits,
            windows: Mutex::new(HashMap::new()),
        }
    }

    fn keys(&self, email: &str, address: Option<IpAddr>) -> Vec<(String, u32)> {
        let address = address.map_or_else(|| "unknown".to_owned(), |a| a.to_string());
        vec![
            (
                format!("pair {email} {address}"),
                self.limits.per_account_and_address,
            ),
            (format!("address {address}"), self.limits.per_address),
            (format!("account {email}"), self.limits.per_account),
        ]
    }

    /// `Err(seconds)` while any limit is reached: the client should retry after that long.
    pub fn check(&self, email: &str, address: Option<IpAddr>) -> Result<(), u64> {
        let now = Instant::now();
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let wait = self
            .keys(email, address)
            .iter()
            .filter_map(|(key, limit)| {
                let window = windows.get(key)?;
                let left = self.limits.window.checked_sub(now - window.started)?;
                (window.failures >= *limit).then_some(left)
            })
            .max();
        match wait {
            // Rounded up, so a client that waits exactly this long is let through.
            Some(left) => Err(left.as_secs() + 1),
            None => Ok(()),
        }
    }

    pub fn failed(&self, email: &str, address: Option<IpAddr>) {
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > PRUNE_ABOVE {
            let length = self.limits.window;
            windows.retain(|_, w| now - w.started < length);
        }
        for (key, _) in self.keys(email, address) {
            let window = windows.entry(key).or_insert(Window {
                started: now,
                failures: 0,
            });
            if now - window.started >= self.limits.window {
                *window = Window {
                    started: now,
                    failures: 0,
                };
            }
            window.failures += 1;
        }
    }

    /// A successful login clears the count of the account from this address.
    pub fn succeeded(&self, email: &str, address: Option<IpAddr>) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((pair, _)) = self.keys(email, address).into_iter().next() {
            windows.remove(&pair);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> ThrottleLimits {
        ThrottleLimits {
            per_account_and_address: 2,
            per_address: 3,
            per_account: 4,
            window: Duration::from_secs(60),
            ..ThrottleLimits::default()
        }
    }

    #[test]
    fn an_attackers_address_is_stopped_without_locking_out_the_owner() {
        let throttle = LoginThrottle::new(limits());
        let attacker = Some(IpAddr::from([203, 0, 113, 9]));
        let owner = Some(IpAddr::from([198, 51, 100, 7]));
        throttle.failed("jana@example.cz", attacker);
        assert!(throttle.check("jana@example.cz", attacker).is_ok());
        throttle.failed("jana@example.cz", attacker);
        let wait = throttle
            .check("jana@example.cz", attacker)
            .expect_err("limited");
        assert!((1..=61).contains(&wait));
        assert!(throttle.check("jana@example.cz", owner).is_ok());
        // The address limit covers other accounts too.
        throttle.failed("petr@example.cz", attacker);
        assert!(throttle.check("eva@example.cz", attacker).is_err());
    }

    #[test]
    fn success_clears_the_pair() {
        let throttle = LoginThrottle::new(limits());
        let me = Some(IpAddr::from([198, 51, 100, 7]));
        throttle.failed("jana@example.cz", me);
        throttle.succeeded("jana@example.cz", me);
        throttle.failed("jana@example.cz", me);
        assert!(throttle.check("jana@example.cz", me).is_ok());
    }
}
