// The genogram figure: McGoldrick's symbols for each status and condition, line styles,
// relations, the legend (only what is used), title, themes, hit-testing, anonymised mode.
#include "core/figures/genogram/genogram_geometry.hpp"
#include "core/figures/genogram/genogram_symbols.hpp"
#include "test_genogram_support.hpp"

#include <algorithm>
#include <set>

using namespace genochron;
using namespace genochron::genogram;
using namespace genochron::test::geno;

namespace {

int slashes(const Scene& s, const std::string& id) {
    int n = 0;
    for (auto* sh : shapesOf(s, id)) n += isSlantedSegment(*sh);
    return n;
}

// The partnership line itself: the longest shape with the partnership's id.
const ShapeItem* partnershipLine(const Scene& s, const std::string& id) {
    const ShapeItem* best = nullptr;
    for (auto* sh : shapesOf(s, id))
        if (!isSlantedSegment(*sh) && (!best || sh->path.bounds().w > best->path.bounds().w)) best = sh;
    return best;
}

// Shapes drawn right after a clip, with the clip rectangle: condition fills.
std::vector<std::pair<Rect, const ShapeItem*>> clippedShapes(const Scene& s, const std::string& id) {
    std::vector<std::pair<Rect, const ShapeItem*>> out;
    for (std::size_t i = 0; i + 1 < s.items.size(); ++i)
        if (auto* c = std::get_if<ClipPush>(&s.items[i]))
            if (auto* sh = std::get_if<ShapeItem>(&s.items[i + 1]); sh && sh->modelId == id) out.push_back({c->rect, sh});
    return out;
}

// The outline of a person's symbol: the stroked shape with their id and the symbol's size.
std::vector<const ShapeItem*> outlines(const Scene& s, const std::string& id) {
    std::vector<const ShapeItem*> out;
    for (auto* sh : shapesOf(s, id))
        if (sh->paint.stroke && !sh->paint.fill && sh->path.ops().size() >= 4 && sh->paint.dash.empty()) out.push_back(sh);
    return out;
}

bool isArrowHead(const ShapeItem& s) {
    auto& ops = s.path.ops();
    return s.paint.fill && !s.paint.stroke && ops.size() == 4 && ops.back().kind == PathOp::Close;
}

std::set<std::string> legendTexts(const Scene& s) {
    std::set<std::string> out;
    for (auto* t : textsOf(s, "legend")) out.insert(t->text);
    return out;
}

bool grey(const Color& c) { return std::abs(c.r - c.g) < 1e-9 && std::abs(c.g - c.b) < 1e-9; }

}  // namespace

TEST_CASE("partnership lines: divorced two slashes, separated one, married none", "[genogram]") {
    Scene half = genogramScene(loadFamily("half-siblings"));
    CHECK(slashes(half, "partnership:maria+tom") == 2);
    CHECK(slashes(half, "partnership:maria+carl") == 0);
    CHECK(slashes(half, "partnership:rose+joe") == 0);   // widowed: drawn as married
    Scene four = genogramScene(loadFamily("four-generations"));
    CHECK(slashes(four, "partnership:polly+sam") == 1);
    CHECK(slashes(four, "partnership:irene+ken") == 0);
}

TEST_CASE("partnership line style follows the status, and the years label it", "[genogram]") {
    Scene half = genogramScene(loadFamily("half-siblings"));
    const ShapeItem* married = partnershipLine(half, "partnership:maria+tom");   // divorced: a married line
    const ShapeItem* cohab = partnershipLine(half, "partnership:maria+carl");
    REQUIRE(married);
    REQUIRE(cohab);
    CHECK(married->paint.dash.empty());
    REQUIRE(cohab->paint.dash.size() == 2);
    CHECK(cohab->paint.dash[0] >= 3);   // dashed
    Scene three = genogramScene(loadFamily("three-partners"));
    const ShapeItem* dating = partnershipLine(three, "partnership:frank+gail");
    REQUIRE(dating);
    REQUIRE(!dating->paint.dash.empty());
    CHECK(dating->paint.dash[0] < 1);   // dotted
    Scene adoption = genogramScene(loadFamily("adoption"));
    const ShapeItem* engaged = partnershipLine(adoption, "partnership:paula+quinn");
    REQUIRE(engaged);
    CHECK(!engaged->paint.dash.empty());

    std::set<std::string> labels;
    for (auto* t : textsOf(half, "partnership:maria+tom")) labels.insert(t->text);
    CHECK(labels.count("m. 1990\ndiv. 1998"));
    labels.clear();
    for (auto* t : textsOf(half, "partnership:rose+joe")) labels.insert(t->text);
    CHECK(labels.count("m. 1966\nwid. 2010"));
}

