// The anonymised case as of a date (as_of.hpp's caseAsOf on the published case): the
// as-of date is coarsened like every published date, and the cut is made on the
// published (coarsened) dates, so nothing finer than the review publishes decides it.
#pragma once
#include "core/anonymise/view_case.hpp"

namespace genochron {

struct AnonymisedAsOf {
    AnonymisedCase anon;   // the published case as it was on `at`
    Date at;               // the as-of date as published (e.g. to the month)
};

// Dates of death the review hides (hide_death_date) cannot decide who had died by then
// without giving them away: such a death is drawn from the published reference date, or
// at every date when it was before the review's scope began (a bound the scope already gives).
AnonymisedAsOf anonymiseAsOf(const Case& c, const Date& at);

}  // namespace genochron
