// anonymise(): the one way to a publishable case. A pure function of the case and its
// `publication` settings; see docs/anonymisation.md for what it does and does not do.
//
// It builds a fresh Case field by field rather than copying and blanking the real one:
// a field added to the model later stays empty here until someone decides how it is
// published, instead of leaking by default.
#include "core/anonymise/anonymise_dates.hpp"
#include "core/anonymise/anonymise_terms.hpp"
#include "core/anonymise/view_case.hpp"
#include "core/model/lifespan.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace genochron {

namespace {

using anon::CaseSecrets;

struct Context {
    const Case& in;
    const CaseSecrets& secrets;
    Publication pub;
    std::vector<CalendarDate> days;
    std::vector<anon::SensitiveMonth> months;

    Date date(const Date& d) const { return anon::coarsenForPublication(d, pub.datePrecision, days, months); }
    std::optional<Date> date(const std::optional<Date>& d) const {
        if (!d) return std::nullopt;
        return date(*d);
    }
    // Action plan dates describe agencies' work after the review: kept to the day,
    // except on a sensitive day.
    std::optional<Date> planDate(const std::optional<Date>& d) const {
        if (!d) return std::nullopt;
        return anon::coarsenForPublication(*d, PublishPrecision::Day, days, months);
    }
    // What a published field holds: scrubbed, then canonical (no invisible characters, words
    // broken at line ends joined), so what is drawn is what the audit checks.
    std::string text(std::string_view t) const { return secrets.publish(t); }
    std::string person(const std::string& id) const {
        auto* p = secrets.plan(id);
        return p ? p->newId : std::string();
    }
    std::vector<std::string> people(const std::vector<std::string>& ids) const {
        std::vector<std::string> r;
        for (auto& id : ids)
            if (auto n = person(id); !n.empty()) r.push_back(n);
        return r;
    }
    bool isSensitiveDay(const Date& d) const {
        return anon::isWholeDay(d) && std::find(days.begin(), days.end(), d.first()) != days.end();
    }
};

// Birth order within each set of full siblings, from the real dates, so siblings born
// in one year still stand in the right order once born is only a year.
std::map<std::string, int> birthRanks(const Case& c) {
    std::map<std::vector<std::string>, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < c.people.size(); ++i) {
        auto parents = c.people[i].parents;
        if (parents.empty()) continue;
        std::sort(parents.begin(), parents.end());
        groups[parents].push_back(i);
    }
    std::map<std::string, int> rank;
    for (auto& [parents, members] : groups) {
        if (members.size() < 2) continue;
        std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            const Person &pa = c.people[a], &pb = c.people[b];
            bool ak = pa.born && pa.born->known(), bk = pb.born && pb.born->known();
            if (ak != bk) return ak;
            if (ak && pa.born->midDay() != pb.born->midDay()) return pa.born->midDay() < pb.born->midDay();
            return pa.birthOrder.value_or(0) < pb.birthOrder.value_or(0);
        });
        for (std::size_t k = 0; k < members.size(); ++k) rank[c.people[members[k]].id] = int(k) + 1;
    }
    return rank;
}

// Age as a figure draws it (at death, else at the reference date), from the true dates:
// the published ones are coarsened and would put some ages a year too high.
std::optional<int> trueAge(const Case& c, const Person& p) {
    if (!p.born || !p.born->known() || p.isPregnancyNode()) return std::nullopt;
    std::optional<int> age;
    if (p.died) {
        if (p.died->known()) age = p.born->ageAt(*p.died);
    } else if (c.info.referenceDate && c.info.referenceDate->known() && !presumedDead(p, *c.info.referenceDate)) {
        age = p.born->ageAt(*c.info.referenceDate);
    }
    if (age && *age < 0) return std::nullopt;
    return age;
}

Person anonymisePerson(const Context& x, const Person& p, const std::map<std::string, int>& ranks) {
    const anon::PersonPlan& plan = *x.secrets.plan(p.id);
    Person q;
    q.id = plan.newId;
    q.name = plan.display;
    q.pseudonym = plan.display;
    q.sex = (plan.child && x.pub.hideChildSex) ? Sex::Unknown : p.sex;
    if (p.born) q.born = p.born->coarsened(DatePrecision::Year);   // ages stay right to a year
    if (p.died) {
        // Deceased stays drawable (the X): a date of unknown kind means "died, date not given".
        q.died = x.pub.hideDeathDate ? Date{} : x.date(*p.died);
    }
    q.roles = p.roles;
    q.index = p.index;
    q.parents = x.people(p.parents);
    q.parentage = p.parentage;
    q.twin = x.person(p.twin);
    q.identicalTwin = p.identicalTwin;
    if (auto it = ranks.find(p.id); it != ranks.end()) q.birthOrder = it->second;
    else q.birthOrder = p.birthOrder;
    q.conditions = p.conditions;
    for (auto& a : p.aces) q.aces.push_back(x.text(a));
    q.pregnancy = p.pregnancy;
    // Notes are the chair's own working text, never published (and checked for reuse, like
    // unpublished events).
    q.notes.clear();
    q.ageAsDrawn = trueAge(x.in, p);
    return q;
}

bool isWholeDayPublished(const Date& d) { return anon::isWholeDay(d); }

