#include "core/anonymise/anonymise_text.hpp"

#include "core/anonymise/canonical_text.hpp"

#include <algorithm>

namespace genochron::anon {

bool isWordChar(char32_t c) { return c != kSoftJoin && isLetterOrDigit(c); }

namespace {

// A hyphen (or soft hyphen) at i, then white space holding a line break, then a letter or
// digit: a word broken at a line end. Returns where the next word character starts, or 0.
std::size_t brokenWordAt(std::string_view s, std::size_t i, char32_t c, std::size_t len) {
    if (!(isDash(c) || c == U'\u00AD')) return 0;
    std::size_t j = i + len;
    bool lineBreak = false;
    while (j < s.size()) {
        std::size_t l = 1;
        char32_t d = decodeUtf8(s, j, l);
        if (isWhiteSpace(d)) lineBreak |= isLineBreak(d);
        else if (!isIgnorable(d)) break;
        j += l;
    }
    if (!lineBreak || j >= s.size()) return 0;
    std::size_t l = 1;
    return isLetterOrDigit(decodeUtf8(s, j, l)) ? j : 0;
}

}  // namespace

FoldedText foldText(std::string_view s) {
    FoldedText f;
    f.chars.reserve(s.size());
    f.spans.reserve(s.size());
    auto space = [&](std::uint32_t b, std::uint32_t e) {
        // One space for any run of white space: a name broken over two lines still matches.
        if (!f.chars.empty() && f.chars.back() == U' ') f.spans.back().second = e;
        else {
            f.chars.push_back(U' ');
            f.spans.emplace_back(b, e);
        }
    };
    std::u32string buf;
    std::size_t i = 0;
    while (i < s.size()) {
        auto byte = static_cast<unsigned char>(s[i]);
        auto b = std::uint32_t(i);
        if (byte < 0x80 && byte != '-') {   // ASCII: no ICU call
            ++i;
            if (byte == ' ' || (byte >= '\t' && byte <= '\r')) space(b, b + 1);
            else {
                f.chars.push_back(byte >= 'A' && byte <= 'Z' ? char32_t(byte + 32) : byte == '`' ? U'\'' : char32_t(byte));
                f.spans.emplace_back(b, b + 1);
            }
            continue;
        }
        std::size_t len = 1;
        char32_t c = decodeUtf8(s, i, len);
        if (std::size_t next = brokenWordAt(s, i, c, len); next && !f.chars.empty() && isWordChar(f.chars.back())) {
            // "Kowal-\nczyk": matched either as one word or as a hyphenated pair.
            f.chars.push_back(kSoftJoin);
            f.spans.emplace_back(b, std::uint32_t(next));
            i = next;
            continue;
        }
        auto e = std::uint32_t(i + len);
        i += len;
        if (isWhiteSpace(c)) {
            space(b, e);
            continue;
        }
        if (isMark(c) || isIgnorable(c)) {
            // A combining accent belongs to the letter before it; an invisible character
            // (soft hyphen, zero-width space, ...) is dropped, its bytes going with that letter.
            if (!f.spans.empty()) f.spans.back().second = e;
            continue;
        }
        buf.clear();
        appendFold(c, buf);
        for (char32_t d : buf) {
            f.chars.push_back(d);
            f.spans.emplace_back(b, e);
        }
    }
    return f;
}

std::string foldKey(std::string_view s) {
    FoldedText f = foldText(s);
    std::size_t a = 0, b = f.chars.size();
    while (a < b && !isWordChar(f.chars[a])) ++a;
    while (b > a && !isWordChar(f.chars[b - 1])) --b;
    std::string out;
    for (std::size_t k = a; k < b; ++k) appendUtf8(out, f.chars[k] == kSoftJoin ? U'-' : f.chars[k]);
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
    auto endsWord = [&](std::size_t k) { return k == n || !isWordChar(ch[k]); };
    std::vector<std::pair<int, std::size_t>> stack;   // (node, next char)
    while (i < n) {
        bool start = isWordChar(ch[i]) && (i == 0 || !isWordChar(ch[i - 1]));
        if (!start) {
            ++i;
            continue;
        }
        int bestId = -1;
        std::size_t bestEnd = 0;
        // Depth first: a soft join (a hyphen at a line break) is tried both as nothing and as '-'.
        stack.assign(1, {0, i});
        while (!stack.empty()) {
            auto [node, j] = stack.back();
            stack.pop_back();
            if (j >= n) continue;
            char32_t c = ch[j];
            if (c == kSoftJoin) {
                if (j > i) stack.emplace_back(node, j + 1);
                c = U'-';
            }
            const auto& next = m_nodes[std::size_t(node)].next;
            auto it = next.find(c);
            if (it == next.end()) continue;
            int id = m_nodes[std::size_t(it->second)].id;
            if (id >= 0 && endsWord(j + 1) && j + 1 > bestEnd) {
                bestId = id;
                bestEnd = j + 1;
            }
            stack.emplace_back(it->second, j + 1);
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
        char32_t c = decodeUtf8(s, i, len);
        if (!isWordChar(c)) {
            if (c == U'.' || c == U'!' || c == U'?' || c == U':' || isLineBreak(c) || c == U'\u2022' || c == U'\u2026')
                sentenceBreak = true;
            i += len;
            continue;
        }
        TextWord w;
        w.begin = i;
        w.sentenceStart = sentenceBreak;
        sentenceBreak = false;
        w.capitalised = isUpperOrTitle(c);
        bool allUpper = true;
        int letters = 0;
        std::size_t j = i;
        std::string text;
        while (j < s.size()) {
            std::size_t l = 1;
            char32_t d = decodeUtf8(s, j, l);
            if (isWordChar(d) || isMark(d) || (isIgnorable(d) && j > i)) {
                if (isAlphabetic(d)) {
                    ++letters;
                    if (!isUpperOrTitle(d)) allUpper = false;
                }
                if (isDecimalDigit(d)) w.hasDigit = true;
                if (!isIgnorable(d)) text.append(s.substr(j, l));
                j += l;
                continue;
            }
            // A word broken by a hyphen at a line end, continued in lower case, is one word.
            if (std::size_t next = brokenWordAt(s, j, d, l); next) {
                std::size_t l2 = 1;
                if (isLowerLetter(decodeUtf8(s, next, l2))) {
                    j = next;
                    continue;
                }
            }
            // An apostrophe between letters stays inside the word (O'Neill), except a
            // possessive 's at the end, which is not part of the name.
            if (isApostrophe(d) && j + l < s.size()) {
                std::size_t l2 = 1;
                char32_t e = decodeUtf8(s, j + l, l2);
                if (isWordChar(e)) {
                    bool possessive = (e == U's' || e == U'S');
                    if (possessive) {
                        std::size_t k = j + l + l2, l3 = 1;
                        char32_t after = k < s.size() ? decodeUtf8(s, k, l3) : U' ';
                        if (!isWordChar(after)) break;
                    }
                    text.append(s.substr(j, l));
                    j += l;
                    continue;
                }
            }
            break;
        }
        w.end = j;
        w.text = std::move(text);
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
        if (c == kSoftJoin) continue;   // "Kowal-\nczyk" is one word
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
