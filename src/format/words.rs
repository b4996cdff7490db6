//! The method's own values as other tools' files write them: a feeling, a channel, a lane
//! kind or a moment by its English id ("pain_points"), or by its name in either language
//! ("Puntos de dolor", "Pain points"). Shared by the readers and writers of other formats.

use crate::i18n::{Lang, tr_in};
use crate::model::{Channel, Feeling, LaneKind, MomentKind};

/// A value's stable English id, as files write it, and the message key of its name.
pub trait Word: Copy + 'static {
    const ALL: &'static [Self];
    fn id(self) -> &'static str;
    fn key(self) -> &'static str;
    /// Further spellings files use for it (lower case).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }

    /// The value a word names: its id, its name in English or Spanish, or an alias; case,
    /// accents, spaces, `-` and `_` do not matter.
    fn from_word(word: &str) -> Option<Self> {
        let wanted = fold(word);
        if wanted.is_empty() {
            return None;
        }
        Self::ALL.iter().copied().find(|value| {
            fold(value.id()) == wanted
                || Lang::ALL
                    .iter()
                    .any(|lang| fold(tr_in(*lang, value.key())) == wanted)
                || value.aliases().iter().any(|a| fold(a) == wanted)
        })
    }
}

/// Lower case, without accents, spaces, `-` or `_`: "Puntos de dolor" and "puntos_de_dolor"
/// fold alike.
pub fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            other => other,
        })
        .collect()
}

impl Word for Feeling {
    const ALL: &'static [Self] = &Feeling::ALL;
    fn id(self) -> &'static str {
        match self {
            Feeling::Angry => "angry",
            Feeling::Sad => "sad",
            Feeling::Neutral => "neutral",
            Feeling::Happy => "happy",
            Feeling::Delighted => "delighted",
        }
    }
    fn key(self) -> &'static str {
        self.label_key()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Feeling::Angry => &["enfadada", "enojado", "enojada", "furioso", "furiosa"],
            Feeling::Sad => &["triste", "descontenta"],
            Feeling::Neutral => &["neutro", "neutra"],
            Feeling::Happy => &["contenta", "feliz"],
            Feeling::Delighted => &["encantada"],
        }
    }
}

impl Word for Channel {
    const ALL: &'static [Self] = &Channel::ALL;
    fn id(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Web => "web",
            Channel::App => "app",
            Channel::Email => "email",
            Channel::Chat => "chat",
            Channel::SocialMedia => "social_media",
            Channel::InPerson => "in_person",
            Channel::Other => "other",
        }
    }
    fn key(self) -> &'static str {
        self.label_key()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Channel::Phone => &["telephone", "call", "llamada"],
            Channel::Web => &["website", "sitio web", "desktop"],
            Channel::App => &["mobile app", "aplicación", "aplicacion", "mobile", "móvil"],
            Channel::Email => &["e-mail", "mail", "correo electrónico", "e-mail"],
            Channel::Chat => &["live chat", "whatsapp"],
            Channel::SocialMedia => &["social", "redes"],
            Channel::InPerson => &["presencial", "store", "tienda", "in-store"],
            Channel::Other => &["otra"],
        }
    }
}

impl Word for LaneKind {
    const ALL: &'static [Self] = &LaneKind::ALL;
    fn id(self) -> &'static str {
        match self {
            LaneKind::Actions => "actions",
            LaneKind::Touchpoints => "touchpoints",
            LaneKind::Channels => "channels",
            LaneKind::Thoughts => "thoughts",
            LaneKind::Feelings => "feelings",
            LaneKind::PainPoints => "pain_points",
            LaneKind::Opportunities => "opportunities",
            LaneKind::Backstage => "backstage",
            LaneKind::Notes => "notes",
        }
    }
    fn key(self) -> &'static str {
        self.label_key()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            LaneKind::Feelings => &["emociones", "emotions", "sentimientos"],
            LaneKind::PainPoints => &["pain", "dolores"],
            _ => &[],
        }
    }
}

