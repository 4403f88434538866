// Tokeniser and phrase patterns for the language linter.
//
// Index
//   [SECTION] UTF-8 and character classes
//   [SECTION] Tokeniser
//   [SECTION] Pattern compiler
//   [SECTION] Matcher
#include "core/check/language_pattern.hpp"

#include <algorithm>

namespace genochron::lint::detail {

namespace {

// [SECTION] UTF-8 and character classes

constexpr char32_t kInvalid = 0xFFFD;

struct CodePoint {
    char32_t cp;
    std::size_t len;
};

// Decodes one code point; a malformed sequence yields kInvalid for one byte so
// offsets always stay on character boundaries of well-formed text.
CodePoint decode(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return {c, 1};
    std::size_t n;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
    else return {kInvalid, 1};
    if (i + n > s.size()) return {kInvalid, 1};
    for (std::size_t k = 1; k < n; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return {kInvalid, 1};
        cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {kInvalid, 1};
    return {cp, n};
}

void encode(std::string& out, char32_t cp) {
    if (cp < 0x80) { out += static_cast<char>(cp); return; }
    if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
}

enum class Cls { Word, Apostrophe, Hyphen, Space, Newline, Quote, SentenceEnd, Break };

Cls classify(char32_t cp) {
    if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return Cls::Word;
        switch (c) {
        case '\'': return Cls::Apostrophe;
        case '-': return Cls::Hyphen;
        case ' ': case '\t': case '\r': case '\v': case '\f': return Cls::Space;
        case '\n': return Cls::Newline;
        case '"': case '`': return Cls::Quote;
        case '.': case '!': case '?': return Cls::SentenceEnd;
        default: return Cls::Break;
        }
    }
    if (cp < 0xA0) return Cls::Break;  // C1 controls
    if (cp == 0xA0) return Cls::Space;
    if (cp == 0xAB || cp == 0xBB) return Cls::Quote;  // guillemets
    if (cp <= 0xBF) return (cp == 0xAA || cp == 0xB5 || cp == 0xBA) ? Cls::Word : Cls::Break;
    if (cp == 0xD7 || cp == 0xF7) return Cls::Break;
    if (cp == 0x02BC || cp == 0x2018 || cp == 0x2019) return Cls::Apostrophe;
    if (cp == 0x2010 || cp == 0x2011) return Cls::Hyphen;
    if ((cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 ||
        cp == 0xFEFF)
        return Cls::Space;
    if (cp == 0x201C || cp == 0x201D || cp == 0x201E) return Cls::Quote;
    if (cp == 0x2026) return Cls::SentenceEnd;
    if ((cp >= 0x2012 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x3001 && cp <= 0x303F) ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || cp == kInvalid || (cp >= 0x1F000 && cp <= 0x1FAFF))
        return Cls::Break;
    return Cls::Word;  // letters of any script, and anything we do not know to be punctuation
}

bool isUpper(char32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

char32_t toLower(char32_t cp) {
    return isUpper(cp) ? cp + 0x20 : cp;  // ASCII and Latin-1 capitals sit 0x20 below their small letters
}

bool isDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Characters that stay inside a number: 10.30, 1,000, 10:30, 01/02/2023.
bool joinsDigits(char32_t cp) { return cp == '.' || cp == ',' || cp == ':' || cp == '/'; }

}  // namespace

// [SECTION] Tokeniser

std::vector<Token> tokenise(std::string_view text) {
    std::vector<Token> out;
    bool clause = true, sentence = true;  // the text starts a sentence
    int newlines = 0;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const CodePoint c = decode(text, i);
        const Cls cls = classify(c.cp);
        if (cls == Cls::Word) {
            Token t;
            t.begin = i;
            t.capitalised = isUpper(c.cp);
            t.clauseBreakBefore = clause || sentence;
            t.sentenceBreakBefore = sentence;
            clause = sentence = false;
            newlines = 0;
            std::size_t j = i;
            char32_t prev = 0;
            while (j < n) {
                const CodePoint d = decode(text, j);
                const Cls dc = classify(d.cp);
                if (dc == Cls::Word) {
                    encode(t.norm, toLower(d.cp));
                    prev = d.cp;
                    j += d.len;
                    continue;
                }
                if (j + d.len < n && (dc == Cls::Apostrophe || (isDigit(prev) && joinsDigits(d.cp)))) {
                    const CodePoint e = decode(text, j + d.len);
                    const bool joins = dc == Cls::Apostrophe ? classify(e.cp) == Cls::Word : isDigit(e.cp);
                    if (joins) {
                        t.norm += dc == Cls::Apostrophe ? '\'' : static_cast<char>(d.cp);
                        j += d.len;
                        continue;
                    }
                }
                break;
            }
            t.end = j;
            out.push_back(std::move(t));
            i = j;
            continue;
        }
        switch (cls) {
        case Cls::Space: break;
        case Cls::Newline:
            if (++newlines >= 2) sentence = true;  // a blank line ends a paragraph
            break;
        case Cls::Quote:
        case Cls::Apostrophe: break;  // quoting does not break a phrase
        case Cls::Hyphen: {
            // A hyphen between letters joins words ("non-compliant"); anywhere
            // else it is a dash and breaks the clause.
            const bool afterWord = !out.empty() && out.back().end == i;
            const bool beforeWord = i + c.len < n && classify(decode(text, i + c.len).cp) == Cls::Word;
            if (!(afterWord && beforeWord)) clause = true;
            break;
        }
        case Cls::SentenceEnd: sentence = true; break;
        case Cls::Break: clause = true; break;
        case Cls::Word: break;
        }
        if (cls != Cls::Space && cls != Cls::Newline) newlines = 0;
        i += c.len;
    }
    return out;
}

std::string normaliseWord(std::string_view word) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        const CodePoint c = decode(word, i);
        if (classify(c.cp) == Cls::Apostrophe) out += '\'';
        else if (c.cp == kInvalid) out += word[i];
        else encode(out, toLower(c.cp));
        i += c.len;
    }
    const auto first = out.find_first_not_of('\'');
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of('\'') - first + 1);
}