TEST_CASE("symbols: square for male, circle for female, diamond otherwise", "[genogram]") {
    Scene s = genogramScene(loadFamily("no-parents"));
    auto male = outlines(s, "sid");
    REQUIRE(male.size() == 1);
    Rect b = male[0]->path.bounds();
    CHECK(b.w == Approx(kSymbolPt));
    CHECK(countCurves(*male[0]) == 0);
    CHECK(male[0]->path.ops()[0].p[0] == Point{b.x, b.y});   // a square starts at its corner
    auto female = outlines(s, "rhia");
    REQUIRE(female.size() == 1);
    CHECK(countCurves(*female[0]) == 4);
    auto other = outlines(s, "tess");
    REQUIRE(other.size() == 1);
    Rect d = other[0]->path.bounds();
    CHECK(countCurves(*other[0]) == 0);
    CHECK(other[0]->path.ops()[0].p[0] == Point{d.x + d.w / 2, d.y});   // a diamond starts at its top point
}

TEST_CASE("the index person has a double outline - the dead are crossed out", "[genogram]") {
    Scene s = genogramScene(loadFamily("half-siblings"));
    auto index = outlines(s, "maria");
    REQUIRE(index.size() == 2);
    CHECK(std::abs(index[0]->path.bounds().w - index[1]->path.bounds().w) == Approx(7));
    CHECK(outlines(s, "lucy").size() == 1);
    int cross = 0;
    for (auto* sh : shapesOf(s, "joe")) cross += isSlantedSegment(*sh) && sh->path.bounds().w > kSymbolPt;
    CHECK(cross == 2);
    int none = 0;
    for (auto* sh : shapesOf(s, "rose")) none += isSlantedSegment(*sh);
    CHECK(none == 0);
}

TEST_CASE("age inside the symbol - birth year above left, death year above right", "[genogram]") {
    Scene s = genogramScene(loadFamily("half-siblings"));
    auto symbol = outlines(s, "joe")[0]->path.bounds();
    std::map<std::string, const TextItem*> text;
    for (auto* t : textsOf(s, "joe")) text[t->text] = t;
    REQUIRE(text.count("67"));   // age at death: 1943 to 2010
    CHECK(symbol.contains(text["67"]->at));
    REQUIRE(text.count("1943"));
    REQUIRE(text.count("2010"));
    CHECK(text["1943"]->halign == HAlign::Right);
    CHECK(text["1943"]->at.x < symbol.x + symbol.w / 2);
    CHECK(text["1943"]->at.y < symbol.y);
    CHECK(text["2010"]->halign == HAlign::Left);
    CHECK(text["2010"]->at.x > symbol.x + symbol.w / 2);
    bool amy = false;   // the living: age at the review's reference date (2020-06-01)
    for (auto* t : textsOf(s, "amy")) amy |= t->text == "29";
    CHECK(amy);
    bool name = false;
    for (auto* t : textsOf(s, "maria")) name |= t->text == "Maria Fenwick" && t->weight == FontWeight::Bold;
    CHECK(name);
}

