#include "core/check/check.hpp"


namespace genochron {

void runChecks(const Case& c, const CheckOptions& opt, Diagnostics& d) {
    if (opt.language) checkLanguage(c, opt, d);
    if (opt.publication) checkPublication(c, opt, d);
    if (opt.review) checkReview(c, opt, d);
    d.sort();
}


}  // namespace genochron
