// The timeline's geometry: folding dense lanes, honest date uncertainty, an adaptive and
// compressible time axis, the undated bin.
#include "test_timeline_support.hpp"

#include "core/figures/timeline/timeline_labels.hpp"

#include <regex>

using namespace genochron;
using namespace genochron::test::tl;
using timeline::DateShape;
using timeline::TickUnit;

namespace {

// The widest shape drawn for an event: its bar, where it has one.
Rect widestShape(const Scene& s, const std::string& id) {
    Rect best{};
    for (auto* sh : shapesFor(s, id)) {
        Rect b = sh->path.bounds();
        if (b.w > best.w) best = b;
    }
    return best;
}

}  // namespace

TEST_CASE("5,000 events close together in one lane fold into a few 'N events' marks", "[timeline]") {
    CaseBuilder b;
    b.agency("police", "Test Police", AgencyKind::Police);
    // One event a month for four years (no quiet period to compress), then a crowd.
    for (int m = 0; m < 48; ++m)
        b.event("m" + std::to_string(m), "2016-01-01", "police").date = Date::fromDays(daysFromCivil(2016 + m / 12, m % 12 + 1, 15));
    const long start = daysFromCivil(2018, 3, 1);
    for (int i = 0; i < 5000; ++i) {
        Event& e = b.event("d" + std::to_string(i), "2018-01-01", "police");
        e.date = Date::fromDays(start + i % 20);   // 5,000 events in 20 days of a four-year figure
    }
    auto lay = timeline::layoutTimeline(ViewCase::named(b.c), {});
    const auto& marks = lay.marks[0].dated;
    CHECK(marks.size() < 60);
    int total = 0, folded = 0;
    for (auto& m : marks) {
        total += m.count();
        folded += m.folded();
    }
    CHECK(total == 5048);   // nothing lost: every event is in exactly one mark
    CHECK(folded >= 1);
    Scene s = scene(b.c);
    // Far fewer markers than events, and a fold label in the plot area says how many.
    std::size_t markers = 0;
    for (auto& it : s.items)
        if (auto* sh = std::get_if<ShapeItem>(&it); sh && !sh->modelId.empty()) ++markers;
    CHECK(markers < 100);
    std::regex foldLabel(R"(^(\d+) events$)");
    int foldedShown = 0;
    for (auto* t : texts(s)) {
        std::smatch m;
        if (t->at.x >= lay.plotLeft && std::regex_match(t->text, m, foldLabel)) foldedShown += std::stoi(m[1]);
    }
    CHECK(foldedShown >= 4000);
}

TEST_CASE("a folded 'N events' mark answers to its first event's id, so the app can select it", "[timeline]") {
    CaseBuilder b;
    b.agency("police", "Test Police", AgencyKind::Police);
    b.event("far", "2015-01-01", "police");
    for (int i = 0; i < 30; ++i) b.event("n" + std::to_string(i), "2019-05-03", "police");
    auto lay = timeline::layoutTimeline(ViewCase::named(b.c), {});
    const timeline::Mark* fold = nullptr;
    for (auto& m : lay.marks[0].dated)
        if (m.folded()) fold = &m;
    REQUIRE(fold != nullptr);
    const std::string first = lay.data.items[fold->first].event->id;
    CHECK(b.c.event(first) != nullptr);
    Scene s = scene(b.c);
    CHECK(!shapesFor(s, first).empty());
    bool label = false;
    for (auto* t : texts(s)) label = label || (t->modelId == first && t->text == std::to_string(fold->count()) + " events");
    CHECK(label);
    // Nothing in the lanes is left without an id: every shape at a fold's marker line is selectable.
    for (auto& it : s.items)
        if (auto* t = std::get_if<TextItem>(&it); t && t->text.ends_with(" events") && t->at.x >= lay.plotLeft)
            CHECK(!t->modelId.empty());
}

