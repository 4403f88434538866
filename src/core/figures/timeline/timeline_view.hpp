// The multi-agency timeline figure: one lane per agency or source, events over time.
#pragma once
#include "core/figures/view_options.hpp"

namespace genochron {

Document buildTimelineView(const ViewCase& c, const ViewOptions& opt);

}  // namespace genochron
