// The QA Panel's checklist: what the Home Office panel asks of a review before it
// is published, checked on the case so the chair hears it first. Each point is met or
// not (or does not apply); points not met become `check` findings (category review)
// that say what to do. Also the action plan tracker: overdue actions.
#pragma once
#include "core/check/check.hpp"

#include <string>
#include <vector>

namespace genochron {

struct ChecklistItem {
    std::string code;     // the findings' code, e.g. "review-no-family-voice"
    std::string title;    // the point, as a short line: "Information from family and friends"
    bool met = true;
    std::string detail;   // why met or not: counts, ids
    bool applicable = true;   // false: nothing in the case it could apply to (met is then true)
};

// Every point, in the panel's order, then the action tracker. todayDays: days since
// 1970 for overdue actions; 0 = the system clock.
std::vector<ChecklistItem> reviewChecklist(const Case& c, long todayDays);

}  // namespace genochron
