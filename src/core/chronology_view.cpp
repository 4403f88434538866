// Placeholder until the chronology view lands: says so plainly rather than drawing nothing.
#include "core/diagnostics.hpp"
#include "core/views.hpp"

namespace genochron {

Document buildChronologyView(const ViewCase&, const ViewOptions&) {
    throw GenochronError("the chronology view is not built yet in this version");
}

}  // namespace genochron
