// Placeholder until the publication checks land.
#include "core/check.hpp"

namespace genochron {

void checkPublication(const Case&, const CheckOptions&, Diagnostics&) {}

}  // namespace genochron
