//! When background work that failed (an e-mail, a webhook delivery) is tried again.

use std::time::Duration;

use chrono::NaiveDateTime;

/// Tries again after `first`, then twice as long each time up to `longest`, for at most
/// `window` after the first attempt; then the work is given up. Each delay is spread between
/// half and all of its length by a jitter, so many failures at one moment (a receiver that was
/// down) do not all come back at the same moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub first: Duration,
    pub longest: Duration,
    pub window: Duration,
}

impl Backoff {
    /// E-mails: a mail server down for a day still gets every e-mail once it is back, about
    /// twelve attempts in the first five hours, then one an hour.
    pub const MAIL: Backoff = Backoff {
        first: Duration::from_secs(60),
        longest: Duration::from_secs(60 * 60),
        window: Duration::from_secs(24 * 60 * 60),
    };

    /// Webhook deliveries: quick retries for a receiver that blinked, then hourly for a day.
    pub const WEBHOOK: Backoff = Backoff {
        first: Duration::from_secs(30),
        longest: Duration::from_secs(60 * 60),
        window: Duration::from_secs(24 * 60 * 60),
    };

    /// The next attempt after `failed` attempts of work first tried at `started`, failing
    /// `now`; `None` when that would be past the window. `jitter` in `[0, 1]` picks where in
    /// the second half of the delay the attempt falls (1: the whole delay).
    pub fn next_attempt(
        &self,
        started: NaiveDateTime,
        failed: u32,
        now: NaiveDateTime,
        jitter: f64,
    ) -> Option<NaiveDateTime> {
        let doubled = self
            .first
            .saturating_mul(2u32.saturating_pow(failed.saturating_sub(1)))
            .min(self.longest);
        let spread = doubled.mul_f64(0.5 + 0.5 * jitter.clamp(0.0, 1.0));
        let delay = chrono::Duration::from_std(spread).ok()?;
        let window = chrono::Duration::from_std(self.window).ok()?;
        let at = now.checked_add_signed(delay)?;
        (at <= started.checked_add_signed(window)?).then_some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_with_jitter_until_the_window_closes() {
        let retry = Backoff {
            first: Duration::from_secs(10),
            longest: Duration::from_secs(60),
            window: Duration::from_secs(120),
        };
        let started = chrono::DateTime::from_timestamp(1_800_000_000, 0)
            .expect("a time")
            .naive_utc();
        let after = |seconds| started + chrono::Duration::seconds(seconds);
        assert_eq!(
            retry.next_attempt(started, 1, started, 1.0),
            Some(after(10))
        );
        assert_eq!(retry.next_attempt(started, 1, started, 0.0), Some(after(5)));
        assert_eq!(
            retry.next_attempt(started, 2, after(10), 1.0),
            Some(after(30))
        );
        assert_eq!(
            retry.next_attempt(started, 3, after(30), 0.5),
            Some(after(60))
        );
        // Capped at `longest`, and never past the window.
        assert_eq!(
            retry.next_attempt(started, 9, after(50), 1.0),
            Some(after(110))
        );
        assert_eq!(retry.next_attempt(started, 9, after(70), 1.0), None);
        assert_eq!(
            retry.next_attempt(started, 9, after(70), 0.0),
            Some(after(100))
        );
    }
}
