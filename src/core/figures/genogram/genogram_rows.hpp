// Internal to the genogram layout: the left-to-right order of one partner row (a person,
// their partners, their partners' partners, ...), as plain data so it can be tested alone.
//
// What a good order is (the cost, lower is better): serial-partner lines that must pass
// over someone (over someone with parents, or a lone parent's stub, costs more), two such
// lines crossing, a lone parent's stub away from its parent, and people with parents
// separated from the side their siblings hang on.
//
// How it is found: up to 7 members, every order. Larger rows: members are inserted one by
// one (in emit order) where they cost least. The cost of every insertion point is worked
// out in one sweep, each step changing only what the swap of two neighbours changes, so a
// row of n members with c partnerships costs about n² + c·(partners of the one inserted)
// steps, not n⁴: one person with 800 partners takes milliseconds, not minutes. The results
// are exactly those of evaluating the whole cost at every point (orderRowReference, kept
// for tests). A row far beyond any real family (work over a bound) falls back to a
// breadth-first order: partners side by side, stubs beside their parent.
#pragma once
#include <vector>

namespace genochron::genogram::detail {

struct RowMember {
    bool stub = false;         // a lone parent's stub union (drawn beside the parent), else a person
    bool hasParents = false;   // a person drawn in a sibship
    bool older = false;        // ... who has older siblings (they hang to the left)
    bool younger = false;      // ... who has younger siblings (to the right)
    int stubParent = -1;       // a stub's parent (member index)
};

struct RowCouple {
    int a = -1, b = -1;        // member indices (people)
    bool latest = false;       // the latest partnership of someone with several: keep it side by side
};

struct RowGraph {
    std::vector<RowMember> members;   // in emit order
    std::vector<RowCouple> couples;
};

// The order used by the layout: member indices, left to right. An ordering that runs
// longer than a second reports its progress on stderr.
std::vector<int> orderRow(const RowGraph& g);

// The cost of an order (members absent from `seq` are ignored).
long rowCost(const RowGraph& g, const std::vector<int>& seq);

// The same orders as orderRow (below its fallback bound), by evaluating rowCost at every
// insertion point: O(n⁴). For tests.
std::vector<int> orderRowReference(const RowGraph& g);

}  // namespace genochron::genogram::detail
