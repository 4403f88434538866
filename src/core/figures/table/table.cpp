// [SECTION] wrapping cells into lines
// [SECTION] pagination: whole rows, bands kept with the next row, over-tall rows split between lines
// [SECTION] drawing a page
#include "core/figures/table/table.hpp"

#include <algorithm>
#include <numeric>

namespace genochron::table {

// ---------------------------------------------------------------- [SECTION] wrapping

struct Table::Prepared {
    std::vector<CellLines> cells;   // per column; one for a band
    std::vector<CellLines> carry;
    double height = 0;
};

Table::Table(std::vector<Column> columns, TableStyle style) : m_columns(std::move(columns)), m_style(std::move(style)) {
    m_width = std::accumulate(m_columns.begin(), m_columns.end(), 0.0, [](double a, const Column& c) { return a + c.width; });
    double h = 0;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        Cell title{{Para{m_columns[c].title, m_style.header, 0, std::nullopt}}};
        m_header.push_back(wrapCell(title, contentWidth(c)));
        h = std::max(h, linesHeight(m_header.back()));
    }
    m_headerH = h + 2 * m_style.padY;
}

double Table::inset(std::size_t col) const { return m_style.padX + (col == 0 ? m_style.barWidth + 0.5 * m_style.padX : 0); }

double Table::contentWidth(std::size_t col) const { return std::max(1.0, m_columns[col].width - inset(col) - m_style.padX); }

CellLines Table::wrapCell(const Cell& c, double width) const {
    CellLines out;
    for (std::size_t k = 0; k < c.paras.size(); ++k) {
        const Para& p = c.paras[k];
        if (p.badge) {
            Line l;
            l.text = p.text;
            l.style = p.style;
            l.gap = p.gapBefore;
            l.h = lineHeight(p.style) + 2 * p.badge->padY;
            l.badge = p.badge;
            l.para = k;
            out.push_back(std::move(l));
            continue;
        }
        const double lh = lineHeight(p.style);
        auto lines = wrapLines(p.text, p.style, width);
        for (std::size_t j = 0; j < lines.size(); ++j) {
            Line l;
            l.text = std::move(lines[j]);
            l.style = p.style;
            l.gap = j ? 0.0 : p.gapBefore;
            l.h = lh;
            l.para = k;
            out.push_back(std::move(l));
        }
    }
    return out;
}

double Table::linesHeight(const CellLines& lines) const {
    double h = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) h += lines[i].h + (i ? lines[i].gap : 0);
    return h;
}

double Table::markHeight() const { return lineHeight(m_style.continued) + m_style.padY; }

Table::Prepared Table::prepare(const Row& r) const {
    Prepared p;
    double h = 0;
    if (r.kind == Row::Kind::Band) {
        p.cells.push_back(r.cells.empty() ? CellLines{} : wrapCell(r.cells[0], bandContentWidth()));
        h = linesHeight(p.cells[0]);
    } else {
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            p.cells.push_back(c < r.cells.size() ? wrapCell(r.cells[c], contentWidth(c)) : CellLines{});
            h = std::max(h, linesHeight(p.cells.back()));
        }
        for (std::size_t c = 0; c < m_columns.size() && c < r.carry.size(); ++c)
            p.carry.push_back(wrapCell(r.carry[c], contentWidth(c)));
    }
    p.height = h + 2 * m_style.padY;
    return p;
}

double Table::rowHeight(const Row& r) const { return prepare(r).height; }

// ---------------------------------------------------------------- [SECTION] pagination

