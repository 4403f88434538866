// The app's benchmark arithmetic (open --animate --frame-stats) and the camera path it
// follows: what a reader of "p95 7.9 ms" must be able to trust.
#include "app/views/animation.hpp"
#include "app/platform/frame_stats.hpp"

#include <catch2/catch.hpp>

using namespace genochron::app;

TEST_CASE("frame stats: median, nearest-rank p95 and max", "[app][frame-stats]") {
    FrameStats s;
    for (int i = 1; i <= 100; ++i) s.add(double(i));   // 1..100 ms, in order
    auto r = s.summary();
    CHECK(r.frames == 100);
    CHECK(r.medianMs == Approx(50.5));   // even count: mean of the two middle frames
    CHECK(r.p95Ms == Approx(95));        // 95 of 100 frames are at or under 95 ms
    CHECK(r.maxMs == Approx(100));
}

TEST_CASE("frame stats do not depend on the order frames came in", "[app][frame-stats]") {
    FrameStats a, b;
    double ms[] = {9, 2, 30, 4, 5, 7, 1};
    for (double m : ms) a.add(m);
    for (int i = 6; i >= 0; --i) b.add(ms[i]);
    CHECK(a.summary().medianMs == Approx(5));   // odd count: the middle frame
    CHECK(a.summary().medianMs == b.summary().medianMs);
    CHECK(a.summary().p95Ms == Approx(30));     // 7 frames: rank ceil(6.65) = 7, the slowest
    CHECK(a.summary().maxMs == Approx(30));
}

TEST_CASE("one slow frame in twenty shows in p95, one in a hundred does not", "[app][frame-stats]") {
    FrameStats twenty, hundred;
    for (int i = 0; i < 19; ++i) twenty.add(5);
    twenty.add(200);
    for (int i = 0; i < 99; ++i) hundred.add(5);
    hundred.add(200);
    CHECK(twenty.summary().p95Ms == Approx(5));   // rank 19 of 20 is still a fast frame
    CHECK(hundred.summary().p95Ms == Approx(5));
    CHECK(hundred.summary().maxMs == Approx(200));   // but max always tells
    FrameStats ten;
    for (int i = 0; i < 9; ++i) ten.add(5);
    ten.add(200);
    CHECK(ten.summary().p95Ms == Approx(200));   // rank ceil(9.5) = 10
}

TEST_CASE("frame stats print in the documented form", "[app][frame-stats]") {
    FrameStats s;
    CHECK(formatSummary(s.summary()) == "frames 0, median 0.0 ms, p95 0.0 ms, max 0.0 ms");
    s.add(4.04);
    s.add(12.36);
    CHECK(formatSummary(s.summary()) == "frames 2, median 8.2 ms, p95 12.4 ms, max 12.4 ms");
}

TEST_CASE("the animation zooms in, pans across the whole figure and comes back", "[app][frame-stats]") {
    CHECK(animationPose(0).zoom == Approx(1));
    CHECK(animationPose(0).x == Approx(0.5));
    double minX = 1, maxX = 0, minY = 1, maxY = 0, maxZoom = 0;
    for (int i = 0; i <= 1000; ++i) {
        auto p = animationPose(i / 1000.0);
        minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
        maxZoom = std::max(maxZoom, p.zoom);
        CHECK(p.zoom >= 1);
    }
    CHECK(minX == Approx(0));   // every part of the figure passes the centre
    CHECK(maxX == Approx(1));
    CHECK(minY == Approx(0));
    CHECK(maxY == Approx(1));
    CHECK(maxZoom >= 8);
    CHECK(animationScroll(0) == Approx(0));
    CHECK(animationScroll(0.7) == Approx(1));   // reaches the end of the table
    CHECK(animationScroll(0.99) < 0.2);         // and jumps back up
}