bool WordTest::matches(const Token& t) const {
    switch (kind) {
    case Kind::Literal: return t.norm == text;
    case Kind::Any: return true;
    case Kind::Prefix: return t.norm.size() > text.size() && t.norm.starts_with(text);
    case Kind::Suffix: return t.norm.size() > text.size() && t.norm.ends_with(text);
    case Kind::End: return false;  // zero-width, handled by the matcher
    }
    return false;
}

// [SECTION] Pattern compiler

namespace {

constexpr std::size_t kMaxExpansions = 4096;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Shell-style brace expansion of one chunk: "fail{s|ed|}" -> fails, failed, fail.
std::vector<std::string> expandBraces(std::string_view chunk, std::size_t base) {
    std::vector<std::string> out{""};
    std::size_t i = 0;
    while (i < chunk.size()) {
        if (chunk[i] != '{') {
            const std::size_t j = std::min(chunk.find('{', i), chunk.size());
            for (auto& s : out) s.append(chunk.substr(i, j - i));
            i = j;
            continue;
        }
        const std::size_t close = chunk.find('}', i);  // the chunk splitter checked nesting
        std::vector<std::string> alts;
        std::size_t k = i + 1;
        while (true) {
            const std::size_t bar = std::min(chunk.find('|', k), close);
            alts.emplace_back(chunk.substr(k, bar - k));
            if (bar == close) break;
            k = bar + 1;
        }
        if (out.size() * alts.size() > kMaxExpansions)
            throw PatternError(base + i, "too many alternatives; split the pattern");
        std::vector<std::string> next;
        for (const auto& s : out)
            for (const auto& a : alts) next.push_back(s + a);
        out = std::move(next);
        i = close + 1;
    }
    return out;
}

WordTest compileWord(std::string_view w, std::size_t at) {
    WordTest t;
    if (w == "*") { t.kind = WordTest::Kind::Any; return t; }
    if (w == "$") { t.kind = WordTest::Kind::End; return t; }
    std::string_view body = w;
    if (w.front() == '*') { t.kind = WordTest::Kind::Suffix; body.remove_prefix(1); }
    else if (w.back() == '*') { t.kind = WordTest::Kind::Prefix; body.remove_suffix(1); }
    if (body.find('*') != std::string_view::npos)
        throw PatternError(at, "'*' may only start or end a word, or stand alone");
    if (body.find('$') != std::string_view::npos) throw PatternError(at, "'$' must stand alone");
    t.text = normaliseWord(body);
    const auto tokens = tokenise(t.text);
    if (tokens.size() != 1 || tokens[0].norm != t.text)
        throw PatternError(at, "'" + std::string(w) + "' is not one word; punctuation in a pattern never matches");
    return t;
}

// One alternative: words split on spaces, and on hyphens as the tokeniser does.
Sequence compileSequence(const std::string& alt, std::size_t at) {
    Sequence seq;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) seq.push_back(compileWord(word, at));
        word.clear();
    };
    for (std::size_t i = 0; i < alt.size(); ++i) {
        const char c = alt[i];
        if (isSpace(c) || c == '-') { flush(); continue; }
        if (c == '\xE2' && i + 2 < alt.size() && alt[i + 1] == '\x80' && (alt[i + 2] == '\x90' || alt[i + 2] == '\x91')) {
            flush();  // U+2010 / U+2011 hyphens
            i += 2;
            continue;
        }
        word += c;
    }
    flush();
    return seq;
}

Element compileChunk(std::string_view chunk, std::size_t base) {
    Element e;
    for (const std::string& s : expandBraces(chunk, base)) {
        Sequence seq = compileSequence(s, base);
        if (seq.empty()) e.optional = true;
        else e.alts.push_back(std::move(seq));
    }
    if (e.alts.empty()) throw PatternError(base, "empty group; write at least one word");
    return e;
}

