// Comparing a case with the case read back from its saved file (saveCaseFile's check,
// the round-trip fuzzer), naming the first item that differs.
#include "core/io/case_io.hpp"

#include <fmt/format.h>
#include <type_traits>

namespace genochron {

namespace {

template <class T> std::string idOf(const T& x) {
    if constexpr (requires { x.id; }) return x.id.empty() ? std::string() : fmt::format(" ({})", x.id);
    else return {};
}

template <class T>
std::optional<std::string> firstDiff(const char* name, const std::vector<T>& a, const std::vector<T>& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        if (!(a[i] == b[i])) return fmt::format("{}[{}]{}", name, i, idOf(a[i]));
    if (a.size() != b.size()) return fmt::format("{} ({} items saved, {} read back)", name, a.size(), b.size());
    return std::nullopt;
}

// A value the saved model held as typed data (an event time "abc", typed in) reads back
// as the same typed value plus a note that it could not be read (Meta::unread): that
// note alone is no difference. Unread values the saved model had must come back equal.
void forgiveNewUnread(const Meta& saved, Meta& back) {
    for (auto it = back.unread.begin(); it != back.unread.end();)
        it = saved.unread.count(it->first) ? std::next(it) : back.unread.erase(it);
}

template <class T> void forgiveList(const std::vector<T>& saved, std::vector<T>& back);

template <class T> void forgiveItem(const T& saved, T& back) {
    forgiveNewUnread(saved.meta, back.meta);
    if constexpr (std::is_same_v<T, Partnership>) forgiveList(saved.history, back.history);
    if constexpr (std::is_same_v<T, Recommendation>) forgiveList(saved.actions, back.actions);
    if constexpr (std::is_same_v<T, Action>) forgiveList(saved.updates, back.updates);
    if constexpr (std::is_same_v<T, CaseInfo>) forgiveNewUnread(saved.scopeMeta, back.scopeMeta);
}

template <class T> void forgiveList(const std::vector<T>& saved, std::vector<T>& back) {
    for (std::size_t i = 0; i < saved.size() && i < back.size(); ++i) forgiveItem(saved[i], back[i]);
}

}  // namespace

std::optional<std::string> caseDifference(const Case& saved, const Case& reloadedAsRead) {
    Case reloaded = reloadedAsRead;
    forgiveNewUnread(saved.meta, reloaded.meta);
    forgiveItem(saved.info, reloaded.info);
    if (saved.publication && reloaded.publication) forgiveItem(*saved.publication, *reloaded.publication);
    forgiveList(saved.agencies, reloaded.agencies);
    forgiveList(saved.people, reloaded.people);
    forgiveList(saved.partnerships, reloaded.partnerships);
    forgiveList(saved.relations, reloaded.relations);
    forgiveList(saved.households, reloaded.households);
    forgiveList(saved.events, reloaded.events);
    forgiveList(saved.recommendations, reloaded.recommendations);
    if (saved.format != reloaded.format) return std::string("format");
    if (!(saved.info == reloaded.info)) return std::string("case");
    if (saved.publication != reloaded.publication) return std::string("publication");
    if (auto d = firstDiff("agencies", saved.agencies, reloaded.agencies)) return d;
    if (auto d = firstDiff("people", saved.people, reloaded.people)) return d;
    if (auto d = firstDiff("partnerships", saved.partnerships, reloaded.partnerships)) return d;
    if (auto d = firstDiff("relations", saved.relations, reloaded.relations)) return d;
    if (auto d = firstDiff("households", saved.households, reloaded.households)) return d;
    {
        // An event with no id is written as `id: ""`; the loader gives it a stable one.
        std::vector<Event> back = reloaded.events;
        for (std::size_t i = 0; i < back.size() && i < saved.events.size(); ++i)
            if (saved.events[i].id.empty() && back[i].idGenerated) back[i].id.clear();
        if (auto d = firstDiff("events", saved.events, back)) return d;
    }
    if (auto d = firstDiff("recommendations", saved.recommendations, reloaded.recommendations)) return d;
    if (!(saved.meta == reloaded.meta)) return std::string("the file's top-level keys");
    return std::nullopt;
}

}  // namespace genochron
