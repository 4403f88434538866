// How the action plan looks: page geometry, the two themes' colours, and each status's
// glyph and word, so that status never rests on colour alone (print is greys only;
// the glyph, the word and, in the progress bar, a fill pattern carry it).
#pragma once
#include "core/figures/table/table.hpp"
#include "core/figures/table/table_page.hpp"
#include "core/figures/view_options.hpp"
#include "core/model/model.hpp"

#include <array>
#include <string>

namespace genochron::actions {

using table::TextStyle;

struct StatusLook {
    std::string glyph, word;   // "✓", "Complete"
    Color fill, stroke, text;  // the pill
    Color barFill;             // its segment of the progress bar
    Hatch barHatch = Hatch::None;
    std::vector<double> dash;  // the pill's outline (dropped: dashed)
};

// The tables' palette (bands hold the recommendations) and the plan's own colours.
struct Palette : table::Palette {
    Color overdueTint, overdueBar;
    std::array<StatusLook, 4> status;   // indexed by ActionStatus
    StatusLook overdue;
};
Palette paletteFor(Theme t);
const StatusLook& lookOf(const Palette& p, ActionStatus s);

// Counts for the summary strip.
struct PlanCounts {
    std::array<int, 4> byStatus{};   // indexed by ActionStatus
    int overdue = 0, total = 0, recommendations = 0;
};
PlanCounts countPlan(const Case& c, long today);

// The strip under the title: a box per status and one for overdue, then a progress
// bar. With a null scene it only measures. Returns its height.
double drawSummary(Scene* s, const PlanCounts& n, const Palette& pal, double x, double y, double width, double u);
// The key to the glyphs, one wrapped paragraph. Returns its height.
double drawLegend(Scene* s, const Palette& pal, double x, double y, double width, double u, const std::string& asOf);

// The action plan laid out on pages of the given geometry: for `render` (geometryFor(opt.page))
// and for the report pack (its own page body, its own header and footer).
Document buildActionsDocument(const ViewCase& vc, const ViewOptions& opt, const table::PageGeometry& g);

}  // namespace genochron::actions
