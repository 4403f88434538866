// The genogram figure: the family in McGoldrick notation, laid out with Graphviz.
#pragma once
#include "core/figures/view_options.hpp"

namespace genochron {

Document buildGenogramView(const ViewCase& c, const ViewOptions& opt);

}  // namespace genochron
