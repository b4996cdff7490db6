//! What is shown of a map: which journey, and which other journey's emotion curve is laid over
//! it. A small value between the document and the layout, so layout and paint stay pure; it
//! is not saved in the map (the window and each export have their own).

use crate::i18n::{Arg, fmt, tr};
use crate::model::{JourneyId, JourneyKind, Map, Persona};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct View {
    /// The journey whose cards and curve are shown (and edited).
    pub journey: JourneyId,
    /// Another journey whose curve is drawn over it, with the gap between them.
    pub compare: Option<JourneyId>,
}

/// Which view an export or a command asks for, by the method's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum JourneyChoice {
    /// The current journey.
    Current,
    /// The target journey.
    Target,
    /// Both curves on one map: the current journey with the target's curve over it.
    Overlay,
}

impl JourneyChoice {
    /// Why a map cannot be shown as this choice asks.
    pub fn missing(self) -> &'static str {
        match self {
            JourneyChoice::Current => tr("no-current-journey"),
            JourneyChoice::Target | JourneyChoice::Overlay => tr("no-target-journey"),
        }
    }
}

impl View {
    /// The first current journey (else the first journey), alone.
    pub fn of(map: &Map) -> View {
        let journey = map
            .first_of(JourneyKind::Current)
            .or(map.journeys.first())
            .map_or(JourneyId(0), |j| j.id);
        View {
            journey,
            compare: None,
        }
    }

    /// The current journey with the target's curve over it, when the map has both.
    pub fn overlay(map: &Map) -> Option<View> {
        let (current, target) = map.current_and_target()?;
        Some(View {
            journey: current.id,
            compare: Some(target.id),
        })
    }

    /// The view for a choice; `None` when the map has no such journey.
    pub fn choose(map: &Map, choice: JourneyChoice) -> Option<View> {
        match choice {
            JourneyChoice::Current => map.first_of(JourneyKind::Current).map(|j| View {
                journey: j.id,
                compare: None,
            }),
            JourneyChoice::Target => map.current_and_target().map(|(_, t)| View {
                journey: t.id,
                compare: None,
            }),
            JourneyChoice::Overlay => View::overlay(map),
        }
    }

    pub fn is_overlay(&self) -> bool {
        self.compare.is_some()
    }

    /// This view, mended after an edit: journeys that are gone are replaced.
    pub fn valid(self, map: &Map) -> View {
        let exists = |id: JourneyId| map.journey(id).is_some();
        if !exists(self.journey) {
            return View::of(map);
        }
        View {
            journey: self.journey,
            compare: self.compare.filter(|c| exists(*c) && *c != self.journey),
        }
    }

    /// The persona of the shown journey.
    pub fn persona<'a>(&self, map: &'a Map) -> Option<&'a Persona> {
        map.persona_of(self.journey)
    }

    /// The title line of a map: its title, and which journey is shown when it has several.
    pub fn caption(&self, map: &Map) -> String {
        let name = |id| map.journey(id).map_or("", |j| j.name.as_str());
        match self.compare {
            Some(other) => fmt(
                "caption-overlay",
                &[
                    ("title", Arg::Text(&map.title)),
                    ("shown", name(self.journey).into()),
                    ("compared", name(other).into()),
                ],
            ),
            None if map.journeys.len() > 1 => format!("{} · {}", map.title, name(self.journey)),
            None => map.title.clone(),
        }
    }
}