TEST_CASE("conditions fill the part of the symbol McGoldrick gives them", "[genogram]") {
    Palette pal = paletteFor(Theme::Colour);
    Scene adoption = genogramScene(loadFamily("adoption"));
    auto quinn = clippedShapes(adoption, "quinn");   // substance misuse and mental health: three quarters
    Rect box = outlines(adoption, "quinn")[0]->path.bounds();
    bool lower = false, left = false;
    for (auto& [clip, sh] : quinn) {
        if (sh->paint.fill == pal.substance && clip.y == Approx(box.y + box.h / 2)) lower = true;
        if (sh->paint.fill == pal.mental && clip.w == Approx(box.w / 2 + 1)) left = true;
    }
    CHECK(lower);
    CHECK(left);
    Scene loss = genogramScene(loadFamily("pregnancy-loss"));
    auto anna = clippedShapes(loss, "anna");   // mental health only: the left half
    REQUIRE(anna.size() == 1);
    CHECK(anna[0].second->paint.fill == pal.mental);
    bool dotted = false;   // suspected substance misuse: a dotted outline
    for (auto& [clip, sh] : clippedShapes(loss, "bill")) dotted |= !sh->paint.dash.empty() && sh->paint.dash[0] < 1;
    CHECK(dotted);
    Scene lone = genogramScene(loadFamily("no-parents"));
    bool hatched = false;   // in recovery: hatched, not solid
    for (auto& [clip, sh] : clippedShapes(lone, "olga")) hatched |= sh->paint.hatch == Hatch::Diagonal && !sh->paint.fill;
    CHECK(hatched);
}

TEST_CASE("pregnancy, miscarriage, stillbirth and abortion symbols", "[genogram]") {
    Scene s = genogramScene(loadFamily("pregnancy-loss"));
    // Each node's own id also marks its child line and its label's plate: pick the symbol out.
    auto symbolOnly = [&](const char* id) {
        std::vector<const ShapeItem*> out;
        for (auto* sh : shapesOf(s, id))
            if (!(isSegment(*sh) && !isSlantedSegment(*sh)) && !(sh->paint.fill && sh->paint.fill->a < 1)) out.push_back(sh);
        return out;
    };
    auto misc = symbolOnly("m2012");   // a small filled circle
    REQUIRE(misc.size() == 1);
    CHECK(misc[0]->paint.fill);
    CHECK(countCurves(*misc[0]) == 4);
    CHECK(misc[0]->path.bounds().w < kSmallSymbolPt);
    auto abortion = symbolOnly("a2018");   // a cross
    CHECK(abortion.size() == 2);
    for (auto* sh : abortion) CHECK(isSlantedSegment(*sh));
    auto preg = symbolOnly("p2022");   // a triangle
    REQUIRE(preg.size() == 1);
    CHECK(preg[0]->path.ops().size() == 4);
    CHECK(preg[0]->path.ops().back().kind == PathOp::Close);
    auto still = symbolOnly("s2016");   // a small symbol with a cross
    int crossed = 0, small = 0;
    for (auto* sh : still) {
        crossed += isSlantedSegment(*sh);
        small += !isSegment(*sh) && sh->path.bounds().w < kSmallSymbolPt;
    }
    CHECK(crossed == 2);
    CHECK(small == 1);
}

TEST_CASE("twins hang from one point - identical twins add a bar", "[genogram]") {
    Scene s = genogramScene(loadFamily("twins"));
    int bars = 0;
    for (auto& it : s.items)
        if (auto* sh = std::get_if<ShapeItem>(&it); sh && sh->modelId.rfind("twins:", 0) == 0) {
            ++bars;
            CHECK(isSegment(*sh));
            CHECK(sh->path.bounds().h == Approx(0).margin(0.01));
        }
    CHECK(bars == 1);   // al and bo are identical; cy and di are not
    auto legend = legendTexts(s);
    CHECK(legend.count("Twins"));
    CHECK(legend.count("Identical twins"));
}

// The key's sample for a label: the unfilled legend shapes on the label's row, left of it.
static std::vector<const ShapeItem*> legendSample(const Scene& s, const std::string& label) {
    const TextItem* t = nullptr;
    for (auto* x : textsOf(s, "legend"))
        if (x->text == label) t = x;
    std::vector<const ShapeItem*> out;
    if (!t) return out;
    for (auto* sh : shapesOf(s, "legend")) {
        Rect b = sh->path.bounds();
        if (!sh->paint.fill && b.right() <= t->at.x && b.right() > t->at.x - 50 && b.y <= t->at.y && b.bottom() >= t->at.y)
            out.push_back(sh);
    }
    return out;
}

