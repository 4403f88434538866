// [SECTION] measuring and wrapping
// [SECTION] pagination: whole rows; an over-tall row split between lines
// [SECTION] drawing a page
#include "core/figures/actions/actions_table.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <mutex>
#include <numeric>
#include <unordered_map>

namespace genochron::actions {

// ---------------------------------------------------------------- [SECTION] measuring

TextExtent measure(const std::string& text, const TextStyle& st) {
    if (text.size() > 120) return measureText(text, st.sizePt, st.weight, st.italic, 0);
    // The app may build figures on more than one thread.
    static std::mutex mutex;
    static std::unordered_map<std::string, TextExtent> cache;
    std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", text, st.sizePt, int(st.weight), st.italic);
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(key); it != cache.end()) return it->second;
    }
    TextExtent e = measureText(text, st.sizePt, st.weight, st.italic, 0);
    std::lock_guard lock(mutex);
    if (cache.size() > 50000) cache.clear();
    cache.emplace(std::move(key), e);
    return e;
}

namespace {

double widthOf(const std::string& s, const TextStyle& st) { return measure(s, st).widthPt; }
double lineHeight(const TextStyle& st) { return measure("Ag", st).heightPt; }

std::size_t nextChar(const std::string& s, std::size_t i) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

// The longest prefix of `word` (whole characters, at least one) that fits `width`.
std::size_t fitting(const std::string& word, const TextStyle& st, double width) {
    std::size_t best = nextChar(word, 0);
    for (std::size_t i = best; i < word.size();) {
        std::size_t j = nextChar(word, i);
        if (widthOf(word.substr(0, j), st) > width) break;
        best = i = j;
    }
    return best;
}

}  // namespace

std::vector<Line> wrap(const std::string& text, const TextStyle& st, double width, double gapBefore) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        std::size_t nl = text.find('\n', start);
        std::string hard = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        std::string cur;
        std::size_t i = 0;
        while (i <= hard.size()) {
            std::size_t j = hard.find(' ', i);
            if (j == std::string::npos) j = hard.size();
            std::string w = hard.substr(i, j - i);
            i = j + 1;
            if (w.empty()) continue;
            std::string cand = cur.empty() ? w : cur + " " + w;
            if (widthOf(cand, st) <= width) {
                cur = std::move(cand);
                continue;
            }
            if (!cur.empty()) lines.push_back(std::move(cur));
            cur.clear();
            while (widthOf(w, st) > width) {   // a word wider than the column: break inside it
                std::size_t cut = fitting(w, st, width);
                lines.push_back(w.substr(0, cut));
                w = w.substr(cut);
            }
            cur = w;
        }
        lines.push_back(cur);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    std::vector<Line> out;
    const double lh = lineHeight(st);
    for (std::size_t k = 0; k < lines.size(); ++k) {
        Line l;
        l.text = std::move(lines[k]);
        l.style = st;
        l.gap = k ? 0 : gapBefore;
        l.h = lh + l.gap;
        out.push_back(std::move(l));
    }
    return out;
}

Line pill(const std::string& text, const TextStyle& st, std::optional<Color> fill, std::optional<Color> stroke,
          const TableStyle& ts) {
    Line l;
    l.text = text;
    l.style = st;
    l.pill = true;
    l.pillFill = fill;
    l.pillStroke = stroke;
    l.h = lineHeight(st) + 2 * ts.pillPadY;
    return l;
}

double Cell::height() const {
    double h = 0;
    for (const auto& l : lines) h += l.h;
    return h;
}

// ---------------------------------------------------------------- [SECTION] pagination

Table::Table(std::vector<Column> columns, TableStyle style) : m_columns(std::move(columns)), m_style(std::move(style)) {
    double h = 0;
    for (const auto& c : m_columns) {
        Cell cell{wrap(c.title, m_style.header, c.width - 2 * m_style.padX)};
        h = std::max(h, cell.height());
    }
    m_headerH = h + 2 * m_style.padY;
}

double Table::width() const {
    return std::accumulate(m_columns.begin(), m_columns.end(), 0.0, [](double a, const Column& c) { return a + c.width; });
}

double Table::rowHeight(const Row& r) const {
    double h = 0;
    for (const auto& c : r.cells) h = std::max(h, c.height());
    return h + 2 * m_style.padY;
}

