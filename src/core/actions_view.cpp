// Placeholder until the actions view lands: says so plainly rather than drawing nothing.
#include "core/diagnostics.hpp"
#include "core/views.hpp"

namespace genochron {

Document buildActionsView(const ViewCase&, const ViewOptions&) {
    throw GenochronError("the actions view is not built yet in this version");
}

}  // namespace genochron
