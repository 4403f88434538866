// The genogram's key: only the symbols, lines and fills this figure actually uses,
// each drawn with the same functions as the figure itself.
#pragma once
#include "core/figures/genogram/genogram_symbols.hpp"

#include <set>
#include <string>

namespace genochron::genogram {

// Everything the legend can explain, in the order it lists them.
enum class LegendItem {
    Male, Female, SexUnknown, Index, Deceased, Years,
    Pregnancy, Miscarriage, Abortion, Stillbirth, Twins, IdenticalTwins,
    SubstanceMisuse, MentalHealth, BothConditions, InRecovery, SuspectedMisuse,
    Married, Cohabiting, Dating, Engaged, Separated, Divorced, Widowed, CoupleNoRecord,
    ChildBiological, ChildAdopted, ChildFoster, ChildStep,
    Household,
    RelClose, RelFused, RelDistant, RelHostile, RelCutoff,
    RelPhysical, RelEmotional, RelSexual, RelCoercive, RelFinancial, RelStalking,
};

struct LegendUse {
    std::set<LegendItem> items;
    bool anonymised = false;   // the diamond then also stands for a child whose sex is not shown
    std::string householdWhen = "at the review date";   // "as of Feb 2013" for an as-of genogram
    void add(LegendItem i) { items.insert(i); }
};

LegendItem legendItemFor(RelationKind k);
std::string legendLabel(LegendItem i, bool anonymised);

// Lays the key out at `topLeft` in columns no taller than `maxHeightPt`; returns its box.
Rect drawLegend(Scene& s, const LegendUse& use, Point topLeft, double maxHeightPt, const Palette& pal);

}  // namespace genochron::genogram
