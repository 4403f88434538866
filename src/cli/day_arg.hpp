// `--as-of DATE` on pack, render and check: the day an action plan's overdue actions are
// counted at, so a pack built twice says the same thing.
#pragma once
#include "core/model/date.hpp"
#include "core/model/diagnostics.hpp"

#include <fmt/format.h>
#include <string>

namespace genochron::cli {

// Days since 1970 of a YYYY-MM-DD day; 0 for an empty argument (today).
inline long dayArg(const std::string& s, const char* flag) {
    if (s.empty()) return 0;
    auto r = parseDate(s);
    if (!r.date || !r.date->exactDay())
        throw GenochronError(fmt::format("{} '{}' is not a day; write it as YYYY-MM-DD", flag, s));
    return r.date->earliestDay();
}

}  // namespace genochron::cli