TEST_CASE("missed opportunities never fold away", "[timeline]") {
    CaseBuilder b;
    b.agency("police", "Test Police", AgencyKind::Police);
    b.event("far", "2015-01-01", "police");
    for (int i = 0; i < 50; ++i) b.event("n" + std::to_string(i), "2019-05-03", "police");
    b.event("mo", "2019-05-03", "police").missedOpportunity = "in the middle of the crowd";
    auto lay = timeline::layoutTimeline(ViewCase::named(b.c), {});
    bool alone = false;
    for (auto& m : lay.marks[0].dated)
        if (!m.folded() && lay.data.items[m.first].event->id == "mo") alone = true;
    CHECK(alone);
    CHECK(hasText(scene(b.c), "MO1"));
}

TEST_CASE("fold runs are computed in one pass over time-sorted items", "[timeline]") {
    std::vector<timeline::Item> items(6);
    double xs[] = {10, 11, 12.5, 30, 31, 80};
    Event plain;
    for (int i = 0; i < 6; ++i) {
        items[std::size_t(i)].x = xs[i];
        items[std::size_t(i)].event = &plain;
    }
    items[4].moNumber = 1;   // an MO breaks the second run
    auto marks = timeline::foldLane(items, 0, items.size(), 3.0);
    REQUIRE(marks.size() == 4);
    CHECK(marks[0].count() == 3);
    CHECK(marks[0].x0 == 10);
    CHECK(marks[0].x1 == 12.5);
    CHECK(marks[1].count() == 1);
    CHECK(marks[2].count() == 1);
    CHECK(marks[3].count() == 1);
}

TEST_CASE("date uncertainty is drawn as it is known", "[timeline]") {
    Case c = loadFixture("marks.yaml");
    auto lay = timeline::layoutTimeline(ViewCase::named(c), {});
    Scene s = scene(c);
    const auto& ax = *lay.axis;
    SECTION("a range is a bar from its first to its last day") {
        auto* it = findItem(lay, "t03");   // 2015-05-04..2015-05-21
        REQUIRE(it->shape == DateShape::Range);
        double expected = ax.x(double(date("2015-05-21").latestDay() + 1)) - ax.x(double(date("2015-05-04").earliestDay()));
        CHECK(expected == Approx(18 * ax.ptPerDay()).epsilon(0.01));
        Rect bar = widestShape(s, "t03");
        CHECK(bar.w == Approx(expected).margin(0.6));
        CHECK(bar.x == Approx(ax.x(double(date("2015-05-04").earliestDay()))).margin(0.6));
    }
    SECTION("an event with an end is a bar to its end") {
        auto* it = findItem(lay, "t09");
        REQUIRE(it->shape == DateShape::Duration);
        Rect bar = widestShape(s, "t09");
        double expected = ax.x(double(date("2019-07-15").latestDay() + 1)) - ax.x(double(date("2019-04-01").earliestDay()));
        CHECK(bar.w == Approx(expected).margin(0.6));
    }
    SECTION("a month or a year is a span over that month or year") {
        auto* month = findItem(lay, "t02");   // 2015-04
        REQUIRE(month->shape == DateShape::Span);
        CHECK(widestShape(s, "t02").w >= Approx(30 * ax.ptPerDay()).epsilon(0.05));
        auto* year = findItem(lay, "t10");    // 2019
        REQUIRE(year->shape == DateShape::Span);
        double yearW = ax.x(double(date("2019").latestDay() + 1)) - ax.x(double(date("2019").earliestDay()));
        CHECK(widestShape(s, "t10").w == Approx(yearW).margin(0.6));
    }
    SECTION("an approximate date has a fuzzy band wider than its month") {
        auto* it = findItem(lay, "t04");   // ~2015-09
        REQUIRE(it->shape == DateShape::Approx);
        CHECK(widestShape(s, "t04").w > 31 * ax.ptPerDay());
    }
    SECTION("before and after are open-ended arrows") {
        auto* before = findItem(lay, "t05");
        auto* after = findItem(lay, "t11");
        REQUIRE(before->shape == DateShape::Before);
        REQUIRE(after->shape == DateShape::After);
        Rect b = widestShape(s, "t05"), a = widestShape(s, "t11");
        CHECK(b.x < before->x - 10);    // reaches left of the marker
        CHECK(a.right() > after->x + 10);   // reaches right
    }
    SECTION("an unknown date goes to the Undated bin, never dropped") {
        auto* it = findItem(lay, "t14");
        REQUIRE(it->shape == DateShape::Undated);
        CHECK(lay.undatedBin);
        CHECK(it->x > lay.binLeft);
        CHECK(it->x < lay.binRight);
        CHECK(it->x > lay.plotRight);
        CHECK(hasText(s, "Undated"));
        for (auto* sh : shapesFor(s, "t14")) CHECK(sh->path.bounds().x > lay.plotRight);
    }
}

