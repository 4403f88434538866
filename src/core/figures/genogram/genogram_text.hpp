// The short texts a genogram writes beside its symbols: years, ages, and the rule
// for people presumed dead. Shared by the layout (which reserves room for them), the
// view (which draws them) and `genochron layout` (which reports the age drawn).
#pragma once
#include "core/model/model.hpp"

#include <string>

namespace genochron::genogram {

// "1961", "c.1960" (approximate or a range), empty when unknown.
std::string yearText(const std::optional<Date>& d);

// The date ages are drawn at: the review's reference date, else `todayDays` (0 = the clock).
Date ageDate(const Case& c, long todayDays);

// Born more than 110 years before the age date with no death recorded: presumed dead,
// so no age is drawn (a family history reaching back to 1790 must not show "236"; the rule is model/lifespan.hpp).
bool presumedDead(const Person& p, const Case& c, long todayDays);

// The age drawn inside the symbol: at death, else at the reference date (else today);
// empty for pregnancies, unknown births, the presumed dead and impossible dates.
std::string drawnAge(const Person& p, const Case& c, long todayDays);

}  // namespace genochron::genogram
