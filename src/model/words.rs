//! The names of the method's own values (feelings, priorities, horizons…) in the language of
//! the moment. The words themselves are in `assets/i18n/*.ftl`; the map's own text never comes
//! here.

use super::{
    Channel, Feeling, Horizon, JourneyKind, Kpi, LaneKind, Level, MomentKind, Priority, Status,
};
use crate::i18n::{strings::number, tr};

impl Feeling {
    pub fn label(self) -> &'static str {
        tr(self.label_key())
    }

    /// The message key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Feeling::Angry => "feeling-angry",
            Feeling::Sad => "feeling-sad",
            Feeling::Neutral => "feeling-neutral",
            Feeling::Happy => "feeling-happy",
            Feeling::Delighted => "feeling-delighted",
        }
    }

    /// A feeling's name, or "no feeling".
    pub fn label_of(feeling: Option<Feeling>) -> &'static str {
        feeling.map_or_else(|| tr("no-feeling"), Feeling::label)
    }
}

impl MomentKind {
    pub fn label(self) -> &'static str {
        tr(self.label_key())
    }

    /// The message key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            MomentKind::Gain => "moment-of-gain",
            MomentKind::Pain => "moment-of-pain",
        }
    }
}

impl Priority {
    pub fn label(self) -> &'static str {
        tr(match self {
            Priority::QuickWin => "priority-quick-win",
            Priority::MajorProject => "priority-major-project",
            Priority::FillIn => "priority-fill-in",
            Priority::Thankless => "priority-thankless",
        })
    }

    /// Why an action has this priority, from its impact and effort.
    pub fn explained(self) -> &'static str {
        tr(match self {
            Priority::QuickWin => "priority-quick-win-explained",
            Priority::MajorProject => "priority-major-project-explained",
            Priority::FillIn => "priority-fill-in-explained",
            Priority::Thankless => "priority-thankless-explained",
        })
    }
}

impl Level {
    pub fn label(self) -> &'static str {
        tr(match self {
            Level::Low => "level-low",
            Level::Medium => "level-medium",
            Level::High => "level-high",
        })
    }
}

impl Horizon {
    pub fn label(self) -> &'static str {
        tr(match self {
            Horizon::Now => "horizon-now",
            Horizon::Next => "horizon-next",
            Horizon::Later => "horizon-later",
        })
    }
}

impl Status {
    pub fn label(self) -> &'static str {
        tr(match self {
            Status::Idea => "status-idea",
            Status::Planned => "status-planned",
            Status::InProgress => "status-in-progress",
            Status::Done => "status-done",
        })
    }
}

impl JourneyKind {
    pub fn label(self) -> &'static str {
        tr(match self {
            JourneyKind::Current => "journey-kind-current",
            JourneyKind::Target => "journey-kind-target",
            JourneyKind::Other => "journey-kind-other",
        })
    }
}

impl Channel {
    pub fn label(self) -> &'static str {
        tr(self.label_key())
    }

    /// The message key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Channel::Phone => "channel-phone",
            Channel::Web => "channel-web",
            Channel::App => "channel-app",
            Channel::Email => "channel-email",
            Channel::Chat => "channel-chat",
            Channel::SocialMedia => "channel-social-media",
            Channel::InPerson => "channel-in-person",
            Channel::Other => "channel-other",
        }
    }
}

impl LaneKind {
    pub fn label(self) -> &'static str {
        tr(self.label_key())
    }

    /// The message key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            LaneKind::Actions => "lane-kind-actions",
            LaneKind::Touchpoints => "lane-kind-touchpoints",
            LaneKind::Channels => "lane-kind-channels",
            LaneKind::Thoughts => "lane-kind-thoughts",
            LaneKind::Feelings => "lane-kind-feelings",
            LaneKind::PainPoints => "lane-kind-pain-points",
            LaneKind::Opportunities => "lane-kind-opportunities",
            LaneKind::Backstage => "lane-kind-backstage",
            LaneKind::Notes => "lane-kind-notes",
        }
    }
}

impl Kpi {
    /// The KPI on one line: "Delivery: 55 → 30 min".
    pub fn line(&self) -> String {
        format!("{}: {}", self.name, self.values())
    }

    /// Where it stands today and where it should get to, with its unit: "55 → 30 min" (a
    /// value not known yet is "?").
    pub fn values(&self) -> String {
        let value = |v: Option<f64>| match v {
            Some(v) if v < 0.0 => format!("−{}", number(-v)),
            Some(v) => number(v),
            None => "?".to_owned(),
        };
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        };
        format!("{} → {}{unit}", value(self.current), value(self.target))
    }
}
