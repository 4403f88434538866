// The QA Panel's checklist on a case (review_check.hpp). Each point looks for what a
// careful reviewer would: not "is there a school?" but "were there children in the
// victim's or perpetrator's home, and did any school or children's service tell the
// review what it knew?". A point that cannot apply (no partnership, no children) is
// marked so rather than counted as met or failed.
//
//   [SECTION] helpers: who is who, dates, names
//   [SECTION] the first eight points (the risk points and the tracker: review_check_risk.cpp)
//   [SECTION] entry points
#include "core/check/review_check.hpp"
#include "core/model/date.hpp"
#include "core/check/detail/review_points.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <fmt/format.h>
#include <set>

namespace genochron {

namespace review_points {

// ---------------------------------------------------------------- [SECTION] helpers

std::string agencyName(const Case& c, const std::string& id) {
    const Agency* a = c.agency(id);
    return a && !a->name.empty() ? a->name : id;
}

std::optional<AgencyKind> kindOf(const Case& c, const std::string& agencyId) {
    if (const Agency* a = c.agency(agencyId)) return a->kind;
    return std::nullopt;
}

// "e002, e011 and 3 more": enough ids to find them, not a wall of them.
std::string idList(const std::vector<std::string>& ids, std::size_t max) {
    std::string s;
    for (std::size_t i = 0; i < ids.size() && i < max; ++i) s += (i ? ", " : "") + ids[i];
    if (ids.size() > max) s += fmt::format(" and {} more", ids.size() - max);
    return s;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

bool concerns(const Event& e, const std::string& personId) {
    return std::find(e.people.begin(), e.people.end(), personId) != e.people.end();
}

bool hasTagPrefix(const Event& e, std::string_view prefix) {
    return std::any_of(e.tags.begin(), e.tags.end(), [&](const std::string& t) { return t.starts_with(prefix); });
}

// The day the review centres on: the reference date, else the end of scope, else today.
long referenceDay(const Case& c, long today) {
    if (c.info.referenceDate && c.info.referenceDate->known()) return c.info.referenceDate->earliestDay();
    if (c.info.scopeTo && c.info.scopeTo->known()) return c.info.scopeTo->earliestDay();
    return today;
}

SourceLoc eventsBlock(const Case& c) {
    if (!c.events.empty()) return c.events.front().meta.loc;
    return c.meta.at("events");
}

ChecklistItem item(std::string code, std::string title) {
    ChecklistItem it;
    it.code = std::move(code);
    it.title = std::move(title);
    return it;
}

void notApplicable(Point& p, std::string why) {
    p.item.applicable = false;
    p.item.met = true;
    p.item.detail = std::move(why);
}

}  // namespace review_points

namespace {

using namespace review_points;

// ---------------------------------------------------------------- [SECTION] the nine points

Point familyVoice(const Case& c) {
    Point p{item("review-no-family-voice", "Information from family and friends"), {}};
    std::size_t n = std::count_if(c.events.begin(), c.events.end(), [](const Event& e) {
        return e.source == Source::Family || e.source == Source::Friend;
    });
    if (n) {
        p.item.detail = fmt::format("{} from family or friends", plural(n, "event", "events"));
        return p;
    }
    p.item.met = false;
    p.item.detail = "no event has source family or friend";
    p.findings.push_back({eventsBlock(c),
                          "the chronology has no information from family or friends: no event has source: family or "
                          "friend. The QA Panel asks for their accounts, kept apart from what agencies recorded: "
                          "add what they told the review as events with source: family or friend and source_ref: "
                          "the interview or statement",
                          {}});
    return p;
}

// The start of a partnership: the earliest of its from and its history's.
std::optional<long> partnershipStart(const Partnership& pt) {
    std::optional<long> start;
    auto take = [&](const std::optional<Date>& d) {
        if (d && d->known()) start = start ? std::min(*start, d->earliestDay()) : d->earliestDay();
    };
    take(pt.from);
    for (const auto& h : pt.history) take(h.from);
    return start;
}

Point perpetratorHistory(const Case& c) {
    Point p{item("review-no-perpetrator-history", "The perpetrator's history before the relationship"), {}};
    int pairs = 0, withHistory = 0;
    for (const auto& pt : c.partnerships) {
        const Person* a = c.person(pt.partners[0]);
        const Person* b = c.person(pt.partners[1]);
        if (!a || !b) continue;
        const Person* perp = isPerpetrator(*a) && isVictim(*b) ? a : isPerpetrator(*b) && isVictim(*a) ? b : nullptr;
        if (!perp) continue;
        const Person* victim = perp == a ? b : a;
        auto start = partnershipStart(pt);
        if (!start) continue;
        ++pairs;
        std::size_t before = std::count_if(c.events.begin(), c.events.end(), [&](const Event& e) {
            return concerns(e, perp->id) && e.date.known() && e.date.latestDay() < *start;
        });
        if (before) {
            ++withHistory;
            continue;
        }
        p.findings.push_back(
            {perp->meta.loc,
             fmt::format("no event concerns {} before the relationship with {} began ({}): the chronology starts "
                         "the perpetrator's story with the relationship. The QA Panel asks what was known of him "
                         "earlier (previous partners, offending, agency contact, manipulation of professionals): "
                         "ask agencies and family for his earlier history and add it as events with {} in people:, "
                         "or say in an analysis that none was found",
                         who(*perp), who(*victim), Date::fromDays(*start).humanLabel(), perp->id),
             perp->id});
    }
    if (!pairs) {
        notApplicable(p, "no dated partnership between a victim and a perpetrator");
        return p;
    }
    p.item.met = p.findings.empty();
    std::vector<std::string> ids;
    for (const auto& f : p.findings) ids.push_back(f.id);
    p.item.detail = p.item.met ? "events before the relationship recorded for the perpetrator"
                               : "no events before the relationship for " + idList(ids);
    return p;
}

bool mentionsCoerciveControl(const std::string& text) {
    std::string lower(text.size(), ' ');
    std::transform(text.begin(), text.end(), lower.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    return lower.find("coercive") != std::string::npos || lower.find("controlling behaviour") != std::string::npos;
}

Point coerciveControl(const Case& c) {
    Point p{item("review-ccb-not-tagged", "Coercive control shown in events"), {}};
    std::size_t tagged = std::count_if(c.events.begin(), c.events.end(),
                                       [](const Event& e) { return hasTagPrefix(e, "ccb_"); });
    int named = 0;
    // Per relation: events between the two people that show its forms.
    for (const auto& r : c.relations) {
        if (r.kind != RelationKind::CoerciveControl) continue;
        ++named;
        bool shown = std::any_of(c.events.begin(), c.events.end(), [&](const Event& e) {
            return hasTagPrefix(e, "ccb_") && concerns(e, r.from) && concerns(e, r.to);
        });
        if (shown) continue;
        const Person* from = c.person(r.from);
        const Person* to = c.person(r.to);
        p.findings.push_back(
            {r.meta.loc,
             fmt::format("the case records coercive control by {} of {} but no event involving both is tagged with "
                         "its forms (ccb_isolation, ccb_monitoring, ccb_financial_control, ...). The QA Panel looks "
                         "for an understanding of coercive and controlling behaviour: tag the events that show it so "
                         "the pattern appears in the timeline and chronology",
                         from ? who(*from) : r.from, to ? who(*to) : r.to),
             r.from});
    }
    // Named only in words: the panel's analysis or a person's notes.
    if (!named) {
        const Event* first = nullptr;
        for (const auto& e : c.events)
            if (mentionsCoerciveControl(e.what) || mentionsCoerciveControl(e.analysis) ||
                mentionsCoerciveControl(e.missedOpportunity)) {
                first = &e;
                break;
            }
        if (!first) {
            notApplicable(p, tagged ? fmt::format("{} tagged with its forms", plural(tagged, "event", "events"))
                                    : "coercive control is not named in the case");
            if (tagged) p.item.applicable = true;
            return p;
        }
        ++named;
        if (!tagged)
            p.findings.push_back({first->meta.at("analysis"),
                                  fmt::format("coercive control is named in {} but no event is tagged with its forms "
                                              "(ccb_isolation, ccb_monitoring, ccb_financial_control, ...): tag the "
                                              "events that show it, and add a coercive_control relation",
                                              first->id),
                                  first->id});
    }
    p.item.met = p.findings.empty();
    p.item.detail = p.item.met ? fmt::format("{} tagged with its forms", plural(tagged, "event", "events"))
                               : fmt::format("{} named without tagged events", plural(p.findings.size(), "relation",
                                                                                      "relations"));
    return p;
}

Point needsAgencies(const Case& c) {
    Point p{item("review-needs-no-agency", "Substance misuse and mental health services"), {}};
    struct Need {
        const char* what;
        std::vector<Condition> conditions;
        std::vector<std::string> tags;
        AgencyKind kind;
        const char* service;
    };
    const Need needs[] = {
        {"substance misuse", {Condition::SubstanceMisuse, Condition::SuspectedSubstanceMisuse}, {"substance_misuse"},
         AgencyKind::SubstanceMisuse, "the drug and alcohol service"},
        {"mental ill health", {Condition::MentalHealth}, {"mental_health", "suicidal_ideation"}, AgencyKind::MentalHealth,
         "the mental health trust"},
    };
    std::vector<std::string> present, involved, missing;
    for (const auto& n : needs) {
        // Only the victim's and the perpetrator's needs: a grandparent's illness is not the point.
        std::vector<const Person*> people;
        for (const auto& person : c.people)
            if ((isVictim(person) || isPerpetrator(person)) &&
                std::any_of(n.conditions.begin(), n.conditions.end(), [&](Condition k) { return person.hasCondition(k); }))
                people.push_back(&person);
        std::vector<const Event*> events;
        for (const auto& e : c.events) {
            bool tagged = std::any_of(n.tags.begin(), n.tags.end(), [&](const std::string& t) { return e.hasTag(t); });
            bool subject = std::any_of(e.people.begin(), e.people.end(), [&](const std::string& id) {
                const Person* x = c.person(id);
                return x && (isVictim(*x) || isPerpetrator(*x));
            });
            if (tagged && subject) events.push_back(&e);
        }
        if (people.empty() && events.empty()) continue;
        present.push_back(n.what);
        bool agency = std::any_of(c.events.begin(), c.events.end(), [&](const Event& e) {
            if (kindOf(c, e.agency) == n.kind) return true;
            return std::any_of(e.sharedWith.begin(), e.sharedWith.end(),
                               [&](const std::string& a) { return kindOf(c, a) == n.kind; });
        });
        if (agency) {
            involved.push_back(n.what);
            continue;
        }
        missing.push_back(n.what);
        std::vector<std::string> where;
        for (const Person* x : people) where.push_back(who(*x));
        std::vector<std::string> ids;
        for (const Event* e : events) ids.push_back(e->id);
        if (!ids.empty()) where.push_back((ids.size() == 1 ? "event " : "events ") + idList(ids, 5));
        SourceLoc at = !people.empty() ? people.front()->meta.at("conditions") : events.front()->meta.at("tags");
        std::string id = !people.empty() ? people.front()->id : events.front()->id;
        p.findings.push_back(
            {at,
             fmt::format("{} is recorded ({}) but no {} service appears in the chronology. The QA Panel looks at "
                         "multiple complex needs together: ask {} for its records (a chronology or a nil return) and "
                         "add them as events from an agency of kind {}",
                         n.what, fmt::join(where, "; "), n.what == std::string("substance misuse") ? "substance misuse" : "mental health",
                         n.service, toString(n.kind)),
             id});
    }
    if (present.empty()) {
        notApplicable(p, "no substance misuse or mental ill health recorded for the victim or perpetrator");
        return p;
    }
    p.item.met = p.findings.empty();
    p.item.detail = p.item.met ? fmt::format("services involved for {}", fmt::join(involved, " and "))
                               : fmt::format("no service for {}", fmt::join(missing, " or "));
    return p;
}

Point children(const Case& c, long today) {
    Point p{item("review-children-no-school", "Schools and children's services"), {}};
    const long ref = referenceDay(c, today);
    const Date refDate = Date::fromDays(ref);
    const int childAge = c.publicationOrDefault().childAge;
    std::set<std::string> adults;   // the victim and the perpetrator
    for (const auto& person : c.people)
        if (isVictim(person) || isPerpetrator(person)) adults.insert(person.id);
    std::vector<const Person*> kids;
    std::string householdId;
    for (const auto& person : c.people) {
        if (person.isPregnancyNode() || adults.count(person.id)) continue;
        if (person.died && person.died->known() && person.died->latestDay() < ref) continue;
        bool child;
        if (person.born && person.born->known()) {
            auto age = person.born->ageAt(refDate);
            child = person.born->earliestDay() <= ref && age && *age < childAge;
        } else {
            child = person.hasRole(Role::Child);
        }
        if (!child) continue;
        for (const auto& h : c.households) {
            bool member = std::find(h.members.begin(), h.members.end(), person.id) != h.members.end();
            bool withAdult = std::any_of(h.members.begin(), h.members.end(),
                                         [&](const std::string& m) { return adults.count(m) > 0; });
            if (member && withAdult) {
                kids.push_back(&person);
                if (householdId.empty()) householdId = h.id;
                break;
            }
        }
    }
    if (kids.empty()) {
        notApplicable(p, "no child lived in a household with the victim or perpetrator");
        return p;
    }
    auto fromKind = [&](AgencyKind k) {
        return std::any_of(c.events.begin(), c.events.end(),
                           [&](const Event& e) { return e.source == Source::AgencyRecord && kindOf(c, e.agency) == k; });
    };
    bool school = fromKind(AgencyKind::Education), csc = fromKind(AgencyKind::ChildrensSocialCare);
    std::vector<std::string> names;
    for (const Person* k : kids) names.push_back(who(*k));
    if (school || csc) {
        p.item.detail = fmt::format("{}; records from {}", plural(kids.size(), "child", "children"),
                                    school && csc ? "schools and children's services"
                                    : school      ? "schools (none from children's services)"
                                                  : "children's services (none from schools)");
        return p;
    }
    p.item.met = false;
    p.item.detail = fmt::format("{}; no school or children's services records", plural(kids.size(), "child", "children"));
    p.findings.push_back(
        {kids.front()->meta.loc,
         fmt::format("{} lived in a household with the victim or perpetrator ({}) but no school or children's social "
                     "care record is in the chronology. The QA Panel asks about children at risk: request chronologies "
                     "from their schools and children's services (or record their nil returns)",
                     idList(names, 4), householdId),
         kids.front()->id});
    return p;
}

// The missed opportunities in date order that lack something (`ok` false), each named by `label`.
struct MoGaps {
    std::size_t total = 0;
    std::vector<std::string> bare;
    const Event* first = nullptr;
};
template <class Ok, class Label> MoGaps missedOpportunityGaps(const Case& c, Ok&& ok, Label&& label) {
    MoGaps g;
    for (const Event* e : c.eventsByDate()) {
        if (!e->isMissedOpportunity()) continue;
        ++g.total;
        if (ok(*e)) continue;
        if (!g.first) g.first = e;
        g.bare.push_back(label(*e));
    }
    return g;
}

Point missedOpportunities(const Case& c) {
    Point p{item("review-mo-without-analysis", "Analysis of every missed opportunity"), {}};
    auto [total, bare, first] = missedOpportunityGaps(
        c, [](const Event& e) { return e.analysis.find_first_not_of(" \t\n") != std::string::npos; },
        [](const Event& e) { return e.id; });
    if (!total) {
        notApplicable(p, "no missed opportunities recorded");
        return p;
    }
    p.item.met = bare.empty();
    p.item.detail = p.item.met ? (total == 1 ? std::string("the missed opportunity has analysis")
                                             : fmt::format("all {} missed opportunities have analysis", total))
                               : fmt::format("{} of {} without analysis: {}", bare.size(), total, idList(bare, 5));
    if (first)
        p.findings.push_back(
            {first->meta.at("missed_opportunity"),
             fmt::format("{} {} no analysis ({}): the panel's analysis says why the chance was missed and what should "
                         "have happened, which the QA Panel expects for every missed opportunity. Add analysis: to {}",
                         plural(bare.size(), "missed opportunity", "missed opportunities"),
                         bare.size() == 1 ? "has" : "have", idList(bare), bare.size() == 1 ? "it" : "each"),
             first->id});
    return p;
}

// Every missed opportunity answered by a recommendation (its addresses:), as the index of
// missed opportunities in the report pack shows them.
Point missedOpportunitiesAnswered(const Case& c) {
    Point p{item("review-mo-without-recommendation", "A recommendation for every missed opportunity"), {}};
    std::set<std::string> answered;
    for (const auto& r : c.recommendations)
        for (const auto& id : r.addresses) answered.insert(id);
    const auto numbers = c.missedOpportunityNumbers();
    auto [total, bare, first] = missedOpportunityGaps(
        c, [&](const Event& e) { return answered.count(e.id) > 0; },
        [&](const Event& e) {
            auto n = numbers.find(e.id);
            return n != numbers.end() ? fmt::format("MO{} ({})", n->second, e.id) : e.id;
        });
    if (!total) {
        notApplicable(p, "no missed opportunities recorded");
        return p;
    }
    p.item.met = bare.empty();
    p.item.detail = p.item.met ? (total == 1 ? std::string("the missed opportunity is answered by a recommendation")
                                             : fmt::format("all {} missed opportunities are answered", total))
                               : fmt::format("{} of {} with no recommendation: {}", bare.size(), total, idList(bare, 5));
    if (first)
        p.findings.push_back(
            {first->meta.at("missed_opportunity"),
             fmt::format("{} no recommendation that answers {} ({}): the index of missed opportunities in the report "
                         "pack will show none. Add the event's id to the addresses: of the recommendation that answers "
                         "it",
                         bare.size() == 1 ? "a missed opportunity has" : fmt::format("{} missed opportunities have", bare.size()),
                         bare.size() == 1 ? "it" : "them", idList(bare)),
             first->id});
    return p;
}

Point genogramParents(const Case& c) {
    Point p{item("review-genogram-no-parents", "Victim's and perpetrator's parents in the genogram"), {}};
    int subjects = 0;
    std::vector<std::string> missing;
    for (const auto& person : c.people) {
        if (!isVictim(person) && !isPerpetrator(person)) continue;
        ++subjects;
        if (!person.parents.empty()) continue;
        missing.push_back(person.id);
        p.findings.push_back(
            {person.meta.loc,
             fmt::format("the genogram has no parents for {}, the {}: add them as people (a name or a role such as "
                         "'mother'; the date of birth if known) and list them in parents:, so the genogram shows the "
                         "family the QA Panel asks to see",
                         who(person), isVictim(person) ? "victim" : "perpetrator"),
             person.id});
    }
    if (!subjects) {
        notApplicable(p, "no person has the role victim or perpetrator");
        return p;
    }
    p.item.met = missing.empty();
    p.item.detail = p.item.met ? "parents recorded" : "no parents for " + idList(missing);
    return p;
}

// ---------------------------------------------------------------- [SECTION] entry points

std::vector<Point> evaluate(const Case& c, long today) {
    if (today == 0) today = todayDays();
    std::vector<Point> points;
    points.push_back(familyVoice(c));
    points.push_back(perpetratorHistory(c));
    points.push_back(coerciveControl(c));
    points.push_back(needsAgencies(c));
    points.push_back(children(c, today));
    points.push_back(missedOpportunities(c));
    points.push_back(missedOpportunitiesAnswered(c));
    points.push_back(genogramParents(c));
    points.push_back(dashAfterPhysical(c));
    points.push_back(riskShared(c));
    points.push_back(overdueActions(c, today));
    return points;
}

}  // namespace

std::vector<ChecklistItem> reviewChecklist(const Case& c, long today) {
    std::vector<ChecklistItem> out;
    for (auto& p : evaluate(c, today)) out.push_back(std::move(p.item));
    return out;
}

void checkReview(const Case& c, const CheckOptions& opt, Diagnostics& d) {
    for (const auto& p : evaluate(c, opt.todayDays))
        for (const auto& f : p.findings) d.warning(Category::Review, p.item.code, f.at, f.message, f.id);
}

}  // namespace genochron
