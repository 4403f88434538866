// The timeline's meaning: lanes and provenance, missed opportunities, filters, legend, determinism.
#include "core/paint/cairo_painter.hpp"
#include "test_timeline_support.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <regex>

using namespace genochron;
using namespace genochron::test::tl;
using timeline::Band;

namespace {

CaseBuilder laneCase() {
    CaseBuilder b;
    b.agency("school", "Oakfield School", AgencyKind::Education)
        .agency("police", "Test Police", AgencyKind::Police)
        .agency("gp", "Test Surgery", AgencyKind::Health)
        .agency("hosp", "Test Hospital", AgencyKind::Health)
        .agency("idle", "Agency With No Events", AgencyKind::Housing)
        .agency("idva", "Test IDVA", AgencyKind::Idva);
    b.event("e1", "2019-01-10", "school");
    b.event("e2", "2019-02-10", "hosp");
    b.event("e3", "2019-03-10", "police").sharedWith = {"idva"};
    b.event("e4", "2019-04-10", "gp");
    b.event("e5", "2019-05-10", "", Source::Family);
    b.event("e6", "2019-06-10", "", Source::Friend);
    b.event("e7", "2019-07-10", "police", Source::Family);   // the family told the police: still the family's account
    return b;
}

}  // namespace

TEST_CASE("each agency with events gets one lane, grouped by kind and named by the agency", "[timeline]") {
    Case c = laneCase().c;
    auto lay = timeline::layoutTimeline(ViewCase::named(c), {});
    std::vector<std::string> agencyLanes;
    for (auto& l : lay.data.lanes)
        if (l.band == Band::Agencies) agencyLanes.push_back(l.key);
    // Police before health before education before IDVA; the two health lanes in file order.
    CHECK(agencyLanes == std::vector<std::string>{"police", "gp", "hosp", "school", "idva"});
    CHECK(laneOf(lay, "idle") == -1);   // no events and told nothing: no lane
    CHECK(lay.data.lanes[std::size_t(laneOf(lay, "idva"))].eventCount == 0);   // only received information
    Scene s = scene(c);
    CHECK(hasText(s, "Test Police"));
    CHECK(hasText(s, "Test Hospital"));
    CHECK_FALSE(hasText(s, "Agency With No Events"));
}

TEST_CASE("what came from family and friends has its own lanes in a separate band", "[timeline]") {
    Case c = laneCase().c;
    auto lay = timeline::layoutTimeline(ViewCase::named(c), {});
    int fam = laneOf(lay, "family"), fr = laneOf(lay, "friend");
    REQUIRE(fam >= 0);
    REQUIRE(fr >= 0);
    CHECK(lay.data.lanes[std::size_t(fam)].band == Band::FamilySide);
    CHECK(lay.data.lanes[std::size_t(fr)].band == Band::FamilySide);
    // Family-side lanes come after every agency lane, never mixed in.
    for (std::size_t i = 0; i < lay.data.lanes.size(); ++i)
        if (lay.data.lanes[i].band == Band::Agencies) CHECK(int(i) < fam);
    // An event the family reported (even about the police) sits in the family lane.
    CHECK(findItem(lay, "e7")->lane == fam);
    CHECK(lay.data.lanes[std::size_t(laneOf(lay, "police"))].eventCount == 1);
    Scene s = scene(c);
    CHECK(hasText(s, "Family, friends and others"));
    CHECK(hasText(s, "Agency records"));
}

