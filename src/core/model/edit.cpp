// [SECTION] collections: where each item type lives and how it is named
// [SECTION] references: what still names a person, agency or event
// [SECTION] item commands (explicitly instantiated for every collection)
// [SECTION] case-level commands
// [SECTION] history
#include "core/model/edit.hpp"

#include "core/model/validate.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace genochron {

std::string_view toString(ItemKind k) {
    switch (k) {
    case ItemKind::None: return "nothing";
    case ItemKind::Person: return "person";
    case ItemKind::Partnership: return "partnership";
    case ItemKind::Relation: return "relation";
    case ItemKind::Household: return "household";
    case ItemKind::Event: return "event";
    case ItemKind::Recommendation: return "recommendation";
    case ItemKind::Action: return "action";
    case ItemKind::Agency: return "agency";
    case ItemKind::CaseInfo: return "case details";
    case ItemKind::Publication: return "publication settings";
    }
    return "item";
}

namespace {

// ------------------------------------------------------------ [SECTION] collections

template <class T> struct Traits;

// Collections whose items have an `id` and sit directly in the Case.
template <class T, ItemKind K, std::vector<T> Case::*M> struct IdTraits {
    static constexpr ItemKind kKind = K;
    static constexpr bool kHasId = true;
    static std::vector<T>& items(Case& c, const std::string&) { return c.*M; }
    static std::string describe(const T& x) { return fmt::format("{} {}", toString(K), x.id); }
    static std::string idOf(const T& x) { return x.id; }
};

template <> struct Traits<Person> : IdTraits<Person, ItemKind::Person, &Case::people> {};
template <> struct Traits<Household> : IdTraits<Household, ItemKind::Household, &Case::households> {};
template <> struct Traits<Event> : IdTraits<Event, ItemKind::Event, &Case::events> {};
template <> struct Traits<Recommendation> : IdTraits<Recommendation, ItemKind::Recommendation, &Case::recommendations> {};
template <> struct Traits<Agency> : IdTraits<Agency, ItemKind::Agency, &Case::agencies> {};

template <> struct Traits<Partnership> {
    static constexpr ItemKind kKind = ItemKind::Partnership;
    static constexpr bool kHasId = false;
    static std::vector<Partnership>& items(Case& c, const std::string&) { return c.partnerships; }
    static std::string describe(const Partnership& p) {
        return fmt::format("partnership {}/{}", p.partners[0], p.partners[1]);
    }
    static std::string idOf(const Partnership&) { return {}; }
};

template <> struct Traits<Relation> {
    static constexpr ItemKind kKind = ItemKind::Relation;
    static constexpr bool kHasId = false;
    static std::vector<Relation>& items(Case& c, const std::string&) { return c.relations; }
    static std::string describe(const Relation& r) {
        return fmt::format("relation {} -> {} ({})", r.from, r.to, toString(r.kind));
    }
    static std::string idOf(const Relation&) { return {}; }
};

// Actions live in their recommendation; `parent` names it.
template <> struct Traits<Action> {
    static constexpr ItemKind kKind = ItemKind::Action;
    static constexpr bool kHasId = true;
    static std::vector<Action>& items(Case& c, const std::string& parent) {
        for (auto& r : c.recommendations)
            if (r.id == parent) return r.actions;
        throw GenochronError(fmt::format("there is no recommendation '{}' to hold the action", parent));
    }
    static std::string describe(const Action& a) { return fmt::format("action {}", a.id); }
    static std::string idOf(const Action& a) { return a.id; }
};

template <class T> struct Located {
    std::vector<T>* items;
    std::size_t index;
    std::string parent;
};

template <class T> Located<T> locate(Case& c, const ItemRef& ref) {
    using Tr = Traits<T>;
    if constexpr (std::is_same_v<T, Action>) {
        for (auto& r : c.recommendations) {
            if (!ref.parent.empty() && r.id != ref.parent) continue;
            for (std::size_t i = 0; i < r.actions.size(); ++i)
                if (r.actions[i].id == ref.id) return {&r.actions, i, r.id};
        }
        throw GenochronError(fmt::format("there is no action '{}' in the case", ref.id));
    } else {
        auto& v = Tr::items(c, ref.parent);
        if constexpr (Tr::kHasId) {
            if (!ref.id.empty()) {
                for (std::size_t i = 0; i < v.size(); ++i)
                    if (v[i].id == ref.id) return {&v, i, {}};
                throw GenochronError(fmt::format("there is no {} '{}' in the case", toString(Tr::kKind), ref.id));
            }
        }
        if (ref.index >= v.size())
            throw GenochronError(fmt::format("there is no {} number {} in the case", toString(Tr::kKind),
                                             ref.index == ItemRef::kNoIndex ? 0 : ref.index + 1));
        return {&v, ref.index, {}};
    }
}

// ------------------------------------------------------------ [SECTION] references

std::string listSome(const std::vector<std::string>& ids, std::size_t most = 5) {
    std::string s;
    for (std::size_t i = 0; i < ids.size() && i < most; ++i) s += (i ? ", " : "") + ids[i];
    if (ids.size() > most) s += fmt::format(" and {} more", ids.size() - most);
    return s;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

std::vector<std::string> referencesTo(const Case& c, ItemKind kind, const std::string& id) {
    std::vector<std::string> refs;
    auto group = [&](const char* what, const std::vector<std::string>& ids) {
        std::vector<std::string> once;   // "relations with nicole" once, not per relation
        for (auto& i : ids)
            if (!contains(once, i)) once.push_back(i);
        if (!once.empty()) refs.push_back(fmt::format("{} {}", what, listSome(once)));
    };
    if (kind == ItemKind::Person) {
        std::vector<std::string> partners, rels, children, twins, households, events;
        for (auto& p : c.partnerships) {
            if (p.partners[0] == id) partners.push_back(p.partners[1]);
            else if (p.partners[1] == id) partners.push_back(p.partners[0]);
        }
        for (auto& r : c.relations)
            if (r.from == id || r.to == id) rels.push_back(r.from == id ? r.to : r.from);
        for (auto& p : c.people) {
            if (contains(p.parents, id)) children.push_back(p.id);
            if (p.twin == id) twins.push_back(p.id);
        }
        for (auto& h : c.households)
            if (contains(h.members, id)) households.push_back(h.id);
        for (auto& e : c.events)
            if (contains(e.people, id) || contains(e.disputedBy, id)) events.push_back(e.id);
        group("the partnerships with", partners);
        group("the relations with", rels);
        group("the parents lists of", children);
        group("the twin of", twins);
        group("the households", households);
        group("the events", events);
    } else if (kind == ItemKind::Agency) {
        std::vector<std::string> events, actions;
        for (auto& e : c.events)
            if (e.agency == id || contains(e.sharedWith, id) || contains(e.disputedBy, id)) events.push_back(e.id);
        for (auto& r : c.recommendations)
            for (auto& a : r.actions)
                if (a.lead == id) actions.push_back(a.id);
        group("the events", events);
        group("the actions it leads:", actions);
    } else if (kind == ItemKind::Event) {
        std::vector<std::string> recs;
        for (auto& r : c.recommendations)
            if (contains(r.addresses, id)) recs.push_back(r.id);
        group("the recommendations", recs);
    }
    return refs;
}

// ------------------------------------------------------------ [SECTION] item commands

template <class T>
AddItem<T>::AddItem(T item, std::optional<std::size_t> at, std::string parent)
    : m_item(std::move(item)), m_at(at), m_parent(std::move(parent)) {}

template <class T> void AddItem<T>::apply(Case& c) {
    using Tr = Traits<T>;
    if constexpr (Tr::kHasId)
        if (Tr::idOf(m_item).empty())
            throw GenochronError(fmt::format("a new {} needs an id", toString(Tr::kKind)));
    auto& v = Tr::items(c, m_parent);
    m_index = m_at ? std::min(*m_at, v.size()) : v.size();
    v.insert(v.begin() + std::ptrdiff_t(m_index), m_item);
}

template <class T> void AddItem<T>::revert(Case& c) {
    auto& v = Traits<T>::items(c, m_parent);
    v.erase(v.begin() + std::ptrdiff_t(m_index));
}

template <class T> std::string AddItem<T>::label() const { return "Add " + Traits<T>::describe(m_item); }

template <class T> RemoveItem<T>::RemoveItem(ItemRef ref) : m_ref(std::move(ref)) {}

template <class T> void RemoveItem<T>::apply(Case& c) {
    using Tr = Traits<T>;
    auto loc = locate<T>(c, m_ref);
    const T& item = (*loc.items)[loc.index];
    if constexpr (Tr::kKind == ItemKind::Person || Tr::kKind == ItemKind::Agency || Tr::kKind == ItemKind::Event) {
        auto refs = referencesTo(c, Tr::kKind, item.id);
        if (!refs.empty()) {
            std::string all;
            for (std::size_t i = 0; i < refs.size(); ++i) all += (i ? "; " : "") + refs[i];
            throw GenochronError(fmt::format("cannot remove {} '{}': it is still named in {}. Change or remove "
                                             "those first", toString(Tr::kKind), item.id, all));
        }
    }
    m_removed = item;
    m_index = loc.index;
    m_parent = loc.parent;
    loc.items->erase(loc.items->begin() + std::ptrdiff_t(loc.index));
}

template <class T> void RemoveItem<T>::revert(Case& c) {
    auto& v = Traits<T>::items(c, m_parent);
    v.insert(v.begin() + std::ptrdiff_t(m_index), m_removed);
}

template <class T> std::string RemoveItem<T>::label() const {
    using Tr = Traits<T>;
    if constexpr (Tr::kHasId) return fmt::format("Remove {} {}", toString(Tr::kKind), m_ref.id);
    else return "Remove " + Tr::describe(m_removed);
}

template <class T>
ReplaceItem<T>::ReplaceItem(ItemRef ref, T newValue, std::string field)
    : m_ref(std::move(ref)), m_new(std::move(newValue)), m_field(std::move(field)) {}

template <class T> void ReplaceItem<T>::apply(Case& c) {
    auto loc = locate<T>(c, m_ref);
    m_old = (*loc.items)[loc.index];
    m_index = loc.index;
    m_parent = loc.parent;
    T value = m_new;
    dropEditedUnread(m_old, value);   // an edited field's kept unread text gives way to the edit
    (*loc.items)[loc.index] = std::move(value);
}

template <class T> void ReplaceItem<T>::revert(Case& c) {
    // By position: the id may be what this command changed.
    Traits<T>::items(c, m_parent)[m_index] = m_old;
}

template <class T> std::string ReplaceItem<T>::label() const {
    std::string what = Traits<T>::describe(m_old);
    return m_field.empty() ? "Edit " + what : fmt::format("Edit {}: {}", what, m_field);
}

template <class T> std::string ReplaceItem<T>::mergeKey() const {
    if (m_field.empty()) return {};
    return fmt::format("{}|{}|{}|{}|{}", toString(Traits<T>::kKind), m_ref.id, m_ref.index, m_parent, m_field);
}

template <class T> bool ReplaceItem<T>::absorb(const Command& next) {
    auto* n = dynamic_cast<const ReplaceItem<T>*>(&next);
    if (!n || n->mergeKey() != mergeKey() || n->m_index != m_index) return false;
    m_new = n->m_new;
    return true;
}

#define GENOCHRON_ITEM_COMMANDS(T) \
    template class AddItem<T>;     \
    template class RemoveItem<T>;  \
    template class ReplaceItem<T>;
GENOCHRON_ITEM_COMMANDS(Person)
GENOCHRON_ITEM_COMMANDS(Partnership)
GENOCHRON_ITEM_COMMANDS(Relation)
GENOCHRON_ITEM_COMMANDS(Household)
GENOCHRON_ITEM_COMMANDS(Event)
GENOCHRON_ITEM_COMMANDS(Recommendation)
GENOCHRON_ITEM_COMMANDS(Action)
GENOCHRON_ITEM_COMMANDS(Agency)
#undef GENOCHRON_ITEM_COMMANDS

// ------------------------------------------------------------ [SECTION] case-level commands

SetCaseInfo::SetCaseInfo(CaseInfo info, std::string field) : m_new(std::move(info)), m_field(std::move(field)) {}
void SetCaseInfo::apply(Case& c) {
    m_old = c.info;
    CaseInfo value = m_new;
    dropEditedUnread(m_old, value);
    c.info = std::move(value);
}
void SetCaseInfo::revert(Case& c) { c.info = m_old; }
std::string SetCaseInfo::label() const {
    return m_field.empty() ? "Edit case details" : "Edit case details: " + m_field;
}
std::string SetCaseInfo::mergeKey() const { return m_field.empty() ? "" : "info|" + m_field; }
bool SetCaseInfo::absorb(const Command& next) {
    auto* n = dynamic_cast<const SetCaseInfo*>(&next);
    if (!n || n->mergeKey() != mergeKey()) return false;
    m_new = n->m_new;
    return true;
}

SetPublication::SetPublication(std::optional<Publication> pub, std::string field)
    : m_new(std::move(pub)), m_field(std::move(field)) {}
void SetPublication::apply(Case& c) {
    m_old = c.publication;
    std::optional<Publication> value = m_new;
    if (m_old && value) dropEditedUnread(*m_old, *value);
    c.publication = std::move(value);
}
void SetPublication::revert(Case& c) { c.publication = m_old; }
std::string SetPublication::label() const {
    return m_field.empty() ? "Edit publication settings" : "Edit publication settings: " + m_field;
}
std::string SetPublication::mergeKey() const { return m_field.empty() ? "" : "publication|" + m_field; }
bool SetPublication::absorb(const Command& next) {
    auto* n = dynamic_cast<const SetPublication*>(&next);
    if (!n || n->mergeKey() != mergeKey()) return false;
    m_new = n->m_new;
    return true;
}

// ------------------------------------------------------------ [SECTION] history

namespace {

// Errors counted by (code, item): an edit is refused when any count grows. Messages are
// not compared because they carry positions ("people[3]") that an edit may shift.
using ErrorCounts = std::map<std::pair<std::string, std::string>, int>;

ErrorCounts countErrors(const Diagnostics& d) {
    ErrorCounts n;
    for (auto& x : d.items())
        if (x.severity == Severity::Error) ++n[{x.code, x.id}];
    return n;
}

}  // namespace

EditHistory::EditHistory(std::size_t limit) : m_limit(std::max<std::size_t>(limit, 1)) {}

EditOutcome EditHistory::execute(Case& c, std::unique_ptr<Command> cmd) {
    EditOutcome out;
    if (!cmd) return out;
    // A case opened with errors (repair mode) can still be edited: only new errors refuse.
    Diagnostics before;
    validateCase(c, before);
    try {
        cmd->apply(c);
    } catch (const GenochronError& e) {
        out.message = e.what();
        return out;
    }
    Diagnostics after;
    validateCase(c, after);
    auto was = countErrors(before);
    auto now = countErrors(after);
    for (auto& d : after.items()) {
        if (d.severity != Severity::Error) continue;
        auto key = std::make_pair(d.code, d.id);
        if (now[key] > was[key]) out.diagnostics.push_back(d);
    }
    if (!out.diagnostics.empty()) {
        cmd->revert(c);
        out.message = fmt::format("{} was not made: {}", cmd->label(), out.diagnostics.front().message);
        if (out.diagnostics.size() > 1) out.message += fmt::format(" (and {} more)", out.diagnostics.size() - 1);
        return out;
    }

    out.applied = true;
    ++m_revision;
    // Typing into one field: fold into the step on top, unless the group was sealed
    // or the top step is the saved state (then the merged step would hide a change).
    if (!m_sealed && m_pos > 0 && m_pos == m_steps.size() && !cmd->mergeKey().empty() &&
        m_steps[m_pos - 1]->mergeKey() == cmd->mergeKey() && m_steps[m_pos - 1]->absorb(*cmd)) {
        if (m_cleanPos && *m_cleanPos == m_pos) m_cleanPos.reset();
        return out;
    }
    m_steps.resize(m_pos);   // a new edit drops the redo tail
    if (m_cleanPos && *m_cleanPos > m_pos) m_cleanPos.reset();   // the saved state is gone for good
    m_steps.push_back(std::move(cmd));
    ++m_pos;
    m_sealed = false;
    if (m_steps.size() > m_limit) {
        m_steps.erase(m_steps.begin());
        --m_pos;
        if (m_cleanPos) m_cleanPos = *m_cleanPos == 0 ? std::nullopt : std::optional(*m_cleanPos - 1);
    }
    return out;
}

void EditHistory::undo(Case& c) {
    if (!canUndo()) return;
    m_steps[m_pos - 1]->revert(c);
    --m_pos;
    m_sealed = true;
    ++m_revision;
}

void EditHistory::redo(Case& c) {
    if (!canRedo()) return;
    m_steps[m_pos]->apply(c);
    ++m_pos;
    m_sealed = true;
    ++m_revision;
}

std::string EditHistory::undoLabel() const { return canUndo() ? m_steps[m_pos - 1]->label() : std::string(); }
std::string EditHistory::redoLabel() const { return canRedo() ? m_steps[m_pos]->label() : std::string(); }

void EditHistory::markClean() {
    m_cleanPos = m_pos;
    m_sealed = true;
}

void EditHistory::clear() {
    m_steps.clear();
    m_pos = 0;
    m_cleanPos = 0;
    m_sealed = true;
    ++m_revision;
}

}  // namespace genochron
