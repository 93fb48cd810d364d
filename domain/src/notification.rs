//! What the platform tells the members of an organisation, in each recipient's language.

use crate::language::Language;

string_enum!(
    /// What a notification is about.
    NotificationKind, "unknown_notification_kind", "kind of notification" {
        PartnershipProposed = "partnership_proposed",
        InterestExpressed = "interest_expressed",
        PartnershipAccepted = "partnership_accepted",
        PartnershipDeclined = "partnership_declined",
        PartnershipWithdrawn = "partnership_withdrawn",
        PartnershipEnded = "partnership_ended",
        RegistrationMovedUp = "registration_moved_up",
        EventChanged = "event_changed",
        EventCancelled = "event_cancelled",
        OpportunityExpiring = "opportunity_expiring",
        WebhookPaused = "webhook_paused",
    }
);

/// A notification's text in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub title: String,
    pub body: String,
}

impl NotificationKind {
    /// The text of a notification about `subject` (an organisation's name or an event's title)
    /// for a recipient who reads `language`.
    pub fn render(self, language: Language, subject: &str) -> Rendered {
        use Language::{Cs, De, En};
        use NotificationKind::*;
        let (title, body) = match (self, language) {
            (PartnershipProposed, De) => (
                "Neuer Partnerschaftsvorschlag",
                "{} schlägt Ihrer Organisation eine Partnerschaft vor.",
            ),
            (PartnershipProposed, Cs) => (
                "Nový návrh partnerství",
                "{} navrhuje vaší organizaci partnerství.",
            ),
            (PartnershipProposed, En) => (
                "New partnership proposal",
                "{} proposes a partnership to your organisation.",
            ),
            (InterestExpressed, De) => (
                "Interesse an Ihrem Angebot",
                "{} interessiert sich für Ihre Kooperationsanfrage und schlägt eine Partnerschaft vor.",
            ),
            (InterestExpressed, Cs) => (
                "Zájem o vaši nabídku",
                "{} projevuje zájem o vaši kooperační poptávku a navrhuje partnerství.",
            ),
            (InterestExpressed, En) => (
                "Interest in your opportunity",
                "{} is interested in your cooperation opportunity and proposes a partnership.",
            ),
            (PartnershipAccepted, De) => (
                "Partnerschaft angenommen",
                "{} hat Ihren Vorschlag angenommen.",
            ),
            (PartnershipAccepted, Cs) => ("Partnerství přijato", "{} přijala váš návrh."),
            (PartnershipAccepted, En) => ("Partnership accepted", "{} accepted your proposal."),
            (PartnershipDeclined, De) => (
                "Partnerschaft abgelehnt",
                "{} hat Ihren Vorschlag abgelehnt.",
            ),
            (PartnershipDeclined, Cs) => ("Partnerství odmítnuto", "{} odmítla váš návrh."),
            (PartnershipDeclined, En) => ("Partnership declined", "{} declined your proposal."),
            (PartnershipWithdrawn, De) => (
                "Vorschlag zurückgezogen",
                "{} hat den Partnerschaftsvorschlag zurückgezogen.",
            ),
            (PartnershipWithdrawn, Cs) => ("Návrh stažen", "{} stáhla návrh partnerství."),
            (PartnershipWithdrawn, En) => (
                "Proposal withdrawn",
                "{} withdrew the partnership proposal.",
            ),
            (PartnershipEnded, De) => {
                ("Partnerschaft beendet", "{} hat die Partnerschaft beendet.")
            }
            (PartnershipEnded, Cs) => ("Partnerství ukončeno", "{} ukončila partnerství."),
            (PartnershipEnded, En) => ("Partnership ended", "{} ended the partnership."),
            (RegistrationMovedUp, De) => (
                "Platz frei geworden",
                "Ihre Organisation ist von der Warteliste nachgerückt: „{}“.",
            ),
            (RegistrationMovedUp, Cs) => (
                "Uvolnilo se místo",
                "Vaše organizace postoupila z čekací listiny: „{}“.",
            ),
            (RegistrationMovedUp, En) => (
                "A place for you",
                "Your organisation moved up from the waiting list: “{}”.",
            ),
            (EventChanged, De) => (
                "Veranstaltung geändert",
                "Zeit oder Ort von „{}“ haben sich geändert.",
            ),
            (EventChanged, Cs) => ("Akce změněna", "Čas nebo místo akce „{}“ se změnily."),
            (EventChanged, En) => ("Event changed", "The time or place of “{}” has changed."),
            (EventCancelled, De) => (
                "Veranstaltung abgesagt",
                "„{}“ wurde abgesagt. Ihre Anmeldung bleibt einsehbar.",
            ),
            (EventCancelled, Cs) => (
                "Akce zrušena",
                "„{}“ byla zrušena. Vaše registrace zůstává k nahlédnutí.",
            ),
            (EventCancelled, En) => (
                "Event cancelled",
                "“{}” has been cancelled. Your registration stays readable.",
            ),
            (OpportunityExpiring, De) => (
                "Angebot läuft bald ab",
                "„{}“ ist nur noch bis zu einer Woche gültig. Verlängern Sie es, wenn es weiter gelten soll.",
            ),
            (OpportunityExpiring, Cs) => (
                "Nabídka brzy vyprší",
                "„{}“ platí už nejvýše týden. Prodlužte ji, pokud má platit dál.",
            ),
            (OpportunityExpiring, En) => (
                "Opportunity expires soon",
                "“{}” is valid for a week at most. Extend it if it should stay.",
            ),
            (WebhookPaused, De) => (
                "Webhook pausiert",
                "Zustellungen an {} scheitern seit 24 Stunden; der Webhook ist pausiert. Setzen Sie ihn wieder auf aktiv, sobald der Empfänger erreichbar ist: er macht dort weiter, wo er stehen blieb.",
            ),
            (WebhookPaused, Cs) => (
                "Webhook pozastaven",
                "Doručení na {} selhávají už 24 hodin; webhook je pozastaven. Jakmile bude příjemce dostupný, znovu jej aktivujte: naváže tam, kde skončil.",
            ),
            (WebhookPaused, En) => (
                "Webhook paused",
                "Deliveries to {} have failed for 24 hours; the webhook is paused. Set it active again once the receiver is reachable: it continues where it stopped.",
            ),
        };
        Rendered {
            title: title.to_owned(),
            body: body.replacen("{}", subject, 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_speaks_every_language() {
        for kind in NotificationKind::ALL {
            for language in Language::ALL {
                let text = kind.render(language, "Pila Dvořák");
                assert!(!text.title.is_empty());
                assert!(text.body.contains("Pila Dvořák"), "{kind:?} {language:?}");
            }
        }
        assert_eq!(
            NotificationKind::PartnershipAccepted
                .render(Language::Cs, "Pila Dvořák")
                .body,
            "Pila Dvořák přijala váš návrh."
        );
    }
}
