// The action plan tracker figure, paginated.
#pragma once
#include "core/figures/view_options.hpp"

namespace genochron {

Document buildActionsView(const ViewCase& c, const ViewOptions& opt);

}  // namespace genochron