TEST_CASE("birth children have solid lines, adopted dashed, foster dotted (McGoldrick, GenoPro)", "[genogram]") {
    Scene s = genogramScene(loadFamily("adoption"));
    auto line = [&](const char* id) {
        for (auto* sh : shapesOf(s, id))
            if (isSegment(*sh) && !sh->paint.fill) return sh;
        return static_cast<const ShapeItem*>(nullptr);
    };
    auto dashed = [](const Paint& p) { return p.dash.size() == 2 && p.dash[0] >= 3 && !p.roundCaps; };
    auto dotted = [](const Paint& p) { return p.dash.size() == 2 && p.dash[0] < 1 && p.roundCaps; };
    REQUIRE(line("rob"));
    REQUIRE(line("sara"));   // adopted
    REQUIRE(line("tim"));    // foster
    CHECK(line("rob")->paint.dash.empty());
    CHECK(dashed(line("sara")->paint));
    CHECK_FALSE(dotted(line("sara")->paint));
    CHECK(dotted(line("tim")->paint));
    CHECK_FALSE(dashed(line("tim")->paint));
    auto legend = legendTexts(s);
    CHECK(legend.count("Adopted child"));
    CHECK(legend.count("Foster child"));
    CHECK(legend.count("Engaged"));
    // The key's samples are drawn the same way as the figure's lines.
    auto adopted = legendSample(s, "Adopted child"), foster = legendSample(s, "Foster child"), birth = legendSample(s, "Child");
    REQUIRE(adopted.size() == 1);
    REQUIRE(foster.size() == 1);
    REQUIRE(birth.size() == 1);
    CHECK(adopted.front()->paint.dash == line("sara")->paint.dash);
    CHECK(foster.front()->paint.dash == line("tim")->paint.dash);
    CHECK(birth.front()->paint.dash.empty());
}

TEST_CASE("each relation kind has its own pattern - abuse lines are arrowed", "[genogram]") {
    Case c = loadSample("ashford-dhr.yaml");
    Scene s = genogramScene(c);
    auto rel = [&](RelationKind k) {
        for (std::size_t i = 0; i < c.relations.size(); ++i)
            if (c.relations[i].kind == k) return shapesOf(s, "relation:" + std::to_string(i));
        return std::vector<const ShapeItem*>{};
    };
    auto arrows = [](const std::vector<const ShapeItem*>& v) {
        return std::count_if(v.begin(), v.end(), [](auto* sh) { return isArrowHead(*sh); });
    };
    CHECK(rel(RelationKind::Close).size() == 2);    // double line
    CHECK(rel(RelationKind::Fused).size() == 3);    // triple line
    CHECK(rel(RelationKind::Cutoff).size() == 4);   // two pieces and two bars
    auto distant = rel(RelationKind::Distant);
    REQUIRE(distant.size() == 1);
    CHECK(!distant[0]->paint.dash.empty());
    auto hostile = rel(RelationKind::Hostile);
    REQUIRE(hostile.size() == 1);
    CHECK(hostile[0]->path.ops().size() > 20);   // zigzag
    for (auto k : {RelationKind::Close, RelationKind::Fused, RelationKind::Distant, RelationKind::Hostile, RelationKind::Cutoff})
        CHECK(arrows(rel(k)) == 0);
    for (auto k : {RelationKind::PhysicalAbuse, RelationKind::EmotionalAbuse, RelationKind::CoerciveControl,
                   RelationKind::FinancialAbuse, RelationKind::Stalking})
        CHECK(arrows(rel(k)) == 1);
    CHECK(rel(RelationKind::CoerciveControl).size() > 5);   // barbs along the line

    // In print, every abuse kind still differs by pattern (dash and width), not only by colour.
    ViewOptions print;
    print.theme = Theme::Print;
    Scene p = genogramScene(c, print);
    std::set<std::pair<std::vector<double>, double>> styles;
    int kinds = 0;
    for (auto k : {RelationKind::PhysicalAbuse, RelationKind::EmotionalAbuse, RelationKind::CoerciveControl,
                   RelationKind::FinancialAbuse, RelationKind::Stalking}) {
        for (std::size_t i = 0; i < c.relations.size(); ++i)
            if (c.relations[i].kind == k) {
                auto v = shapesOf(p, "relation:" + std::to_string(i));
                REQUIRE(!v.empty());
                styles.insert({v[0]->paint.dash, v[0]->paint.lineWidth});
                ++kinds;
                break;
            }
    }
    CHECK(styles.size() == std::size_t(kinds));
}

