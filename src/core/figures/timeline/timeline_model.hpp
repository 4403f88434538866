// The timeline's plain data, between the case and the scene: which events are shown,
// in which lane, over which days, drawn how. Built once per figure (timeline_lanes.cpp),
// then laid out (timeline_axis.cpp, timeline_fold.cpp, timeline_labels.cpp) and drawn
// (timeline_marks.cpp, timeline_view.cpp). Tests read it to check what the figure means.
#pragma once
#include "core/model/model.hpp"
#include "core/figures/view_options.hpp"

#include <string>
#include <vector>

namespace genochron::timeline {

// The three bands, top to bottom, kept visibly apart so what agencies recorded is never
// confused with what family, friends and the people themselves said.
enum class Band { Agencies, FamilySide, Panel };

struct Lane {
    Band band = Band::Agencies;
    std::string key;              // agency id; or the source's name for the other bands
    std::string label;            // agency name, "Family", ...
    std::string subLabel;         // family side: whose account (names of the victim, ...)
    AgencyKind kind = AgencyKind::Other;
    Source source = Source::AgencyRecord;
    bool highlighted = false;     // the --person's own lane
    int eventCount = 0;
    int moCount = 0;              // missed opportunities among them
    double topPt = 0;             // set when the figure is laid out
};

// How an event's date is drawn: honestly, never more precise than it is known.
enum class DateShape {
    Day,        // an exact day: a marker
    Span,       // known only to a month or year: a short bar over that month or year
    Range,      // some time between two dates: a bar with end caps
    Duration,   // from its date to its `end`: a bar from the marker to the end
    Approx,     // about a date: a fuzzy band around it
    Before,     // before a date: an open-ended arrow leftwards
    After,      // after a date: an open-ended arrow rightwards
    Undated     // unknown: the "Undated" bin
};

// One event as the timeline sees it.
struct Item {
    const Event* event = nullptr;
    int lane = 0;
    DateShape shape = DateShape::Day;
    long firstDay = 0, lastDay = 0;   // inclusive span of days it can mean (days since 1970)
    double markDay = 0;               // where its marker sits (fractional day)
    int moNumber = 0;                 // MO number from Case::missedOpportunityNumbers(), 0 = none
    std::size_t order = 0;            // position in the case file, for ties
    double x = 0;                     // marker x, once the axis exists
};

// What goes into the figure, before any geometry.
struct TimelineData {
    std::vector<Lane> lanes;          // in drawing order: agencies by kind, family side, panel
    std::vector<Item> items;          // sorted by lane, then markDay, then file order
    std::vector<std::size_t> laneBegin;   // items of lane i: [laneBegin[i], laneBegin[i+1])
    std::vector<std::string> filterNotes; // "person: Kerry", ... for the subtitle
    std::string personLabel;          // the --person's display name, if any
    int totalEvents = 0;              // in the case, before filters
    bool anyDated = false, anyUndated = false;
    long domainFirst = 0, domainLast = 0;   // inclusive days the axis must show
    std::optional<long> scopeFirst, scopeLast, referenceDay;
    std::string scopeLabel, referenceLabel;
};

// How far either side an approximate date's fuzzy band reaches, in days.
double approxSpreadDays(const Item& it);

// Filters, lanes and items from a case. Throws GenochronError for a --person, --agency
// or --from/--to that cannot be right (unknown id, from after to).
TimelineData collectTimeline(const Case& c, const ViewOptions& opt);

}  // namespace genochron::timeline
