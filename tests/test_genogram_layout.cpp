// Genogram layout: quality on the fixture families, rows and birth order, determinism,
// names that never move anyone, lone parents, serial partners, the family around a person.
#include "core/model/diagnostics.hpp"
#include "core/figures/genogram/genogram_geometry.hpp"
#include "core/figures/genogram/genogram_layout.hpp"
#include "test_genogram_support.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace genochron;
using namespace genochron::genogram;
using namespace genochron::test::geno;

namespace {

const Union* unionOf(const Layout& l, std::set<std::string> partners) {
    for (auto& u : l.unions)
        if (std::set<std::string>(u.partners.begin(), u.partners.end()) == partners) return &u;
    return nullptr;
}

// Every coordinate of a layout, in order, for comparing two layouts exactly.
std::vector<double> numbers(const Layout& l) {
    std::vector<double> v;
    for (auto& p : l.people) v.insert(v.end(), {p.box.x, p.box.y, p.box.w, p.box.h, double(p.generation)});
    for (auto& u : l.unions) v.insert(v.end(), {u.at.x, u.at.y});
    for (auto& ln : l.lines) {
        v.push_back(double(ln.kind));
        for (auto& p : ln.points) v.insert(v.end(), {p.x, p.y});
    }
    v.insert(v.end(), {l.bbox.w, l.bbox.h});
    return v;
}

// Gives everyone a new id (and fixes every reference), as anonymisation does.
Case withNewIds(Case c) {
    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < c.people.size(); ++i) ids[c.people[i].id] = "x" + std::to_string(100 - i);
    auto map = [&](std::string& id) {
        if (ids.count(id)) id = ids[id];
    };
    for (auto& p : c.people) {
        map(p.id);
        map(p.twin);
        for (auto& par : p.parents) map(par);
    }
    for (auto& pt : c.partnerships) map(pt.partners[0]), map(pt.partners[1]);
    for (auto& r : c.relations) map(r.from), map(r.to);
    for (auto& h : c.households)
        for (auto& m : h.members) map(m);
    return c;
}

}  // namespace

TEST_CASE("every fixture family lays out with no crossings, strangers between partners or siblings out of order",
          "[genogram]") {
    auto names = fixtureNames();
    for (auto& name : names) {
        Case c = loadFamily(name);
        Layout l = layoutGenogram(ViewCase::named(c));
        INFO(name);
        CHECK(l.quality.crossings == 0);
        CHECK(l.quality.partnerGap == 0);
        CHECK(l.quality.partnersOffRow == 0);
        CHECK(l.quality.siblingInversions == 0);
        CHECK(l.people.size() == c.people.size());
    }
    Layout ash = layoutGenogram(ViewCase::named(loadSample("ashford-dhr.yaml")));
    CHECK(ash.quality.crossings == 0);
    CHECK(ash.quality.partnerGap == 0);
    CHECK(ash.quality.partnersOffRow == 0);
    CHECK(ash.quality.siblingInversions == 0);
}

TEST_CASE("partners share a row and children hang below them, oldest on the left", "[genogram]") {
    auto names = fixtureNames();
    names.push_back("");   // the rich sample
    for (auto& name : names) {
        Case c = name.empty() ? loadSample("ashford-dhr.yaml") : loadFamily(name);
        Layout l = layoutGenogram(ViewCase::named(c));
        INFO(name);
        std::map<std::string, std::size_t> order;
        for (std::size_t i = 0; i < c.people.size(); ++i) order[c.people[i].id] = i;
        for (auto& u : l.unions) {
            double parentY = l.person(u.partners[0])->centre().y;
            if (u.partners.size() == 2) CHECK(l.person(u.partners[1])->centre().y == Approx(parentY));
            for (std::size_t i = 0; i < u.children.size(); ++i) {
                const PersonBox* ch = l.person(u.children[i]);
                CHECK(ch->centre().y > parentY);
                if (i == 0) continue;
                const PersonBox* prev = l.person(u.children[i - 1]);
                const Person& a = *c.person(u.children[i - 1]);
                const Person& b = *c.person(u.children[i]);
                CHECK(bornBefore(a, order[a.id], b, order[b.id]));   // the union lists them oldest first
                CHECK(prev->centre().x < ch->centre().x);            // and draws them so
            }
        }
    }
}

