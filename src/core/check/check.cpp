#include "core/check/check.hpp"

#include "core/model/lifespan.hpp"

#include <fmt/format.h>

namespace genochron {

namespace {

// Someone born over 110 years before the reference date with no death recorded is presumed
// dead: the genogram draws no age for them, and this note says so (add `died:`, even as
// `unknown`, to say it outright).
void checkLifespans(const Case& c, const CheckOptions& opt, Diagnostics& d) {
    const Date at = ageReferenceDate(c, opt.todayDays);
    const bool reference = c.info.referenceDate && c.info.referenceDate->known();
    for (auto& p : c.people) {
        if (!presumedDead(p, at)) continue;
        d.add(Severity::Note, Category::Consistency, "presumed-dead", p.meta.at("born"),
              fmt::format("'{}' was born {} with no death recorded: over {} years before {} {}, so presumed dead "
                          "and no age is drawn (add died: unknown to say so)",
                          p.id, p.born->humanLabel(), kPresumedDeadYears, reference ? "the reference date" : "today",
                          at.humanLabel()),
              p.id);
    }
}

}  // namespace

void runChecks(const Case& c, const CheckOptions& opt, Diagnostics& d) {
    checkLifespans(c, opt, d);
    if (opt.language) checkLanguage(c, opt, d);
    if (opt.publication) checkPublication(c, opt, d);
    if (opt.review) checkReview(c, opt, d);
    if (opt.review) checkStages(c, opt, d);
    d.sort();
}

}  // namespace genochron