TEST_CASE("the legend lists only the symbols this figure uses", "[genogram]") {
    auto loss = legendTexts(genogramScene(loadFamily("pregnancy-loss")));
    for (const char* used : {"Miscarriage", "Stillbirth", "Abortion", "Pregnancy", "Sexual abuse", "Financial abuse",
                             "Married", "Mental health needs", "Suspected substance misuse", "Subject of the review"})
        CHECK(loss.count(used));
    for (const char* unused : {"Divorced", "Twins", "Physical abuse", "Close", "Household at the review date", "Died",
                               "Adopted child", "Substance misuse"})
        CHECK_FALSE(loss.count(unused));
    auto ash = legendTexts(genogramScene(loadSample("ashford-dhr.yaml")));
    for (const char* used : {"Coercive control", "Stalking", "Cut off", "Divorced", "Separated", "Widowed (wid.)",
                             "Identical twins", "Household at the review date", "In recovery from substance misuse",
                             "Died", "Adopted child", "Living together", "Dating"})
        CHECK(ash.count(used));
    for (const char* unused : {"Sexual abuse", "Foster child", "Stillbirth", "Engaged"}) CHECK_FALSE(ash.count(unused));
    ViewOptions none;
    none.legend = false;
    CHECK(legendTexts(genogramScene(loadFamily("twins"), none)).empty());
}

TEST_CASE("the title is the case's, unless one is given", "[genogram]") {
    Case c = loadFamily("twins");
    auto hasText = [](const Scene& s, const std::string& t) {
        for (auto& it : s.items)
            if (auto* x = std::get_if<TextItem>(&it); x && x->text == t) return true;
        return false;
    };
    Scene s = genogramScene(c);
    CHECK(hasText(s, "Genogram fixture: twins"));
    ViewOptions opt;
    opt.title = "Figure 2: the family";
    Scene t = genogramScene(c, opt);
    CHECK(hasText(t, "Figure 2: the family"));
    CHECK_FALSE(hasText(t, "Genogram fixture: twins"));
}

TEST_CASE("the print theme is greyscale throughout", "[genogram]") {
    ViewOptions opt;
    opt.theme = Theme::Print;
    Scene s = genogramScene(loadSample("ashford-dhr.yaml"), opt);
    int checked = 0;
    for (auto& it : s.items) {
        if (auto* sh = std::get_if<ShapeItem>(&it)) {
            if (sh->paint.fill) CHECK(grey(*sh->paint.fill));
            if (sh->paint.stroke) CHECK(grey(*sh->paint.stroke));
            ++checked;
        } else if (auto* t = std::get_if<TextItem>(&it)) {
            CHECK(grey(t->color));
        }
    }
    CHECK(checked > 100);
    // And the colour theme really has colour (the print theme is not just the same picture).
    Scene colour = genogramScene(loadSample("ashford-dhr.yaml"));
    bool anyColour = false;
    for (auto& it : colour.items)
        if (auto* sh = std::get_if<ShapeItem>(&it); sh && sh->paint.stroke && !grey(*sh->paint.stroke)) anyColour = true;
    CHECK(anyColour);
}

TEST_CASE("every person can be picked: their symbol carries their id", "[genogram]") {
    Case c = loadSample("ashford-dhr.yaml");
    Scene s = genogramScene(c);
    for (auto& p : c.people) {
        INFO(p.id);
        auto shapes = shapesOf(s, p.id);
        REQUIRE(!shapes.empty());
        CHECK(s.contentBounds().intersects(shapes[0]->path.bounds()));
    }
}

