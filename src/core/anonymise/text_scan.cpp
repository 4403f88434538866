#include "core/anonymise/text_scan.hpp"


namespace genochron::anon {

using namespace scan;

namespace {

constexpr std::size_t npos = std::string_view::npos;

// The choices a greedy `?` tries, in order: take the character if it fits, then skip it.
struct Choices {
    std::size_t n = 0, v[2] = {1, 0};
    const std::size_t* begin() const { return v + (2 - n); }
    const std::size_t* end() const { return v + 2; }
};
template <class Fits>
Choices optional(std::string_view s, std::size_t i, Fits fits) {
    return Choices{i < s.size() && fits(s[i]) ? 2u : 1u};
}

bool inwardLetter(char c) {   // [ABD-HJLNP-UW-Z]
    return isUpper(c) && c != 'C' && c != 'I' && c != 'K' && c != 'M' && c != 'O' && c != 'V';
}
bool niFirst(char c) {   // [A-CEGHJ-PR-TW-Z]
    return isUpper(c) && c != 'D' && c != 'F' && c != 'I' && c != 'Q' && c != 'U' && c != 'V';
}
bool niSecond(char c) {   // [A-CEGHJ-NPR-TW-Z]
    return niFirst(c) && c != 'O';
}
bool emailLocal(char c) { return isDigit(c) || isAlpha(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool emailDomain(char c) { return isDigit(c) || isAlpha(c) || c == '.' || c == '-'; }

}  // namespace

std::vector<TextSpan> findPostcodeShapes(std::string_view s) {
    return eachMatch(s, [&](std::size_t i) -> std::size_t {
        if (!isUpper(s[i]) || !boundary(s, i)) return npos;
        std::size_t letters = (i + 1 < s.size() && isUpper(s[i + 1])) ? 2 : 1;
        for (std::size_t l = letters; l >= 1; --l) {   // [A-Z]{1,2}
            std::size_t p = i + l;
            if (p >= s.size() || !isDigit(s[p])) continue;   // [0-9]
            ++p;
            for (std::size_t o : optional(s, p, [](char c) { return isUpper(c) || isDigit(c); })) {   // [A-Z0-9]?
                std::size_t q = p + o;
                for (std::size_t sp : optional(s, q, [](char c) { return c == ' '; })) {   // ' '?
                    std::size_t r = q + sp;
                    if (r + 3 <= s.size() && isDigit(s[r]) && inwardLetter(s[r + 1]) && inwardLetter(s[r + 2]) &&
                        boundary(s, r + 3))
                        return r + 3;
                }
            }
        }
        return npos;
    });
}

std::vector<TextSpan> findEmailShapes(std::string_view s) {
    std::vector<TextSpan> out;
    // [A-Za-z0-9.-]+\.[A-Za-z]{2,} from j: the last '.' of the run with two letters after it.
    auto domain = [&](std::size_t j) -> std::size_t {
        std::size_t run = 0;
        while (j + run < s.size() && emailDomain(s[j + run])) ++run;
        for (std::size_t k = run; k-- > 1;) {
            if (s[j + k] != '.') continue;
            std::size_t letters = 0;
            while (j + k + 1 + letters < s.size() && isAlpha(s[j + k + 1 + letters])) ++letters;
            if (letters >= 2) return j + k + 1 + letters;
        }
        return npos;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        if (!emailLocal(s[i])) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < s.size() && emailLocal(s[e])) ++e;
        // A match starts at the first local character of a run ending in '@' (the domain
        // does not depend on where the local part starts), or nowhere in the run.
        if (e < s.size() && s[e] == '@')
            if (std::size_t end = domain(e + 1); end != npos) {
                out.push_back({i, end});
                i = end;
                continue;
            }
        i = e;
    }
    return out;
}

std::vector<TextSpan> findPhoneShapes(std::string_view s) {
    auto sepOrSpace = [](char c) { return isSpace(c) || c == '-'; };
    // \d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b from p
    auto tail = [&](std::size_t p) -> std::size_t {
        for (std::size_t x = digitsAt(s, p, 4); x >= 2; --x)
            for (std::size_t s1 : optional(s, p + x, sepOrSpace)) {
                std::size_t r = p + x + s1;
                for (std::size_t y = digitsAt(s, r, 4); y >= 3; --y)
                    for (std::size_t s2 : optional(s, r + y, sepOrSpace)) {
                        std::size_t u = r + y + s2;
                        for (std::size_t z = digitsAt(s, u, 4); z >= 3; --z)
                            if (boundary(s, u + z)) return u + z;
                    }
            }
        return npos;
    };
    return eachMatch(s, [&](std::size_t i) -> std::size_t {
        if (s.compare(i, 3, "+44") == 0) {   // \+44\s?(?:\(0\)\s?)?
            for (std::size_t w1 : optional(s, i + 3, isSpace)) {
                std::size_t p = i + 3 + w1;
                if (s.compare(p, 3, "(0)") == 0)
                    for (std::size_t w2 : optional(s, p + 3, isSpace))
                        if (std::size_t e = tail(p + 3 + w2); e != npos) return e;
                if (std::size_t e = tail(p); e != npos) return e;
            }
            return npos;
        }
        if (s[i] == '0' && boundary(s, i)) return tail(i + 1);   // \b0
        return npos;
    });
}

std::vector<TextSpan> findTenDigitShapes(std::string_view s) {
    auto sep = [](char c) { return c == ' ' || c == '-'; };
    return eachMatch(s, [&](std::size_t i) -> std::size_t {
        if (s[i] < '1' || s[i] > '9' || !boundary(s, i) || digitsAt(s, i + 1, 2) != 2) return npos;
        for (std::size_t s1 : optional(s, i + 3, sep)) {
            std::size_t q = i + 3 + s1;
            if (digitsAt(s, q, 3) != 3) continue;
            for (std::size_t s2 : optional(s, q + 3, sep)) {
                std::size_t r = q + 3 + s2;
                if (digitsAt(s, r, 4) == 4 && boundary(s, r + 4)) return r + 4;
            }
        }
        return npos;
    });
}

std::vector<TextSpan> findNiNumberShapes(std::string_view s) {
    auto space = [](char c) { return c == ' '; };
    // ( ?\d{2}){3} ?[A-D]\b from p, step by step
    auto rest = [&](auto& self, std::size_t p, int pairs) -> std::size_t {
        for (std::size_t sp : optional(s, p, space)) {
            std::size_t q = p + sp;
            if (pairs == 0) {
                if (q < s.size() && s[q] >= 'A' && s[q] <= 'D' && boundary(s, q + 1)) return q + 1;
                continue;
            }
            if (digitsAt(s, q, 2) != 2) continue;
            if (std::size_t e = self(self, q + 2, pairs - 1); e != npos) return e;
        }
        return npos;
    };
    return eachMatch(s, [&](std::size_t i) -> std::size_t {
        if (!niFirst(s[i]) || !boundary(s, i) || i + 1 >= s.size() || !niSecond(s[i + 1])) return npos;
        return rest(rest, i + 2, 3);
    });
}

}  // namespace genochron::anon
