// Comparing a case with the case read back from its saved file (saveCaseFile's check,
// the round-trip fuzzer), naming the first item that differs.
#include "core/io/case_io.hpp"

#include <fmt/format.h>

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

}  // namespace

std::optional<std::string> caseDifference(const Case& saved, const Case& reloaded) {
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