TEST_CASE("generations are rows, each below its parents' row", "[genogram]") {
    for (auto& name : fixtureNames()) {
        Case c = loadFamily(name);
        Layout l = layoutGenogram(ViewCase::named(c));
        INFO(name);
        std::map<int, double> rowY;
        for (auto& p : l.people) {
            auto [it, fresh] = rowY.try_emplace(p.generation, p.centre().y);
            CHECK(p.centre().y == Approx(it->second));
        }
        double prev = -1e9;
        for (auto& [gen, y] : rowY) {
            CHECK(y > prev);
            prev = y;
        }
        for (auto& p : c.people)
            for (auto& par : p.parents)
                CHECK(l.person(p.id)->generation > l.person(par)->generation);
    }
    Layout four = layoutGenogram(ViewCase::named(loadFamily("four-generations")));
    CHECK(four.person("george")->generation == 0);
    CHECK(four.person("irene")->generation == 1);
    CHECK(four.person("mary")->generation == 2);
    CHECK(four.person("quentin")->generation == 2);   // married in: on the partner's row
    CHECK(four.person("tara")->generation == 3);
}

TEST_CASE("the same case always gives the same layout", "[genogram]") {
    Case c = loadSample("ashford-dhr.yaml");
    CHECK(numbers(layoutGenogram(ViewCase::named(c))) == numbers(layoutGenogram(ViewCase::named(c))));
    Case f = loadFamily("four-generations");
    CHECK(numbers(layoutGenogram(ViewCase::named(f))) == numbers(layoutGenogram(ViewCase::named(f))));
}

TEST_CASE("names and ids never change the geometry", "[genogram]") {
    for (const char* name : {"four-generations", "three-partners"}) {
        Case c = loadFamily(name);
        Layout before = layoutGenogram(ViewCase::named(c));
        Case renamed = c;
        for (std::size_t i = 0; i < renamed.people.size(); ++i) {
            renamed.people[i].name = i % 2 ? "X" : "Maximiliana Wilhelmina Fotheringham-Smythe " + std::to_string(i);
            renamed.people[i].pseudonym = "P" + std::to_string(i);
        }
        Layout after = layoutGenogram(ViewCase::named(renamed));
        INFO(name);
        CHECK(numbers(before) == numbers(after));
        CHECK(after.people.front().label != before.people.front().label);
        CHECK(numbers(layoutGenogram(ViewCase::named(withNewIds(c)))) == numbers(before));
    }
}

TEST_CASE("a lone parent's children hang from a stub beside them", "[genogram]") {
    Case c = loadFamily("no-parents");
    Layout l = layoutGenogram(ViewCase::named(c));
    const Union* u = unionOf(l, {"olga"});
    REQUIRE(u);
    CHECK(u->children == std::vector<std::string>{"pete"});
    CHECK(u->partnership == -1);
    const PersonBox* olga = l.person("olga");
    bool stub = false;
    for (auto& ln : l.lines)
        if (ln.kind == LineKind::Descent && ln.from == "olga") {
            Point first = ln.points.front();
            stub = (first.x == Approx(olga->box.right()) || first.x == Approx(olga->box.x)) &&
                   first.y == Approx(olga->centre().y);
        }
    CHECK(stub);
}

TEST_CASE("parents with no partnership record still get a union and a line", "[genogram]") {
    Layout l = layoutGenogram(ViewCase::named(loadFamily("no-parents")));
    const Union* u = unionOf(l, {"pete", "rhia"});
    REQUIRE(u);
    CHECK(u->partnership == -1);
    CHECK(u->children == std::vector<std::string>{"sid"});
    int lines = 0;
    for (auto& ln : l.lines)
        if (ln.kind == LineKind::Partnership && std::set<std::string>{ln.from, ln.to} == std::set<std::string>{"pete", "rhia"})
            ++lines;
    CHECK(lines == 1);
}

TEST_CASE("people with no known parents or partners are still drawn, beside someone they relate to", "[genogram]") {
    Layout l = layoutGenogram(ViewCase::named(loadFamily("no-parents")));
    REQUIRE(l.person("tess"));
    CHECK(l.person("tess")->generation == l.person("pete")->generation);
    CHECK(l.person("olga")->generation == 0);
}