TEST_CASE("print theme tells agency records from the family side by shape and fill, not colour", "[timeline]") {
    CaseBuilder b;
    b.agency("police", "Test Police", AgencyKind::Police);
    b.event("a1", "2019-01-10", "police");
    b.event("f1", "2019-06-10", "", Source::Family);
    ViewOptions opt;
    opt.theme = Theme::Print;
    Scene s = scene(b.c, opt);
    auto agency = shapesFor(s, "a1"), family = shapesFor(s, "f1");
    REQUIRE(agency.size() == 1);
    REQUIRE(family.size() == 1);
    const Paint& pa = agency[0]->paint;
    const Paint& pf = family[0]->paint;
    // Agency record: a filled dark circle. Family: a hollow (white-filled) diamond with a dark outline.
    CHECK(hasCurve(agency[0]->path));
    CHECK_FALSE(hasCurve(family[0]->path));
    REQUIRE(pa.fill);
    REQUIRE(pf.fill);
    CHECK(pa.fill->r < 0.5);
    CHECK(pf.fill->r == Approx(1.0));
    REQUIRE(pf.stroke);
    CHECK(pf.stroke->r < 0.2);
    // And every colour in the print theme is grey.
    for (auto& it : s.items)
        if (auto* sh = std::get_if<ShapeItem>(&it))
            for (auto col : {sh->paint.fill, sh->paint.stroke})
                if (col) CHECK((std::abs(col->r - col->g) < 0.02 && std::abs(col->g - col->b) < 0.02));
}

TEST_CASE("missed opportunities carry the same numbers as the chronology, as text", "[timeline]") {
    CaseBuilder b;
    b.agency("police", "Test Police", AgencyKind::Police).agency("gp", "Test Surgery", AgencyKind::Health);
    // File order differs from date order: numbering follows the dates.
    b.event("late", "2020-05-01", "police").missedOpportunity = "late one";
    b.event("early", "2018-02-01", "gp").missedOpportunity = "early one";
    b.event("plain", "2019-01-01", "gp");
    b.event("mid", "2019-03-01", "", Source::Family).missedOpportunity = "family-side one";
    auto numbers = b.c.missedOpportunityNumbers();
    REQUIRE(numbers.size() == 3);
    Scene s = scene(b.c);
    for (auto& [id, n] : numbers) {
        auto ts = texts(s);
        bool found = std::any_of(ts.begin(), ts.end(), [&](const TextItem* t) {
            return t->modelId == id && t->text == "MO" + std::to_string(n);
        });
        CHECK(found);
    }
    CHECK(numbers.at("early") == 1);
    CHECK(hasText(s, "MO3"));
    CHECK_FALSE(hasText(s, "MO4"));
    // The legend explains the mark.
    CHECK(hasTextContaining(s, "Missed opportunity"));
}

TEST_CASE("the sample case's 29 missed opportunities all appear, numbered", "[timeline]") {
    auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/ashford-dhr.yaml");
    REQUIRE(res.ok());
    auto numbers = res.model->missedOpportunityNumbers();
    for (Theme theme : {Theme::Colour, Theme::Print}) {
        ViewOptions opt;
        opt.theme = theme;
        Scene s = scene(*res.model, opt);
        for (auto& [id, n] : numbers) CHECK(hasText(s, "MO" + std::to_string(n)));
    }
}

TEST_CASE("markers carry their event id for hit-testing", "[timeline]") {
    Case c = loadFixture("marks.yaml");
    Scene s = scene(c);
    for (auto& e : c.events) {
        INFO(e.id);
        CHECK_FALSE(shapesFor(s, e.id).empty());
    }
}

TEST_CASE("DASH risk, MARAC, referrals and information sharing are drawn and keyed", "[timeline]") {
    Case c = loadFixture("marks.yaml");
    Scene s = scene(c);
    // Risk letters belong to the assessed events.
    auto ts = texts(s);
    auto textFor = [&](const std::string& id, const std::string& text) {
        return std::any_of(ts.begin(), ts.end(), [&](const TextItem* t) { return t->modelId == id && t->text == text; });
    };
    CHECK(textFor("t01", "S"));
    CHECK(textFor("t06", "H"));
    CHECK(textFor("t12", "M"));
    for (auto* key : {"MARAC", "Referral made", "Referral not made", "Information shared with another agency",
                      "Information held but not shared", "DASH high risk"})
        CHECK(hasText(s, key));
    // t06 was shared with three agencies: an arrowhead per receiving lane (filled triangles).
    int heads = 0;
    for (auto* sh : shapesFor(s, "t06"))
        if (sh->paint.fill && !sh->paint.stroke && sh->path.ops().size() == 4 && sh->path.bounds().h > 4) ++heads;
    CHECK(heads >= 3);
}

