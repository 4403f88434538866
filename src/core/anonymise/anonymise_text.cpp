#include "core/anonymise/anonymise_text.hpp"

#include <algorithm>
#include <glib.h>

namespace genochron::anon {

namespace {

bool isApostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'\u02BC' || c == U'\u0060' ||
           c == U'\u00B4' || c == U'\u2032';
}
bool isDash(char32_t c) { return c == U'-' || (c >= U'\u2010' && c <= U'\u2013') || c == U'\u2212'; }

// Decodes one code point at `i`; invalid bytes come back as U+FFFD, one byte long.
char32_t decodeAt(std::string_view s, std::size_t i, std::size_t& len) {
    const char* p = s.data() + i;
    if (static_cast<unsigned char>(*p) < 0x80) {   // ASCII: one byte, no GLib call
        len = 1;
        return char32_t(static_cast<unsigned char>(*p));
    }
    gssize avail = gssize(s.size() - i);
    gunichar c = g_utf8_get_char_validated(p, avail);
    if (c == gunichar(-1) || c == gunichar(-2)) {
        len = 1;
        return U'\uFFFD';
    }
    len = std::size_t(g_utf8_next_char(p) - p);
    return char32_t(c);
}

// Appends the folded form of one code point: compatibility decomposition, marks
// dropped, lower case. Returns how many characters it added.
int foldInto(char32_t c, std::u32string& out) {
    if (isApostrophe(c)) {
        out.push_back(U'\'');
        return 1;
    }
    if (isDash(c)) {
        out.push_back(U'-');
        return 1;
    }
    gunichar buf[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n = g_unichar_fully_decompose(gunichar(c), TRUE, buf, G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
    int added = 0;
    for (gsize k = 0; k < n; ++k) {
        if (g_unichar_ismark(buf[k])) continue;
        out.push_back(char32_t(g_unichar_tolower(buf[k])));
        ++added;
    }
    return added;
}

void appendUtf8(std::string& out, char32_t c) {
    char buf[8];
    int n = g_unichar_to_utf8(gunichar(c), buf);
    out.append(buf, std::size_t(n));
}

}  // namespace

bool isWordChar(char32_t c) {
    if (c < 0x80) return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    return c != U'\uFFFD' && g_unichar_isalnum(gunichar(c));
}

namespace {

// ASCII (most of any case) folded without calling GLib per character: the table holds what
// the general path below gives each byte 1..127 (0 = white space), built with the same calls.
struct AsciiFold {
    char32_t to[128] = {};
    AsciiFold() {
        for (int b = 1; b < 128; ++b) {
            char32_t c = char32_t(b);
            if (g_unichar_isspace(gunichar(c))) continue;
            std::u32string one;
            if (g_unichar_ismark(gunichar(c)) || foldInto(c, one) != 1) to[b] = U'\uFFFF';   // never: general path
            else to[b] = one[0];
        }
    }
};
const AsciiFold& asciiFold() {
    static const AsciiFold t;
    return t;
}

}  // namespace

FoldedText foldText(std::string_view s) {
    FoldedText f;
    f.chars.reserve(s.size());
    f.spans.reserve(s.size());
    const AsciiFold& ascii = asciiFold();
    std::size_t i = 0;
    while (i < s.size()) {
        auto byte = static_cast<unsigned char>(s[i]);
        if (byte > 0 && byte < 128 && ascii.to[byte] != U'\uFFFF') {
            auto b = std::uint32_t(i), e = std::uint32_t(i + 1);
            ++i;
            if (ascii.to[byte] == 0) {   // white space, as below
                if (!f.chars.empty() && f.chars.back() == U' ') f.spans.back().second = e;
                else {
                    f.chars.push_back(U' ');
                    f.spans.emplace_back(b, e);
                }
            } else {
                f.chars.push_back(ascii.to[byte]);
                f.spans.emplace_back(b, e);
            }
            continue;
        }
        std::size_t len = 1;
        char32_t c = decodeAt(s, i, len);
        auto b = std::uint32_t(i), e = std::uint32_t(i + len);
        i += len;
        if (g_unichar_isspace(gunichar(c)) || c == U'\u200B') {
            // One space for any run of white space: a name broken over two lines still matches.
            if (!f.chars.empty() && f.chars.back() == U' ') f.spans.back().second = e;
            else {
                f.chars.push_back(U' ');
                f.spans.emplace_back(b, e);
            }
            continue;
        }
        if (g_unichar_ismark(gunichar(c)) && !f.spans.empty()) {
            f.spans.back().second = e;   // a combining accent belongs to the letter before it
            continue;
        }
        int added = foldInto(c, f.chars);
        for (int k = 0; k < added; ++k) f.spans.emplace_back(b, e);
    }
    return f;
}

std::string foldKey(std::string_view s) {
    FoldedText f = foldText(s);
    std::size_t a = 0, b = f.chars.size();
    while (a < b && !isWordChar(f.chars[a])) ++a;
    while (b > a && !isWordChar(f.chars[b - 1])) --b;
    std::string out;
    for (std::size_t k = a; k < b; ++k) appendUtf8(out, f.chars[k]);
    return out;
}

bool TermMatcher::add(std::string_view pattern, int id) {
    FoldedText f = foldText(pattern);
    std::size_t a = 0, b = f.chars.size();
    while (a < b && !isWordChar(f.chars[a])) ++a;
    while (b > a && !isWordChar(f.chars[b - 1])) --b;
    if (a == b) return false;
    int node = 0;
    for (std::size_t k = a; k < b; ++k) {
        auto it = m_nodes[std::size_t(node)].next.find(f.chars[k]);
        if (it == m_nodes[std::size_t(node)].next.end()) {
            int fresh = int(m_nodes.size());
            m_nodes[std::size_t(node)].next.emplace(f.chars[k], fresh);
            m_nodes.emplace_back();
            node = fresh;
        } else {
            node = it->second;
        }
    }
    if (m_nodes[std::size_t(node)].id < 0) m_nodes[std::size_t(node)].id = id;
    return true;
}

std::vector<TermMatcher::Match> TermMatcher::find(std::string_view text) const { return find(foldText(text)); }

std::vector<TermMatcher::Match> TermMatcher::find(const FoldedText& f) const {
    std::vector<Match> out;
    const auto& ch = f.chars;
    std::size_t n = ch.size(), i = 0;
    while (i < n) {
        bool start = isWordChar(ch[i]) && (i == 0 || !isWordChar(ch[i - 1]));
        if (!start) {
            ++i;
            continue;
        }
        int node = 0, bestId = -1;
        std::size_t bestEnd = 0;
        for (std::size_t j = i; j < n; ++j) {
            auto it = m_nodes[std::size_t(node)].next.find(ch[j]);
            if (it == m_nodes[std::size_t(node)].next.end()) break;
            node = it->second;
            int id = m_nodes[std::size_t(node)].id;
            if (id >= 0 && (j + 1 == n || !isWordChar(ch[j + 1]))) {
                bestId = id;
                bestEnd = j + 1;
            }
        }
        if (bestId >= 0) {
            out.push_back({f.spans[i].first, f.spans[bestEnd - 1].second, bestId});
            i = bestEnd;
        } else {
            ++i;
        }
    }
    return out;
}

std::vector<TextWord> textWords(std::string_view s) {
    std::vector<TextWord> words;
    bool sentenceBreak = true;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = 1;
        char32_t c = decodeAt(s, i, len);
        if (!isWordChar(c)) {
            if (c == U'.' || c == U'!' || c == U'?' || c == U':' || c == U'\n' || c == U'\u2022' || c == U'\u2026')
                sentenceBreak = true;
            i += len;
            continue;
        }
        TextWord w;
        w.begin = i;
        w.sentenceStart = sentenceBreak;
        sentenceBreak = false;
        w.capitalised = g_unichar_isupper(gunichar(c)) || g_unichar_istitle(gunichar(c));
        bool allUpper = true;
        int letters = 0;
        std::size_t j = i;
        while (j < s.size()) {
            std::size_t l = 1;
            char32_t d = decodeAt(s, j, l);
            if (isWordChar(d) || g_unichar_ismark(gunichar(d))) {
                if (g_unichar_isalpha(gunichar(d))) {
                    ++letters;
                    if (!g_unichar_isupper(gunichar(d))) allUpper = false;
                }
                if (g_unichar_isdigit(gunichar(d))) w.hasDigit = true;
                j += l;
                continue;
            }
            // An apostrophe between letters stays inside the word (O'Neill), except a
            // possessive 's at the end, which is not part of the name.
            if (isApostrophe(d) && j + l < s.size()) {
                std::size_t l2 = 1;
                char32_t e = decodeAt(s, j + l, l2);
                if (isWordChar(e)) {
                    bool possessive = (e == U's' || e == U'S');
                    if (possessive) {
                        std::size_t k = j + l + l2, l3 = 1;
                        char32_t after = k < s.size() ? decodeAt(s, k, l3) : U' ';
                        if (!isWordChar(after)) break;
                    }
                    j += l;
                    continue;
                }
            }
            break;
        }
        w.end = j;
        w.text = std::string(s.substr(i, j - i));
        w.key = foldKey(w.text);
        w.allCaps = allUpper && letters >= 2;
        words.push_back(std::move(w));
        i = j;
    }
    return words;
}

std::vector<std::string> foldedWords(std::string_view s) {
    FoldedText f = foldText(s);
    std::vector<std::string> out;
    std::string cur;
    for (char32_t c : f.chars) {
        if (isWordChar(c)) appendUtf8(cur, c);
        else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string applyReplacements(std::string_view text, std::vector<Replacement> reps) {
    std::stable_sort(reps.begin(), reps.end(), [](const Replacement& a, const Replacement& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        return a.end > b.end;   // the longer of two at one place wins
    });
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    for (auto& r : reps) {
        if (r.begin < at || r.end > text.size()) continue;   // overlaps one already taken
        out.append(text.substr(at, r.begin - at));
        out.append(r.with);
        at = r.end;
    }
    out.append(text.substr(at));
    return out;
}

}  // namespace genochron::anon