std::vector<std::vector<CellLines>> Table::splitRow(const Prepared& p, double firstAvail,
                                                    double fullAvail) const {
    const std::size_t n = p.cells.size();
    std::vector<std::size_t> pos(n, 0);
    auto remaining = [&](std::size_t c) {
        double h = 0;
        for (std::size_t i = pos[c]; i < p.cells[c].size(); ++i) h += p.cells[c][i].h + (i > pos[c] ? p.cells[c][i].gap : 0);
        return h;
    };
    auto done = [&] {
        for (std::size_t c = 0; c < n; ++c)
            if (pos[c] < p.cells[c].size()) return false;
        return true;
    };
    const double mark = markHeight(), slack = 0.5;
    std::vector<std::vector<CellLines>> pieces;
    bool first = true;
    while (!done()) {
        double avail = (first ? firstAvail : fullAvail) - 2 * m_style.padY - (first ? 0 : mark) - slack;
        bool last = true;
        for (std::size_t c = 0; c < n; ++c)
            if (remaining(c) > avail) last = false;
        const double cap = last ? avail : avail - mark;
        std::vector<CellLines> piece(n);
        bool progress = false;
        for (std::size_t c = 0; c < n; ++c) {
            const CellLines& lines = p.cells[c];
            // A piece does not start with the blank line between two paragraphs.
            if (!first)
                while (pos[c] < lines.size() && lines[pos[c]].text.empty() && !lines[pos[c]].badge) ++pos[c];
            double used = 0;
            const std::size_t start = pos[c];
            while (pos[c] < lines.size()) {
                const Line& l = lines[pos[c]];
                double add = l.h + (pos[c] > start ? l.gap : 0);
                if (used + add > cap) break;
                used += add;
                piece[c].push_back(l);
                ++pos[c];
                progress = true;
            }
        }
        if (!progress)   // a page smaller than one line: take a line anyway rather than loop
            for (std::size_t c = 0; c < n; ++c)
                if (pos[c] < p.cells[c].size()) {
                    piece[c].push_back(p.cells[c][pos[c]++]);
                    break;
                }
        if (!first)
            for (std::size_t c = 0; c < n && c < p.carry.size(); ++c)
                if (piece[c].empty()) piece[c] = p.carry[c];
        pieces.push_back(std::move(piece));
        first = false;
    }
    return pieces;
}

std::vector<TablePage> Table::paginate(const std::vector<Row>& rows, double firstTop, double top, double bottom) const {
    std::vector<TablePage> pages(1);
    double y = firstTop, pageTop = firstTop;
    const double full = bottom - top;
    std::optional<std::size_t> band;   // the band the rows being placed sit under
    const double resumeH = lineHeight(m_style.continuedBand) + 2 * m_style.padY;
    auto place = [&](std::size_t i, std::vector<CellLines> cells, double h, bool fromPrev, bool toNext, bool resumed) {
        pages.back().fragments.push_back(Fragment{i, std::move(cells), y, h, fromPrev, toNext, resumed});
        y += h;
    };
    auto resumes = [&] { return band && !rows[*band].continuedLabel.empty(); };
    auto newPage = [&](bool resumeBand) {
        pages.back().bottom = y;
        pages.emplace_back();
        y = pageTop = top;
        if (resumeBand && resumes()) place(*band, {}, resumeH, false, false, true);
    };
    // Starting a split row lower than this wastes the page less than it breaks up reading.
    const double minSplit = 6 * lineHeight(m_style.continued) + 2 * markHeight();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        Prepared p = prepare(r);
        const double h = p.height;
        const bool isBand = r.kind == Row::Kind::Band;
        if (isBand) {
            band = i;
            // Keep a band with the row under it (or the start of it).
            double need = h;
            if (i + 1 < rows.size() && rows[i + 1].kind == Row::Kind::Body) {
                double next = rowHeight(rows[i + 1]);
                need += next <= full - h ? next : minSplit;
            }
            if (y + need > bottom && y > pageTop) newPage(false);
        }
        const double resume = !isBand && resumes() ? resumeH : 0;
        if (y + h <= bottom) {
            place(i, std::move(p.cells), h, false, false, false);
            continue;
        }
        if (h <= full - resume) {
            newPage(!isBand);
            place(i, std::move(p.cells), h, false, false, false);
            continue;
        }
        if (bottom - y < minSplit && y > pageTop) newPage(!isBand);
        auto pieces = splitRow(p, bottom - y, full - resume);
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            if (k) newPage(!isBand);
            const bool fromPrev = k > 0, toNext = k + 1 < pieces.size();
            double ch = 0;
            for (auto& cell : pieces[k]) ch = std::max(ch, linesHeight(cell));
            double ph = ch + 2 * m_style.padY + (fromPrev ? markHeight() : 0) + (toNext ? markHeight() : 0);
            if (toNext) ph = std::max(ph, bottom - y);   // the piece runs to the foot of the page
            place(i, std::move(pieces[k]), ph, fromPrev, toNext, false);
        }
    }
    pages.back().bottom = y;
    return pages;
}

// ---------------------------------------------------------------- [SECTION] drawing

