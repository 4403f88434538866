// Values kept as they were read (Meta::unread): which field of an item a key means, so an
// edit of that field, and only that field, replaces the kept value.
#include "core/model/model.hpp"

#include <functional>

namespace genochron {

namespace {

// key -> "this field differs between a and b", for each item type.
template <class T> using FieldDiff = std::function<bool(const T&, const T&)>;
template <class T> using Fields = std::vector<std::pair<const char*, FieldDiff<T>>>;

#define GC_FIELD(key, member) {key, [](const auto& a, const auto& b) { return !(a.member == b.member); }}

template <class T> const Fields<T>& fields();

template <> const Fields<Agency>& fields() {
    static const Fields<Agency> f = {GC_FIELD("id", id), GC_FIELD("name", name), GC_FIELD("kind", kind),
                                     GC_FIELD("import_map", importMap)};
    return f;
}
template <> const Fields<Person>& fields() {
    static const Fields<Person> f = {
        GC_FIELD("id", id), GC_FIELD("name", name), GC_FIELD("pseudonym", pseudonym), GC_FIELD("aliases", aliases),
        GC_FIELD("sex", sex), GC_FIELD("born", born), GC_FIELD("died", died), GC_FIELD("roles", roles),
        GC_FIELD("index", index), GC_FIELD("parents", parents), GC_FIELD("parentage", parentage),
        GC_FIELD("twin", twin), GC_FIELD("identical_twin", identicalTwin), GC_FIELD("birth_order", birthOrder),
        GC_FIELD("conditions", conditions), GC_FIELD("aces", aces), GC_FIELD("pregnancy", pregnancy),
        GC_FIELD("notes", notes), GC_FIELD("gedcom_id", gedcomId)};
    return f;
}
template <> const Fields<StatusPeriod>& fields() {
    static const Fields<StatusPeriod> f = {GC_FIELD("status", status), GC_FIELD("from", from), GC_FIELD("to", to)};
    return f;
}
template <> const Fields<Partnership>& fields() {
    static const Fields<Partnership> f = {GC_FIELD("partners", partners), GC_FIELD("status", status),
                                          GC_FIELD("from", from), GC_FIELD("to", to), GC_FIELD("history", history)};
    return f;
}
template <> const Fields<Relation>& fields() {
    static const Fields<Relation> f = {GC_FIELD("from", from), GC_FIELD("to", to), GC_FIELD("kind", kind),
                                       GC_FIELD("from_date", fromDate), GC_FIELD("to_date", toDate)};
    return f;
}
template <> const Fields<Household>& fields() {
    static const Fields<Household> f = {GC_FIELD("id", id), GC_FIELD("label", label), GC_FIELD("address", address),
                                        GC_FIELD("members", members), GC_FIELD("from", from), GC_FIELD("to", to)};
    return f;
}
template <> const Fields<Event>& fields() {
    static const Fields<Event> f = {
        GC_FIELD("id", id), GC_FIELD("date", date), GC_FIELD("time", time), GC_FIELD("end", end),
        GC_FIELD("agency", agency), GC_FIELD("source", source), GC_FIELD("source_ref", sourceRef),
        GC_FIELD("people", people), GC_FIELD("what", what), GC_FIELD("action", action),
        GC_FIELD("analysis", analysis), GC_FIELD("tags", tags), GC_FIELD("stage", stage), GC_FIELD("risk", risk),
        GC_FIELD("missed_opportunity", missedOpportunity), GC_FIELD("shared_with", sharedWith),
        GC_FIELD("disputed_by", disputedBy), GC_FIELD("publish", publish), GC_FIELD("extras", extras)};
    return f;
}
template <> const Fields<ActionUpdate>& fields() {
    static const Fields<ActionUpdate> f = {GC_FIELD("date", date), GC_FIELD("text", text)};
    return f;
}
template <> const Fields<Action>& fields() {
    static const Fields<Action> f = {GC_FIELD("id", id), GC_FIELD("text", text), GC_FIELD("lead", lead),
                                     GC_FIELD("owner", owner), GC_FIELD("target", target), GC_FIELD("status", status),
                                     GC_FIELD("completed", completed), GC_FIELD("updates", updates)};
    return f;
}
template <> const Fields<Recommendation>& fields() {
    static const Fields<Recommendation> f = {GC_FIELD("id", id), GC_FIELD("text", text), GC_FIELD("scope", scope),
                                             GC_FIELD("addresses", addresses), GC_FIELD("actions", actions)};
    return f;
}
template <> const Fields<CaseInfo>& fields() {
    static const Fields<CaseInfo> f = {
        GC_FIELD("title", title), GC_FIELD("kind", kind), GC_FIELD("partnership", partnership),
        GC_FIELD("reference_date", referenceDate),
        {"scope", [](const CaseInfo& a, const CaseInfo& b) { return !(a.scopeFrom == b.scopeFrom && a.scopeTo == b.scopeTo); }}};
    return f;
}
template <> const Fields<Publication>& fields() {
    static const Fields<Publication> f = {
        GC_FIELD("date_precision", datePrecision), GC_FIELD("hide_death_date", hideDeathDate),
        GC_FIELD("hide_child_sex", hideChildSex), GC_FIELD("hide_addresses", hideAddresses),
        GC_FIELD("child_age", childAge), GC_FIELD("professional_names", professionalNames)};
    return f;
}

#undef GC_FIELD

// Typed content only: meta (unknown keys, unread values, locations) set aside.
template <class T> bool sameData(const T& a, const T& b) {
    for (auto& [key, differs] : fields<T>())
        if (differs(a, b)) return false;
    return true;
}

template <class T> void dropIn(const T& before, T& after) {
    Meta& m = after.meta;
    if (m.unreadItem && !sameData(before, after)) m.unreadItem.reset();
    for (auto it = m.unread.begin(); it != m.unread.end();) {
        bool edited = false;
        if (it->first == "lint_ignore") edited = !(before.meta.lintIgnore == after.meta.lintIgnore);
        else
            for (auto& [key, differs] : fields<T>())
                if (it->first == key) { edited = differs(before, after); break; }
        it = edited ? m.unread.erase(it) : std::next(it);
    }
}

template <class T> void dropInList(const std::vector<T>& before, std::vector<T>& after) {
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) dropEditedUnread(before[i], after[i]);
}

}  // namespace

