// Internal to the genogram layout: routes for relation lines (close, hostile, abuse, ...),
// drawn over the family as curves that bow around symbols rather than through them.
#pragma once
#include "core/figures/genogram/genogram_layout.hpp"

namespace genochron::genogram {

// Appends one Line{kind=Relation, ref=relation index} per relation whose two people are
// drawn. Several relations between the same two people fan out side by side.
// Routes avoid symbols and label slots (fixed sizes, so names never move them).
void routeRelations(const Case& c, Layout& l);

}  // namespace genochron::genogram
