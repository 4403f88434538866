// Internal to the genogram layout: household outlines at the date shown, and where
// each household's name is written.
#pragma once
#include "core/figures/genogram/genogram_layout.hpp"

namespace genochron::genogram {

// The date households are shown at: the review's reference date, else the end of its
// scope (an anonymised case may have neither), else the latest date any household has.
std::optional<Date> householdDate(const Case& c);

// Appends a HouseholdShape for each household current at householdDate with a member drawn.
void placeHouseholds(const Case& c, Layout& l);

}  // namespace genochron::genogram