template <class T> void dropEditedUnread(const T& before, T& after) {
    if constexpr (std::is_same_v<T, Partnership>) dropInList(before.history, after.history);
    if constexpr (std::is_same_v<T, Action>) dropInList(before.updates, after.updates);
    if constexpr (std::is_same_v<T, Recommendation>) dropInList(before.actions, after.actions);
    if constexpr (std::is_same_v<T, CaseInfo>) {
        // The scope's own keys: from and to.
        Meta& s = after.scopeMeta;
        if (!(before.scopeFrom == after.scopeFrom)) s.unread.erase("from");
        if (!(before.scopeTo == after.scopeTo)) s.unread.erase("to");
    }
    dropIn(before, after);
}

template void dropEditedUnread(const Agency&, Agency&);
template void dropEditedUnread(const Person&, Person&);
template void dropEditedUnread(const StatusPeriod&, StatusPeriod&);
template void dropEditedUnread(const Partnership&, Partnership&);
template void dropEditedUnread(const Relation&, Relation&);
template void dropEditedUnread(const Household&, Household&);
template void dropEditedUnread(const Event&, Event&);
template void dropEditedUnread(const ActionUpdate&, ActionUpdate&);
template void dropEditedUnread(const Action&, Action&);
template void dropEditedUnread(const Recommendation&, Recommendation&);
template void dropEditedUnread(const CaseInfo&, CaseInfo&);
template void dropEditedUnread(const Publication&, Publication&);

}  // namespace genochron
