// [SECTION] measuring and wrapping (cached: labels and agency names repeat)
// [SECTION] pagination: whole rows, or over-tall rows split between lines
// [SECTION] drawing a page
#include "core/figures/chronology/chronology_table.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>
#include <unordered_map>

namespace genochron::chron {

// ---------------------------------------------------------------- [SECTION] measuring

TextExtent measureCached(const std::string& text, const TextStyle& st, double maxWidth) {
    // Short strings repeat (dates, agency names, labels) and are keyed by their text. Long
    // free text is unique but measured more than once (paginating, then drawing the cell),
    // so it is keyed by a 64-bit hash of its text and length: a few bytes per paragraph,
    // not a copy of every paragraph of a 20,000-event chronology.
    struct Key {
        std::size_t hash, length;
        double size, maxWidth;
        int style;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            std::size_t h = k.hash ^ (k.length * 0x9E3779B97F4A7C15ull);
            h ^= std::hash<double>{}(k.size) + 0x9E3779B9 + (h << 6) + (h >> 2);
            h ^= std::hash<double>{}(k.maxWidth) + 0x9E3779B9 + (h << 6) + (h >> 2);
            return h ^ std::size_t(k.style);
        }
    };
    const int style = int(st.weight) * 2 + (st.italic ? 1 : 0);
    if (text.size() > 96) {
        static std::unordered_map<Key, TextExtent, KeyHash> longCache;
        Key k{std::hash<std::string>{}(text), text.size(), st.sizePt, maxWidth, style};
        auto it = longCache.find(k);
        if (it != longCache.end()) return it->second;
        if (longCache.size() > 400000) longCache.clear();
        TextExtent e = measureText(text, st.sizePt, st.weight, st.italic, maxWidth);
        longCache.emplace(k, e);
        return e;
    }
    // Short text: the text itself is the key (no formatting of a key string per call).
    struct ShortKey {
        std::string text;
        double size, maxWidth;
        int style;
        bool operator==(const ShortKey&) const = default;
    };
    struct ShortHash {
        std::size_t operator()(const ShortKey& k) const {
            return KeyHash{}(Key{std::hash<std::string>{}(k.text), k.text.size(), k.size, k.maxWidth, k.style});
        }
    };
    static std::unordered_map<ShortKey, TextExtent, ShortHash> cache;
    ShortKey key{text, st.sizePt, maxWidth, style};
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    if (cache.size() > 200000) cache.clear();
    TextExtent e = measureText(text, st.sizePt, st.weight, st.italic, maxWidth);
    cache.emplace(std::move(key), e);
    return e;
}

namespace {

double widthOf(const std::string& s, const TextStyle& st) { return measureCached(s, st, 0).widthPt; }

std::size_t utf8Next(const std::string& s, std::size_t i) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

// The longest prefix of `word` (whole UTF-8 characters, at least one) no wider than `width`.
std::size_t fittingPrefix(const std::string& word, const TextStyle& st, double width) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = utf8Next(word, 0); i <= word.size(); i = utf8Next(word, i)) {
        cuts.push_back(i);
        if (i == word.size()) break;
    }
    std::size_t lo = 0, hi = cuts.size();   // cuts[lo-1] fits
    while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        if (widthOf(word.substr(0, cuts[mid]), st) <= width) lo = mid + 1;
        else hi = mid;
    }
    return cuts[lo == 0 ? 0 : lo - 1];
}

}  // namespace

std::vector<std::string> wrapLines(const std::string& text, const TextStyle& st, double width) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string hard = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        std::vector<std::string> words;
        for (std::size_t i = 0; i < hard.size();) {
            std::size_t j = hard.find(' ', i);
            if (j == std::string::npos) j = hard.size();
            if (j > i) words.push_back(hard.substr(i, j - i));
            i = j + 1;
        }
        std::string cur;
        for (auto& w : words) {
            std::string cand = cur.empty() ? w : cur + " " + w;
            if (widthOf(cand, st) <= width) {
                cur = std::move(cand);
                continue;
            }
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
            std::string rest = w;
            while (widthOf(rest, st) > width) {
                std::size_t cut = fittingPrefix(rest, st, width);
                out.push_back(rest.substr(0, cut));
                rest = rest.substr(cut);
            }
            cur = rest;
        }
        out.push_back(cur);   // an empty hard line stays an empty line
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

