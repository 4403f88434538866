// The combined chronology table figure, paginated.
#pragma once
#include "core/figures/view_options.hpp"

namespace genochron {

Document buildChronologyView(const ViewCase& c, const ViewOptions& opt);

}  // namespace genochron
