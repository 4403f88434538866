// The QA Panel checklist's risk points and action tracker (review_check.cpp has the others):
// a DASH risk assessment after physical abuse, risk information shared with the agencies that
// needed it, and actions overdue.
//   [SECTION] risk assessment
//   [SECTION] risk information shared
//   [SECTION] the action tracker
#include "core/check/detail/review_points.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace genochron::review_points {

// ---------------------------------------------------------------- [SECTION] risk assessment

static bool isRiskAssessment(const Event& e) {
    return e.risk.has_value() || e.hasTag("risk_assessment") || e.hasTag("marac");
}

Point dashAfterPhysical(const Case& c) {
    Point p{item("review-no-dash-after-physical", "A DASH after each physical abuse incident"), {}};
    // Incidents an agency knew of. Family-only accounts could not have led to a DASH.
    std::vector<const Event*> incidents;
    for (const Event* e : c.eventsByDate())
        if (e->source == Source::AgencyRecord && e->date.known() &&
            (e->hasTag("physical_abuse") || e->hasTag("strangulation")))
            incidents.push_back(e);
    if (incidents.empty()) {
        notApplicable(p, "no physical abuse recorded by an agency");
        return p;
    }
    auto victimsOf = [&](const Event& e) {
        std::vector<std::string> v;
        for (const auto& id : e.people)
            if (const Person* x = c.person(id); x && !isPerpetrator(*x)) v.push_back(id);
        return v.empty() ? e.people : v;
    };
    auto sharesVictim = [&](const Event& a, const Event& b) {
        auto va = victimsOf(a);
        return std::any_of(va.begin(), va.end(), [&](const std::string& id) { return concerns(b, id); });
    };
    // Risk assessments by the person they concern, sorted by their last day: a 20,000-event
    // case must not compare every incident with every event.
    std::map<std::string, std::vector<std::pair<long, long>>> assessments;   // id -> (latest, earliest)
    for (const auto& o : c.events)
        if (o.date.known() && isRiskAssessment(o))
            for (const auto& id : o.people) assessments[id].emplace_back(o.date.latestDay(), o.date.earliestDay());
    for (auto& [id, v] : assessments) std::sort(v.begin(), v.end());
    // A DASH a few days either side counts: the police DASH the night before, the IDVA's a week later.
    auto assessed = [&](const Event& e) {
        if (isRiskAssessment(e)) return true;
        const long lo = e.date.earliestDay() - 7, hi = e.date.latestDay() + 28;
        for (const auto& id : victimsOf(e)) {
            auto it = assessments.find(id);
            if (it == assessments.end()) continue;
            for (auto k = std::lower_bound(it->second.begin(), it->second.end(), std::pair<long, long>{lo, LONG_MIN});
                 k != it->second.end() && k->first <= hi + 366; ++k)   // a DASH dated only by year spans 366 days
                if (k->second <= hi) return true;
        }
        return false;
    };
    std::vector<std::vector<const Event*>> clusters;
    for (const Event* e : incidents) {
        if (e->hasTag("dash_not_done") || assessed(*e)) continue;   // assessed, or already marked as a gap
        if (!clusters.empty()) {
            const Event* last = clusters.back().back();
            if (e->date.earliestDay() - last->date.latestDay() <= 3 && sharesVictim(*e, *last)) {
                clusters.back().push_back(e);
                continue;
            }
        }
        clusters.push_back({e});
    }
    for (const auto& cl : clusters) {
        std::vector<std::string> ids, agencies;
        for (const Event* e : cl) {
            ids.push_back(e->id);
            std::string name = agencyName(c, e->agency);
            if (!e->agency.empty() && std::find(agencies.begin(), agencies.end(), name) == agencies.end())
                agencies.push_back(name);
        }
        p.findings.push_back(
            {cl.front()->meta.at("date"),
             fmt::format("no DASH risk assessment is recorded after the physical abuse on {} ({}{}{}). Record it if one "
                         "was done (risk:, or tag risk_assessment); if not, tag dash_not_done and say in analysis: what "
                         "an assessment would have shown",
                         cl.front()->date.humanLabel(), idList(ids), agencies.empty() ? "" : ": ",
                         fmt::join(agencies, ", ")),
             cl.front()->id});
    }
    p.item.met = p.findings.empty();
    p.item.detail = p.item.met ? fmt::format("{} followed by a recorded DASH or marked dash_not_done",
                                             plural(incidents.size(), "incident", "incidents"))
                               : fmt::format("{} with no DASH recorded: {}", plural(clusters.size(), "incident", "incidents"),
                                             [&] {
                                                 std::vector<std::string> firsts;
                                                 for (const auto& cl : clusters) firsts.push_back(cl.front()->id);
                                                 return idList(firsts, 5);
                                             }());
    return p;
}

// ---------------------------------------------------------------- [SECTION] risk information shared

