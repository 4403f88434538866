// Placeholder until the timeline view lands: says so plainly rather than drawing nothing.
#include "core/diagnostics.hpp"
#include "core/views.hpp"

namespace genochron {

Document buildTimelineView(const ViewCase&, const ViewOptions&) {
    throw GenochronError("the timeline view is not built yet in this version");
}

}  // namespace genochron
