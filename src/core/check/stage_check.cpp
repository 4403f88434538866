// A note when a case names a perpetrator but no event carries a homicide timeline stage:
// Monckton Smith's eight stages (stages.hpp) are a lens the QA Panel has praised.
#include "core/check/check.hpp"
#include "core/model/stages.hpp"

#include <fmt/format.h>

namespace genochron {

void checkStages(const Case& c, const CheckOptions&, Diagnostics& d) {
    if (c.events.empty() || caseHasStages(c)) return;
    for (const Person& p : c.people) {
        if (!p.hasRole(Role::Perpetrator)) continue;
        d.add(Severity::Note, Category::Review, "no-homicide-timeline", p.meta.loc,
              fmt::format("the case names a perpetrator ('{}') but no event has a homicide timeline stage; "
                          "give events 'stage: 1..8' (1 history, 2 commitment, 3 living with control, 4 trigger, "
                          "5 escalation, 6 change in thinking, 7 planning, 8 homicide) and draw them with "
                          "'render --view timeline --stages'",
                          p.id),
              p.id);
        return;   // once per case
    }
}

}  // namespace genochron