static bool isRiskInformation(const Event& e) {
    if (e.risk && (*e.risk == Risk::Medium || *e.risk == Risk::High)) return true;
    for (const char* t : {"disclosure", "physical_abuse", "strangulation", "threats_to_kill", "weapon", "ccb_threats_to_kill"})
        if (e.hasTag(t)) return true;
    return false;
}

Point riskShared(const Case& c) {
    Point p{item("review-risk-not-shared", "Information about risk shared"), {}};
    std::vector<std::string> order;   // agencies in the order their first such event appears
    std::map<std::string, std::vector<const Event*>> byAgency;
    std::size_t held = 0;
    const auto sorted = c.eventsByDate();
    // News of the same people passed on within a week, by this agency (the follow-up of an
    // incident it had already shared: "no statement the next day") or to it (a school told by
    // the police of the incident a child then speaks about): no second record is needed.
    auto sharedNearby = [&](std::size_t i) {
        const Event& e = *sorted[i];
        auto near = [&](const Event* o) {
            bool sharedBy = o->agency == e.agency && !o->sharedWith.empty();
            bool sharedTo = o->date.midDay() <= e.date.midDay() &&
                            std::find(o->sharedWith.begin(), o->sharedWith.end(), e.agency) != o->sharedWith.end();
            return (sharedBy || sharedTo) && o->date.known() &&
                   std::abs(o->date.midDay() - e.date.midDay()) <= 7 &&
                   std::any_of(e.people.begin(), e.people.end(), [&](const std::string& id) {
                       const Person* x = c.person(id);
                       return (!x || !isPerpetrator(*x)) && concerns(*o, id);
                   });
        };
        for (std::size_t k = i; k-- > 0 && sorted[k]->date.known() && e.date.midDay() - sorted[k]->date.midDay() <= 7;)
            if (near(sorted[k])) return true;
        for (std::size_t k = i + 1; k < sorted.size() && sorted[k]->date.known() &&
                                    sorted[k]->date.midDay() - e.date.midDay() <= 7; ++k)
            if (near(sorted[k])) return true;
        return false;
    };
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const Event* e = sorted[i];
        if (e->source != Source::AgencyRecord || e->agency.empty() || !isRiskInformation(*e)) continue;
        ++held;
        // Shared, or already marked by the reviewer as not passed on.
        if (!e->sharedWith.empty() || e->hasTag("information_not_shared") || e->hasTag("referral_not_made")) continue;
        if (e->date.known() && sharedNearby(i)) continue;
        if (!byAgency.count(e->agency)) order.push_back(e->agency);
        byAgency[e->agency].push_back(e);
    }
    if (!held) {
        notApplicable(p, "no agency held information about risk");
        return p;
    }
    for (const auto& a : order) {
        const auto& evs = byAgency[a];
        std::vector<std::string> ids;
        for (const Event* e : evs)
            ids.push_back(e->risk ? fmt::format("{} ({} risk)", e->id, toString(*e->risk)) : e->id);
        p.findings.push_back(
            {evs.front()->meta.loc,
             fmt::format("{} held information about risk with no record of who it was shared with: {}. For each, "
                         "record shared_with: (the agencies told) or, where it was not shared, tag "
                         "information_not_shared and say in analysis: who needed to know",
                         agencyName(c, a), idList(ids, 10)),
             evs.front()->id});
    }
    p.item.met = p.findings.empty();
    p.item.detail = p.item.met ? fmt::format("{} about risk: sharing recorded", plural(held, "event", "events"))
                               : fmt::format("sharing not recorded by {}", idList(order, 5));
    return p;
}

// ---------------------------------------------------------------- [SECTION] the action tracker

Point overdueActions(const Case& c, long today) {
    Point p{item("review-action-overdue", "Action plan on track"), {}};
    std::size_t total = 0;
    for (const auto& r : c.recommendations)
        for (const auto& a : r.actions) {
            ++total;
            if (!a.overdue(today)) continue;
            long late = today - a.target->latestDay();
            std::string latest = a.updates.empty()
                                     ? "no update recorded"
                                     : fmt::format("latest update {}", a.updates.back().date.humanLabel());
            std::string lead = a.lead.empty() ? "" : " (" + agencyName(c, a.lead) + ")";
            p.findings.push_back(
                {a.meta.at("target"),
                 fmt::format("action {} is overdue: its target {} passed {} ago and it is {}; owner: {}{}; {}. Ask "
                             "the owner for progress and record it under updates:, or agree a new target",
                             a.id, a.target->humanLabel(), plural(std::size_t(late), "day", "days"),
                             a.status == ActionStatus::NotStarted ? "not started" : "in progress",
                             a.owner.empty() ? "none named" : a.owner, lead, latest),
                 a.id});
        }
    if (!total) {
        notApplicable(p, "no actions in the plan");
        return p;
    }
    p.item.met = p.findings.empty();
    p.item.detail = p.item.met ? fmt::format("no overdue actions ({} in all)", total)
                               : fmt::format("{} of {} actions overdue", p.findings.size(), total);
    return p;
}

}  // namespace genochron::review_points