TEST_CASE("households at the review date are outlined around their members", "[genogram]") {
    Scene s = genogramScene(loadSample("ashford-dhr.yaml"));
    CHECK(!shapesOf(s, "household:h5").empty());   // current at the reference date
    CHECK(!shapesOf(s, "household:h6").empty());
    CHECK(shapesOf(s, "household:h1").empty());    // ended years before
    CHECK(legendTexts(s).count("Household at the review date"));
    CHECK_FALSE(legendTexts(s).count("Household whose outline also takes in others"));
}

TEST_CASE("an anonymised genogram shows pseudonyms and hides children's sex", "[genogram]") {
    Case c = loadSample("ashford-dhr.yaml");
    AnonymisedCase anon = anonymise(c);
    ViewOptions opt;
    opt.todayDays = daysFromCivil(2024, 1, 1);
    Scene s = buildGenogramView(anon, opt).pages.front();
    std::string all;
    for (auto& it : s.items)
        if (auto* t = std::get_if<TextItem>(&it)) all += t->text + "\n";
    for (auto& p : c.people) {
        INFO(p.name);
        CHECK(all.find(p.name) == std::string::npos);
    }
    CHECK(all.find("Kerry") != std::string::npos);   // Nicole's pseudonym
    const std::string kayden = anon.idMap().at("kayden");
    auto symbol = outlines(s, kayden);
    REQUIRE(symbol.size() == 1);
    Rect d = symbol[0]->path.bounds();
    CHECK(symbol[0]->path.ops()[0].p[0] == Point{d.x + d.w / 2, d.y});   // the neutral diamond
    CHECK(legendTexts(s).count("Sex not known or not shown"));
}

TEST_CASE("every text in the key is legible (7 pt or more) and the years sample does not overlap itself",
          "[genogram]") {
    Scene s = genogramScene(loadSample("ashford-dhr.yaml"));
    auto texts = textsOf(s, "legend");
    REQUIRE_FALSE(texts.empty());
    const TextItem* born = nullptr;
    const TextItem* died = nullptr;
    for (auto* t : texts) {
        INFO(t->text);
        CHECK(t->sizePt >= 7);
        if (t->text == "1950") born = t;
        if (t->text == "2020") died = t;
    }
    REQUIRE(born);
    REQUIRE(died);
    CHECK(born->halign == HAlign::Right);   // ends left of where the death year starts
    CHECK(died->halign == HAlign::Left);
    CHECK(born->at.x < died->at.x);
}

TEST_CASE("a household's name sits where no line strikes through it", "[genogram]") {
    Scene s = genogramScene(loadSample("ashford-dhr.yaml"));
    int names = 0;
    for (const auto& item : s.items) {
        const auto* t = std::get_if<TextItem>(&item);
        if (!t || !t->modelId.starts_with("household:")) continue;
        ++names;
        const TextExtent e = measureText(t->text, t->sizePt, t->weight, t->italic);
        const double x = t->halign == HAlign::Left ? t->at.x : t->halign == HAlign::Center ? t->at.x - e.widthPt / 2
                                                                                           : t->at.x - e.widthPt;
        const double y = t->valign == VAlign::Top ? t->at.y : t->valign == VAlign::Bottom ? t->at.y - e.heightPt
                                                                                         : t->at.y - e.heightPt / 2;
        const Rect box{x + 1, y + 1, e.widthPt - 2, e.heightPt - 2};
        INFO(t->text);
        for (const auto& other : s.items) {
            const auto* sh = std::get_if<ShapeItem>(&other);
            if (!sh || sh->modelId.starts_with("household:") || !sh->paint.stroke) continue;
            Point at{};
            for (const auto& op : sh->path.ops()) {
                Point to = op.kind == PathOp::Curve ? op.p[2] : op.p[0];
                if (op.kind == PathOp::Line || op.kind == PathOp::Curve) {
                    INFO(sh->modelId);
                    CHECK_FALSE(geom::segmentHitsRect(at, to, box));
                }
                if (op.kind != PathOp::Close) at = to;
            }
        }
    }
    CHECK(names >= 2);   // the sample shows two households' names at its reference date
}