bool hasEnd(const Element& e) {
    for (const auto& alt : e.alts)
        for (const auto& w : alt)
            if (w.kind == WordTest::Kind::End) return true;
    return false;
}

}  // namespace

Pattern compilePattern(std::string_view src, bool fragment) {
    Pattern p;
    p.source = std::string(src);
    std::vector<std::size_t> starts;
    std::size_t i = 0;
    while (i < src.size()) {
        if (isSpace(src[i])) { ++i; continue; }
        const std::size_t chunkStart = i;
        const bool behind = src[i] == '<', ahead = src[i] == '>';
        if (behind || ahead) ++i;
        bool open = false;
        std::size_t openAt = 0;
        std::size_t j = i;
        for (; j < src.size(); ++j) {
            const char c = src[j];
            if (c == '{') {
                if (open) throw PatternError(j, "braces cannot be nested");
                open = true;
                openAt = j;
            } else if (c == '}') {
                if (!open) throw PatternError(j, "'}' without '{'");
                open = false;
            } else if (c == '<' || c == '>') {
                throw PatternError(j, "'<' and '>' may only start a word or group");
            } else if (isSpace(c) && !open) {
                break;
            }
        }
        if (open) throw PatternError(openAt, "'{' is not closed");
        if (j == i) throw PatternError(chunkStart, "'<' or '>' must be followed by a word or group");
        Element e = compileChunk(src.substr(i, j - i), i);
        e.lookbehind = behind;
        e.lookahead = ahead;
        if ((behind || ahead) && e.optional)
            throw PatternError(chunkStart, "a '<' or '>' group cannot have an empty alternative");
        p.elements.push_back(std::move(e));
        starts.push_back(chunkStart);
        i = j;
    }
    if (p.elements.empty()) throw PatternError(0, "empty pattern");

    bool seenMain = false, seenAhead = false, required = false;
    for (std::size_t k = 0; k < p.elements.size(); ++k) {
        const Element& e = p.elements[k];
        if (e.lookbehind && seenMain) throw PatternError(starts[k], "'<' groups must come first");
        if (!e.lookbehind && !e.lookahead) {
            if (seenAhead) throw PatternError(starts[k], "'>' groups must come last");
            seenMain = true;
            required = required || !e.optional;
        }
        if (e.lookahead) seenAhead = true;
        if (!e.lookahead && hasEnd(e)) throw PatternError(starts[k], "'$' may only be used in a '>' group");
    }
    if (!required && !fragment) throw PatternError(0, "the pattern must require at least one word outside '<' and '>' groups");
    return p;
}

std::vector<std::string> literalWords(const Element& e) {
    std::vector<std::string> out;
    for (const auto& alt : e.alts)
        for (const auto& w : alt)
            if (w.kind == WordTest::Kind::Literal) out.push_back(w.text);
    return out;
}

std::optional<std::vector<std::string>> firstWords(const Pattern& p) {
    std::vector<std::string> out;
    for (const Element& e : p.elements) {
        for (const auto& alt : e.alts) {
            if (alt.front().kind != WordTest::Kind::Literal) return std::nullopt;
            out.push_back(alt.front().text);
        }
        if (!e.optional) break;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// [SECTION] Matcher

namespace {

// Matches one alternative at token i; on success sets i past it.
bool matchSequence(const Sequence& seq, const std::vector<Token>& tokens, std::size_t& i, std::size_t start) {
    std::size_t at = i;
    for (const WordTest& w : seq) {
        if (w.kind == WordTest::Kind::End) {
            if (at == tokens.size() || tokens[at].clauseBreakBefore) continue;
            return false;
        }
        if (at >= tokens.size()) return false;
        if (at != start && tokens[at].clauseBreakBefore) return false;
        if (!w.matches(tokens[at])) return false;
        ++at;
    }
    i = at;
    return true;
}

// Depth is the number of elements (a handful), so plain recursion is fine.
struct Walker {
    const std::vector<Element>& els;
    const std::vector<Token>& tokens;
    std::size_t start;
    std::optional<Span> best;

    void walk(std::size_t k, std::size_t i, std::size_t spanBegin, std::size_t spanEnd) {
        if (k == els.size()) {
            if (spanEnd > spanBegin && (!best || spanEnd > best->end)) best = Span{spanBegin, spanEnd};
            return;
        }
        const Element& e = els[k];
        for (const Sequence& alt : e.alts) {
            std::size_t j = i;
            if (!matchSequence(alt, tokens, j, start)) continue;
            if (e.lookbehind) walk(k + 1, j, j, j);
            else if (e.lookahead) walk(k + 1, j, spanBegin, spanEnd);
            else walk(k + 1, j, spanBegin, j);
        }
        if (e.optional) walk(k + 1, i, spanBegin, spanEnd);
    }
};

}  // namespace

std::optional<Span> matchAt(const Pattern& p, const std::vector<Token>& tokens, std::size_t start) {
    Walker w{p.elements, tokens, start, std::nullopt};
    w.walk(0, start, start, start);
    return w.best;
}

}  // namespace genochron::lint::detail
