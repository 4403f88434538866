// From a case to the timeline's lanes and items: filters, provenance, date shapes.
// Lanes: one per agency (grouped by kind), one per family-side source, one for the panel.
// Agencies that only *received* information get a lane too: who knew matters as much as
// who recorded.
//
// [SECTION] helpers: names, date shapes, tags, roles
// [SECTION] collecting: lanes and items from the case
#include "core/model/diagnostics.hpp"
#include "core/figures/timeline/timeline_model.hpp"
#include "core/figures/timeline/timeline_style.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace genochron::timeline {

namespace {

// ---------------------------------------------------------------- [SECTION] helpers

std::string lower(std::string s) {
    for (auto& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// What the figure calls a person: the data's own name (already a pseudonym in an
// anonymised case), else the pseudonym, else the id.
std::string displayName(const Person& p) {
    if (!p.name.empty()) return p.name;
    if (!p.pseudonym.empty()) return p.pseudonym;
    return p.id;
}

const Person* findPerson(const Case& c, const std::string& key) {
    if (auto* p = c.person(key)) return p;
    std::string k = lower(key);
    for (auto& p : c.people)
        if (lower(p.name) == k || lower(p.pseudonym) == k) return &p;
    return nullptr;
}

std::vector<std::string_view> personIds(const Case& c) {
    std::vector<std::string_view> r;
    for (auto& p : c.people) r.push_back(p.id);
    return r;
}

DateShape shapeOf(const Event& e) {
    const Date& d = e.date;
    if (!d.known()) return DateShape::Undated;
    if (e.end && e.end->known()) return DateShape::Duration;
    switch (d.kind()) {
    case Date::Kind::Range: return DateShape::Range;
    case Date::Kind::Before: return DateShape::Before;
    case Date::Kind::After: return DateShape::After;
    default: break;
    }
    if (d.approximate()) return DateShape::Approx;
    if (d.precision() != DatePrecision::Day) return DateShape::Span;
    return DateShape::Day;
}

void placeDays(Item& it) {
    const Event& e = *it.event;
    switch (it.shape) {
    case DateShape::Undated: return;
    case DateShape::Duration:
        it.firstDay = e.date.earliestDay();
        it.lastDay = std::max(it.firstDay, e.end->latestDay());
        it.markDay = double(it.firstDay) + 0.5;   // the marker is when it began
        return;
    default:
        it.firstDay = e.date.earliestDay();
        it.lastDay = e.date.latestDay();
        break;
    }
    if (it.shape == DateShape::Day || it.shape == DateShape::Before || it.shape == DateShape::After)
        it.markDay = double(it.firstDay) + 0.5;
    else
        it.markDay = 0.5 * double(it.firstDay + it.lastDay + 1);
}

bool hasAnyTag(const Event& e, const std::vector<std::string>& tags) {
    for (auto& t : tags)
        if (e.hasTag(t)) return true;
    return false;
}

// The family-side lane a person belongs to, by their role.
std::optional<Source> laneSourceForRole(const Person& p) {
    if (p.hasRole(Role::Victim)) return Source::Victim;
    if (p.hasRole(Role::Perpetrator)) return Source::Perpetrator;
    if (p.hasRole(Role::Family) || p.hasRole(Role::Child)) return Source::Family;
    if (p.hasRole(Role::Friend)) return Source::Friend;
    if (p.hasRole(Role::Colleague)) return Source::Colleague;
    return std::nullopt;
}

std::string namesWithRole(const Case& c, Role r) {
    std::string s;
    int n = 0;
    for (auto& p : c.people) {
        if (!p.hasRole(r)) continue;
        if (++n > 2) return s + ", ...";
        s += (s.empty() ? "" : ", ") + displayName(p);
    }
    return s;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] collecting

double approxSpreadDays(const Item& it) {
    return std::max(7.0, 0.5 * double(it.lastDay - it.firstDay + 1));
}

TimelineData collectTimeline(const Case& c, const ViewOptions& opt) {
    TimelineData data;
    data.totalEvents = int(c.events.size());

    // ---- filters, checked so a typo is an error rather than an empty figure
    const Person* person = nullptr;
    if (!opt.person.empty()) {
        person = findPerson(c, opt.person);
        if (!person) {
            std::string msg = fmt::format("--person '{}' is not a person in this case", opt.person);
            if (auto n = nearest(opt.person, personIds(c))) msg += fmt::format(" (did you mean '{}'?)", *n);
            throw GenochronError(msg);
        }
        data.personLabel = displayName(*person);
        data.filterNotes.push_back("person: " + data.personLabel);
    }
    std::set<std::string> agencyFilter;
    if (!opt.agencies.empty()) {
        std::vector<std::string_view> ids;
        for (auto& a : c.agencies) ids.push_back(a.id);
        std::string names;
        for (auto& a : opt.agencies) {
            const Agency* ag = c.agency(a);
            if (!ag) {
                std::string msg = fmt::format("--agency '{}' is not an agency in this case", a);
                if (auto n = nearest(a, ids)) msg += fmt::format(" (did you mean '{}'?)", *n);
                throw GenochronError(msg);
            }
            agencyFilter.insert(ag->id);
            names += (names.empty() ? "" : ", ") + (ag->name.empty() ? ag->id : ag->name);
        }
        data.filterNotes.push_back("agencies: " + names);
    }
    if (!opt.tags.empty()) {
        std::string t;
        for (auto& s : opt.tags) t += (t.empty() ? "" : ", ") + s;
        data.filterNotes.push_back("tags: " + t);
    }
    std::optional<long> fromDay, toDay;
    if (opt.from && opt.from->known()) {
        fromDay = opt.from->earliestDay();
        data.filterNotes.push_back("from " + opt.from->humanLabel());
    }
    if (opt.to && opt.to->known()) {
        toDay = opt.to->latestDay();
        data.filterNotes.push_back("to " + opt.to->humanLabel());
    }
    if (fromDay && toDay && *fromDay > *toDay)
        throw GenochronError(fmt::format("--from {} is after --to {}", opt.from->humanLabel(), opt.to->humanLabel()));

    // ---- the events that pass, with their lane key
    auto moNumbers = c.missedOpportunityNumbers();
    struct Pending { Item item; std::string laneKey; Band band; Source source; };
    std::vector<Pending> pending;
    pending.reserve(c.events.size());
    std::set<std::string> agencyLanes;   // agencies with a lane (own events or received information)
    std::set<Source> sideLanes;
    bool panelLane = false, orphanAgencyLane = false;
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const Event& e = c.events[i];
        if (person && std::find(e.people.begin(), e.people.end(), person->id) == e.people.end()) continue;
        if (!agencyFilter.empty() && !agencyFilter.count(e.agency)) continue;
        if (!opt.tags.empty() && !hasAnyTag(e, opt.tags)) continue;
        Item it;
        it.event = &e;
        it.order = i;
        it.shape = shapeOf(e);
        placeDays(it);
        if (it.shape != DateShape::Undated) {
            if (fromDay && it.lastDay < *fromDay) continue;
            if (toDay && it.firstDay > *toDay) continue;
        }
        if (auto mo = moNumbers.find(e.id); mo != moNumbers.end()) it.moNumber = mo->second;
        Pending p{it, {}, Band::Agencies, e.source};
        if (e.source == Source::AgencyRecord) {
            if (c.agency(e.agency)) {
                p.laneKey = e.agency;
                agencyLanes.insert(e.agency);
            } else {
                orphanAgencyLane = true;   // validation reports it; the event is still shown
            }
        } else if (e.source == Source::Panel) {
            p.band = Band::Panel;
            panelLane = true;
        } else {
            p.band = Band::FamilySide;
            sideLanes.insert(e.source);
        }
        for (auto& r : e.sharedWith)
            if (c.agency(r) && (agencyFilter.empty() || agencyFilter.count(r))) agencyLanes.insert(r);
        pending.push_back(std::move(p));
    }

    // ---- lanes in drawing order
    std::vector<const Agency*> agencies;
    for (auto& a : c.agencies)
        if (agencyLanes.count(a.id)) agencies.push_back(&a);
    std::stable_sort(agencies.begin(), agencies.end(),
                     [](const Agency* a, const Agency* b) { return kindRank(a->kind) < kindRank(b->kind); });
    std::map<std::string, int> agencyLane;
    for (auto* a : agencies) {
        Lane l;
        l.band = Band::Agencies;
        l.key = a->id;
        l.label = a->name.empty() ? a->id : a->name;
        l.kind = a->kind;
        agencyLane[a->id] = int(data.lanes.size());
        data.lanes.push_back(std::move(l));
    }
    int orphanLane = -1;
    if (orphanAgencyLane) {
        orphanLane = int(data.lanes.size());
        data.lanes.push_back(Lane{Band::Agencies, "", "Agency not recorded", "", AgencyKind::Other,
                                  Source::AgencyRecord, false, 0, 0, 0});
    }
    std::map<Source, int> sideLane;
    std::optional<Source> personSide = person ? laneSourceForRole(*person) : std::nullopt;
    for (Source s : kFamilySideSources) {
        if (!sideLanes.count(s)) continue;
        Lane l;
        l.band = Band::FamilySide;
        l.key = std::string(toString(s));
        l.label = std::string(sourceLaneLabel(s));
        l.source = s;
        if (s == Source::Victim) l.subLabel = namesWithRole(c, Role::Victim);
        if (s == Source::Perpetrator) l.subLabel = namesWithRole(c, Role::Perpetrator);
        l.highlighted = personSide && *personSide == s;
        sideLane[s] = int(data.lanes.size());
        data.lanes.push_back(std::move(l));
    }
    int panel = -1;
    if (panelLane) {
        panel = int(data.lanes.size());
        data.lanes.push_back(Lane{Band::Panel, "panel", "Review panel", "", AgencyKind::Other, Source::Panel,
                                  false, 0, 0, 0});
    }

    // ---- items into lanes, sorted once: lane, then time, then file order
    data.items.reserve(pending.size());
    for (auto& p : pending) {
        Item it = p.item;
        if (p.band == Band::Panel) it.lane = panel;
        else if (p.band == Band::FamilySide) it.lane = sideLane.at(p.source);
        else it.lane = p.laneKey.empty() ? orphanLane : agencyLane.at(p.laneKey);
        data.lanes[std::size_t(it.lane)].eventCount++;
        if (it.moNumber) data.lanes[std::size_t(it.lane)].moCount++;
        data.items.push_back(it);
    }
    std::sort(data.items.begin(), data.items.end(), [](const Item& a, const Item& b) {
        if (a.lane != b.lane) return a.lane < b.lane;
        bool au = a.shape == DateShape::Undated, bu = b.shape == DateShape::Undated;
        if (au != bu) return bu;   // undated last in each lane
        if (a.markDay != b.markDay) return a.markDay < b.markDay;
        return a.order < b.order;
    });
    data.laneBegin.assign(data.lanes.size() + 1, data.items.size());
    for (std::size_t i = data.items.size(); i-- > 0;) data.laneBegin[std::size_t(data.items[i].lane)] = i;
    for (std::size_t l = data.lanes.size(); l-- > 0;)
        data.laneBegin[l] = std::min(data.laneBegin[l], data.laneBegin[l + 1]);

    // ---- the days the axis must show
    bool any = false;
    long lo = 0, hi = 0;
    auto extend = [&](long a, long b) {
        if (!any) { lo = a; hi = b; any = true; }
        lo = std::min(lo, a);
        hi = std::max(hi, b);
    };
    for (auto& it : data.items) {
        if (it.shape == DateShape::Undated) { data.anyUndated = true; continue; }
        data.anyDated = true;
        if (it.shape == DateShape::Approx) {
            long s = long(approxSpreadDays(it));
            extend(it.firstDay - s, it.lastDay + s);
        } else {
            extend(it.firstDay, it.lastDay);
        }
    }
    const CaseInfo& info = c.info;
    if (info.scopeFrom && info.scopeFrom->known()) data.scopeFirst = info.scopeFrom->earliestDay();
    if (info.scopeTo && info.scopeTo->known()) data.scopeLast = info.scopeTo->latestDay();
    if (data.scopeFirst || data.scopeLast) {
        data.scopeLabel = fmt::format("Review scope: {} to {}",
                                      info.scopeFrom ? info.scopeFrom->humanLabel() : "the start",
                                      info.scopeTo ? info.scopeTo->humanLabel() : "the end");
    }
    if (info.referenceDate && info.referenceDate->known()) {
        data.referenceDay = info.referenceDate->earliestDay();
        data.referenceLabel = "Reference date " + info.referenceDate->humanLabel();
    }
    // The scope and the reference date belong on the axis only when there is something to
    // see beside them, or nothing else to show.
    if (data.scopeFirst) extend(*data.scopeFirst, *data.scopeFirst);
    if (data.scopeLast) extend(*data.scopeLast, *data.scopeLast);
    if (data.referenceDay) extend(*data.referenceDay, *data.referenceDay);
    if (!any) extend(daysFromCivil(2000, 1, 1), daysFromCivil(2000, 12, 31));
    if (fromDay) lo = std::max(lo, *fromDay), hi = std::max(hi, lo);
    if (toDay) hi = std::min(hi, *toDay), lo = std::min(lo, hi);
    if (fromDay && toDay) lo = *fromDay, hi = *toDay;
    data.domainFirst = lo;
    data.domainLast = hi;
    return data;
}

}  // namespace genochron::timeline
