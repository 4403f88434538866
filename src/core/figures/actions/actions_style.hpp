// How the action plan looks: page geometry, the two themes' colours, and each status's
// glyph and word, so that status never rests on colour alone (print is greys only;
// the glyph, the word and, in the progress bar, a fill pattern carry it).
#pragma once
#include "core/figures/actions/actions_table.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/model/model.hpp"

#include <array>
#include <string>

namespace genochron::actions {

struct Geometry {
    double w = 841.89, h = 595.28;   // the scene is the whole page: A4 landscape unless a page is given
    double u = 1;                    // scene units per printed point
    double margin = 36;
};
Geometry geometryFor(const PageSpec& ps);

struct StatusLook {
    std::string glyph, word;   // "✓", "Complete"
    Color fill, stroke, text;  // the pill
    Color barFill;             // its segment of the progress bar
    Hatch barHatch = Hatch::None;
    std::vector<double> dash;  // the pill's outline (dropped: dashed)
};

struct Palette {
    bool print = false;
    Color text, muted, rule, headerFill, headerText, groupFill, groupText;
    Color overdueTint, overdueBar, pageBg;
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

}  // namespace genochron::actions
