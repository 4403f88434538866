// Hand-written scanners for the shapes the publication check and the date finder look
// for in free text: postcodes, email addresses, phone numbers, 10-digit personal numbers
// and National Insurance numbers. std::regex was far too slow on a big case (20,000
// events took 24 s in `check`); these do the same work in one linear pass each.
//
// Each scanner finds exactly what the ECMAScript regular expression in its comment finds
// with std::sregex_iterator in the "C" locale: the same leftmost match, the same choice
// among alternatives and repetitions (greedy, backtracking), the same non-overlapping
// continuation. \b, \d and \s are ASCII (word = [A-Za-z0-9_]); bytes of UTF-8 sequences
// are neither letters, digits nor spaces. tests/test_text_scan.cpp checks each one
// against its regex on many generated strings.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace genochron::anon {

struct TextSpan {
    std::size_t begin = 0, end = 0;   // bytes
    bool operator==(const TextSpan&) const = default;
};

// \b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}\b
std::vector<TextSpan> findPostcodeShapes(std::string_view text);
// [A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}
std::vector<TextSpan> findEmailShapes(std::string_view text);
// (?:\+44\s?(?:\(0\)\s?)?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b
std::vector<TextSpan> findPhoneShapes(std::string_view text);
// \b[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}\b
std::vector<TextSpan> findTenDigitShapes(std::string_view text);
// \b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b
std::vector<TextSpan> findNiNumberShapes(std::string_view text);

namespace scan {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || isUpper(c); }
inline bool isWord(char c) { return isDigit(c) || isAlpha(c) || c == '_'; }   // ECMAScript \w, "C" locale
inline bool isSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }   // \s, "C" locale
inline char lower(char c) { return isUpper(c) ? char(c - 'A' + 'a') : c; }

// \b at byte i of s.
inline bool boundary(std::string_view s, std::size_t i) {
    bool before = i > 0 && isWord(s[i - 1]);
    bool after = i < s.size() && isWord(s[i]);
    return before != after;
}

// The digits starting at i (how many, up to `max`).
inline std::size_t digitsAt(std::string_view s, std::size_t i, std::size_t max = std::string_view::npos) {
    std::size_t n = 0;
    while (i + n < s.size() && n < max && isDigit(s[i + n])) ++n;
    return n;
}

// ASCII case-insensitive: does s hold `word` (lower case) at i?
inline bool hasAt(std::string_view s, std::size_t i, std::string_view word) {
    if (i + word.size() > s.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (lower(s[i + k]) != word[k]) return false;
    return true;
}

// Every non-overlapping leftmost match, as sregex_iterator finds them: `at(i)` returns the
// end of the match starting at i, or npos.
template <class At>
std::vector<TextSpan> eachMatch(std::string_view s, At&& at) {
    std::vector<TextSpan> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t e = at(i);
        if (e != std::string_view::npos && e > i) {
            out.push_back({i, e});
            i = e;
        } else ++i;
    }
    return out;
}

}  // namespace scan

}  // namespace genochron::anon
