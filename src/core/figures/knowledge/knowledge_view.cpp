// The "who knew what, when" figure: agencies down the side, risk indicators across;
// each cell says when that agency first held the information and whether it passed it
// on, and to whom. Silos (held, not shared) and what only family and friends knew stand
// out; meaning is carried by words and patterns as well as colour (print theme).
// [SECTION] palette and text
// [SECTION] cells
// [SECTION] the figure
#include "core/figures/knowledge/knowledge_matrix.hpp"
#include "core/figures/knowledge/knowledge_view.hpp"
#include "core/figures/timeline/timeline_labels.hpp"
#include "core/figures/timeline/timeline_style.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace genochron {

namespace knowledge {

namespace {

// ---------------------------------------------------------------- [SECTION] palette and text

struct Pal {
    Theme theme;
    Color ink, muted, faint, grid, header, paper;
    Color shared, partly, notShared, notSharedInk, received, outside, outsideOnly;
};

Pal palFor(Theme t) {
    Pal p{};
    p.theme = t;
    p.ink = Color::rgb(0x1A1A1A);
    p.muted = Color::rgb(0x555555);
    p.faint = Color::rgb(0x8A8A8A);
    p.grid = Color::rgb(0xC8C8C8);
    p.header = Color::rgb(0xEDEFF2);
    p.paper = Color{1, 1, 1, 1};
    if (t == Theme::Print) {
        p.shared = Color::rgb(0xE4E4E4);
        p.partly = Color::rgb(0xF2F2F2);
        p.notShared = Color::rgb(0xFFFFFF);
        p.notSharedInk = Color::rgb(0x000000);
        p.received = Color::rgb(0xFFFFFF);
        p.outside = Color::rgb(0xF4F4F4);
        p.outsideOnly = Color::rgb(0x000000);
    } else {
        p.shared = Color::rgb(0xCFE8D5);
        p.partly = Color::rgb(0xFBE3B0);
        p.notShared = Color::rgb(0xF6C6B6);
        p.notSharedInk = Color::rgb(0xA8281E);
        p.received = Color::rgb(0xD8E5F6);
        p.outside = Color::rgb(0xEAE1F3);
        p.outsideOnly = Color::rgb(0x6A3D9A);
    }
    return p;
}

TextItem text(std::string s, Point at, double size, Color c, HAlign h = HAlign::Left, VAlign v = VAlign::Top,
              FontWeight w = FontWeight::Normal, bool italic = false, double maxW = 0, std::string id = {}) {
    TextItem t;
    t.text = std::move(s);
    t.at = at;
    t.sizePt = size;
    t.color = c;
    t.halign = h;
    t.valign = v;
    t.weight = w;
    t.italic = italic;
    t.maxWidthPt = maxW;
    t.modelId = std::move(id);
    return t;
}

constexpr double kMargin = 24;
constexpr double kLabelW = 190;     // the agencies' column
constexpr double kColW = 66;
constexpr double kRowH = 34;
constexpr double kHeadH = 40;
constexpr double kSummaryH = 26;

// Short date: "14 Jul 2017", "Jul 2017", "c. 2018", ...
std::string shortDate(const std::optional<Date>& d) { return d ? d->humanLabel() : std::string("date unknown"); }

// "→ CSC, PRIMARY" within a width, "+2" when not all fit.
std::string codesList(const Matrix& m, const std::set<std::string>& keys, const Case& c, double maxW, double size) {
    std::vector<std::string> codes;
    for (auto& k : keys) {
        int r = m.rowOf(k);
        if (r >= 0) codes.push_back(m.rows[std::size_t(r)].code);
        else if (const Agency* a = c.agency(k)) codes.push_back(a->id);
    }
    std::string s;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        std::string cand = s + (i ? ", " : "") + codes[i];
        std::string more = i + 1 < codes.size() ? fmt::format(" +{}", codes.size() - i - 1) : "";
        if (measureText(cand + more, size).widthPt > maxW && i > 0) {
            return s + fmt::format(" +{}", codes.size() - i);
        }
        s = cand;
    }
    return s;
}

// ---------------------------------------------------------------- [SECTION] cells

void drawCell(Scene& s, const Matrix& m, const Row& row, std::size_t col, Rect r, const Case& c, const Pal& pal) {
    const Cell& cell = row.cells[col];
    const Cell::State st = row.state(col);
    const std::string id = "knowledge:" + row.key + ":" + m.columns[col]->key;
    if (st == Cell::State::None) {
        s.add(Path::rect(r), Paint::filled(pal.paper), id);
        return;
    }
    Paint p = Paint::filled(pal.paper);
    Color lineInk = pal.ink;
    std::string line2;
    bool line2Bold = false, line2Italic = false;
    Color line2Ink = pal.muted;
    const double inner = r.w - 6;
    switch (st) {
    case Cell::State::Shared:
        p = Paint::filled(pal.shared);
        line2 = "\u2192 " + codesList(m, cell.sharedWith, c, inner - 8, 5.8);
        break;
    case Cell::State::PartlyShared:
        p = Paint::filled(pal.partly);
        if (pal.theme == Theme::Print) { p.hatch = Hatch::Dots; p.stroke = pal.faint; p.lineWidth = 0.3; }
        line2 = "\u2192 " + codesList(m, cell.sharedWith, c, inner - 8, 5.8);
        break;
    case Cell::State::NotShared:
        p = Paint::filled(pal.notShared);
        if (pal.theme == Theme::Print) { p.hatch = Hatch::Diagonal; p.stroke = pal.grid; p.lineWidth = 0.4; }
        line2 = "not shared";
        line2Bold = true;
        line2Ink = pal.notSharedInk;
        break;
    case Cell::State::ReceivedOnly:
        p = Paint::filled(pal.received);
        line2 = "from " + codesList(m, cell.receivedFrom, c, inner - 22, 5.8);
        line2Italic = true;
        break;
    case Cell::State::KnownOutside:
        p = Paint::filled(pal.outside);
        line2 = m.onlyOutside(col) ? "no agency knew" : "";
        line2Italic = true;
        line2Bold = m.onlyOutside(col);
        line2Ink = m.onlyOutside(col) ? pal.outsideOnly : pal.muted;
        break;
    case Cell::State::None: break;
    }
    s.add(Path::rect(r), p, id);
    if (st == Cell::State::NotShared)   // a heavier frame: a silo reads at a glance, in any theme
        s.add(Path::rect(r.inflated(-0.8)), Paint::stroked(pal.notSharedInk, 1.2), id);
    if (st == Cell::State::KnownOutside && m.onlyOutside(col))
        s.add(Path::rect(r.inflated(-0.8)), Paint::stroked(pal.outsideOnly, 1.0), id);
    const double x = r.x + 3;
    s.text(text(timeline::fitText(shortDate(cell.first()), 6.4, inner, nullptr, FontWeight::Bold, false), {x, r.y + 3},
                6.4, lineInk, HAlign::Left, VAlign::Top, FontWeight::Bold, false, 0, id));
    if (!line2.empty())
        s.text(text(timeline::fitText(line2, 5.8, inner, nullptr, line2Bold ? FontWeight::Bold : FontWeight::Normal, line2Italic),
                    {x, r.y + 12.5}, 5.8, line2Ink, HAlign::Left, VAlign::Top,
                    line2Bold ? FontWeight::Bold : FontWeight::Normal, line2Italic, 0, id));
    // Counts at the foot: own records, and what was passed to it.
    std::string foot;
    if (!cell.own.empty()) foot = fmt::format("{} record{}", cell.own.size(), cell.own.size() == 1 ? "" : "s");
    if (row.agency && !cell.received.empty() && st != Cell::State::ReceivedOnly)
        foot += fmt::format("{}told by {}", foot.empty() ? "" : " \u00b7 ", cell.receivedFrom.size());
    else if (st == Cell::State::ReceivedOnly)
        foot = fmt::format("{} shared with it", cell.received.size());
    s.text(text(timeline::fitText(foot, 5.2, inner, nullptr, FontWeight::Normal, false), {x, r.bottom() - 2.5}, 5.2,
                pal.faint, HAlign::Left, VAlign::Bottom, FontWeight::Normal, false, 0, id));
}

// The key: one swatch per kind of cell, drawn like the cells.
double drawKey(Scene& s, const Pal& pal, double x, double y, double maxW) {
    s.text(text("Key", {x, y}, 8.5, pal.ink, HAlign::Left, VAlign::Top, FontWeight::Bold));
    y += 14;
    struct Entry { Color fillC; Hatch hatch; bool frame; Color frameC; std::string what; };
    const std::vector<Entry> entries = {
        {pal.shared, Hatch::None, false, pal.ink, "held and passed on: \u2192 the agencies it told (its shared_with)"},
        {pal.partly, pal.theme == Theme::Print ? Hatch::Dots : Hatch::None, false, pal.ink,
         "held, passed on only some of the time"},
        {pal.notShared, pal.theme == Theme::Print ? Hatch::Diagonal : Hatch::None, true, pal.notSharedInk,
         "held and not passed on to any agency (a silo)"},
        {pal.received, Hatch::None, false, pal.ink, "not in its own records, but another agency told it (from \u2026)"},
        {pal.outside, Hatch::None, true, pal.outsideOnly,
         "family, friends or the people themselves knew; framed where no agency held it"},
    };
    double cx = x, rowH = 16;
    for (auto& e : entries) {
        double w = 20 + 4 + measureText(e.what, 6.8).widthPt + 18;
        if (cx + w > x + maxW && cx > x) {
            cx = x;
            y += rowH;
        }
        Paint p = Paint::filled(e.fillC);
        if (e.hatch != Hatch::None) { p.hatch = e.hatch; p.stroke = pal.faint; p.lineWidth = 0.4; }
        Rect sw{cx, y, 20, 11};
        s.add(Path::rect(sw), p);
        s.add(Path::rect(sw), Paint::stroked(pal.grid, 0.6));
        if (e.frame) s.add(Path::rect(sw.inflated(-0.8)), Paint::stroked(e.frameC, 1.1));
        s.text(text(e.what, {cx + 24, y + 5.5}, 6.8, pal.ink, HAlign::Left, VAlign::Middle));
        cx += w;
    }
    y += rowH + 2;
    s.text(text("Each cell: the date that agency first held the information (its own record or what another agency "
                "told it), who it passed it on to, and how many of its records show it. Indicators come from the "
                "events' tags and homicide timeline stages. Codes are the agencies' short names at the left.",
                {x, y}, 6.6, pal.muted, HAlign::Left, VAlign::Top, FontWeight::Normal, true, maxW));
    y += measureText("x", 6.6, FontWeight::Normal, true).heightPt * 2 + 6;
    return y;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] the figure

Document buildKnowledgeDocument(const Case& c, const ViewOptions& opt) {
    const Pal pal = palFor(opt.theme);
    const Matrix m = buildMatrix(c);
    Scene s;
    s.background = pal.paper;
    const double gridW = kLabelW + double(m.columns.size()) * kColW + kColW;   // + the row summary column
    const double width = std::max(gridW, 620.0) + 2 * kMargin;
    double y = kMargin;
    std::string title = !opt.title.empty() ? opt.title : !c.info.title.empty() ? c.info.title : "Who knew what, when";
    s.text(text(title, {kMargin, y}, 15, pal.ink, HAlign::Left, VAlign::Top, FontWeight::Bold));
    y += measureText(title, 15, FontWeight::Bold).heightPt + 2;
    s.text(text("Who knew what, when: what each agency's records held about each risk indicator, from when, and "
                "whether it passed it on",
                {kMargin, y}, 9, pal.muted, HAlign::Left, VAlign::Top, FontWeight::Normal, false, width - 2 * kMargin));
    y += 22;
    if (m.rows.empty() || m.columns.empty()) {
        s.text(text("No event carries a risk indicator (tags such as physical_abuse, stalking, ccb_..., pregnancy): "
                    "nothing to show.",
                    {kMargin, y}, 10, pal.muted, HAlign::Left, VAlign::Top, FontWeight::Normal, true, width - 2 * kMargin));
        s.widthPt = width;
        s.heightPt = y + 40;
        Document d;
        d.pages.push_back(std::move(s));
        d.outlineTitle = "Who knew what, when";
        return d;
    }
    const double x0 = kMargin, gx = kMargin + kLabelW;
    // Column headers, wrapped in the column.
    s.add(Path::rect({x0, y, gridW, kHeadH}), Paint::filled(pal.header));
    s.text(text("Agency / source", {x0 + 6, y + kHeadH - 4}, 7.4, pal.ink, HAlign::Left, VAlign::Bottom, FontWeight::Bold));
    for (std::size_t col = 0; col < m.columns.size(); ++col) {
        double cx = gx + double(col) * kColW;
        s.text(text(m.columns[col]->label, {cx + 3, y + kHeadH - 3}, 6.8, pal.ink, HAlign::Left, VAlign::Bottom,
                    FontWeight::Bold, false, kColW - 6));
    }
    s.text(text("Passed on", {gx + double(m.columns.size()) * kColW + 3, y + kHeadH - 3}, 6.8, pal.ink, HAlign::Left,
                VAlign::Bottom, FontWeight::Bold, false, kColW - 6));
    y += kHeadH;
    const double gridTop = y;
    bool sideBegun = false;
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        const Row& row = m.rows[r];
        if (!row.agency && !sideBegun) {
            sideBegun = true;
            y += 4;
            s.add(Path::rect({x0, y, gridW, 14}), Paint::filled(pal.header));
            s.text(text("Family, friends and the people themselves: what was known outside the agencies",
                        {x0 + 6, y + 7}, 7, pal.ink, HAlign::Left, VAlign::Middle, FontWeight::Bold, true));
            y += 14;
        }
        if (r % 2 == 1) s.add(Path::rect({x0, y, kLabelW, kRowH}), Paint::filled(Color::rgb(0xF6F7F9)));
        // The row's label: its code in a chip, then its name.
        if (row.agency) {
            Color kc = timeline::paletteFor(opt.theme).kind(row.kind);
            s.add(Path::rect({x0 + 2, y + 3, 3, kRowH - 6}), Paint::filled(kc));
            s.text(text(row.code, {x0 + 9, y + 4}, 6.6, pal.ink, HAlign::Left, VAlign::Top, FontWeight::Bold));
            s.text(text(timeline::fitText(row.label, 6.6, kLabelW - 14, nullptr, FontWeight::Normal, false), {x0 + 9, y + 13},
                        6.6, pal.muted, HAlign::Left, VAlign::Top));
            s.text(text(std::string(timeline::kindLabel(row.kind)), {x0 + 9, y + kRowH - 3}, 5.6, pal.faint, HAlign::Left,
                        VAlign::Bottom, FontWeight::Normal, true));
        } else {
            s.text(text(row.label, {x0 + 9, y + kRowH / 2}, 7.2, pal.ink, HAlign::Left, VAlign::Middle, FontWeight::Normal, true));
        }
        int held = 0, silo = 0;
        std::set<std::string> told;
        for (std::size_t col = 0; col < m.columns.size(); ++col) {
            Rect cr{gx + double(col) * kColW, y, kColW, kRowH};
            drawCell(s, m, row, col, cr, c, pal);
            held += !row.cells[col].own.empty();
            auto st = row.state(col);
            silo += st == Cell::State::NotShared;
            told.insert(row.cells[col].sharedWith.begin(), row.cells[col].sharedWith.end());
        }
        // The row's summary: how much of what it held went to nobody.
        double sx = gx + double(m.columns.size()) * kColW + 3;
        if (row.agency && held) {
            s.text(text(fmt::format("{} of {} held", held - silo, held), {sx, y + 4}, 6.4, pal.ink, HAlign::Left,
                        VAlign::Top, FontWeight::Bold));
            s.text(text(silo ? fmt::format("{} not passed on", silo) : std::string("all passed on"), {sx, y + 13}, 5.8,
                        silo ? pal.notSharedInk : pal.muted, HAlign::Left, VAlign::Top, silo ? FontWeight::Bold : FontWeight::Normal));
            if (!told.empty())
                s.text(text(fmt::format("told {} agenc{}", told.size(), told.size() == 1 ? "y" : "ies"), {sx, y + kRowH - 3},
                            5.4, pal.faint, HAlign::Left, VAlign::Bottom));
        } else if (row.agency) {
            s.text(text("only what it was told", {sx, y + 4}, 5.8, pal.muted, HAlign::Left, VAlign::Top, FontWeight::Normal,
                        true, kColW - 6));
        }
        y += kRowH;
    }
    // The grid over the cells.
    const double gridBottom = y;
    for (std::size_t col = 0; col <= m.columns.size() + 1; ++col) {
        double gxCol = gx + double(col) * kColW;
        s.add(Path().moveTo({gxCol, gridTop - kHeadH}).lineTo({gxCol, gridBottom}), Paint::stroked(pal.grid, 0.5));
    }
    s.add(Path::rect({x0, gridTop - kHeadH, gridW, gridBottom - gridTop + kHeadH}), Paint::stroked(pal.faint, 0.8));
    // Per indicator: how many agencies held it, how many kept it to themselves.
    s.add(Path::rect({x0, y, gridW, kSummaryH}), Paint::filled(pal.header));
    s.text(text("Agencies that held it", {x0 + 6, y + 4}, 7, pal.ink, HAlign::Left, VAlign::Top, FontWeight::Bold));
    s.text(text("of them, not passed on", {x0 + 6, y + 14}, 6.4, pal.muted, HAlign::Left, VAlign::Top));
    for (std::size_t col = 0; col < m.columns.size(); ++col) {
        double cx = gx + double(col) * kColW + 3;
        int h = m.holders(col), sl = m.silos(col);
        if (m.onlyOutside(col)) {
            s.text(text("none", {cx, y + 4}, 7, pal.outsideOnly, HAlign::Left, VAlign::Top, FontWeight::Bold));
            s.text(text("family knew", {cx, y + 14}, 6, pal.outsideOnly, HAlign::Left, VAlign::Top, FontWeight::Normal, true));
            continue;
        }
        s.text(text(std::to_string(h), {cx, y + 4}, 7, pal.ink, HAlign::Left, VAlign::Top, FontWeight::Bold));
        s.text(text(sl ? fmt::format("{} silo{}", sl, sl == 1 ? "" : "s") : std::string("\u2014"), {cx, y + 14}, 6.2,
                    sl ? pal.notSharedInk : pal.muted, HAlign::Left, VAlign::Top, sl ? FontWeight::Bold : FontWeight::Normal));
    }
    y += kSummaryH + 8;
    const double textW = width - 2 * kMargin;
    if (!m.absent.empty()) {
        std::string a = "No record shows: ";
        for (std::size_t i = 0; i < m.absent.size(); ++i) a += (i ? ", " : "") + m.absent[i];
        s.text(text(a + ".", {kMargin, y}, 6.8, pal.muted, HAlign::Left, VAlign::Top, FontWeight::Normal, true, textW));
        y += measureText(a, 6.8, FontWeight::Normal, true, textW).heightPt + 4;
    }
    if (!m.agenciesWithoutRecord.empty()) {
        std::string a = "Agencies with no event in the chronology: ";
        for (std::size_t i = 0; i < m.agenciesWithoutRecord.size(); ++i) a += (i ? ", " : "") + m.agenciesWithoutRecord[i];
        s.text(text(a + ".", {kMargin, y}, 6.8, pal.muted, HAlign::Left, VAlign::Top, FontWeight::Normal, true, textW));
        y += measureText(a, 6.8, FontWeight::Normal, true, textW).heightPt + 4;
    }
    if (opt.legend) y = drawKey(s, pal, kMargin, y + 6, textW);
    s.widthPt = std::ceil(width);
    s.heightPt = std::ceil(y + kMargin);
    Document d;
    d.pages.push_back(std::move(s));
    d.outlineTitle = "Who knew what, when";
    return d;
}

}  // namespace knowledge

Document buildKnowledgeView(const ViewCase& vc, const ViewOptions& opt) {
    Document d = knowledge::buildKnowledgeDocument(vc.data(), opt);
    d.anonymised = vc.anonymised();
    return d;
}

}  // namespace genochron