double Table::continuationHeight(const Row&) const { return lineHeight(m_style.continued) + 2 * m_style.padY; }

std::vector<std::vector<Cell>> Table::split(const Row& r, double firstAvail, double fullAvail) const {
    const double mark = lineHeight(m_style.continued);
    std::vector<std::size_t> pos(r.cells.size(), 0);
    auto done = [&] {
        for (std::size_t c = 0; c < r.cells.size(); ++c)
            if (pos[c] < r.cells[c].lines.size()) return false;
        return true;
    };
    std::vector<std::vector<Cell>> pieces;
    bool first = true;
    while (!done()) {
        double cap = (first ? firstAvail : fullAvail) - 2 * m_style.padY - mark;
        std::vector<Cell> piece(r.cells.size());
        bool progress = false;
        for (std::size_t c = 0; c < r.cells.size(); ++c) {
            double used = 0;
            while (pos[c] < r.cells[c].lines.size()) {
                Line l = r.cells[c].lines[pos[c]];
                if (piece[c].lines.empty()) {   // a piece's first line needs no gap above it
                    l.h -= l.gap;
                    l.gap = 0;
                }
                if (used + l.h > cap) break;
                used += l.h;
                piece[c].lines.push_back(std::move(l));
                ++pos[c];
                progress = true;
            }
        }
        if (!progress)   // a page smaller than one line: take one anyway rather than loop
            for (std::size_t c = 0; c < r.cells.size(); ++c)
                if (pos[c] < r.cells[c].lines.size()) {
                    piece[c].lines.push_back(r.cells[c].lines[pos[c]++]);
                    break;
                }
        pieces.push_back(std::move(piece));
        first = false;
    }
    return pieces;
}

std::vector<Page> Table::paginate(const std::vector<Row>& rows, double firstTop, double top, double bottom) const {
    std::vector<Page> pages(1);
    double y = firstTop, pageTop = firstTop;
    std::optional<std::size_t> group;   // the recommendation the current rows belong to
    auto place = [&](std::size_t i, std::vector<Cell> cells, double h, bool cont, bool next) {
        pages.back().placed.push_back(Placed{i, std::move(cells), y, h, cont, next});
        y += h;
    };
    auto newPage = [&](bool resumeGroup) {
        pages.back().bottom = y;
        pages.emplace_back();
        y = pageTop = top;
        if (resumeGroup && group) place(*group, {}, continuationHeight(rows[*group]), true, false);
    };
    const double full = bottom - top;
    const double minSplit = 5 * lineHeight(m_style.continued);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        const double h = rowHeight(r);
        if (r.kind == Row::Kind::Group) {
            group = i;
            // Keep a recommendation with its first action (or the start of it).
            double need = h;
            if (i + 1 < rows.size() && rows[i + 1].kind == Row::Kind::Item) need += std::min(rowHeight(rows[i + 1]), minSplit);
            if (y + need > bottom && y > pageTop) newPage(false);
            if (y + h <= bottom || h <= full) {
                if (y + h > bottom) newPage(false);
                place(i, r.cells, h, false, false);
                continue;
            }
        }
        const double cont = r.kind == Row::Kind::Item && group ? continuationHeight(rows[*group]) : 0;
        if (y + h <= bottom) {
            place(i, r.cells, h, false, false);
            continue;
        }
        if (h <= full - cont) {
            newPage(r.kind == Row::Kind::Item);
            place(i, r.cells, h, false, false);
            continue;
        }
        if (bottom - y < minSplit && y > pageTop) newPage(r.kind == Row::Kind::Item);
        auto pieces = split(r, bottom - y, full - cont);
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            if (k) newPage(r.kind == Row::Kind::Item);
            Row piece;
            piece.cells = pieces[k];
            bool more = k + 1 < pieces.size();
            double ph = rowHeight(piece) + (more ? lineHeight(m_style.continued) : 0);
            if (more) ph = std::max(ph, bottom - y);
            place(i, std::move(pieces[k]), ph, false, more);
        }
    }
    pages.back().bottom = y;
    return pages;
}

// ---------------------------------------------------------------- [SECTION] drawing

