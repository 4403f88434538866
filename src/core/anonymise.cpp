// Placeholder until publication safety lands: refuses, so nothing unsafe is written.
#include "core/diagnostics.hpp"
#include "core/view_case.hpp"

namespace genochron {

AnonymisedCase anonymise(const Case&) {
    throw GenochronError("anonymised output is not available yet in this version; nothing was written");
}

}  // namespace genochron
