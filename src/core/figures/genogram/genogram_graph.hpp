// Internal to the genogram layout: the family as units (unions, sibships, partner rows)
// ready to be written as a dot graph, and the dot pass itself. Not for views.
#pragma once
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/model/model.hpp"

#include <map>
#include <string>
#include <vector>

namespace genochron::genogram::detail {

struct FamPerson {
    const Person* p = nullptr;
    std::size_t caseIndex = 0;      // position in Case::people (the last tie-breaker)
    int gen = 0;                    // logical generation (emit order only; rows come from dot)
    int parentUnion = -1;           // the union whose sibship holds this person
    std::vector<int> unions;        // unions where this person is a partner (or the one parent)
    bool hasParents() const { return parentUnion >= 0; }
};

struct FamUnion {
    int a = -1, b = -1;             // partners (indices into Family::people); b < 0: one known parent
    int partnership = -1;           // Case::partnerships index; -1 = none recorded
    std::vector<int> children;      // birth order
    long startDay = 0;              // when the partnership began (ordering serial partners)
    int relationLanes = 0;          // relation lines between the two partners (their gap widens for them)
    bool single() const { return b < 0; }
};

// One item of a partner row: a person or a union point, left to right.
struct RowItem {
    bool isUnion = false;
    int index = -1;
};

struct Family {
    std::vector<FamPerson> people;             // the people drawn, in emit order
    std::vector<FamUnion> unions;              // in emit order
    std::vector<std::vector<RowItem>> rows;    // partner components, each left to right
    std::vector<int> rowOf;                    // person -> rows index (-1: not in a partner row)
    std::vector<int> anchorOf;                 // person without family ties -> a person on whose row they go (-1)
    std::map<std::string, int> byId;
};

// Selects the people (all, or the family around opt.person), groups them into unions
// and sibships in birth order, orders partner rows, and sorts everything into emit order.
Family buildFamily(const Case& c, const LayoutOptions& opt);

// Where dot put things: centres in points, y down (relative to dot's own box).
struct DotResult {
    std::vector<Point> person;    // per Family::people
    std::vector<Point> unionAt;   // per Family::unions (the union node)
    std::vector<Point> hubAt;     // per Family::unions (the sibship hub; only when it has children)
};

// Writes the family as a dot graph and lays it out (all Graphviz calls on this thread).
// Throws GenochronError with Graphviz's own message on failure or on a lost edge.
DotResult runDot(const Family& f);

// Symbol size for a person (pregnancy nodes are small).
double symbolSize(const Person& p);

}  // namespace genochron::genogram::detail
