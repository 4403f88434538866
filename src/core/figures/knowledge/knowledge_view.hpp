// The "who knew what, when" figure (render --view knowledge): agencies down the side, risk
// indicators across, each cell when that agency first held it and whether it shared it.
#pragma once
#include "core/figures/view_options.hpp"

namespace genochron {

Document buildKnowledgeView(const ViewCase& c, const ViewOptions& opt);

namespace knowledge {
// The same from a case's data (buildKnowledgeView passes a ViewCase's data).
Document buildKnowledgeDocument(const Case& c, const ViewOptions& opt);
}  // namespace knowledge

}  // namespace genochron