namespace {

void fillRect(Scene& s, const Rect& r, const Color& c, const std::string& id = {}, Hatch hatch = Hatch::None) {
    Paint p;
    p.fill = c;
    p.hatch = hatch;   // drawn in black: no stroke colour given
    s.add(Path::rect(r), p, id);
}

void hline(Scene& s, double x0, double x1, double y, const Color& c, double w) {
    Paint p;
    p.stroke = c;
    p.lineWidth = w;
    s.add(Path().moveTo({x0, y}).lineTo({x1, y}), p);
}

}  // namespace

void Table::drawLines(Scene& s, const CellLines& lines, double x, double y, const std::string& id) const {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (i) y += l.gap;
        if (l.badge) {
            const Badge& b = *l.badge;
            const double w = measure(l.text, l.style).widthPt + 2 * b.padX;
            Paint p;
            p.fill = b.fill;
            p.stroke = b.stroke;
            p.lineWidth = b.strokeWidth;
            p.dash = b.dash;
            s.add(Path::roundedRect({x, y, w, l.h}, b.radius < 0 ? l.h / 2 : b.radius), p, id);
            TextItem t = textItem(l.text, {x + b.padX, y + b.padY}, l.style);
            t.modelId = id;
            s.text(std::move(t));
        } else if (!l.text.empty()) {
            TextItem t = textItem(l.text, {x, y}, l.style);
            t.modelId = id;
            s.text(std::move(t));
        }
        y += l.h;
    }
}

void Table::drawPage(Scene& s, const TablePage& page, const std::vector<Row>& rows, double x, double headerTop) const {
    const double W = m_width;
    const TableStyle& st = m_style;
    fillRect(s, {x, headerTop, W, m_headerH}, st.headerFill);
    double cx = x;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        drawLines(s, m_header[c], cx + inset(c), headerTop + st.padY, {});
        cx += m_columns[c].width;
    }
    const std::size_t mc = std::min(st.markColumn, m_columns.empty() ? 0 : m_columns.size() - 1);
    double mx = x + inset(mc);
    for (std::size_t c = 0; c < mc; ++c) mx += m_columns[c].width;
    for (const Fragment& f : page.fragments) {
        const Row& r = rows[f.row];
        if (f.bandResumed) {
            fillRect(s, {x, f.y, W, f.h}, r.fill.value_or(st.bandFill));
            s.text(textItem(r.continuedLabel, {x + inset(0), f.y + st.padY}, st.continuedBand));
            hline(s, x, x + W, f.y + f.h, st.rule, st.ruleWidth);
            continue;
        }
        const double top = f.y + st.padY + (f.continuedFromPrevious ? markHeight() : 0);
        if (r.kind == Row::Kind::Band) {
            fillRect(s, {x, f.y, W, f.h}, r.fill.value_or(st.bandFill), r.modelId);
            if (!f.cells.empty()) drawLines(s, f.cells[0], x + inset(0), top, r.modelId);
        } else {
            if (r.fill) fillRect(s, {x, f.y, W, f.h}, *r.fill, r.modelId);
            cx = x;
            for (auto& c : m_columns) {
                if (c.fill) fillRect(s, {cx, f.y, c.width, f.h}, *c.fill, r.modelId);
                cx += c.width;
            }
            if (r.leftBar) fillRect(s, {x, f.y, st.barWidth, f.h}, *r.leftBar, r.modelId, r.leftBarHatch);
            cx = x;
            for (std::size_t c = 0; c < m_columns.size() && c < f.cells.size(); ++c) {
                drawLines(s, f.cells[c], cx + inset(c), top, r.modelId);
                cx += m_columns[c].width;
            }
        }
        if (f.continuedFromPrevious)
            s.text(textItem(st.continuedAbove, {mx, f.y + st.padY}, st.continued, contentWidth(mc)));
        if (f.continuesOnNext)
            s.text(textItem(st.continuedBelow, {mx, f.y + f.h - st.padY}, st.continued, contentWidth(mc), VAlign::Bottom));
        hline(s, x, x + W, f.y + f.h, st.rule, st.ruleWidth);
        if (r.kind == Row::Kind::Band) continue;
        // Light column rules, row by row, so bands stay one piece across the table.
        Paint p;
        p.stroke = st.rule;
        p.lineWidth = st.ruleWidth;
        cx = x;
        for (std::size_t c = 0; c <= m_columns.size(); ++c) {
            s.add(Path().moveTo({cx, f.y}).lineTo({cx, f.y + f.h}), p);
            if (c < m_columns.size()) cx += m_columns[c].width;
        }
    }
}

}  // namespace genochron::table