TEST_CASE("pregnancy nodes are small", "[genogram]") {
    Layout l = layoutGenogram(ViewCase::named(loadFamily("pregnancy-loss")));
    for (const char* id : {"m2012", "s2016", "a2018", "p2022"}) {
        CHECK(l.person(id)->box.w == Approx(kSmallSymbolPt));
        CHECK(l.person(id)->pregnancy);
    }
    CHECK(l.person("cleo")->box.w == Approx(kSymbolPt));
    CHECK(l.person("cleo")->centre().y == Approx(l.person("m2012")->centre().y));   // same row
}

TEST_CASE("twins hang from one point on the sibship line", "[genogram]") {
    Layout l = layoutGenogram(ViewCase::named(loadFamily("twins")));
    std::map<std::string, Point> top;
    for (auto& ln : l.lines)
        if (ln.kind == LineKind::Child) top[ln.to] = ln.points.front();
    CHECK(top["al"] == top["bo"]);
    CHECK(top["cy"] == top["di"]);
    CHECK(!(top["zoe"] == top["al"]));
    CHECK(top["zoe"].x == Approx(l.person("zoe")->centre().x));   // a single child: straight down
}

TEST_CASE("serial partners sit either side, and a third is drawn over the top", "[genogram]") {
    Layout l = layoutGenogram(ViewCase::named(loadFamily("three-partners")));
    double fx = l.person("frank")->centre().x;
    int left = 0, right = 0;
    for (const char* p : {"gail", "helen", "kate"}) (l.person(p)->centre().x < fx ? left : right)++;
    CHECK(left >= 1);
    CHECK(right >= 1);
    int over = 0;
    for (auto& ln : l.lines)
        if (ln.kind == LineKind::Partnership && ln.overTop) {
            ++over;
            // Above the symbols, and only the partner with no children with Frank is passed over.
            CHECK(ln.points[1].y < l.person("frank")->box.y);
        }
    CHECK(over == 1);
    CHECK(l.quality.partnerGap == 0);
}

TEST_CASE("the family within N steps of a person", "[genogram]") {
    Case c = loadSample("ashford-dhr.yaml");
    auto near = familyWithin(c, "nicole", 1);
    std::set<std::string> got(near.begin(), near.end());
    CHECK(got == std::set<std::string>{"linda", "gary", "nicole", "shaun", "craig", "adam", "daniel", "lee", "kayden",
                                       "mia", "ellis", "loss2020"});
    LayoutOptions opt;
    opt.person = "nicole";
    opt.depth = 1;
    Layout l = layoutGenogram(ViewCase::named(c), opt);
    CHECK(l.people.size() == got.size());
    CHECK(l.quality.crossings == 0);
    opt.depth = 2;
    Layout wider = layoutGenogram(ViewCase::named(c), opt);
    CHECK(wider.person("harold"));   // grandparents are two steps away
    CHECK(wider.person("ryan") == nullptr);   // a stepbrother is not family by these steps
}

TEST_CASE("an unknown --person is an error that names them", "[genogram]") {
    Case c = loadSample("ashford-dhr.yaml");
    LayoutOptions opt;
    opt.person = "nobody";
    try {
        (void)layoutGenogram(ViewCase::named(c), opt);
        FAIL("expected an error");
    } catch (const GenochronError& e) {
        CHECK(std::string(e.what()).find("nobody") != std::string::npos);
    }
}

TEST_CASE("relation lines keep off everyone else's symbol", "[genogram]") {
    for (Case c : {loadSample("ashford-dhr.yaml"), loadFamily("three-partners"), loadFamily("twins")}) {
        Layout l = layoutGenogram(ViewCase::named(c));
        int relations = 0;
        for (auto& ln : l.lines) {
            if (ln.kind != LineKind::Relation) continue;
            ++relations;
            for (auto& p : l.people) {
                if (p.id == ln.from || p.id == ln.to) continue;
                Rect inner = p.box.inflated(-1);
                for (auto& pt : ln.points) CHECK_FALSE(inner.contains(pt));
            }
        }
        CHECK(relations > 0);
    }
}