Event anonymiseEvent(const Context& x, const Event& e, const std::string& newId) {
    Event f;
    f.id = newId;
    f.date = x.date(e.date);
    // A time is only published with a whole day, and never on a sensitive day.
    if (x.pub.datePrecision == PublishPrecision::Day && !x.isSensitiveDay(e.date) && isWholeDayPublished(f.date))
        f.time = e.time;
    f.end = x.date(e.end);
    f.agency = e.agency;
    f.source = e.source;
    f.sourceRef = x.text(e.sourceRef);
    f.people = x.people(e.people);
    f.what = x.text(e.what);
    f.action = x.text(e.action);
    f.analysis = x.text(e.analysis);
    for (auto& t : e.tags) f.tags.push_back(x.text(t));
    f.stage = e.stage;
    f.risk = e.risk;
    f.missedOpportunity = x.text(e.missedOpportunity);
    f.sharedWith = e.sharedWith;
    for (auto& who : e.disputedBy) {
        auto pid = x.person(who);
        f.disputedBy.push_back(pid.empty() ? x.text(who) : pid);
    }
    f.publish = true;
    return f;
}

Recommendation anonymiseRecommendation(const Context& x, const Recommendation& r) {
    Recommendation s;
    s.id = x.secrets.recommendationIds().at(r.id);
    s.text = x.text(r.text);
    s.scope = r.scope;
    for (auto& ev : r.addresses)   // unpublished events are not there to point at
        if (auto it = x.secrets.eventIds().find(ev); it != x.secrets.eventIds().end()) s.addresses.push_back(it->second);
    for (auto& a : r.actions) {
        Action b;
        b.id = x.secrets.actionIds().at(a.id);
        b.text = x.text(a.text);
        b.lead = a.lead;
        b.owner = x.text(a.owner);
        b.target = x.planDate(a.target);
        b.completed = x.planDate(a.completed);
        b.status = a.status;
        for (auto& u : a.updates) b.updates.push_back({*x.planDate(u.date), x.text(u.text)});
        b.outcome = x.text(a.outcome);
        b.evidence = x.text(a.evidence);
        for (auto& m : a.milestones) b.milestones.push_back({*x.planDate(m.date), x.text(m.text), m.done});
        s.actions.push_back(std::move(b));
    }
    return s;
}

}  // namespace

AnonymisedCase anonymise(const Case& c) {
    CaseSecrets secrets(c);
    std::vector<anon::SensitiveMonth> months;
    for (auto& m : secrets.months()) months.push_back(m.month);
    Context x{c, secrets, secrets.publication(), secrets.sensitiveCalendarDays(), months};
    AnonymisedCase out;
    Case& a = out.m_case;
    a.format = c.format;

    a.info.title = x.text(c.info.title);
    a.info.partnership = x.text(c.info.partnership);
    a.info.kind = c.info.kind;
    // The reference date is often the date of death: it is a sensitive day, so it is
    // published to the month at most. Removing it outright would make every age on a
    // figure be taken at today's date instead (a child of 5 drawn as 11).
    a.info.referenceDate = x.date(c.info.referenceDate);
    a.info.scopeFrom = x.date(c.info.scopeFrom);
    a.info.scopeTo = x.date(c.info.scopeTo);

    Publication pub = x.pub;
    pub.meta = Meta{};
    a.publication = pub;

    for (auto& ag : c.agencies) a.agencies.push_back({ag.id, x.text(ag.name), ag.kind, Meta{}});

    auto ranks = birthRanks(c);
    for (auto& p : c.people) {
        a.people.push_back(anonymisePerson(x, p, ranks));
        out.m_idMap[p.id] = secrets.plan(p.id)->newId;
    }
    for (auto& p : c.partnerships) {
        Partnership q;
        q.partners = {x.person(p.partners[0]), x.person(p.partners[1])};
        q.status = p.status;
        q.from = x.date(p.from);
        q.to = x.date(p.to);
        for (auto& h : p.history) q.history.push_back({h.status, x.date(h.from), x.date(h.to)});
        a.partnerships.push_back(std::move(q));
    }
    for (auto& r : c.relations) {
        Relation q;
        q.from = x.person(r.from);
        q.to = x.person(r.to);
        q.kind = r.kind;
        q.fromDate = x.date(r.fromDate);
        q.toDate = x.date(r.toDate);
        a.relations.push_back(std::move(q));
    }
    for (auto& h : c.households) {
        Household q;
        q.id = secrets.householdIds().at(h.id);
        q.label = x.text(h.label);
        q.address = x.pub.hideAddresses ? std::string() : x.text(h.address);
        q.members = x.people(h.members);
        q.from = x.date(h.from);
        q.to = x.date(h.to);
        out.m_idMap.emplace(h.id, q.id);
        a.households.push_back(std::move(q));
    }
    // Chronological by the real dates, so events that share a published month keep their order.
    for (const Event* e : c.eventsByDate()) {
        if (!e->publish) continue;
        const std::string& id = secrets.eventIds().at(e->id);
        a.events.push_back(anonymiseEvent(x, *e, id));
        out.m_idMap.emplace(e->id, id);
    }
    for (auto& r : c.recommendations) {
        a.recommendations.push_back(anonymiseRecommendation(x, r));
        out.m_idMap.emplace(r.id, a.recommendations.back().id);
    }
    // Unknown keys (meta.extras), lint_ignore reasons and source locations are left behind:
    // nobody can say what an unknown key holds.
    return out;
}

}  // namespace genochron
