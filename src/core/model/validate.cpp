// [SECTION] values kept as read (their errors stand until edited)
// [SECTION] references and unique ids
// [SECTION] people and ancestry
// [SECTION] partnerships, relations, households
// [SECTION] events and recommendations
#include "core/model/validate.hpp"
#include "core/model/stages.hpp"

#include <fmt/format.h>
#include <functional>
#include <map>
#include <set>

namespace genochron {

namespace {

class Validator {
public:
    Validator(const Case& c, Diagnostics& d) : m_c(c), m_d(d) {
        for (auto& p : c.people) m_people.push_back(p.id);
        for (auto& a : c.agencies) m_agencies.push_back(a.id);
        for (auto& e : c.events) m_events.push_back(e.id);
    }

    void run() {
        unread();
        uniqueIds();
        people();
        partnerships();
        relations();
        households();
        events();
        recommendations();
    }

private:
    const Case& m_c;
    Diagnostics& m_d;

    // ------------------------------------------------------------ [SECTION] values kept as read

    // Values kept as they were read: their errors stand until the field is edited.
    void unreadIn(const Meta& m, const std::string& id) {
        auto report = [&](const std::vector<UnreadError>& errors) {
            for (auto& e : errors) m_d.error(e.code, e.at, e.message, id);
        };
        if (m.unreadItem) report(m.unreadItem->errors);
        for (auto& [key, u] : m.unread) report(u.errors);
        for (auto& u : m.unreadEntries) report(u.errors);
    }
    void unread() {
        unreadIn(m_c.meta, {});
        unreadIn(m_c.info.meta, {});
        unreadIn(m_c.info.scopeMeta, {});
        if (m_c.publication) unreadIn(m_c.publication->meta, {});
        for (auto& a : m_c.agencies) unreadIn(a.meta, a.id);
        for (auto& p : m_c.people) unreadIn(p.meta, p.id);
        for (auto& p : m_c.partnerships) {
            unreadIn(p.meta, {});
            for (auto& h : p.history) unreadIn(h.meta, {});
        }
        for (auto& r : m_c.relations) unreadIn(r.meta, {});
        for (auto& h : m_c.households) unreadIn(h.meta, h.id);
        for (auto& e : m_c.events) unreadIn(e.meta, e.id);
        for (auto& r : m_c.recommendations) {
            unreadIn(r.meta, r.id);
            for (auto& a : r.actions) {
                unreadIn(a.meta, a.id);
                for (auto& u : a.updates) unreadIn(u.meta, a.id);
            }
        }
    }
    std::vector<std::string_view> m_people, m_agencies, m_events;

    // ------------------------------------------------------------ [SECTION] references and unique ids

    static std::string didYouMean(std::string_view id, const std::vector<std::string_view>& pool) {
        auto n = nearest(id, pool);
        return n ? fmt::format("; did you mean '{}'?", *n) : "";
    }

    void refPerson(std::string_view id, SourceLoc at, const std::string& where, const std::string& owner) {
        if (id.empty() || m_c.person(id)) return;
        m_d.error("unknown-person", at, fmt::format("unknown person '{}' in {}{}", id, where, didYouMean(id, m_people)), owner);
    }
    void refAgency(std::string_view id, SourceLoc at, const std::string& where, const std::string& owner) {
        if (id.empty() || m_c.agency(id)) return;
        m_d.error("unknown-agency", at,
                  fmt::format("unknown agency '{}' in {}{}; agencies are listed under 'agencies:'", id, where,
                              didYouMean(id, m_agencies)),
                  owner);
    }

    template <class V, class GetId>
    void unique(const V& items, const char* block, GetId getId) {
        std::map<std::string, SourceLoc> seen;
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string id = getId(items[i]);
            if (id.empty()) continue;
            auto [it, fresh] = seen.emplace(id, items[i].meta.at("id"));
            if (!fresh)
                m_d.error("duplicate-id", items[i].meta.at("id"),
                          fmt::format("{}[{}]: id '{}' is already used at line {}; ids must be unique", block, i, id,
                                      it->second.line),
                          id);
        }
    }

