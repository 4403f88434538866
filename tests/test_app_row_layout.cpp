// The chronology's variable-height rows (app/row_layout): the visible window found by
// binary search must be the rows a linear scan finds, and measuring rows must move only
// the rows below them.
#include "app/views/row_layout.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace genochron::app;

namespace {

std::pair<std::size_t, std::size_t> scan(const std::vector<float>& h, float y0, float y1) {
    double y = 0;
    std::size_t first = h.size(), last = 0;
    for (std::size_t i = 0; i < h.size(); ++i) {
        double top = y, bottom = y + h[i];
        if (bottom > y0 && top < y1) {
            first = std::min(first, i);
            last = i + 1;
        }
        y = bottom;
    }
    if (first == h.size()) return {0, 0};
    return {first, last};
}

}  // namespace

TEST_CASE("row layout: the visible rows are those a linear scan finds", "[app][row-layout]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> height(18, 140);
    std::vector<float> h(20000);
    for (auto& x : h) x = std::round(height(rng));
    RowLayout layout;
    layout.reset(h);
    double total = 0;
    for (float x : h) total += x;
    CHECK(layout.total() == Approx(total));
    std::uniform_real_distribution<float> at(0, float(total) - 900);
    for (int k = 0; k < 200; ++k) {
        float y0 = at(rng), y1 = y0 + 900;
        auto got = layout.visible(y0, y1);
        auto want = scan(h, y0, y1);
        INFO("y0 " << y0);
        CHECK(got == want);
        // The first visible row really reaches into the window.
        CHECK(layout.top(got.first) <= y0);
        CHECK(layout.top(got.first) + layout.height(got.first) > y0);
    }
    CHECK(layout.visible(0, 10).first == 0);
    CHECK(layout.visible(float(total) + 50, float(total) + 500).second == h.size());
}

TEST_CASE("row layout: measuring a row moves the rows below it, not those above", "[app][row-layout]") {
    RowLayout layout;
    layout.reset({20, 20, 20, 20, 20});
    CHECK_FALSE(layout.measured(2));
    float above = layout.top(1), below = layout.top(3);
    CHECK(layout.setMeasured(2, 65) == Approx(45));
    CHECK(layout.measured(2));
    CHECK(layout.top(1) == Approx(above));
    CHECK(layout.top(3) == Approx(below + 45));
    CHECK(layout.total() == Approx(145));
    CHECK(layout.setMeasured(2, 65) == 0);   // the same height again changes nothing
    // Row 2 now spans 40..105: a window at 100..110 sees rows 2 and 3.
    CHECK(layout.visible(100, 110) == std::make_pair(std::size_t(2), std::size_t(4)));
    layout.reset({20, 20});
    CHECK_FALSE(layout.measured(0));
    CHECK(layout.total() == Approx(40));
}

TEST_CASE("row height estimate: the column needing most lines decides", "[app][row-layout]") {
    // 100 characters in a 200 px column at 10 px a character: 5 lines of 15 px, plus 6.
    CHECK(estimateRowHeight({{100, 200.f}, {5, 80.f}}, 10, 15, 6) == Approx(81));
    // Empty texts still give the minimum lines.
    CHECK(estimateRowHeight({{0, 200.f}}, 10, 15, 6, 2) == Approx(36));
    // A column narrower than one character does not divide by zero.
    CHECK(estimateRowHeight({{3, 0.f}}, 10, 15, 0) == Approx(45));
}