// ---------------------------------------------------------------- [SECTION] pagination

Table::Table(std::vector<TableColumn> columns, TableStyle style) : m_columns(std::move(columns)), m_style(std::move(style)) {
    double h = 0;
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        h = std::max(h, measureCached(m_columns[c].title, m_style.header, contentWidth(c)).heightPt);
    m_headerH = h + 2 * m_style.padY + 1;
}

double Table::width() const {
    return std::accumulate(m_columns.begin(), m_columns.end(), 0.0, [](double a, const TableColumn& c) { return a + c.width; });
}

double Table::paraHeight(const Para& p, double width) const {
    if (p.badge()) return measureCached(p.text, p.style, 0).heightPt + 2 * m_style.badgePad;
    return measureCached(p.text, p.style, width).heightPt;
}

double Table::cellHeight(const Cell& c, double width) const {
    double h = 0;
    for (std::size_t i = 0; i < c.paras.size(); ++i) h += paraHeight(c.paras[i], width) + (i ? c.paras[i].gapBefore : 0);
    return h;
}

double Table::inset(std::size_t col) const { return m_style.padX + (col == 0 ? m_style.barWidth + 0.5 * m_style.padX : 0); }

double Table::contentWidth(std::size_t col) const { return m_columns[col].width - inset(col) - m_style.padX; }

double Table::markHeight() const { return measureCached("continued", m_style.continued, 0).heightPt + m_style.padY; }

double Table::rowHeight(const TableRow& r) const {
    if (r.kind == TableRow::Kind::Subheading)
        return measureCached(r.heading, m_style.subheading, 0).heightPt + 2 * m_style.padY + 1;
    double h = 0;
    for (std::size_t i = 0; i < m_columns.size() && i < r.cells.size(); ++i)
        h = std::max(h, cellHeight(r.cells[i], contentWidth(i)));
    return h + 2 * m_style.padY;
}

std::vector<std::vector<Cell>> Table::splitRow(const TableRow& r, double firstAvail, double fullAvail) const {
    struct Unit {
        std::size_t para;
        std::string text;
        double h, gap;
    };
    const std::size_t n = m_columns.size();
    std::vector<std::vector<Unit>> units(n);
    for (std::size_t c = 0; c < n && c < r.cells.size(); ++c) {
        double w = contentWidth(c);
        const auto& paras = r.cells[c].paras;
        for (std::size_t k = 0; k < paras.size(); ++k) {
            const Para& p = paras[k];
            double gap = k ? p.gapBefore : 0;
            if (p.badge()) {
                units[c].push_back({k, p.text, paraHeight(p, w), gap});
                continue;
            }
            double lh = measureCached("Ag", p.style, 0).heightPt;
            auto lines = wrapLines(p.text, p.style, w);
            for (std::size_t j = 0; j < lines.size(); ++j) units[c].push_back({k, lines[j], lh, j ? 0.0 : gap});
        }
    }
    std::vector<std::size_t> pos(n, 0);
    auto remaining = [&](std::size_t c) {
        double h = 0;
        for (std::size_t i = pos[c]; i < units[c].size(); ++i) h += units[c][i].h + (i > pos[c] ? units[c][i].gap : 0);
        return h;
    };
    auto done = [&] {
        for (std::size_t c = 0; c < n; ++c)
            if (pos[c] < units[c].size()) return false;
        return true;
    };
    const double mark = markHeight(), slack = 0.5;   // slack: Pango's multi-line height vs the sum of lines
    std::vector<std::vector<Cell>> pieces;
    bool first = true;
    while (!done()) {
        double avail = (first ? firstAvail : fullAvail) - 2 * m_style.padY - (first ? 0 : mark) - slack;
        bool last = true;
        for (std::size_t c = 0; c < n; ++c)
            if (remaining(c) > avail) last = false;
        double cap = last ? avail : avail - mark;
        std::vector<Cell> piece(n);
        bool progress = false;
        for (std::size_t c = 0; c < n; ++c) {
            double used = 0;
            std::size_t start = pos[c];
            // A piece does not start with the blank line between two paragraphs.
            if (!first)
                while (pos[c] < units[c].size() && units[c][pos[c]].text.empty() &&
                       !r.cells[c].paras[units[c][pos[c]].para].badge())
                    ++pos[c], ++start;
            while (pos[c] < units[c].size()) {
                const Unit& u = units[c][pos[c]];
                double add = u.h + (pos[c] > start ? u.gap : 0);
                if (used + add > cap) break;
                used += add;
                const Para& src = r.cells[c].paras[u.para];
                auto& out = piece[c].paras;
                if (pos[c] > start && units[c][pos[c] - 1].para == u.para && !src.badge()) {
                    out.back().text += "\n" + u.text;
                } else {
                    Para p = src;
                    p.text = u.text;
                    p.gapBefore = pos[c] > start ? u.gap : 0;
                    out.push_back(std::move(p));
                }
                ++pos[c];
                progress = true;
            }
        }
        if (!progress) {   // a page smaller than one line: take a line anyway rather than loop
            for (std::size_t c = 0; c < n; ++c)
                if (pos[c] < units[c].size()) {
                    Para p = r.cells[c].paras[units[c][pos[c]].para];
                    p.text = units[c][pos[c]].text;
                    p.gapBefore = 0;
                    piece[c].paras.push_back(std::move(p));
                    ++pos[c];
                    break;
                }
        }
        if (!first)
            for (std::size_t c = 0; c < n; ++c)
                if (piece[c].paras.empty() && c < r.carry.size()) piece[c] = r.carry[c];
        pieces.push_back(std::move(piece));
        first = false;
    }
    return pieces;
}