    void uniqueIds() {
        unique(m_c.agencies, "agencies", [](auto& a) { return a.id; });
        unique(m_c.people, "people", [](auto& p) { return p.id; });
        unique(m_c.households, "households", [](auto& h) { return h.id; });
        unique(m_c.events, "events", [](auto& e) { return e.id; });
        unique(m_c.recommendations, "recommendations", [](auto& r) { return r.id; });
        std::vector<Action> actions;
        for (auto& r : m_c.recommendations) actions.insert(actions.end(), r.actions.begin(), r.actions.end());
        unique(actions, "actions", [](auto& a) { return a.id; });
        for (std::size_t i = 0; i < m_c.agencies.size(); ++i) {
            auto& id = m_c.agencies[i].id;
            bool ok = !id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos;
            if (!ok && !id.empty())
                m_d.error("bad-id", m_c.agencies[i].meta.at("id"),
                          fmt::format("agencies[{}]: id '{}' may use only a-z, 0-9, '_' and '-'", i, id), id);
        }
    }

    // ------------------------------------------------------------ [SECTION] people and ancestry

    void people() {
        for (std::size_t i = 0; i < m_c.people.size(); ++i) {
            auto& p = m_c.people[i];
            std::string w = fmt::format("people[{}]", i);
            if (p.parents.size() > 2)
                m_d.error("too-many-parents", p.meta.at("parents"),
                          fmt::format("{} ('{}') has {} parents; a person has at most two (record step-parents "
                                      "as partners of a parent, or use parentage: step)", w, p.id, p.parents.size()), p.id);
            for (auto& par : p.parents) {
                refPerson(par, p.meta.at("parents"), w + ".parents", p.id);
                if (par == p.id)
                    m_d.error("own-parent", p.meta.at("parents"), fmt::format("{} ('{}') is listed as their own parent", w, p.id), p.id);
            }
            if (p.parents.size() == 2 && p.parents[0] == p.parents[1])
                m_d.error("duplicate-parent", p.meta.at("parents"), fmt::format("{} lists parent '{}' twice", w, p.parents[0]), p.id);
            refPerson(p.twin, p.meta.at("twin"), w + ".twin", p.id);
            if (p.born && p.died && p.born->known() && p.died->known() && p.died->latestDay() < p.born->earliestDay())
                m_d.warning(Category::Consistency, "born-after-died", p.meta.at("died"),
                            fmt::format("'{}' died ({}) before they were born ({})", p.id, p.died->toString(), p.born->toString()), p.id);
            for (auto& par : p.parents) {
                const Person* pp = m_c.person(par);
                if (!pp || !p.born || !pp->born || !p.born->known() || !pp->born->known()) continue;
                if (auto age = pp->born->ageAt(*p.born); age && *age < 12)
                    m_d.warning(Category::Consistency, "young-parent", p.meta.at("born"),
                                fmt::format("'{}' would have been {} when '{}' was born; check both birth dates", par, *age, p.id), p.id);
                if (pp->died && pp->died->known() && p.born->earliestDay() > pp->died->latestDay() + 365)
                    m_d.warning(Category::Consistency, "born-after-parent-died", p.meta.at("born"),
                                fmt::format("'{}' was born ({}) over a year after '{}' died ({}); check the dates", p.id,
                                            p.born->toString(), par, pp->died->toString()), p.id);
            }
            for (auto& a : p.aces) {
                auto& known = knownAces();
                if (std::find(known.begin(), known.end(), a) == known.end()) {
                    auto n = nearest(a, known);
                    m_d.warning(Category::Validation, "unknown-ace", p.meta.at("aces"),
                                fmt::format("'{}' is not one of the ten ACEs{}", a, n ? fmt::format("; did you mean '{}'?", *n) : ""), p.id);
                }
            }
        }
        ancestry();
    }