TEST_CASE("every line is drawn inside the bounding box", "[genogram]") {
    Layout l = layoutGenogram(ViewCase::named(loadSample("ashford-dhr.yaml")));
    CHECK(l.bbox.x == 0);
    CHECK(l.bbox.y == 0);
    for (auto& ln : l.lines) {
        CHECK(ln.points.size() >= 2);
        for (auto& p : ln.points) CHECK(l.bbox.inflated(0.01).contains(p));
    }
    for (auto& p : l.people) CHECK(l.bbox.contains({p.box.right(), p.box.bottom()}));
}

TEST_CASE("the quality measures catch what they measure", "[genogram]") {
    Case c;
    for (const char* id : {"a", "b", "s", "k1", "k2"}) {
        Person p;
        p.id = id;
        c.people.push_back(p);
    }
    c.person("k1")->born = parseDate("2000").date;
    c.person("k2")->born = parseDate("2002").date;
    Layout l;
    auto box = [](const char* id, double x, double y) {
        PersonBox b;
        b.id = id;
        b.box = {x, y, 36, 36};
        return b;
    };
    l.people = {box("a", 0, 0), box("s", 60, 0), box("b", 120, 0), box("k1", 100, 100), box("k2", 20, 100)};
    Union u;
    u.partners = {"a", "b"};
    u.children = {"k1", "k2"};
    l.unions.push_back(u);
    Line x1{LineKind::Child, "a", "k1", {{0, 50}, {100, 90}}, 0, false};
    Line x2{LineKind::Child, "a", "k2", {{100, 50}, {0, 90}}, 0, false};
    Line touch{LineKind::Sibship, "k1", "k2", {{0, 50}, {100, 50}}, 0, false};   // meets both at their ends
    l.lines = {x1, x2, touch};
    Quality q = measureQuality(l, c);
    CHECK(q.crossings == 1);
    CHECK(q.partnerGap == 1);          // s sits between a and b
    CHECK(q.siblingInversions == 1);   // k1 is older but drawn right of k2
    l.people[2].box.y = 40;
    CHECK(measureQuality(l, c).partnersOffRow == 1);
}

TEST_CASE("relation lines cross few family lines and no one else's symbol", "[genogram]") {
    // Measured when the channel routes came in (before: sample 11, four-generations 4,
    // (issue 13, with fans between partners and labels kept clear: sample 3, four-generations 1)
    // three-partners 3, joined-families 2, pregnancy-loss 2, twins 2).
    Layout ash = layoutGenogram(ViewCase::named(loadSample("ashford-dhr.yaml")));
    CHECK(ash.quality.relationCrossings <= 5);
    for (auto& name : fixtureNames()) {
        INFO(name);
        Layout l = layoutGenogram(ViewCase::named(loadFamily(name)));
        CHECK(l.quality.relationCrossings <= 1);
    }
}

TEST_CASE("the relation crossing measure counts family lines crossed and symbols passed through", "[genogram]") {
    Layout l;
    PersonBox a, b, s;
    a.id = "a";
    a.box = {0, 0, 36, 36};
    b.id = "b";
    b.box = {200, 0, 36, 36};
    s.id = "s";
    s.box = {100, 0, 36, 36};
    l.people = {a, b, s};
    Line child{LineKind::Child, "x", "s", {{60, -40}, {60, 0}}, 0, false};
    // A relation from a to b over the top: crosses the child line once and misses s.
    Line over{LineKind::Relation, "a", "b", {{18, 0}, {18, -20}, {60, -20}, {218, -20}, {218, 0}}, 0, false};
    l.lines = {child, over};
    CHECK(countRelationCrossings(l) == 1);
    // Straight through s: one symbol, and no family line.
    l.lines[1].points = {{36, 18}, {200, 18}};
    CHECK(countRelationCrossings(l) == 1);
    // A crossing exactly at a vertex of the relation counts once.
    l.lines[1].points = {{36, 18}, {60, -20}, {200, -30}};
    CHECK(countRelationCrossings(l) == 1);
}

namespace {

// Even-odd point in polygon over every loop of an outline (written here, not taken from
// the code under test).
bool inOutline(const HouseholdShape& h, Point p) {
    bool in = false;
    for (auto& loop : h.loops)
        for (std::size_t i = 0, j = loop.size() - 1; i < loop.size(); j = i++)
            if ((loop[i].y > p.y) != (loop[j].y > p.y) &&
                p.x < (loop[j].x - loop[i].x) * (p.y - loop[i].y) / (loop[j].y - loop[i].y) + loop[i].x)
                in = !in;
    return in;
}

}  // namespace