TEST_CASE("the legend shows only the marks the figure uses", "[timeline]") {
    CaseBuilder b;
    b.agency("police", "Test Police", AgencyKind::Police);
    b.event("a1", "2019-01-10", "police");
    b.event("a2", "2019-06-10", "police");
    Scene s = scene(b.c);
    CHECK(hasText(s, "Police"));
    CHECK_FALSE(hasTextContaining(s, "Missed opportunity"));
    CHECK_FALSE(hasTextContaining(s, "Family, friends and others"));
    CHECK_FALSE(hasText(s, "Undated: date not known"));
    CHECK_FALSE(hasText(s, "MARAC"));
    ViewOptions opt;
    opt.legend = false;
    CHECK_FALSE(hasText(scene(b.c, opt), "Key"));
}

TEST_CASE("the reference date is marked only when the case has one", "[timeline]") {
    CaseBuilder b;
    b.agency("police", "Test Police", AgencyKind::Police);
    b.event("a1", "2019-01-10", "police");
    CHECK_FALSE(hasTextContaining(scene(b.c), "Reference date"));
    b.c.info.referenceDate = date("2019-08-01");
    b.c.info.scopeFrom = date("2018-06");
    b.c.info.scopeTo = date("2019-08-01");
    Scene s = scene(b.c);
    CHECK(hasText(s, "Reference date 1 Aug 2019"));
    CHECK(hasTextContaining(s, "Review scope: Jun 2018 to 1 Aug 2019"));
}

