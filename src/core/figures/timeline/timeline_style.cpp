#include "core/figures/timeline/timeline_style.hpp"

#include <iterator>

namespace genochron::timeline {

namespace {

// Okabe-Ito (2008) first, then Paul Tol's muted scheme where 15 kinds need more hues;
// vermillion (#D55E00) is kept for missed opportunities alone.
unsigned kindHex(AgencyKind k) {
    switch (k) {
    case AgencyKind::Police: return 0x0072B2;               // blue
    case AgencyKind::Probation: return 0x56B4E9;            // sky blue
    case AgencyKind::Ambulance: return 0x44AA99;            // teal
    case AgencyKind::Health: return 0x009E73;               // bluish green
    case AgencyKind::MentalHealth: return 0x117733;         // green
    case AgencyKind::SubstanceMisuse: return 0xE69F00;      // orange
    case AgencyKind::ChildrensSocialCare: return 0xAA4499;  // purple
    case AgencyKind::AdultSocialCare: return 0x882255;      // wine
    case AgencyKind::Education: return 0x999933;            // olive
    case AgencyKind::Housing: return 0x8C6D31;              // brown
    case AgencyKind::DaService: return 0xCC79A7;            // reddish purple
    case AgencyKind::Idva: return 0xB05A8C;                 // deeper reddish purple
    case AgencyKind::Marac: return 0x332288;                // indigo
    case AgencyKind::Employer: return 0x777777;
    case AgencyKind::Other: return 0x999999;
    }
    return 0x999999;
}

Color mix(Color a, Color b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
}

}  // namespace

int kindRank(AgencyKind k) {
    for (std::size_t i = 0; i < std::size(kKindOrder); ++i)
        if (kKindOrder[i] == k) return int(i);
    return int(std::size(kKindOrder));
}

std::string_view kindLabel(AgencyKind k) {
    switch (k) {
    case AgencyKind::Police: return "Police";
    case AgencyKind::Health: return "Health";
    case AgencyKind::MentalHealth: return "Mental health";
    case AgencyKind::SubstanceMisuse: return "Substance misuse";
    case AgencyKind::Ambulance: return "Ambulance";
    case AgencyKind::ChildrensSocialCare: return "Children's social care";
    case AgencyKind::AdultSocialCare: return "Adult social care";
    case AgencyKind::Education: return "Education";
    case AgencyKind::Housing: return "Housing";
    case AgencyKind::Probation: return "Probation";
    case AgencyKind::DaService: return "Domestic abuse service";
    case AgencyKind::Idva: return "IDVA";
    case AgencyKind::Marac: return "MARAC";
    case AgencyKind::Employer: return "Employer";
    case AgencyKind::Other: return "Other";
    }
    return "Other";
}

std::string_view sourceLaneLabel(Source s) {
    switch (s) {
    case Source::Family: return "Family";
    case Source::Friend: return "Friends";
    case Source::Colleague: return "Colleagues";
    case Source::Victim: return "Victim";
    case Source::Perpetrator: return "Perpetrator";
    case Source::Panel: return "Review panel";
    case Source::AgencyRecord: return "Agency record";
    }
    return "Other";
}

Color Palette::kind(AgencyKind k) const {
    if (theme == Theme::Print) return Color::rgb(0x333333);
    return Color::rgb(kindHex(k));
}

Color Palette::kindLight(AgencyKind k) const {
    if (theme == Theme::Print) return Color::rgb(0xBBBBBB);
    return mix(Color::rgb(kindHex(k)), Color{1, 1, 1, 1}, 0.55);
}

Palette paletteFor(Theme t) {
    Palette p;
    p.theme = t;
    p.ink = Color::rgb(0x1A1A1A);
    p.mutedInk = Color::rgb(0x555555);
    p.faintInk = Color::rgb(0x888888);
    p.grid = Color::rgb(0xE2E2E2);
    p.axis = Color::rgb(0x444444);
    p.familyMark = Color::rgb(0x000000);
    p.moText = Color::rgb(0xFFFFFF);
    p.breakBand = Color::rgb(0xFFFFFF);
    if (t == Theme::Colour) {
        p.laneStripe = Color::rgb(0xF6F7F9);
        p.bandHeader = Color::rgb(0xE8EEF5);
        p.familyBand = Color::rgb(0xFFF7EA);
        p.familyBandHeader = Color::rgb(0xF6E1B8);
        p.panelBand = Color::rgb(0xF1F1F1);
        p.highlightLane = Color::rgb(0xFFF0A0);
        p.scope = Color::rgb(0x56B4E9, 0.09);
        p.scopeInk = Color::rgb(0x2B6F9E);
        p.reference = Color::rgb(0x000000);
        p.panelMark = Color::rgb(0x666666);
        p.mo = Color::rgb(0xD55E00);
        p.arrow = Color::rgb(0x3F5F7F, 0.75);
        p.notShared = Color::rgb(0xD55E00);
        p.riskFill[0] = Color::rgb(0xF0E442);   // standard: yellow
        p.riskFill[1] = Color::rgb(0xE69F00);   // medium: orange
        p.riskFill[2] = Color::rgb(0x7A1E00);   // high: dark red-brown, not the MO vermillion
        p.riskText[0] = Color::rgb(0x000000);
        p.riskText[1] = Color::rgb(0x000000);
        p.riskText[2] = Color::rgb(0xFFFFFF);
        p.foldFill = Color::rgb(0xFFFFFF);
        p.foldStroke = Color::rgb(0x333333);
        p.moRingWidthPt = 1.6;
    } else {
        p.laneStripe = Color::rgb(0xF5F5F5);
        p.bandHeader = Color::rgb(0xE4E4E4);
        p.familyBand = Color::rgb(0xEDEDED);
        p.familyBandHeader = Color::rgb(0xCFCFCF);
        p.panelBand = Color::rgb(0xF3F3F3);
        p.highlightLane = Color::rgb(0xDADADA);
        p.scope = Color{0, 0, 0, 0.06};
        p.scopeInk = Color::rgb(0x333333);
        p.reference = Color::rgb(0x000000);
        p.panelMark = Color::rgb(0x777777);
        p.mo = Color::rgb(0x000000);
        p.arrow = Color::rgb(0x555555, 0.85);
        p.notShared = Color::rgb(0x000000);
        p.riskFill[0] = Color::rgb(0xFFFFFF);
        p.riskFill[1] = Color::rgb(0xBBBBBB);
        p.riskFill[2] = Color::rgb(0x000000);
        p.riskText[0] = Color::rgb(0x000000);
        p.riskText[1] = Color::rgb(0x000000);
        p.riskText[2] = Color::rgb(0xFFFFFF);
        p.foldFill = Color::rgb(0xFFFFFF);
        p.foldStroke = Color::rgb(0x000000);
        p.moRingWidthPt = 2.4;   // a thick black ring stands in for the red one
    }
    return p;
}

}  // namespace genochron::timeline