std::vector<TablePage> Table::paginate(const std::vector<TableRow>& rows, double firstTop, double top,
                                       double bottom) const {
    std::vector<TablePage> pages(1);
    double y = firstTop, pageTop = firstTop;
    const double full = bottom - top;
    auto newPage = [&] {
        pages.back().bottom = y;
        pages.emplace_back();
        y = pageTop = top;
    };
    auto place = [&](std::size_t i, std::vector<Cell> cells, double h, bool fromPrev, bool toNext) {
        pages.back().fragments.push_back(Fragment{i, std::move(cells), y, h, fromPrev, toNext});
        y += h;
    };
    // Starting a split row lower than this wastes the page less than it breaks up reading.
    const double minSplit = 6 * measureCached("Ag", m_style.continued, 0).heightPt + 2 * markHeight();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TableRow& r = rows[i];
        double h = rowHeight(r);
        if (r.kind == TableRow::Kind::Subheading) {
            // Keep a heading with the row under it (or the start of it).
            double need = h;
            if (i + 1 < rows.size()) {
                double next = rowHeight(rows[i + 1]);
                need += next <= full - h ? next : minSplit;
            }
            if (y + need > bottom && y > pageTop) newPage();
            place(i, {}, h, false, false);
            continue;
        }
        if (y + h <= bottom) {
            place(i, r.cells, h, false, false);
            continue;
        }
        if (h <= full) {
            newPage();
            place(i, r.cells, h, false, false);
            continue;
        }
        if (bottom - y < minSplit && y > pageTop) newPage();
        auto pieces = splitRow(r, bottom - y, full);
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            if (k) newPage();
            bool fromPrev = k > 0, toNext = k + 1 < pieces.size();
            double ch = 0;
            for (std::size_t c = 0; c < m_columns.size(); ++c)
                ch = std::max(ch, cellHeight(pieces[k][c], contentWidth(c)));
            double ph = ch + 2 * m_style.padY + (fromPrev ? markHeight() : 0) + (toNext ? markHeight() : 0);
            if (toNext) ph = std::max(ph, bottom - y);   // the piece runs to the foot of the page
            place(i, std::move(pieces[k]), ph, fromPrev, toNext);
        }
    }
    pages.back().bottom = y;
    return pages;
}

// ---------------------------------------------------------------- [SECTION] drawing

