#include "core/model/as_of.hpp"

#include <algorithm>
#include <set>

namespace genochron {

namespace {

struct Cut {
    long first, last;   // the as-of date's days

    // Certainly begun by the as-of date: absent or unknown starts always are.
    bool begun(const std::optional<Date>& d) const { return !d || !d->known() || d->latestDay() <= last; }
    bool begun(const Date& d) const { return !d.known() || d.latestDay() <= last; }
    // Certainly over before the as-of date began.
    bool endedBefore(const std::optional<Date>& d) const { return d && d->known() && d->latestDay() < first; }
};

// Partnership statuses oldest first: history, then the current one.
struct Period {
    PartnershipStatus status;
    std::optional<Date> from, to;
};

}  // namespace

Case caseAsOf(const Case& c, const Date& at) {
    const Cut cut{at.earliestDay(), at.latestDay()};
    Case out;
    out.format = c.format;
    out.info = c.info;
    out.info.referenceDate = at;   // ages are ages at the as-of date
    out.publication = c.publication;
    out.agencies = c.agencies;
    out.meta = c.meta;

    std::set<std::string> present;
    for (const Person& p : c.people)
        if (!p.born || !p.born->known() || p.born->latestDay() <= cut.last) present.insert(p.id);
    auto here = [&](const std::string& id) { return present.count(id) > 0; };
    auto keepPresent = [&](std::vector<std::string> ids) {
        ids.erase(std::remove_if(ids.begin(), ids.end(), [&](const std::string& id) { return !here(id); }), ids.end());
        return ids;
    };

    std::set<std::string> widowedBy;   // partners of a partnership widowed by then
    for (const Partnership& pt : c.partnerships) {
        if (!here(pt.partners[0]) || !here(pt.partners[1])) continue;
        std::vector<Period> periods;
        for (auto& h : pt.history) periods.push_back({h.status, h.from, h.to});
        periods.push_back({pt.status, pt.from, pt.to});
        int chosen = -1;
        for (std::size_t i = 0; i < periods.size(); ++i) {
            const Period& p = periods[i];
            bool begun;
            if (p.from && p.from->known()) begun = p.from->latestDay() <= cut.last;
            else if (i == 0) begun = true;   // the first status, undated: as far back as we know
            else begun = periods[i - 1].to && periods[i - 1].to->known() && periods[i - 1].to->latestDay() <= cut.last;
            if (begun) chosen = int(i);
        }
        if (chosen < 0) continue;   // not yet together
        const Period& now = periods[std::size_t(chosen)];
        Partnership q;
        q.partners = pt.partners;
        q.status = now.status;
        q.from = now.from;
        if (cut.endedBefore(now.to)) q.to = now.to;
        for (int i = 0; i < chosen; ++i) {
            const Period& h = periods[std::size_t(i)];
            q.history.push_back({h.status, h.from, h.to});
        }
        q.meta = pt.meta;
        if (q.status == PartnershipStatus::Widowed)   // a partner had died by then, whatever its date says
            for (auto& who : q.partners) widowedBy.insert(who);
        out.partnerships.push_back(std::move(q));
    }

    const bool refKnown = c.info.referenceDate && c.info.referenceDate->known();
    for (const Person& p : c.people) {
        if (!here(p.id)) continue;
        Person q = p;
        if (q.died) {
            bool dead = q.died->known() ? q.died->latestDay() <= cut.last
                                        : !refKnown || cut.last >= c.info.referenceDate->earliestDay() ||
                                              widowedBy.count(q.id);
            if (!dead) q.died.reset();
        }
        q.parents = keepPresent(q.parents);
        if (!q.twin.empty() && !here(q.twin)) {
            q.twin.clear();
            q.identicalTwin = false;
        }
        out.people.push_back(std::move(q));
    }

    for (const Relation& r : c.relations) {
        if (!here(r.from) || !here(r.to) || !cut.begun(r.fromDate)) continue;
        Relation q = r;
        if (!cut.endedBefore(q.toDate)) q.toDate.reset();
        out.relations.push_back(std::move(q));
    }

    for (const Household& h : c.households) {
        if (!cut.begun(h.from) || cut.endedBefore(h.to)) continue;
        Household q = h;
        q.members = keepPresent(q.members);
        if (q.members.empty()) continue;
        q.to.reset();
        out.households.push_back(std::move(q));
    }

    for (const Event& e : c.events) {
        if (!e.date.known() || !cut.begun(e.date)) continue;
        Event f = e;
        if (f.end && !cut.endedBefore(f.end) && f.end->latestDay() > cut.last) f.end.reset();
        f.people = keepPresent(f.people);
        out.events.push_back(std::move(f));
    }
    // Recommendations came after the review: none yet.
    return out;
}

std::string asOfLabel(const Date& at) { return "as of " + at.humanLabel(); }

}  // namespace genochron
