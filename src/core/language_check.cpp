// Placeholder until the language checks land.
#include "core/check.hpp"

namespace genochron {

void checkLanguage(const Case&, const CheckOptions&, Diagnostics&) {}

}  // namespace genochron