    // A person who is their own ancestor makes no family; report each cycle once.
    void ancestry() {
        std::map<std::string, int> state;   // 0 new, 1 on the path, 2 done
        std::set<std::string> reported;
        std::function<void(const Person&, std::vector<std::string>&)> visit = [&](const Person& p, std::vector<std::string>& path) {
            state[p.id] = 1;
            path.push_back(p.id);
            for (auto& par : p.parents) {
                const Person* pp = m_c.person(par);
                if (!pp || pp->id == p.id) continue;
                if (state[pp->id] == 1) {
                    if (reported.insert(pp->id).second) {
                        std::string chain;
                        auto it = std::find(path.begin(), path.end(), pp->id);
                        for (; it != path.end(); ++it) chain += *it + " -> ";
                        chain += pp->id;
                        m_d.error("own-ancestor", pp->meta.at("parents"),
                                  fmt::format("'{}' is their own ancestor ({}, following parents); check the parents lists",
                                              pp->id, chain), pp->id);
                    }
                } else if (state[pp->id] == 0) {
                    visit(*pp, path);
                }
            }
            path.pop_back();
            state[p.id] = 2;
        };
        for (auto& p : m_c.people) {
            if (state[p.id] == 0) {
                std::vector<std::string> path;
                visit(p, path);
            }
        }
    }

    // ------------------------------------------------------------ [SECTION] partnerships, relations, households

    void partnerships() {
        for (std::size_t i = 0; i < m_c.partnerships.size(); ++i) {
            auto& p = m_c.partnerships[i];
            std::string w = fmt::format("partnerships[{}].partners", i);
            for (auto& id : p.partners) refPerson(id, p.meta.at("partners"), w, "");
            if (!p.partners[0].empty() && p.partners[0] == p.partners[1])
                m_d.error("self-partnership", p.meta.at("partners"), fmt::format("{} names '{}' twice; a partnership needs two people", w, p.partners[0]), p.partners[0]);
            if (p.from && p.to && p.from->known() && p.to->known() && p.to->latestDay() < p.from->earliestDay())
                m_d.warning(Category::Consistency, "ends-before-start", p.meta.at("to"),
                            fmt::format("partnerships[{}] ends ({}) before it starts ({})", i, p.to->toString(), p.from->toString()));
        }
    }

    void relations() {
        for (std::size_t i = 0; i < m_c.relations.size(); ++i) {
            auto& r = m_c.relations[i];
            refPerson(r.from, r.meta.at("from"), fmt::format("relations[{}].from", i), "");
            refPerson(r.to, r.meta.at("to"), fmt::format("relations[{}].to", i), "");
            if (!r.from.empty() && r.from == r.to)
                m_d.error("self-relation", r.meta.at("to"), fmt::format("relations[{}] goes from '{}' to themself", i, r.from), r.from);
        }
    }

    void households() {
        for (std::size_t i = 0; i < m_c.households.size(); ++i) {
            auto& h = m_c.households[i];
            for (auto& m : h.members) refPerson(m, h.meta.at("members"), fmt::format("households[{}].members", i), h.id);
        }
    }

    // ------------------------------------------------------------ [SECTION] events and recommendations