TEST_CASE("filters: person, tags, agencies and dates", "[timeline]") {
    Case c = loadFixture("marks.yaml");
    auto shown = [&](const ViewOptions& o) {
        std::vector<std::string> ids;
        for (auto& it : timeline::layoutTimeline(ViewCase::named(c), o).data.items) ids.push_back(it.event->id);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    SECTION("person: only their events, and their own lane highlighted") {
        ViewOptions o;
        o.person = "ben";
        CHECK(shown(o) == std::vector<std::string>{"t01", "t06", "t11", "t12"});
        auto lay = timeline::layoutTimeline(ViewCase::named(c), o);
        int perp = laneOf(lay, "perpetrator");
        REQUIRE(perp >= 0);
        CHECK(lay.data.lanes[std::size_t(perp)].highlighted);
        int highlighted = 0;
        for (auto& l : lay.data.lanes) highlighted += l.highlighted;
        CHECK(highlighted == 1);
        Scene s = scene(c, o);
        CHECK(hasTextContaining(s, "person: Ben Test"));
        CHECK(hasText(s, "Lane of Ben Test"));
    }
    SECTION("tags: any of them") {
        ViewOptions o;
        o.tags = {"marac", "breach"};
        CHECK(shown(o) == std::vector<std::string>{"t06", "t07", "t12"});
    }
    SECTION("agencies: only theirs") {
        ViewOptions o;
        o.agencies = {"police"};
        CHECK(shown(o) == std::vector<std::string>{"t01", "t06", "t12"});
        // Receivers outside the filter get no lane.
        CHECK(laneOf(timeline::layoutTimeline(ViewCase::named(c), o), "idva") == -1);
    }
    SECTION("from/to: events overlapping the period; undated ones stay in their bin") {
        ViewOptions o;
        o.from = date("2019-03");
        o.to = date("2019-12");
        // t09 runs Apr-Jul 2019, t10 is "2019", t11 is after Aug 2019, t14 is undated.
        CHECK(shown(o) == std::vector<std::string>{"t08", "t09", "t10", "t11", "t14"});
        auto lay = timeline::layoutTimeline(ViewCase::named(c), o);
        CHECK(lay.data.domainFirst == date("2019-03").earliestDay());
        CHECK(lay.data.domainLast == date("2019-12").latestDay());
    }
    SECTION("a filter that matches nothing still draws a figure that says so") {
        ViewOptions o;
        o.tags = {"no_such_tag"};
        Scene s = scene(c, o);
        CHECK(hasText(s, "No events match the filters"));
    }
    SECTION("unknown person or agency is an error naming it, with a suggestion") {
        ViewOptions o;
        o.person = "bne";
        CHECK_THROWS_WITH(timeline::layoutTimeline(ViewCase::named(c), o), Catch::Contains("'bne'") && Catch::Contains("'ben'"));
        ViewOptions a;
        a.agencies = {"polise"};
        CHECK_THROWS_AS(timeline::layoutTimeline(ViewCase::named(c), a), GenochronError);
        ViewOptions d;
        d.from = date("2020");
        d.to = date("2019");
        CHECK_THROWS_AS(timeline::layoutTimeline(ViewCase::named(c), d), GenochronError);
    }
}

TEST_CASE("the same case draws the same figure, byte for byte", "[timeline]") {
    Case c = loadFixture("marks.yaml");
    PaintOptions po;
    po.dpi = 36;
    std::string a = paintToBytes(buildTimelineView(ViewCase::named(c), {}), FileFormat::Png, po);
    std::string b = paintToBytes(buildTimelineView(ViewCase::named(c), {}), FileFormat::Png, po);
    CHECK(a == b);
    std::string pa = paintToBytes(buildTimelineView(ViewCase::named(c), {}), FileFormat::Pdf, po);
    std::string pb = paintToBytes(buildTimelineView(ViewCase::named(c), {}), FileFormat::Pdf, po);
    CHECK(pa == pb);
}

TEST_CASE("an anonymised case draws only what it holds", "[timeline]") {
    Case c = loadFixture("marks.yaml");
    AnonymisedCase anon = anonymise(c);
    Document d = buildTimelineView(anon, {});
    REQUIRE(d.pages.size() == 1);
    for (auto* t : texts(d.pages[0])) {
        CHECK(t->text.find("Amy Test") == std::string::npos);
        CHECK(t->text.find("Ben Test") == std::string::npos);
    }
    // The anonymised case drops the reference date (the date of death): no line is drawn.
    if (!anon.data().info.referenceDate) CHECK_FALSE(hasTextContaining(d.pages[0], "Reference date"));
}

// ---- printed pages: legible on A4 and A3

namespace {

// The scale a page is printed at (the painter and the report pack fit it inside the margins).
double printScale(const Scene& s, const PageSpec& ps) {
    auto [pw, ph] = ps.pagePt(s);
    return std::min({(pw - 2 * ps.marginPt) / s.widthPt, (ph - 2 * ps.marginPt) / s.heightPt, 1.6});
}

}  // namespace

TEST_CASE("on A4 and A3 pages the timeline's text prints at 6 pt or more, every lane and MO on some page", "[timeline]") {
    auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/ashford-dhr.yaml");
    REQUIRE(res.ok());
    const Case& c = *res.model;
    auto numbers = c.missedOpportunityNumbers();
    for (auto size : {PageSpec::Size::A4, PageSpec::Size::A3})
        for (bool landscape : {true, false}) {
            CAPTURE(int(size), landscape);
            ViewOptions opt;
            opt.page.size = size;
            opt.page.landscape = landscape;
            Document d = buildTimelineView(ViewCase::named(c), opt);
            REQUIRE(!d.pages.empty());
            std::set<std::string> all;
            for (auto& page : d.pages) {
                const double k = printScale(page, opt.page);
                CHECK(k * timeline::kLabelSizePt >= 6.0 - 1e-9);
                // Laid out for the page: its width fills the page, never shrunk sideways further.
                auto [pw, ph] = opt.page.pagePt(page);
                CHECK(page.widthPt * k == Approx(pw - 2 * opt.page.marginPt).epsilon(0.01));
                CHECK(page.heightPt * k <= ph - 2 * opt.page.marginPt + 0.01);
                for (auto* t : texts(page)) all.insert(t->text);
            }
            for (auto& [id, n] : numbers) CHECK(all.count("MO" + std::to_string(n)) == 1);
            for (auto& a : c.agencies) {
                bool named = false;
                for (auto& t : all) named = named || t.find(a.name.substr(0, 12)) == 0;
                if (!a.name.empty()) CHECK(named);
            }
            if (d.pages.size() > 1) {
                // Each page of lanes repeats the title and the time axis, and says which page it is.
                for (std::size_t p = 0; p < d.pages.size(); ++p)
                    CHECK((hasTextContaining(d.pages[p], fmt::format("page {} of {}", p + 1, d.pages.size())) ||
                           hasText(d.pages[p], "Key to the multi-agency timeline")));
            }
        }
}

TEST_CASE("with page fit the timeline keeps the figure's own size: one page, 1100 pt wide", "[timeline]") {
    auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/ashford-dhr.yaml");
    REQUIRE(res.ok());
    Document d = buildTimelineView(ViewCase::named(*res.model), {});
    REQUIRE(d.pages.size() == 1);
    CHECK(d.pages[0].widthPt == timeline::kFigureWidthPt);
}

TEST_CASE("a timeline split over pages draws each lane's events on one page only", "[timeline]") {
    CaseBuilder b;
    for (int a = 0; a < 20; ++a) {
        b.agency("a" + std::to_string(a), "Agency number " + std::to_string(a), AgencyKind::Health);
        b.event("e" + std::to_string(a), "2019-0" + std::to_string(1 + a % 9) + "-10", "a" + std::to_string(a));
    }
    b.c.events[3].sharedWith = {"a17"};   // an arrow from page 1 to a later page
    ViewOptions opt;
    opt.page.size = PageSpec::Size::A4;
    opt.page.landscape = true;
    Document d = buildTimelineView(ViewCase::named(b.c), opt);
    REQUIRE(d.pages.size() >= 2);
    for (int a = 0; a < 20; ++a) {
        int pages = 0;
        for (auto& p : d.pages) pages += !shapesFor(p, "e" + std::to_string(a)).empty();
        CHECK(pages == (a == 3 ? 2 : 1));   // e3's arrow to a17 shows on both ends' pages
    }
}

TEST_CASE("no line is drawn through a band's title or caption", "[timeline]") {
    Scene s = scene(loadFixture("marks.yaml"));
    int captions = 0;
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const auto* t = std::get_if<TextItem>(&s.items[i]);
        if (!t || !(t->text.starts_with("what ") || t->text.starts_with("the panel's") || t->text == "Agency records" ||
                    t->text == "Family, friends and others" || t->text == "Review panel"))
            continue;
        ++captions;
        const TextExtent e = measureText(t->text, t->sizePt, t->weight, t->italic);
        const Rect box{t->at.x + 1, t->at.y - e.heightPt / 2 + 1, e.widthPt - 2, e.heightPt - 2};   // Left, Middle
        INFO(t->text);
        for (std::size_t j = i + 1; j < s.items.size(); ++j) {   // what is drawn after it, over it
            const auto* sh = std::get_if<ShapeItem>(&s.items[j]);
            if (!sh || !sh->paint.stroke) continue;
            Point at{};
            for (const auto& op : sh->path.ops()) {
                Point to = op.kind == PathOp::Curve ? op.p[2] : op.p[0];
                if (op.kind == PathOp::Line) {
                    const bool crosses = std::max(at.x, to.x) > box.x && std::min(at.x, to.x) < box.right() &&
                                         std::max(at.y, to.y) > box.y && std::min(at.y, to.y) < box.bottom();
                    INFO(sh->modelId);
                    CHECK_FALSE(crosses);
                }
                if (op.kind != PathOp::Close) at = to;
            }
        }
    }
    CHECK(captions >= 6);   // three bands, each a title and a caption (a lane may share a title)
}