TEST_CASE("axis ticks adapt to the span: years, months, days", "[timeline]") {
    auto build = [](const std::string& from, const std::string& to) {
        CaseBuilder b;
        b.agency("police", "Test Police", AgencyKind::Police);
        long a = date(from).earliestDay(), z = date(to).latestDay();
        for (int i = 0; i <= 10; ++i) b.event("e" + std::to_string(i), from, "police").date = Date::fromDays(a + (z - a) * i / 10);
        return b.c;
    };
    SECTION("six years: years") {
        Case c = build("2014-01-01", "2019-12-31");
        auto lay = timeline::layoutTimeline(ViewCase::named(c), {});
        CHECK(lay.axis->step().unit == TickUnit::Year);
        Scene s = scene(c);
        for (int y = 2014; y <= 2019; ++y) CHECK(hasText(s, std::to_string(y)));
        CHECK_FALSE(hasText(s, "Mar"));
    }
    SECTION("a year and a half: months under a row of years") {
        Case c = build("2018-01-01", "2019-06-30");
        auto lay = timeline::layoutTimeline(ViewCase::named(c), {});
        CHECK(lay.axis->step().unit == TickUnit::Month);
        Scene s = scene(c);
        CHECK(hasText(s, "Jul"));
        CHECK(hasText(s, "2019"));
    }
    SECTION("two weeks: days under a row of months") {
        Case c = build("2019-05-01", "2019-05-14");
        auto lay = timeline::layoutTimeline(ViewCase::named(c), {});
        CHECK(lay.axis->step().unit == TickUnit::Day);
        CHECK(lay.axis->breaks().empty());
        Scene s = scene(c);
        CHECK(hasText(s, "May 2019"));
        for (int d : {2, 5, 9, 13}) CHECK(hasText(s, std::to_string(d)));
    }
}

TEST_CASE("a long quiet period is compressed behind a visible break", "[timeline]") {
    CaseBuilder b;
    b.agency("police", "Test Police", AgencyKind::Police);
    for (int m = 1; m <= 6; ++m) b.event("a" + std::to_string(m), "2012-0" + std::to_string(m) + "-10", "police");
    for (int m = 1; m <= 6; ++m) b.event("b" + std::to_string(m), "2019-0" + std::to_string(m) + "-10", "police");
    auto lay = timeline::layoutTimeline(ViewCase::named(b.c), {});
    const auto& ax = *lay.axis;
    REQUIRE(ax.breaks().size() == 1);
    auto br = ax.breaks()[0];
    CHECK(br.xEnd - br.xFirst == Approx(timeline::kBreakWidthPt));
    CHECK(br.dayFirst > double(date("2012-06-10").earliestDay()));
    CHECK(br.dayEnd < double(date("2019-01-10").earliestDay()));
    // The busy years get most of the width: half a year of events spans far more than
    // its share of an uncompressed seven-and-a-half-year axis.
    double halfYear = findItem(lay, "a6")->x - findItem(lay, "a1")->x;
    CHECK(halfYear > 0.25 * (lay.plotRight - lay.plotLeft));
    Scene s = scene(b.c);
    CHECK(hasTextContaining(s, " yrs"));
    CHECK(hasText(s, "Quiet period shortened (no events)"));
    // Evenly spread events: no break.
    CaseBuilder even;
    even.agency("police", "Test Police", AgencyKind::Police);
    for (int y = 2012; y <= 2019; ++y) even.event("y" + std::to_string(y), std::to_string(y) + "-06-01", "police");
    CHECK(timeline::layoutTimeline(ViewCase::named(even.c), {}).axis->breaks().empty());
}