TEST_CASE("household outlines hold their members and nobody else", "[genogram][households]") {
    std::vector<std::pair<std::string, Case>> cases{{"ashford", loadSample("ashford-dhr.yaml")}};
    for (auto& name : fixtureNames()) cases.push_back({name, loadFamily(name)});
    int households = 0;
    for (auto& [name, c] : cases) {
        Layout l = layoutGenogram(ViewCase::named(c));
        INFO(name);
        CHECK(l.quality.householdStrangers == 0);
        for (auto& h : l.households) {
            ++households;
            INFO(h.id);
            REQUIRE(!h.loops.empty());
            for (auto& p : l.people) {
                INFO(p.id);
                const bool member = std::find(h.members.begin(), h.members.end(), p.id) != h.members.end();
                const Rect b = p.box;
                const Point probes[] = {p.centre(), {b.x + 1, b.y + 1}, {b.right() - 1, b.y + 1},
                                        {b.x + 1, b.bottom() - 1}, {b.right() - 1, b.bottom() - 1}};
                for (Point q : probes) CHECK(inOutline(h, q) == member);
                // And the outline never cuts through anyone's symbol.
                for (auto& loop : h.loops)
                    for (std::size_t k = 0; k < loop.size(); ++k)
                        CHECK_FALSE(geom::segmentHitsRect(loop[k], loop[(k + 1) % loop.size()], b.inflated(-0.5)));
            }
        }
    }
    CHECK(households >= 5);   // the sample's two and the households fixture's three
    // The sample's outline after the separation holds Nicole and her children, not Adam,
    // Daniel, Lee or the pregnancy.
    Layout ash = layoutGenogram(ViewCase::named(loadSample("ashford-dhr.yaml")));
    const HouseholdShape* h5 = nullptr;
    for (auto& h : ash.households)
        if (h.id == "h5") h5 = &h;
    REQUIRE(h5);
    for (const char* out : {"adam", "daniel", "lee", "loss2020"}) CHECK_FALSE(inOutline(*h5, ash.person(out)->centre()));
    for (const char* in : {"nicole", "kayden", "mia", "ellis"}) CHECK(inOutline(*h5, ash.person(in)->centre()));
}

TEST_CASE("the household measure counts anyone an outline takes in", "[genogram][households]") {
    Layout l;
    PersonBox a, b;
    a.id = "a";
    a.box = {0, 0, 36, 36};
    b.id = "b";
    b.box = {100, 0, 36, 36};
    l.people = {a, b};
    HouseholdShape h;
    h.id = "h";
    h.members = {"a"};
    h.loops = {{{-10, -10}, {150, -10}, {150, 50}, {-10, 50}}};   // a box round both
    l.households = {h};
    CHECK(measureQuality(l, Case{}).householdStrangers == 1);
    l.households[0].loops = {{{-10, -10}, {50, -10}, {50, 50}, {-10, 50}}};
    CHECK(measureQuality(l, Case{}).householdStrangers == 0);
}

TEST_CASE("relation lines keep off every label and never hide a partnership line", "[genogram][relations]") {
    // Before issue 13 the sample had 6 lines through labels (years struck through, a line
    // over a partnership's years, twins' lines through a birth year) and five abuse arrows
    // over the Adam-Nicole marriage line and its slash.
    std::vector<std::pair<std::string, Case>> cases{{"ashford", loadSample("ashford-dhr.yaml")}};
    for (auto& name : fixtureNames()) cases.push_back({name, loadFamily(name)});
    for (auto& [name, c] : cases) {
        INFO(name);
        Layout l = layoutGenogram(ViewCase::named(c));
        CHECK(l.quality.linesThroughLabels == 0);
        CHECK(l.quality.relationsOverPartnership == 0);
        CHECK(l.quality.crossings == 0);
        // Each partnership's years beside its own line, on no one's symbol or name.
        for (std::size_t ui = 0; ui < l.unions.size(); ++ui) {
            const Union& u = l.unions[ui];
            if (u.labelBox.w <= 0) continue;
            for (auto& p : l.people) {
                INFO(p.id);
                CHECK_FALSE(p.box.inflated(1).intersects(u.labelBox));
                CHECK_FALSE(p.nameSlot.intersects(u.labelBox));
            }
            for (auto& ln : l.lines)
                if (ln.kind == LineKind::Partnership && ln.ref == int(ui)) {
                    double nearest = 1e9;
                    const Rect& b = u.labelBox;
                    for (std::size_t i = 0; i + 1 < ln.points.size(); ++i) {
                        Point a = ln.points[i], z = ln.points[i + 1];
                        const double dy = std::max({0.0, b.y - std::max(a.y, z.y), std::min(a.y, z.y) - b.bottom()});
                        const double dx = std::max({0.0, b.x - std::max(a.x, z.x), std::min(a.x, z.x) - b.right()});
                        nearest = std::min(nearest, std::hypot(dx, dy));
                    }
                    CHECK(nearest <= 8);
                }
        }
    }
}

