#include "core/figures/timeline/timeline_labels.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace genochron::timeline {

// ---------------------------------------------------------------- occupancy

double Occupancy::room(double start, double limit) const {
    if (limit <= start) return 0;
    auto next = m_spans.lower_bound(start);   // first span starting at or after `start`
    if (next != m_spans.begin()) {
        auto prev = std::prev(next);
        if (prev->second > start) return 0;   // `start` is inside a taken span
    }
    if (next != m_spans.end() && next->first <= start) return 0;
    double end = next == m_spans.end() ? limit : std::min(limit, next->first);
    return std::max(0.0, end - start);
}

void Occupancy::take(double a, double b) {
    if (b <= a) return;
    // Merge with every span it touches so the map stays disjoint.
    auto it = m_spans.lower_bound(a);
    if (it != m_spans.begin() && std::prev(it)->second >= a) --it;
    while (it != m_spans.end() && it->first <= b) {
        a = std::min(a, it->first);
        b = std::max(b, it->second);
        it = m_spans.erase(it);
    }
    m_spans.emplace(a, b);
}

std::optional<double> Occupancy::nearestFree(double centre, double width, double lo, double hi) const {
    std::optional<double> best;
    auto consider = [&](double g0, double g1) {
        g0 = std::max(g0, lo);
        g1 = std::min(g1, hi);
        if (g1 - g0 < width) return;
        double c = std::clamp(centre, g0 + width / 2, g1 - width / 2);
        if (!best || std::abs(c - centre) < std::abs(*best - centre)) best = c;
    };
    double cursor = lo;
    for (auto& [a, b] : m_spans) {
        if (b <= lo) continue;
        if (a >= hi) break;
        consider(cursor, a);
        cursor = std::max(cursor, b);
    }
    consider(cursor, hi);
    return best;
}

std::vector<double> spreadApart(const std::vector<double>& centres, const std::vector<double>& widths, double gap,
                                double lo, double hi) {
    // Each cluster is a run of boxes packed edge to edge; its left edge sits where the mean
    // of its members' wishes puts it. Merge a cluster into the previous one while they overlap.
    struct Cluster { std::size_t first, last; double wish, width, left; };
    std::vector<Cluster> cl;
    auto place = [&](Cluster& c) {
        c.left = c.wish / double(c.last - c.first + 1);
        c.left = std::max(lo, std::min(c.left, hi - c.width));
    };
    for (std::size_t i = 0; i < centres.size(); ++i) {
        Cluster c{i, i, centres[i] - widths[i] / 2, widths[i], 0};
        place(c);
        while (!cl.empty() && cl.back().left + cl.back().width + gap > c.left) {
            Cluster& p = cl.back();
            // Members of c shift by p's width (plus gaps) relative to the merged left edge.
            const double offset = p.width + gap;
            double wish = p.wish + c.wish - offset * double(c.last - c.first + 1);
            c = Cluster{p.first, c.last, wish, p.width + gap + c.width, 0};
            place(c);
            cl.pop_back();
        }
        cl.push_back(c);
    }
    std::vector<double> out(centres.size());
    for (auto& c : cl) {
        double x = c.left;
        for (std::size_t i = c.first; i <= c.last; ++i) {
            out[i] = x + widths[i] / 2;
            x += widths[i] + gap;
        }
    }
    return out;
}

// ---------------------------------------------------------------- text

namespace {

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t utf8Length(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += !isContinuation(c);
    return n;
}

// Byte index of the n-th code point (or the end).
std::size_t byteOfChar(const std::string& s, std::size_t n) {
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        if (!isContinuation(s[i])) {
            if (n == 0) return i;
            --n;
        }
    }
    return s.size();
}

std::string trimEnd(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';' || s.back() == ':' ||
                          s.back() == '.' || s.back() == '-' || s.back() == '(' ))
        s.pop_back();
    return s;
}

}  // namespace

std::string shortText(const std::string& what) {
    std::string out;
    out.reserve(std::min<std::size_t>(what.size(), 160));
    bool space = false;
    for (std::size_t i = 0; i < what.size() && out.size() < 160; ++i) {
        char c = what[i];
        if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
            space = !out.empty();
            continue;
        }
        // A sentence ends at ". " followed by a capital; keep "Mr." style stops rare enough.
        if (c == '.' && i + 1 < what.size() && std::isspace(static_cast<unsigned char>(what[i + 1]))) {
            std::size_t j = i + 1;
            while (j < what.size() && std::isspace(static_cast<unsigned char>(what[j]))) ++j;
            if (j < what.size() && std::isupper(static_cast<unsigned char>(what[j]))) break;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

std::string fitText(const std::string& text, double sizePt, double maxWidthPt, double* widthPt, FontWeight weight, bool italic) {
    auto setWidth = [&](double w) { if (widthPt) *widthPt = w; };
    setWidth(0);
    if (text.empty() || maxWidthPt <= 0) return {};
    TextExtent full = measureText(text, sizePt, weight, italic);
    if (full.widthPt <= maxWidthPt) {
        setWidth(full.widthPt);
        return text;
    }
    static const std::string kEllipsis = "\u2026";
    const std::size_t chars = utf8Length(text);
    const double perChar = full.widthPt / double(std::max<std::size_t>(1, chars));
    // Start from an estimate, then shorten by words (or letters) until it fits: one to
    // three measurements for most labels.
    std::size_t keep = std::size_t(std::max(0.0, (maxWidthPt - perChar) / perChar));
    for (int guard = 0; guard < 24 && keep >= 3; ++guard) {
        std::size_t cut = byteOfChar(text, keep);
        std::size_t space = text.rfind(' ', cut);
        if (space != std::string::npos && space > 0 && utf8Length(text.substr(0, space)) * 10 >= keep * 6) cut = space;
        std::string s = trimEnd(text.substr(0, cut));
        if (utf8Length(s) < 3) break;
        s += kEllipsis;
        TextExtent e = measureText(s, sizePt, weight, italic);
        if (e.widthPt <= maxWidthPt) {
            setWidth(e.widthPt);
            return s;
        }
        std::size_t shown = utf8Length(s) - 1;
        std::size_t over = std::size_t(std::ceil((e.widthPt - maxWidthPt) / perChar));
        keep = std::min(shown, keep) > over + 1 ? std::min(shown, keep) - over - 1 : 0;
    }
    return {};
}

}  // namespace genochron::timeline