    void events() {
        auto& ci = m_c.info;
        static const std::vector<std::string_view> sources = enumNames<Source>();
        for (std::size_t i = 0; i < m_c.events.size(); ++i) {
            auto& e = m_c.events[i];
            std::string w = fmt::format("events[{}]", i);
            refAgency(e.agency, e.meta.at("agency"), w + ".agency", e.id);
            for (auto& s : e.sharedWith) refAgency(s, e.meta.at("shared_with"), w + ".shared_with", e.id);
            for (auto& p : e.people) refPerson(p, e.meta.at("people"), w + ".people", e.id);
            for (auto& who : e.disputedBy) {
                bool ok = m_c.person(who) || m_c.agency(who) ||
                          std::find(sources.begin(), sources.end(), who) != sources.end();
                if (!ok)
                    m_d.error("unknown-reference", e.meta.at("disputed_by"),
                              fmt::format("{}.disputed_by: '{}' is not a person, an agency or a source (family, friend, ...)", w, who), e.id);
            }
            if (e.source == Source::AgencyRecord && e.agency.empty())
                m_d.warning(Category::Consistency, "agency-record-without-agency", e.meta.loc,
                            fmt::format("{} ('{}') is an agency record but names no agency; add 'agency:'", w, e.id), e.id);
            for (auto& t : e.tags) {
                auto& known = knownEventTags();
                if (std::find(known.begin(), known.end(), t) == known.end()) {
                    auto n = nearest(t, known);
                    m_d.warning(Category::Validation, "unknown-tag", e.meta.at("tags"),
                                fmt::format("{}: tag '{}' is not in the tag list{}", w, t, n ? fmt::format("; did you mean '{}'?", *n) : ""), e.id);
                }
            }
            if (e.date.known()) {
                if (ci.scopeFrom && ci.scopeFrom->known() && e.date.latestDay() < ci.scopeFrom->earliestDay() &&
                    stageOf(e) != 1)
                    m_d.warning(Category::Consistency, "outside-scope", e.meta.at("date"),
                                fmt::format("{} ('{}', {}) is before the review's scope ({}); keep it only as background", w, e.id,
                                            e.date.toString(), ci.scopeFrom->toString()), e.id);
                if (ci.scopeTo && ci.scopeTo->known() && e.date.earliestDay() > ci.scopeTo->latestDay())
                    m_d.warning(Category::Consistency, "outside-scope", e.meta.at("date"),
                                fmt::format("{} ('{}', {}) is after the review's scope ({})", w, e.id, e.date.toString(),
                                            ci.scopeTo->toString()), e.id);
            }
            if (e.stage)
                for (auto& t : e.tags)
                    if (auto ts = stageFromTag(t); ts && *ts != *e.stage)
                        m_d.warning(Category::Consistency, "stage-mismatch", e.meta.at("stage"),
                                    fmt::format("{} ('{}') has stage: {} ({}) but the tag '{}' says stage {}; keep one", w,
                                                e.id, *e.stage, stageShortName(*e.stage), t, *ts), e.id);
            if (e.isMissedOpportunity() && e.analysis.empty())
                m_d.warning(Category::Consistency, "missed-opportunity-without-analysis", e.meta.at("missed_opportunity"),
                            fmt::format("{} ('{}') is a missed opportunity with no 'analysis:'; say what should have happened and why it did not", w, e.id), e.id);
            if (e.end && e.end->known() && e.date.known() && e.end->latestDay() < e.date.earliestDay())
                m_d.warning(Category::Consistency, "ends-before-start", e.meta.at("end"),
                            fmt::format("{} ('{}') ends ({}) before it starts ({})", w, e.id, e.end->toString(), e.date.toString()), e.id);
        }
    }

    void recommendations() {
        for (std::size_t i = 0; i < m_c.recommendations.size(); ++i) {
            auto& r = m_c.recommendations[i];
            for (auto& a : r.addresses) {
                if (!m_c.event(a))
                    m_d.error("unknown-event", r.meta.at("addresses"),
                              fmt::format("unknown event '{}' in recommendations[{}].addresses{}", a, i, didYouMean(a, m_events)), r.id);
            }
            for (std::size_t j = 0; j < r.actions.size(); ++j) {
                auto& a = r.actions[j];
                std::string w = fmt::format("recommendations[{}].actions[{}]", i, j);
                refAgency(a.lead, a.meta.at("lead"), w + ".lead", a.id);
                if (a.status == ActionStatus::Complete && !a.completed)
                    m_d.warning(Category::Consistency, "complete-without-date", a.meta.at("status"),
                                fmt::format("{} ('{}') is complete but has no 'completed:' date", w, a.id), a.id);
                if (a.completed && a.status != ActionStatus::Complete)
                    m_d.warning(Category::Consistency, "completed-but-open", a.meta.at("completed"),
                                fmt::format("{} ('{}') has a completed date but its status is {}", w, a.id, toString(a.status)), a.id);
            }
        }
    }
};

}  // namespace

void validateCase(const Case& c, Diagnostics& d) { Validator(c, d).run(); }

}  // namespace genochron
