// The timeline's look: an agency-kind palette (Okabe-Ito based, colour-blind safe), the
// colours of every mark in the colour and print themes, and the figure's fixed sizes.
// Meaning never rests on colour alone: provenance is told by shape and fill, missed
// opportunities by a ring and a numbered badge, so the print theme says the same things.
#pragma once
#include "core/model/enums.hpp"
#include "core/scene/scene.hpp"

#include <string_view>

namespace genochron::timeline {

// [SECTION] sizes (points)
inline constexpr double kFigureWidthPt = 1100;     // A3-landscape-ish; height follows the lanes
inline constexpr double kMarginPt = 22;
inline constexpr double kHeaderWidthPt = 196;      // lane headers on the left
inline constexpr double kUndatedWidthPt = 84;      // the "Undated" bin on the right
inline constexpr double kLaneHeightPt = 34;
inline constexpr double kBandHeaderPt = 17;        // "Agency records", "Family, friends and others"
inline constexpr double kBandGapPt = 8;
inline constexpr double kMarkerYPt = 19;           // marker centre below a lane's top
inline constexpr double kMarkerRadiusPt = 3.8;
inline constexpr double kFoldGapPt = 3.0;          // markers closer than this fold into "N events"
inline constexpr double kBreakWidthPt = 26;        // a compressed quiet period on the axis
inline constexpr double kLabelSizePt = 6.8;
inline constexpr double kLabelMinPt = 26;          // narrower than this, a label is not worth drawing
inline constexpr double kLabelMaxPt = 150;
inline constexpr double kHeaderSizePt = 7.6;

// Family-side sources in the order their lanes appear.
inline constexpr Source kFamilySideSources[] = {Source::Family, Source::Friend, Source::Colleague,
                                                Source::Victim, Source::Perpetrator};

// Agency kinds in reading order: criminal justice, health, care and universal services,
// domestic abuse specialists and MARAC, then the rest.
inline constexpr AgencyKind kKindOrder[] = {
    AgencyKind::Police, AgencyKind::Probation, AgencyKind::Ambulance, AgencyKind::Health,
    AgencyKind::MentalHealth, AgencyKind::SubstanceMisuse, AgencyKind::ChildrensSocialCare,
    AgencyKind::AdultSocialCare, AgencyKind::Education, AgencyKind::Housing, AgencyKind::DaService,
    AgencyKind::Idva, AgencyKind::Marac, AgencyKind::Employer, AgencyKind::Other};

int kindRank(AgencyKind k);                    // position in kKindOrder
std::string_view kindLabel(AgencyKind k);      // "Children's social care"
std::string_view sourceLaneLabel(Source s);    // "Family", "Friends", ...

// Every colour the timeline uses, resolved for one theme.
struct Palette {
    Theme theme = Theme::Colour;
    Color ink, mutedInk, faintInk;          // text: main, secondary, tertiary
    Color laneStripe, bandHeader, familyBand, familyBandHeader, panelBand, highlightLane;
    Color grid, axis, scope, scopeInk, reference, breakBand;
    Color familyMark, panelMark;
    Color mo, moText;                       // ring and badge; badge text
    Color arrow, notShared;
    Color riskFill[3], riskText[3];         // standard, medium, high
    Color foldFill, foldStroke;
    double moRingWidthPt = 1.6;

    Color kind(AgencyKind k) const;         // an agency kind's marker colour (grey in print)
    Color kindLight(AgencyKind k) const;    // the same, for bars and folds behind markers
};

Palette paletteFor(Theme t);

}  // namespace genochron::timeline
