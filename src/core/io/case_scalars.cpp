// Which strings a case file may hold as plain YAML scalars, and which must be quoted or
// written as a literal block, so that any YAML 1.1 or 1.2 reader reads back what was written.
#include "core/io/detail/case_emitter.hpp"

#include <cctype>

namespace genochron::case_emitter {

Scan scan(std::string_view s) {
    Scan r;
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        std::size_t n;
        if (c < 0x80) { cp = c; n = 1; }
        else if ((c >> 5) == 0x6 && c >= 0xC2) { cp = c & 0x1F; n = 2; }
        else if ((c >> 4) == 0xE) { cp = c & 0x0F; n = 3; }
        else if ((c >> 3) == 0x1E && c <= 0xF4) { cp = c & 0x07; n = 4; }
        else { r.invalidUtf8 = true; return r; }
        if (i + n > s.size()) { r.invalidUtf8 = true; return r; }
        for (std::size_t k = 1; k < n; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) { r.invalidUtf8 = true; return r; }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            r.invalidUtf8 = true;
            return r;
        }
        if (cp == '\n') r.newline = true;
        else if (cp == '\t') r.tab = true;
        else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 ||
                 cp == 0xFFFE || cp == 0xFFFF)
            r.control = true;
        i += n;
    }
    auto nbspAt = [&](std::size_t at) { return s.compare(at, 2, "\xC2\xA0") == 0; };
    r.edgeSpace = !s.empty() && (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t' ||
                                 nbspAt(0) || (s.size() >= 2 && nbspAt(s.size() - 2)));
    return r;
}

// Words and forms some YAML reader (1.1 or 1.2) resolves to something other than a string
// when written plain: null, booleans, integers and floats in any base, sexagesimal numbers,
// timestamps, the merge and value keys.
bool resolvesToNonString(std::string_view s) {
    if (s.empty()) return true;
    std::string low;
    for (char ch : s) low += char(std::tolower(static_cast<unsigned char>(ch)));
    static const char* words[] = {"~", "null", "y", "n", "yes", "no", "true", "false", "on", "off", "<<", "=",
                                  ".inf", "+.inf", "-.inf", ".nan"};
    for (auto* w : words)
        if (low == w) return true;
    auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
    // A timestamp (2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5).
    if (s.size() >= 5 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) && s[4] == '-') return true;
    // Anything numeric-looking: starts like a number and holds only characters numbers use.
    std::size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (i < s.size() && (digit(s[i]) || s[i] == '.')) {
        static const std::string_view numberChars = "0123456789abcdefABCDEFxXoObB_.,:+-";
        if (s.find_first_not_of(numberChars) == std::string_view::npos) return true;
    }
    return false;
}

// A plain scalar is read back as exactly this string by any YAML reader, as a block
// mapping value (`flow` false) or inside [ ... ] (`flow` true). When in doubt, quote.
bool plainSafe(std::string_view s, const Scan& sc, bool flow) {
    if (s.empty() || sc.control || sc.newline || sc.tab || sc.edgeSpace || sc.invalidUtf8) return false;
    if (resolvesToNonString(s)) return false;
    static const std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (indicators.find(s.front()) != std::string_view::npos) return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos || s.back() == ':')
        return false;
    if (flow && s.find_first_of(",[]{}:#") != std::string_view::npos) return false;
    return true;
}

// A literal block ("|" or "|-") reads back exactly: several lines, only LF line breaks, no
// tab or odd character, no space or empty line at the start (the indentation is taken
// from the first line), at most one final newline, no trailing spaces on a line (libyaml
// would fall back to quotes anyway).
bool literalSafe(std::string_view s, const Scan& sc) {
    if (!sc.newline || sc.control || sc.tab || sc.invalidUtf8) return false;
    if (s.front() == ' ' || s.front() == '\n') return false;
    if (s.size() >= 2 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') return false;
    if (s.find(" \n") != std::string_view::npos || s.back() == ' ') return false;
    return true;
}

}  // namespace genochron::case_emitter
