// Placeholder until the genogram view lands: says so plainly rather than drawing nothing.
#include "core/diagnostics.hpp"
#include "core/views.hpp"

namespace genochron {

Document buildGenogramView(const ViewCase&, const ViewOptions&) {
    throw GenochronError("the genogram view is not built yet in this version");
}

}  // namespace genochron