TEST_CASE("axis mapping is monotonic and breaks hold no ticks", "[timeline]") {
    timeline::TimeAxis ax(daysFromCivil(2010, 1, 1), daysFromCivil(2020, 1, 1), 100, 900,
                          {{daysFromCivil(2010, 1, 1), daysFromCivil(2010, 6, 1)},
                           {daysFromCivil(2019, 1, 1), daysFromCivil(2020, 1, 1)}},
                          26);
    double prev = -1e9;
    for (long d = daysFromCivil(2009, 12, 1); d < daysFromCivil(2020, 2, 1); d += 7) {
        double x = ax.x(double(d));
        CHECK(x >= prev);
        prev = x;
    }
    CHECK(ax.x(double(daysFromCivil(2009, 1, 1))) < 100);
    REQUIRE_FALSE(ax.breaks().empty());
    for (auto& t : ax.ticks()) CHECK_FALSE(ax.inBreak(double(t.day)));
}

TEST_CASE("labels are cut to the room there is, with an ellipsis", "[timeline]") {
    std::string s = timeline::shortText("Police attended after a call.  Adam was   arrested. More text.");
    CHECK(s == "Police attended after a call");
    double w = 0;
    std::string fitted = timeline::fitText("Police attended the flat after a neighbour called", 7, 60, &w);
    CHECK_FALSE(fitted.empty());
    CHECK(w <= 60);
    CHECK(fitted.find("\u2026") != std::string::npos);
    CHECK(timeline::fitText("Short", 7, 200, &w) == "Short");
    CHECK(timeline::fitText("Anything at all", 7, 4, &w).empty());
    timeline::Occupancy occ;
    occ.take(10, 20);
    occ.take(40, 50);
    CHECK(occ.room(0, 100) == Approx(10));
    CHECK(occ.room(15, 100) == 0);
    CHECK(occ.room(20, 100) == Approx(20));
    CHECK(occ.room(55, 100) == Approx(45));
    CHECK(*occ.nearestFree(16, 8, 0, 100) == Approx(24));
    CHECK(*occ.nearestFree(12, 8, 0, 100) == Approx(6));
    CHECK_FALSE(occ.nearestFree(30, 60, 0, 100));
}

TEST_CASE("crowded badges spread apart in order, as near their marks as they can be", "[timeline]") {
    auto c = timeline::spreadApart({10, 12, 50}, {10, 10, 10}, 2, 0, 100);
    REQUIRE(c.size() == 3);
    CHECK(c[0] == Approx(5));    // the first two share the displacement
    CHECK(c[1] == Approx(17));
    CHECK(c[2] == Approx(50));   // the third was never in the way
    auto edge = timeline::spreadApart({95, 96, 97}, {10, 10, 10}, 2, 0, 100);
    CHECK(edge[2] + 5 <= Approx(100));   // kept inside the bounds
    for (std::size_t i = 1; i < edge.size(); ++i) CHECK(edge[i] - edge[i - 1] >= Approx(12));
}

TEST_CASE("labels never overlap one another within a lane", "[timeline]") {
    auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/ashford-dhr.yaml");
    REQUIRE(res.ok());
    auto lay = timeline::layoutTimeline(ViewCase::named(*res.model), {});
    Scene s = scene(*res.model);
    std::vector<Rect> boxes;
    for (auto* t : texts(s)) {
        if (t->sizePt != timeline::kLabelSizePt || t->at.x < lay.plotLeft || t->at.y < lay.lanesTop) continue;
        double w = measureText(t->text, t->sizePt, t->weight, t->italic).widthPt;
        boxes.push_back({t->at.x, t->at.y - 3, w, 6});
    }
    REQUIRE(boxes.size() > 30);
    int overlaps = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            if (boxes[i].inflated(-0.3).intersects(boxes[j].inflated(-0.3))) ++overlaps;
    CHECK(overlaps == 0);
}
