// Who is presumed dead: the one rule the genogram (no age drawn), the anonymised view (no
// age carried) and `check` (a note) share. A family history reaches back centuries, and a
// great-great-grandmother born in 1790 with no death recorded is not 236 years old.
#pragma once
#include "core/model/model.hpp"

namespace genochron {

// Born at least this many whole years before the reference date, with no death recorded.
inline constexpr int kPresumedDeadYears = 110;

// The date ages are worked out at: the review's reference date, else `todayDays`
// (days since 1970; 0 = the system clock).
Date ageReferenceDate(const Case& c, long todayDays);

// No death recorded, a known birth, and at least kPresumedDeadYears old at `at`.
bool presumedDead(const Person& p, const Date& at);

}  // namespace genochron