TEST_CASE("between partners, the relation lines fan out above their line, clear of it and its slash",
          "[genogram][relations]") {
    Case c = loadSample("ashford-dhr.yaml");
    Layout l = layoutGenogram(ViewCase::named(c));
    const PersonBox* adam = l.person("adam");
    const PersonBox* nicole = l.person("nicole");
    const double y = adam->centre().y;
    int lanes = 0;
    std::set<long> heights;   // where the lanes cross the middle of the gap
    const double mid = (adam->box.right() + nicole->box.x) / 2;
    for (auto& ln : l.lines) {
        if (ln.kind != LineKind::Relation || ln.from != "adam" || ln.to != "nicole") continue;
        ++lanes;
        for (auto& p : ln.points) CHECK(p.y <= y - 5);   // above the line, never on it
        for (std::size_t i = 0; i + 1 < ln.points.size(); ++i)
            if ((ln.points[i].x - mid) * (ln.points[i + 1].x - mid) <= 0) heights.insert(std::lround(ln.points[i].y));
    }
    CHECK(lanes == 5);
    REQUIRE(heights.size() == 5);
    // Spread in the middle: at least 5 pt between neighbours.
    for (auto it = heights.begin(); std::next(it) != heights.end(); ++it) CHECK(*std::next(it) - *it >= 5);
    // Adam and Rachel have no children: their three lines may go below their line, still clear of it.
    for (auto& ln : l.lines)
        if (ln.kind == LineKind::Relation && ln.from == "adam" && ln.to == "rachel")
            for (auto& p : ln.points) CHECK(std::abs(p.y - y) >= 5);
}

TEST_CASE("the label and partnership measures count what they measure", "[genogram][relations]") {
    Layout l;
    PersonBox a, b;
    a.id = "a";
    a.box = {0, 0, 36, 36};
    b.id = "b";
    b.box = {100, 0, 36, 36};
    a.nameSlot = {-12, 38, 60, 24};
    b.nameSlot = {88, 38, 60, 24};
    l.people = {a, b};
    Union u;
    u.partners = {"a", "b"};
    u.at = {68, 18};
    u.markAt = {68, 18};
    u.slashes = 1;
    u.labelBox = {50, 2, 36, 9};
    l.unions = {u};
    Line pl{LineKind::Partnership, "a", "b", {{36, 18}, {100, 18}}, 0, false};
    Line along{LineKind::Relation, "a", "b", {{36, 16}, {100, 16}}, 0, false};   // 2 pt above the line
    l.lines = {pl, along};
    l.labels = labelSlots(l);
    CHECK(measureQuality(l, Case{}).relationsOverPartnership == 1);
    CHECK(measureQuality(l, Case{}).linesThroughLabels == 0);
    l.lines[1].points = {{36, 6}, {100, 6}};   // through the partnership's years
    CHECK(measureQuality(l, Case{}).relationsOverPartnership == 0);
    CHECK(measureQuality(l, Case{}).linesThroughLabels == 1);
    l.lines[1].points = {{18, 36}, {18, 70}, {118, 70}, {118, 36}};   // down through both names
    CHECK(measureQuality(l, Case{}).linesThroughLabels == 2);
    CHECK(measureQuality(l, Case{}).relationsOverPartnership == 0);
}
