//! Partnership proposals between two organisations and their lifecycle, an explicit state
//! machine: `proposed` → `accepted` | `declined` | `withdrawn`; `accepted` → `ended`.

use crate::InvalidValue;
use crate::company::text;

string_enum!(
    /// Where a partnership stands.
    PartnershipStatus, "unknown_partnership_status", "partnership status" {
        Proposed = "proposed",
        Accepted = "accepted",
        Declined = "declined",
        Withdrawn = "withdrawn",
        Ended = "ended",
    }
);

string_enum!(
    /// A step of the lifecycle, as one side takes it.
    Transition, "unknown_transition", "step" {
        Accept = "accept",
        Decline = "decline",
        Withdraw = "withdraw",
        End = "end",
    }
);

/// The two parties of a partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The organisation that proposed it.
    Proposer,
    /// The organisation it was proposed to.
    Receiver,
}

/// The longest message of a proposal or a step.
pub const MAX_MESSAGE: usize = 2_000;

/// A message: trimmed, up to [`MAX_MESSAGE`] characters; empty is none.
pub fn message(raw: &str) -> Result<Option<String>, InvalidValue> {
    text(raw, MAX_MESSAGE)
}

impl Transition {
    /// Where the step leads from `status` when `side` takes it, if it may.
    fn target(self, status: PartnershipStatus, side: Side) -> Option<PartnershipStatus> {
        use PartnershipStatus::{Accepted, Declined, Ended, Proposed, Withdrawn};
        match (self, status, side) {
            (Transition::Accept, Proposed, Side::Receiver) => Some(Accepted),
            (Transition::Decline, Proposed, Side::Receiver) => Some(Declined),
            (Transition::Withdraw, Proposed, Side::Proposer) => Some(Withdrawn),
            (Transition::End, Accepted, _) => Some(Ended),
            _ => None,
        }
    }
}

impl PartnershipStatus {
    /// The steps `side` may take from here.
    pub fn allowed(self, side: Side) -> Vec<Transition> {
        Transition::ALL
            .iter()
            .copied()
            .filter(|t| t.target(self, side).is_some())
            .collect()
    }

    /// The status after `side` takes `step`, or an error naming the steps it may take.
    pub fn apply(self, side: Side, step: Transition) -> Result<PartnershipStatus, InvalidValue> {
        step.target(self, side).ok_or_else(|| {
            let allowed: Vec<&str> = self.allowed(side).iter().map(|t| t.as_str()).collect();
            let who = match side {
                Side::Proposer => "the proposing side",
                Side::Receiver => "the receiving side",
            };
            InvalidValue::new(
                "invalid_transition",
                format!(
                    "{who} cannot {} a {} partnership; it may: {}",
                    step.as_str(),
                    self.as_str(),
                    if allowed.is_empty() {
                        "nothing more".to_owned()
                    } else {
                        allowed.join(", ")
                    }
                ),
            )
        })
    }

    /// Whether the proposal still waits for an answer: a pair of organisations has one such
    /// at a time.
    pub fn is_open(self) -> bool {
        self == PartnershipStatus::Proposed
    }
}

/// The key of a pair of organisations, the same whichever proposes.
pub fn pair_key(a: &str, b: &str) -> String {
    if a <= b {
        format!("{a}|{b}")
    } else {
        format!("{b}|{a}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartnershipStatus::*;

    #[test]
    fn the_whole_machine() {
        let sides = [Side::Proposer, Side::Receiver];
        let mut allowed = Vec::new();
        for status in PartnershipStatus::ALL.iter().copied() {
            for side in sides {
                for step in Transition::ALL.iter().copied() {
                    if let Ok(next) = status.apply(side, step) {
                        allowed.push((status, side, step, next));
                    }
                }
            }
        }
        assert_eq!(
            allowed,
            [
                (Proposed, Side::Proposer, Transition::Withdraw, Withdrawn),
                (Proposed, Side::Receiver, Transition::Accept, Accepted),
                (Proposed, Side::Receiver, Transition::Decline, Declined),
                (Accepted, Side::Proposer, Transition::End, Ended),
                (Accepted, Side::Receiver, Transition::End, Ended),
            ]
        );
        let refused = Proposed
            .apply(Side::Proposer, Transition::Accept)
            .expect_err("the proposer does not accept");
        assert!(
            refused.message.contains("it may: withdraw"),
            "{}",
            refused.message
        );
    }

    #[test]
    fn pairs_are_unordered() {
        assert_eq!(pair_key("b", "a"), pair_key("a", "b"));
    }
}
