//! Colours of the map. Light, high-contrast and calm: it is shown on projectors and slides.

use crate::model::LaneKind;
use egui::Color32;

#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub background: Color32,
    pub text: Color32,
    pub muted: Color32,
    pub cell: Color32,
    pub cell_alt: Color32,
    pub grid_line: Color32,
    pub feelings_band: Color32,
    pub positive_band: Color32,
    pub negative_band: Color32,
    pub curve: Color32,
    pub stage_header: Color32,
    pub stage_text: Color32,
    pub persona: Color32,
    pub avatar: Color32,
    pub add_fill: Color32,
    pub shadow: Color32,
    pub selection: Color32,
    /// The room's dots on cards, as the round stickers of a wall.
    pub dot: Color32,
    /// Rings the curve's highest and lowest points.
    pub moment: Color32,
    /// Moments of gain, and a gap to close upwards.
    pub gain: Color32,
    /// Moments of pain, and a gap downwards.
    pub pain: Color32,
    /// The compared (target) journey's curve in an overlay.
    pub target_curve: Color32,
    pub kpi_band: Color32,
    pub kpi_header: Color32,
    /// Phase bands, alternating, and their names.
    pub phase: Color32,
    pub phase_alt: Color32,
    pub phase_text: Color32,
    /// Decision forks: the diamond, the border of the question and the branch paths.
    pub fork: Color32,
    /// A persona picture that cannot be shown.
    pub placeholder: Color32,
    pub placeholder_figure: Color32,
}

impl Default for Palette {
    fn default() -> Self {
        Self {
            background: Color32::from_rgb(0xF4, 0xF5, 0xF7),
            text: Color32::from_rgb(0x21, 0x25, 0x29),
            muted: Color32::from_rgb(0x6B, 0x72, 0x80),
            cell: Color32::WHITE,
            cell_alt: Color32::from_rgb(0xFA, 0xFA, 0xFB),
            grid_line: Color32::from_rgb(0xDD, 0xE1, 0xE6),
            feelings_band: Color32::WHITE,
            positive_band: Color32::from_rgba_unmultiplied(0x43, 0xA0, 0x47, 14),
            negative_band: Color32::from_rgba_unmultiplied(0xE5, 0x39, 0x35, 14),
            curve: Color32::from_rgb(0x54, 0x6E, 0x7A),
            stage_header: Color32::from_rgb(0x2F, 0x3E, 0x4E),
            stage_text: Color32::WHITE,
            persona: Color32::WHITE,
            avatar: Color32::from_rgb(0x5C, 0x6B, 0xC0),
            add_fill: Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 160),
            shadow: Color32::from_rgba_unmultiplied(0, 0, 0, 28),
            selection: Color32::from_rgb(0x1E, 0x88, 0xE5),
            dot: Color32::from_rgb(0x8E, 0x24, 0xAA),
            moment: Color32::from_rgb(0xF5, 0x9E, 0x0B),
            gain: Color32::from_rgb(0x2E, 0x7D, 0x32),
            pain: Color32::from_rgb(0xD3, 0x2F, 0x2F),
            target_curve: Color32::from_rgb(0x00, 0x89, 0x7B),
            kpi_band: Color32::from_rgb(0xF7, 0xF9, 0xFC),
            kpi_header: Color32::from_rgb(0xE3, 0xEA, 0xF2),
            phase: Color32::from_rgb(0xD5, 0xDE, 0xE8),
            phase_alt: Color32::from_rgb(0xC6, 0xD2, 0xDF),
            phase_text: Color32::from_rgb(0x2F, 0x3E, 0x4E),
            fork: Color32::from_rgb(0x7E, 0x57, 0xC2),
            placeholder: Color32::from_rgb(0xE0, 0xE3, 0xE8),
            placeholder_figure: Color32::from_rgb(0xA8, 0xAF, 0xBA),
        }
    }
}

/// Colours of roadmap streams, by their place in the map's list (then round again).
const STREAMS: [Color32; 8] = [
    Color32::from_rgb(0x1E, 0x88, 0xE5),
    Color32::from_rgb(0x8E, 0x24, 0xAA),
    Color32::from_rgb(0xF5, 0x7C, 0x00),
    Color32::from_rgb(0x43, 0xA0, 0x47),
    Color32::from_rgb(0x00, 0x89, 0x7B),
    Color32::from_rgb(0xC2, 0x18, 0x5B),
    Color32::from_rgb(0x6D, 0x4C, 0x41),
    Color32::from_rgb(0x54, 0x6E, 0x7A),
];

impl Palette {
    pub fn stream(&self, index: usize) -> Color32 {
        STREAMS[index % STREAMS.len()]
    }

    /// A light fill that tells the priorities apart.
    pub fn priority(&self, priority: crate::model::Priority) -> Color32 {
        use crate::model::Priority;
        let strong = match priority {
            Priority::QuickWin => self.gain,
            Priority::MajorProject => Color32::from_rgb(0x1E, 0x88, 0xE5),
            Priority::FillIn => self.muted,
            Priority::Thankless => self.pain,
        };
        Color32::WHITE.lerp_to_gamma(strong, 0.25)
    }

    pub fn moment_color(&self, kind: crate::model::MomentKind) -> Color32 {
        match kind {
            crate::model::MomentKind::Gain => self.gain,
            crate::model::MomentKind::Pain => self.pain,
        }
    }

    /// The strong colour of a lane kind (header accent, hover).
    pub fn accent(&self, kind: LaneKind) -> Color32 {
        match kind {
            LaneKind::Actions => Color32::from_rgb(0x42, 0x85, 0xF4),
            LaneKind::Touchpoints => Color32::from_rgb(0xF4, 0xB4, 0x00),
            LaneKind::Channels => Color32::from_rgb(0x00, 0xAC, 0xC1),
            LaneKind::Thoughts => Color32::from_rgb(0x8E, 0x6C, 0xD9),
            LaneKind::Feelings => Color32::from_rgb(0xEC, 0x40, 0x7A),
            LaneKind::PainPoints => Color32::from_rgb(0xE5, 0x39, 0x35),
            LaneKind::Opportunities => Color32::from_rgb(0x2E, 0x9D, 0x5B),
            LaneKind::Backstage => Color32::from_rgb(0x78, 0x90, 0x9C),
            LaneKind::Notes => Color32::from_rgb(0xA1, 0x88, 0x7F),
        }
    }

    /// A card's fill: the lane's colour, very light.
    pub fn card(&self, kind: LaneKind) -> Color32 {
        Color32::WHITE.lerp_to_gamma(self.accent(kind), 0.14)
    }

    pub fn card_border(&self, kind: LaneKind) -> Color32 {
        Color32::WHITE.lerp_to_gamma(self.accent(kind), 0.45)
    }

    pub fn lane_header(&self, kind: LaneKind) -> Color32 {
        Color32::WHITE.lerp_to_gamma(self.accent(kind), 0.22)
    }
}