namespace {

void fillRect(Scene& s, const Rect& r, const Color& c, const std::string& id = {}, Hatch hatch = Hatch::None,
              std::optional<Color> stroke = {}) {
    Paint p;
    p.fill = c;
    p.hatch = hatch;
    p.stroke = stroke;
    p.lineWidth = 0.5;
    s.add(Path::rect(r), p, id);
}

void hline(Scene& s, double x0, double x1, double y, const Color& c, double w) {
    Paint p;
    p.stroke = c;
    p.lineWidth = w;
    s.add(Path().moveTo({x0, y}).lineTo({x1, y}), p);
}

TextItem textAt(const std::string& t, Point at, const TextStyle& st) {
    TextItem ti;
    ti.text = t;
    ti.at = at;
    ti.sizePt = st.sizePt;
    ti.weight = st.weight;
    ti.italic = st.italic;
    ti.color = st.color;
    ti.valign = VAlign::Top;
    return ti;
}

}  // namespace

void Table::drawCell(Scene& s, const Cell& c, double x, double y, const std::string& id) const {
    for (const Line& l : c.lines) {
        double top = y + l.gap;
        if (l.pill) {
            double w = measure(l.text, l.style).widthPt + 2 * m_style.pillPadX;
            double h = l.h - l.gap;
            Paint p;
            p.fill = l.pillFill;
            p.stroke = l.pillStroke;
            p.lineWidth = l.pillStrokeWidth;
            p.dash = l.pillDash;
            s.add(Path::roundedRect({x, top, w, h}, h / 2), p, id);
            TextItem t = textAt(l.text, {x + m_style.pillPadX, top + m_style.pillPadY}, l.style);
            t.modelId = id;
            s.text(std::move(t));
        } else if (!l.text.empty()) {
            TextItem t = textAt(l.text, {x, top}, l.style);
            t.modelId = id;
            s.text(std::move(t));
        }
        y += l.h;
    }
}

void Table::drawPage(Scene& s, const Page& page, const std::vector<Row>& rows, double x, double headerTop) const {
    const double W = width();
    const TableStyle& st = m_style;
    fillRect(s, {x, headerTop, W, m_headerH}, st.headerFill);
    double cx = x;
    for (const auto& c : m_columns) {
        Cell title{wrap(c.title, st.header, c.width - 2 * st.padX)};
        drawCell(s, title, cx + st.padX, headerTop + st.padY, {});
        cx += c.width;
    }
    for (const Placed& p : page.placed) {
        const Row& r = rows[p.row];
        if (p.continuation) {
            fillRect(s, {x, p.y, W, p.h}, st.groupFill);
            s.text(textAt(r.continuedLabel, {x + st.padX, p.y + st.padY}, st.continued));
            hline(s, x, x + W, p.y + p.h, st.rule, st.ruleWidth);
            continue;
        }
        if (r.kind == Row::Kind::Group) {
            fillRect(s, {x, p.y, W, p.h}, r.fill.value_or(st.groupFill), r.modelId);
            if (!p.cells.empty()) drawCell(s, p.cells[0], x + st.padX, p.y + st.padY, r.modelId);
            hline(s, x, x + W, p.y + p.h, st.rule, st.ruleWidth);
            continue;
        }
        if (r.fill) fillRect(s, {x, p.y, W, p.h}, *r.fill, r.modelId);
        if (r.leftBar) fillRect(s, {x, p.y, st.barWidth, p.h}, *r.leftBar, r.modelId, r.leftBarHatch);
        cx = x;
        for (std::size_t c = 0; c < m_columns.size() && c < p.cells.size(); ++c) {
            double inset = c == 0 && r.leftBar ? st.barWidth : 0;
            drawCell(s, p.cells[c], cx + st.padX + inset, p.y + st.padY, r.modelId);
            cx += m_columns[c].width;
        }
        if (p.continuesOnNext) {
            TextItem t = textAt("continued on the next page", {x + W - st.padX, p.y + p.h - st.padY}, st.continued);
            t.halign = HAlign::Right;
            t.valign = VAlign::Bottom;
            s.text(std::move(t));
        }
        hline(s, x, x + W, p.y + p.h, st.rule, st.ruleWidth);
        Paint rule;
        rule.stroke = st.rule;
        rule.lineWidth = st.ruleWidth;
        cx = x;
        for (std::size_t c = 0; c <= m_columns.size(); ++c) {
            s.add(Path().moveTo({cx, p.y}).lineTo({cx, p.y + p.h}), rule);
            if (c < m_columns.size()) cx += m_columns[c].width;
        }
    }
}

}  // namespace genochron::actions
