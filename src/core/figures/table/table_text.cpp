#include "core/figures/table/table_text.hpp"

#include <cstring>
#include <unordered_map>

namespace genochron::table {

namespace {

struct Key {
    std::string text;
    double size = 0, maxWidth = 0;
    int style = 0;
    bool operator==(const Key&) const = default;
};

struct KeyHash {
    std::size_t operator()(const Key& k) const {
        std::size_t h = std::hash<std::string_view>{}(k.text);
        auto mix = [&h](std::size_t v) { h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
        std::uint64_t bits;
        std::memcpy(&bits, &k.size, sizeof bits);
        mix(bits);
        std::memcpy(&bits, &k.maxWidth, sizeof bits);
        mix(bits);
        mix(std::size_t(k.style));
        return h;
    }
};

int styleBits(const TextStyle& st) { return int(st.weight) * 2 + (st.italic ? 1 : 0); }

std::size_t nextChar(std::string_view s, std::size_t i) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

// The longest prefix of `word` (whole UTF-8 characters, at least one) no wider than `width`.
// Prefixes are unique strings: measured directly, not through the cache.
std::size_t fittingPrefix(const std::string& word, const TextStyle& st, double width) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = nextChar(word, 0); i <= word.size(); i = nextChar(word, i)) {
        cuts.push_back(i);
        if (i == word.size()) break;
    }
    std::size_t lo = 0, hi = cuts.size();   // cuts[lo-1] fits
    while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        if (measureText(word.substr(0, cuts[mid]), st.sizePt, st.weight, st.italic).widthPt <= width) lo = mid + 1;
        else hi = mid;
    }
    return cuts[lo == 0 ? 0 : lo - 1];
}

}  // namespace

TextExtent measure(std::string_view text, const TextStyle& st, double maxWidthPt) {
    static std::unordered_map<Key, TextExtent, KeyHash> cache;
    static Key probe;   // reused, so a lookup allocates nothing
    probe.text.assign(text);
    probe.size = st.sizePt;
    probe.maxWidth = maxWidthPt;
    probe.style = styleBits(st);
    if (auto it = cache.find(probe); it != cache.end()) return it->second;
    // A bound, so a long session or a huge case cannot grow it without limit; refilling is cheap.
    if (cache.size() > 250000) cache.clear();
    TextExtent e = measureText(probe.text, st.sizePt, st.weight, st.italic, maxWidthPt);
    cache.emplace(probe, e);
    return e;
}

double lineHeight(const TextStyle& st) { return measure("Ag", st).heightPt; }

std::vector<std::string> wrapLines(std::string_view text, const TextStyle& st, double width) {
    std::vector<std::string> out;
    const double space = measure(" ", st).widthPt;
    std::size_t start = 0;
    while (true) {
        const std::size_t nl = text.find('\n', start);
        const std::string_view hard = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        std::string cur;
        double curW = 0;
        std::size_t i = 0;
        while (i < hard.size()) {
            std::size_t j = hard.find(' ', i);
            if (j == std::string_view::npos) j = hard.size();
            const std::string_view word = hard.substr(i, j - i);
            i = j + 1;
            if (word.empty()) continue;
            const double w = measure(word, st).widthPt;
            if (!cur.empty() && curW + space + w <= width) {
                cur += ' ';
                cur += word;
                curW += space + w;
                continue;
            }
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.assign(word);
            curW = w;
            // A word wider than the line: break inside it.
            while (curW > width && cur.size() > 1) {
                std::size_t cut = fittingPrefix(cur, st, width);
                if (cut >= cur.size()) break;
                out.push_back(cur.substr(0, cut));
                cur.erase(0, cut);
                curW = measure(cur, st).widthPt;
            }
        }
        out.push_back(std::move(cur));   // an empty hard line stays an empty line
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return out;
}

TextItem textItem(std::string text, Point at, const TextStyle& st, double maxWidthPt, VAlign v) {
    TextItem t;
    t.text = std::move(text);
    t.at = at;
    t.sizePt = st.sizePt;
    t.weight = st.weight;
    t.italic = st.italic;
    t.color = st.color;
    t.valign = v;
    t.maxWidthPt = maxWidthPt;
    return t;
}

}  // namespace genochron::table
