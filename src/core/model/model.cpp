#include "core/model/model.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace genochron {

bool Meta::operator==(const Meta& o) const {
    return lintIgnore == o.lintIgnore && extras == o.extras && unread == o.unread && unreadEntries == o.unreadEntries &&
           unreadItem == o.unreadItem;
}

bool Person::hasRole(Role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }
bool Person::hasCondition(Condition c) const {
    return std::find(conditions.begin(), conditions.end(), c) != conditions.end();
}

bool Relation::directed() const { return isAbuse(); }
bool Relation::isAbuse() const {
    switch (kind) {
    case RelationKind::PhysicalAbuse: case RelationKind::EmotionalAbuse: case RelationKind::SexualAbuse:
    case RelationKind::CoerciveControl: case RelationKind::FinancialAbuse: case RelationKind::Stalking:
        return true;
    default: return false;
    }
}

bool Event::hasTag(std::string_view t) const { return std::find(tags.begin(), tags.end(), t) != tags.end(); }

bool Event::operator==(const Event& o) const {
    return id == o.id && date == o.date && time == o.time && end == o.end && agency == o.agency &&
           source == o.source && sourceRef == o.sourceRef && people == o.people && what == o.what &&
           action == o.action && analysis == o.analysis && tags == o.tags && stage == o.stage && risk == o.risk &&
           missedOpportunity == o.missedOpportunity && sharedWith == o.sharedWith &&
           disputedBy == o.disputedBy && publish == o.publish && extras == o.extras && meta == o.meta;
}

bool Action::overdue(long today) const {
    if (status == ActionStatus::Complete || status == ActionStatus::Dropped || !target || !target->known())
        return false;
    return target->latestDay() < today;
}

template <class V, class Id> static auto findById(V& v, Id id) -> decltype(&v[0]) {
    for (auto& x : v)
        if (x.id == id) return &x;
    return nullptr;
}

const Person* Case::person(std::string_view id) const { return findById(people, id); }
Person* Case::person(std::string_view id) { return findById(people, id); }
const Agency* Case::agency(std::string_view id) const { return findById(agencies, id); }
const Event* Case::event(std::string_view id) const { return findById(events, id); }
Event* Case::event(std::string_view id) { return findById(events, id); }

std::vector<const Person*> Case::childrenOf(std::string_view id) const {
    std::vector<const Person*> r;
    for (auto& p : people)
        if (std::find(p.parents.begin(), p.parents.end(), id) != p.parents.end()) r.push_back(&p);
    return r;
}

std::vector<const Event*> Case::eventsByDate() const {
    std::vector<const Event*> r;
    r.reserve(events.size());
    for (auto& e : events) r.push_back(&e);
    std::stable_sort(r.begin(), r.end(), [](const Event* a, const Event* b) {
        if (a->date < b->date) return true;
        if (b->date < a->date) return false;
        return a->time < b->time;
    });
    return r;
}

std::map<std::string, int> Case::missedOpportunityNumbers() const {
    std::map<std::string, int> r;
    int n = 0;
    for (auto* e : eventsByDate())
        if (e->isMissedOpportunity()) r[e->id] = ++n;
    return r;
}

std::string Case::nextEventId() const {
    std::set<std::string> used;
    for (auto& e : events) used.insert(e.id);
    for (std::size_t n = events.size() + 1;; ++n) {
        std::string id = fmt::format("e{:03}", n);
        if (!used.count(id)) return id;
    }
}

}  // namespace genochron