impl Word for MomentKind {
    const ALL: &'static [Self] = &[MomentKind::Gain, MomentKind::Pain];
    fn id(self) -> &'static str {
        match self {
            MomentKind::Gain => "gain",
            MomentKind::Pain => "pain",
        }
    }
    fn key(self) -> &'static str {
        self.label_key()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            MomentKind::Gain => &["ganancia"],
            MomentKind::Pain => &["dolor"],
        }
    }
}

/// The kind of a lane known only by its name ("Internal Blockers", "Puntos de dolor"): its
/// name if it names a kind, else by keywords in English and Spanish, checked in an order that
/// puts problems first ("Internal Blockers" is a pain lane); anything else holds actions.
pub fn guess_lane_kind(name: &str) -> LaneKind {
    if let Some(kind) = LaneKind::from_word(name) {
        return kind;
    }
    let folded = fold(name);
    let rules: [(&[&str], LaneKind); 7] = [
        (
            &[
                "pain",
                "block",
                "issue",
                "friction",
                "roadblock",
                "problem",
                "dolor",
                "bloque",
                "friccion",
                "problema",
                "obstaculo",
                "queja",
            ],
            LaneKind::PainPoints,
        ),
        (
            &["thought", "think", "pensamiento", "piens"],
            LaneKind::Thoughts,
        ),
        (
            &[
                "emotion",
                "feel",
                "sentiment",
                "mood",
                "emocion",
                "sentim",
                "animo",
            ],
            LaneKind::Feelings,
        ),
        (
            &[
                "touch",
                "channel",
                "tool",
                "vendor",
                "contacto",
                "canal",
                "herramienta",
            ],
            LaneKind::Touchpoints,
        ),
        (
            &["opportunit", "idea", "improv", "oportunidad", "mejora"],
            LaneKind::Opportunities,
        ),
        (
            &[
                "backstage",
                "behind",
                "supportprocess",
                "trastienda",
                "interno",
            ],
            LaneKind::Backstage,
        ),
        (&["note", "nota"], LaneKind::Notes),
    ];
    rules
        .iter()
        .find(|(words, _)| words.iter().any(|w| folded.contains(w)))
        .map_or(LaneKind::Actions, |(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_in_either_language() {
        assert_eq!(Feeling::from_word("Contento"), Some(Feeling::Happy));
        assert_eq!(Feeling::from_word(" DELIGHTED "), Some(Feeling::Delighted));
        assert_eq!(
            LaneKind::from_word("puntos de dolor"),
            Some(LaneKind::PainPoints)
        );
        assert_eq!(
            LaneKind::from_word("pain_points"),
            Some(LaneKind::PainPoints)
        );
        assert_eq!(
            Channel::from_word("Redes sociales"),
            Some(Channel::SocialMedia)
        );
        assert_eq!(Channel::from_word("in_person"), Some(Channel::InPerson));
        assert_eq!(MomentKind::from_word("Dolor"), Some(MomentKind::Pain));
        assert_eq!(Feeling::from_word("grumpy"), None);
        assert_eq!(Feeling::from_word(""), None);
    }

    #[test]
    fn lane_kinds_are_guessed_from_names_seen_in_real_files() {
        let seen = [
            ("User Actions", LaneKind::Actions),
            ("Patient Journey", LaneKind::Actions),
            ("Digital Touchpoints", LaneKind::Touchpoints),
            ("Support Channel", LaneKind::Touchpoints),
            ("Tools Used", LaneKind::Touchpoints),
            ("Emotional State", LaneKind::Feelings),
            ("User Health (Sentiment)", LaneKind::Feelings),
            ("Thoughts & Feelings", LaneKind::Thoughts),
            ("Pain Points", LaneKind::PainPoints),
            ("Internal Blockers", LaneKind::PainPoints),
            ("Issues & Roadblocks", LaneKind::PainPoints),
            ("Friction Points", LaneKind::PainPoints),
            ("Oportunidades de mejora", LaneKind::Opportunities),
            ("Puntos de contacto", LaneKind::Touchpoints),
        ];
        for (name, kind) in seen {
            assert_eq!(guess_lane_kind(name), kind, "{name}");
        }
    }
}
