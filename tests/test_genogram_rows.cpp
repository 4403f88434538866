// The partner-row ordering: the fast sweep gives exactly the orders of the definition
// (whole cost at every insertion point), and rows no family has still get an order.
#include "core/figures/genogram/genogram_rows.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <random>
#include <set>

using namespace genochron::genogram::detail;

namespace {

// A random row: people (some with parents, older/younger siblings), couples between them
// (connected, some people with several partners), and lone parents' stubs.
RowGraph randomRow(std::mt19937& rng, int people, int extraCouples, int stubs) {
    RowGraph g;
    for (int i = 0; i < people; ++i) {
        RowMember m;
        m.hasParents = rng() % 2;
        if (m.hasParents) {
            m.older = rng() % 2;
            m.younger = rng() % 2;
        }
        g.members.push_back(m);
    }
    std::set<std::pair<int, int>> seen;
    auto add = [&](int a, int b) {
        if (a == b || seen.count({std::min(a, b), std::max(a, b)})) return;
        seen.insert({std::min(a, b), std::max(a, b)});
        g.couples.push_back({a, b, rng() % 3 == 0});
    };
    for (int i = 1; i < people; ++i) add(i, int(rng() % unsigned(i)));   // a tree: one component
    for (int k = 0; k < extraCouples; ++k) add(int(rng() % unsigned(people)), int(rng() % unsigned(people)));
    for (int s = 0; s < stubs; ++s) {
        RowMember m;
        m.stub = true;
        m.stubParent = int(rng() % unsigned(people));
        g.members.push_back(m);
    }
    return g;
}

bool isPermutation(std::vector<int> v, std::size_t n) {
    std::sort(v.begin(), v.end());
    std::vector<int> want(n);
    std::iota(want.begin(), want.end(), 0);
    return v == want;
}

}  // namespace

TEST_CASE("the row ordering sweep gives exactly the orders of the whole-cost definition", "[genogram][rows]") {
    std::mt19937 rng(20240607);
    for (int trial = 0; trial < 300; ++trial) {
        int people = 4 + int(rng() % 30);
        RowGraph g = randomRow(rng, people, int(rng() % 8), int(rng() % 4));
        INFO("trial " << trial << ", " << g.members.size() << " members, " << g.couples.size() << " couples");
        auto fast = orderRow(g);
        auto ref = orderRowReference(g);
        REQUIRE(isPermutation(fast, g.members.size()));
        REQUIRE(fast == ref);
    }
}

TEST_CASE("one person with many partners: serial partners either side, the latest beside them", "[genogram][rows]") {
    // person 0 with 12 partners in turn; the last partnership is the latest
    RowGraph g;
    g.members.resize(13);
    for (int i = 1; i <= 12; ++i) g.couples.push_back({0, i, i == 12});
    auto seq = orderRow(g);
    REQUIRE(seq == orderRowReference(g));
    auto at = [&](int m) { return int(std::find(seq.begin(), seq.end(), m) - seq.begin()); };
    // both sides of the hub hold partners, and the latest partner is next to the hub
    CHECK(at(0) > 0);
    CHECK(at(0) < 12);
    CHECK(std::abs(at(12) - at(0)) == 1);
    CHECK(rowCost(g, seq) <= rowCost(g, [] { std::vector<int> v(13); std::iota(v.begin(), v.end(), 0); return v; }()));
}

TEST_CASE("rows of thousands are ordered, every member once", "[genogram][rows]") {
    std::mt19937 rng(7);
    RowGraph hub;
    hub.members.resize(3001);
    for (int i = 1; i <= 3000; ++i) hub.couples.push_back({0, i, i == 3000});
    auto seq = orderRow(hub);
    CHECK(isPermutation(seq, hub.members.size()));
    RowGraph big = randomRow(rng, 2000, 600, 50);
    CHECK(isPermutation(orderRow(big), big.members.size()));
}