namespace {

void fillRect(Scene& s, const Rect& r, const Color& c, const std::string& id = {}) {
    Paint p;
    p.fill = c;
    s.add(Path::rect(r), p, id);
}

void hline(Scene& s, double x0, double x1, double y, const Color& c, double w) {
    Paint p;
    p.stroke = c;
    p.lineWidth = w;
    s.add(Path().moveTo({x0, y}).lineTo({x1, y}), p);
}

TextItem textAt(const std::string& t, Point at, const TextStyle& st, double maxW = 0) {
    TextItem ti;
    ti.text = t;
    ti.at = at;
    ti.sizePt = st.sizePt;
    ti.weight = st.weight;
    ti.italic = st.italic;
    ti.color = st.color;
    ti.valign = VAlign::Top;
    ti.maxWidthPt = maxW;
    return ti;
}

}  // namespace

void Table::drawCell(Scene& s, const Cell& c, double x, double y, double w, const std::string& id) const {
    for (std::size_t i = 0; i < c.paras.size(); ++i) {
        const Para& p = c.paras[i];
        if (i) y += p.gapBefore;
        if (p.badge()) {
            TextExtent e = measureCached(p.text, p.style, 0);
            double pad = m_style.badgePad;
            Paint paint;
            paint.fill = p.badgeFill;
            paint.stroke = p.badgeStroke;
            paint.lineWidth = 0.8;
            s.add(Path::roundedRect({x, y, e.widthPt + 2 * pad + 1, e.heightPt + 2 * pad}, 1.5), paint, id);
            TextItem t = textAt(p.text, {x + pad + 0.5, y + pad}, p.style);
            t.modelId = id;
            s.text(std::move(t));
            y += e.heightPt + 2 * pad;
            continue;
        }
        TextItem t = textAt(p.text, {x, y}, p.style, w);
        t.modelId = id;
        s.text(std::move(t));
        y += paraHeight(p, w);
    }
}

void Table::drawPage(Scene& s, const TablePage& page, const std::vector<TableRow>& rows, double x,
                     double headerTop) const {
    const double W = width();
    const TableStyle& st = m_style;
    fillRect(s, {x, headerTop, W, m_headerH}, st.headerFill);
    double cx = x;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        s.text(textAt(m_columns[c].title, {cx + inset(c), headerTop + st.padY + 0.5}, st.header, contentWidth(c)));
        cx += m_columns[c].width;
    }
    for (const Fragment& f : page.fragments) {
        const TableRow& r = rows[f.row];
        if (r.kind == TableRow::Kind::Subheading) {
            fillRect(s, {x, f.y, W, f.h}, st.subheadingFill);
            s.text(textAt(r.heading, {x + inset(0), f.y + st.padY + 0.5}, st.subheading));
            hline(s, x, x + W, f.y + f.h, st.rule, st.ruleWidth);
            continue;
        }
        if (r.fill) fillRect(s, {x, f.y, W, f.h}, *r.fill, r.modelId);
        cx = x;
        for (auto& c : m_columns) {
            if (c.fill) fillRect(s, {cx, f.y, c.width, f.h}, *c.fill, r.modelId);
            cx += c.width;
        }
        if (r.leftBar) fillRect(s, {x, f.y, st.barWidth, f.h}, *r.leftBar, r.modelId);
        double top = f.y + st.padY + (f.continuedFromPrevious ? markHeight() : 0);
        cx = x;
        for (std::size_t c = 0; c < m_columns.size() && c < f.cells.size(); ++c) {
            drawCell(s, f.cells[c], cx + inset(c), top, contentWidth(c), r.modelId);
            cx += m_columns[c].width;
        }
        const std::size_t mc = std::min(st.markColumn, m_columns.size() - 1);
        double mx = x + inset(mc);
        for (std::size_t c = 0; c < mc; ++c) mx += m_columns[c].width;
        if (f.continuedFromPrevious)
            s.text(textAt(st.continuedAbove, {mx, f.y + st.padY}, st.continued, contentWidth(mc)));
        if (f.continuesOnNext) {
            TextItem t = textAt(st.continuedBelow, {mx, f.y + f.h - st.padY}, st.continued, contentWidth(mc));
            t.valign = VAlign::Bottom;
            s.text(std::move(t));
        }
        hline(s, x, x + W, f.y + f.h, st.rule, st.ruleWidth);
        // Light column rules, row by row, so headings stay one band across the table.
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

}  // namespace genochron::chron
