// The report pack's figures on paper: the genogram at a legible size (one page, an A3
// fold-out page, or split between people over A3 pages), the timeline whole on one page
// wherever it can be, and their alternative text.
// [SECTION] paper and the page body
// [SECTION] the genogram: one page, a fold-out, or split where no symbol or label is cut
// [SECTION] the timeline
// [SECTION] alternative text
#include "core/publish/detail/report_pack_parts.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <set>

namespace genochron::pack {

// ---------------------------------------------------------------- [SECTION] paper

Paper a4(bool landscape) { return landscape ? Paper{841.89, 595.28, false} : Paper{595.28, 841.89, false}; }
Paper a3(bool landscape) { return landscape ? Paper{1190.55, 841.89, true} : Paper{841.89, 1190.55, true}; }

Rect bodyOf(double w, double h) {
    return {kMarginPt, kMarginPt + kHeadBandPt, w - 2 * kMarginPt, h - 2 * kMarginPt - kHeadBandPt - kFootBandPt};
}

Scene blankPage(const Paper& p) {
    Scene s;
    s.widthPt = p.w;
    s.heightPt = p.h;
    return s;
}

double smallestText(const Scene& s) {
    double m = 0;
    for (auto& it : s.items)
        if (auto* t = std::get_if<TextItem>(&it); t && !t->text.empty()) m = m == 0 ? t->sizePt : std::min(m, t->sizePt);
    return m;
}

Scene placeOn(const Scene& figure, const Paper& p, double k, Point at) { return placeScene(figure, k, at, p.w, p.h); }

// ---------------------------------------------------------------- [SECTION] the genogram

namespace {

// Where an item draws, in its scene's units.
std::optional<Rect> boundsOf(const SceneItem& item) {
    if (auto* s = std::get_if<ShapeItem>(&item)) {
        Rect b = s->path.bounds();
        return b.inflated(s->paint.stroke ? s->paint.lineWidth / 2 : 0);
    }
    if (auto* t = std::get_if<TextItem>(&item)) {
        if (t->text.empty()) return std::nullopt;
        TextExtent e = measureText(t->text, t->sizePt, t->weight, t->italic, t->maxWidthPt);
        double w = t->maxWidthPt > 0 ? t->maxWidthPt : e.widthPt;
        double x = t->at.x - (t->halign == HAlign::Center ? w / 2 : t->halign == HAlign::Right ? w : 0);
        double y = t->at.y;
        switch (t->valign) {
        case VAlign::Top: break;
        case VAlign::Middle: y -= e.heightPt / 2; break;
        case VAlign::Baseline: y -= e.baselinePt; break;
        case VAlign::Bottom: y -= e.heightPt; break;
        }
        return Rect{x, y, w, e.heightPt};
    }
    return std::nullopt;
}

// Symbols, labels and the key's samples must not be cut; long lines may be.
bool isObstacle(const SceneItem& item, const Rect& b) {
    if (std::holds_alternative<TextItem>(item)) return true;
    return b.w <= 80 && b.h <= 80;
}

struct Span {
    double from, to;
};

// Splits [0, total] into spans no longer than `span`, cutting where no blocked interval is
// (a gap between people or generation rows); where there is none, a hard cut with an overlap,
// so what the cut crosses is whole on one of the two pages.
std::vector<Span> spansOf(std::vector<Span> blocked, double total, double span) {
    std::sort(blocked.begin(), blocked.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    std::vector<Span> merged;
    for (auto& b : blocked) {
        if (!merged.empty() && b.from <= merged.back().to) merged.back().to = std::max(merged.back().to, b.to);
        else merged.push_back(b);
    }
    auto freeAt = [&](double x) {
        for (auto& b : merged)
            if (x > b.from && x < b.to) return false;
        return true;
    };
    std::vector<Span> out;
    double start = 0;
    while (start + span < total) {
        const double lo = start + 0.4 * span, hi = start + span;
        double cut = -1;
        if (freeAt(hi)) cut = hi;
        for (auto it = merged.rbegin(); cut < 0 && it != merged.rend(); ++it) {
            if (it->from >= hi) continue;
            double c = it->from - 1;   // just before a blocked interval
            if (c < lo) break;
            if (c <= hi && freeAt(c)) cut = c;
        }
        if (cut >= 0) {
            out.push_back({start, cut});
            start = cut;
        } else {
            out.push_back({start, hi});
            start = hi - 0.15 * span;
        }
    }
    out.push_back({start, total});
    return out;
}

struct Tile {
    Rect area;   // in the figure's units
    int row = 0, col = 0;
};

TextItem note(const std::string& t, Point at, HAlign h = HAlign::Left) {
    TextItem ti;
    ti.text = t;
    ti.at = at;
    ti.sizePt = 7.5;
    ti.italic = true;
    ti.color = Color::rgb(0x3b4350);
    ti.valign = VAlign::Top;
    ti.halign = h;
    return ti;
}

}  // namespace

FigurePages genogramPages(const Scene& fig, bool landscape, int firstPage) {
    FigurePages out;
    const double minText = smallestText(fig);
    const double need = minText > 0 ? kMinGenogramTextPt / minText : 0;
    const double W = std::max(1.0, fig.widthPt), H = std::max(1.0, fig.heightPt);
    // One page when it fits at a legible size: A4 first, then an A3 fold-out.
    for (const Paper& p : {a4(landscape), a4(!landscape), a3(true), a3(false)}) {
        Rect b = bodyOf(p.w, p.h);
        double k = std::min(b.w / W, b.h / H);
        if (k + 1e-9 < need) continue;
        k = std::min(k, std::max(need, 1.6));   // not blown up past 1.6x
        out.pages.push_back(placeOn(fig, p, k, {b.x + (b.w - W * k) / 2, b.y}));
        out.note = p.a3 ? "A3 fold-out page" : "";
        return out;
    }
    // Too large for one A3 page at a legible size: split over A3 pages, in whichever
    // orientation takes fewer, cutting between people and between generation rows.
    const double k = need;
    std::vector<std::pair<SceneItem const*, Rect>> obstacles;
    for (auto& it : fig.items)
        if (auto b = boundsOf(it); b && isObstacle(it, *b)) obstacles.push_back({&it, *b});
    const double stripH = 14;   // "Genogram, part 2 of 4 · continues on ..."
    auto plan = [&](const Paper& p) {
        Rect b = bodyOf(p.w, p.h);
        const double tw = b.w / k, th = (b.h - stripH) / k;
        std::vector<Span> ys;
        for (auto& [it, r] : obstacles) ys.push_back({r.y, r.bottom()});
        std::vector<Tile> tiles;
        auto rows = spansOf(ys, H, th);
        for (std::size_t ri = 0; ri < rows.size(); ++ri) {
            std::vector<Span> xs;
            for (auto& [it, r] : obstacles)
                if (r.bottom() > rows[ri].from && r.y < rows[ri].to) xs.push_back({r.x, r.right()});
            auto cols = spansOf(xs, W, tw);
            for (std::size_t ci = 0; ci < cols.size(); ++ci)
                tiles.push_back({{cols[ci].from, rows[ri].from, cols[ci].to - cols[ci].from, rows[ri].to - rows[ri].from},
                                 int(ri), int(ci)});
        }
        return tiles;
    };
    Paper paper = a3(true);
    auto tiles = plan(paper);
    if (auto other = plan(a3(false)); other.size() < tiles.size()) {
        tiles = std::move(other);
        paper = a3(false);
    }
    const Rect b = bodyOf(paper.w, paper.h);
    const Rect area{b.x, b.y + stripH, b.w, b.h - stripH};
    auto pageOf = [&](int row, int col) -> int {
        for (std::size_t i = 0; i < tiles.size(); ++i)
            if (tiles[i].row == row && tiles[i].col == col) return firstPage + int(i) + 1;
        return 0;
    };
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const Tile& t = tiles[i];
        // Only what this part shows (a large family would otherwise repeat on every page).
        Scene part;
        part.widthPt = fig.widthPt;
        part.heightPt = fig.heightPt;
        part.background = fig.background;
        const Rect keep = t.area.inflated(2);
        for (auto& it : fig.items) {
            auto bb = boundsOf(it);
            if (!bb || bb->intersects(keep)) part.items.push_back(it);
        }
        Scene s = placeOn(part, paper, k, {area.x - t.area.x * k, area.y - t.area.y * k});
        s.items.insert(s.items.begin(), ClipPush{{area.x, area.y, t.area.w * k, t.area.h * k}});
        s.items.emplace_back(ClipPop{});
        // Which page each cut edge continues on.
        std::vector<std::string> parts{fmt::format("Genogram, part {} of {}", i + 1, tiles.size())};
        Paint dashed = Paint::stroked(Color::rgb(0x5c6775), 0.8, {4, 3});
        const double x1 = area.x + t.area.w * k, y1 = area.y + t.area.h * k;
        if (int p = pageOf(t.row, t.col - 1)) {
            parts.push_back(fmt::format("\u25C2 left of here: page {}", p));
            s.add(Path().moveTo({area.x, area.y}).lineTo({area.x, y1}), dashed);
        }
        if (int p = pageOf(t.row, t.col + 1)) {
            parts.push_back(fmt::format("continues to the right on page {} \u25B8", p));
            s.add(Path().moveTo({x1, area.y}).lineTo({x1, y1}), dashed);
        }
        if (t.row > 0) {
            int p = 0;
            for (std::size_t j = 0; j < tiles.size() && !p; ++j)
                if (tiles[j].row == t.row - 1 && tiles[j].area.x < t.area.right() && tiles[j].area.right() > t.area.x)
                    p = firstPage + int(j) + 1;
            if (p) parts.push_back(fmt::format("\u25B4 above: page {}", p));
            s.add(Path().moveTo({area.x, area.y}).lineTo({x1, area.y}), dashed);
        }
        bool below = false;
        for (std::size_t j = 0; j < tiles.size(); ++j)
            if (tiles[j].row == t.row + 1 && tiles[j].area.x < t.area.right() && tiles[j].area.right() > t.area.x) {
                if (!below) parts.push_back(fmt::format("continues below on page {} \u25BE", firstPage + int(j) + 1));
                below = true;
            }
        if (below) s.add(Path().moveTo({area.x, y1}).lineTo({x1, y1}), dashed);
        std::string line;
        for (auto& x : parts) line += (line.empty() ? "" : "   \u00B7   ") + x;
        s.text(note(line, {b.x, b.y}));
        out.pages.push_back(std::move(s));
    }
    out.note = fmt::format("split over {} A3 pages, joined at the marked edges", tiles.size());
    return out;
}

// ---------------------------------------------------------------- [SECTION] the timeline

FigurePages timelinePages(const ViewCase& vc, const ViewOptions& base, bool landscape) {
    const Paper papers[] = {a4(landscape), a3(false), a3(true)};
    FigurePages out;
    for (std::size_t i = 0; i < std::size(papers); ++i) {
        const Paper& p = papers[i];
        const Rect b = bodyOf(p.w, p.h);
        ViewOptions vo = base;
        vo.page.size = p.a3 ? PageSpec::Size::A3 : PageSpec::Size::A4;
        vo.page.landscape = p.w > p.h;
        // The timeline lays itself out for the page less its margins: make that the body.
        vo.page.marginPt = std::max(kMarginPt, (p.h - b.h) / 2);
        Document d = buildView(vc, ViewKind::Timeline, vo);
        const bool last = i + 1 == std::size(papers);
        if (d.pages.size() > 1 && !last) continue;
        for (auto& page : d.pages) {
            const double W = std::max(1.0, page.widthPt), H = std::max(1.0, page.heightPt);
            const double k = std::min({b.w / W, b.h / H, 1.0});
            out.pages.push_back(placeOn(page, p, k, {b.x + (b.w - W * k) / 2, b.y}));
        }
        out.note = d.pages.size() > 1 ? fmt::format("split over {} A3 pages between its lanes", d.pages.size())
                   : p.a3             ? "A3 fold-out page"
                                      : "";
        return out;
    }
    return out;
}

// ---------------------------------------------------------------- [SECTION] alternative text

namespace {

std::string nameOf(const Person& p) { return !p.pseudonym.empty() ? p.pseudonym : !p.name.empty() ? p.name : p.id; }

const char* numberWord(int n) {
    static const char* w[] = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    return n >= 0 && n <= 10 ? w[n] : nullptr;
}

std::string count(int n, const char* one, const char* many) {
    const char* w = numberWord(n);
    return fmt::format("{} {}", w ? std::string(w) : std::to_string(n), n == 1 ? one : many);
}

std::string listOf(const std::vector<std::string>& xs) {
    std::string s;
    for (std::size_t i = 0; i < xs.size(); ++i) s += (i == 0 ? "" : i + 1 == xs.size() ? " and " : ", ") + xs[i];
    return s;
}

}  // namespace

std::string genogramAlt(const Case& c, const std::string& placement) {
    int people = 0, pregnancies = 0;
    std::map<std::string, const Person*> byId;
    for (auto& p : c.people) {
        byId[p.id] = &p;
        (p.isPregnancyNode() ? pregnancies : people)++;
    }
    // Generations: a person without parents in the case starts one.
    std::map<std::string, int> gen;
    std::function<int(const Person&, int)> depth = [&](const Person& p, int guard) -> int {
        if (auto it = gen.find(p.id); it != gen.end()) return it->second;
        int g = 0;
        if (guard < 64)
            for (auto& par : p.parents)
                if (auto it = byId.find(par); it != byId.end()) g = std::max(g, depth(*it->second, guard + 1) + 1);
        gen[p.id] = g;
        return g;
    };
    int generations = 0;
    for (auto& p : c.people)
        if (!p.isPregnancyNode()) generations = std::max(generations, depth(p, 0) + 1);
    std::string s = fmt::format("Genogram of {} over {}", count(people, "person", "people"),
                                count(generations, "generation", "generations"));
    if (pregnancies) s += fmt::format(", with {}", count(pregnancies, "pregnancy", "pregnancies"));
    s += ".";
    std::vector<std::string> victims, perpetrators;
    const Person* index = nullptr;
    for (auto& p : c.people) {
        if (p.index && !index) index = &p;
        for (Role r : p.roles) {
            if (r == Role::Victim) victims.push_back(nameOf(p));
            if (r == Role::Perpetrator) perpetrators.push_back(nameOf(p));
        }
    }
    if (index) s += fmt::format(" The subject of the review, {}, has a double outline.", nameOf(*index));
    if (!victims.empty()) s += fmt::format(" Victim: {}.", listOf(victims));
    if (!perpetrators.empty()) s += fmt::format(" Perpetrator: {}.", listOf(perpetrators));
    int dead = 0;
    for (auto& p : c.people) dead += !p.isPregnancyNode() && p.died.has_value();
    std::string drawnAs = fmt::format(" {} and {} are drawn", count(int(c.partnerships.size()), "partnership", "partnerships"),
                                      count(int(c.households.size()), "household", "households"));
    drawnAs[1] = char(std::toupper(static_cast<unsigned char>(drawnAs[1])));
    s += drawnAs;
    if (dead) s += fmt::format("; {} marked with a cross", count(dead, "person who has died is", "people who have died are"));
    s += ".";
    std::vector<std::string> abuse;
    for (auto& r : c.relations) {
        bool directed = r.kind == RelationKind::PhysicalAbuse || r.kind == RelationKind::EmotionalAbuse ||
                        r.kind == RelationKind::SexualAbuse || r.kind == RelationKind::CoerciveControl ||
                        r.kind == RelationKind::FinancialAbuse || r.kind == RelationKind::Stalking;
        if (!directed) continue;
        auto a = byId.find(r.from), b = byId.find(r.to);
        if (a == byId.end() || b == byId.end()) continue;
        std::string kind(toString(r.kind));
        std::replace(kind.begin(), kind.end(), '_', ' ');
        abuse.push_back(fmt::format("{} by {} towards {}", kind, nameOf(*a->second), nameOf(*b->second)));
    }
    if (!abuse.empty()) {
        std::sort(abuse.begin(), abuse.end());
        abuse.erase(std::unique(abuse.begin(), abuse.end()), abuse.end());
        if (abuse.size() > 8) {
            std::size_t more = abuse.size() - 8;
            abuse.resize(8);
            abuse.push_back(fmt::format("{} more", more));
        }
        s += " Arrows mark " + listOf(abuse) + ".";
    }
    s += " Squares are male, circles female and diamonds people whose sex is not shown (McGoldrick's notation; the key "
         "lists every symbol used).";
    if (!placement.empty()) s += " Printed " + placement + ".";
    return s;
}

std::string timelineAlt(const Case& c) {
    int personal = 0, mos = 0, shared = 0, undated = 0;
    std::set<std::string> agencies;
    std::optional<int> first, last;
    for (auto& e : c.events) {
        if (e.source == Source::AgencyRecord && !e.agency.empty()) agencies.insert(e.agency);
        else if (e.source != Source::AgencyRecord) ++personal;
        mos += e.isMissedOpportunity();
        shared += !e.sharedWith.empty();
        if (!e.date.known()) {
            ++undated;
            continue;
        }
        int y0 = civilFromDays(e.date.earliestDay()).year, y1 = civilFromDays(e.date.latestDay()).year;
        first = first ? std::min(*first, y0) : y0;
        last = last ? std::max(*last, y1) : y1;
    }
    std::string s = "Multi-agency timeline";
    if (first) s += *first == *last ? fmt::format(" of {}", *first) : fmt::format(" from {} to {}", *first, *last);
    s += fmt::format(": {} in lanes, one per agency ({}), and {} from family, friends and others in lanes of their own.",
                     count(int(c.events.size()) - personal, "agency record", "agency records"),
                     count(int(agencies.size()), "agency", "agencies"), count(personal, "account", "accounts"));
    if (mos) s += fmt::format(" {} marked and numbered from MO1 in date order.", count(mos, "missed opportunity is", "missed opportunities are"));
    if (shared) s += fmt::format(" Arrows show information passed between agencies ({}).", count(shared, "event", "events"));
    if (undated) s += fmt::format(" {} kept in an undated column.", count(undated, "undated event is", "undated events are"));
    return s;
}

}  // namespace genochron::pack
