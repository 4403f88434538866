// Maps a byte of a YAML scalar's value back to the file: decodes the scalar from the
// source the way YAML does (folding, quotes, escapes, block indentation) and compares
// every decoded byte with the value the loader produced, so a position is only ever
// given when the source really says what the case holds.
#include "core/check/language_check_locate.hpp"

#include <algorithm>

namespace genochron::langcheck {

int utf8Chars(std::string_view s, std::size_t bytes) {
    int n = 0;
    for (std::size_t i = 0; i < bytes && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    return n;
}

SourceLoc approximateLoc(SourceLoc start, std::string_view value, std::size_t offset) {
    if (!start.valid() || value.find('\n') != std::string_view::npos) return start;
    return {start.line, start.column + utf8Chars(value, offset)};
}

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isBreak(char c) { return c == '\n' || c == '\r'; }

std::size_t utf8Len(unsigned char c) { return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1; }

void appendUtf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Decodes a scalar, checking each byte against the expected value, until the byte at
// `target` has been produced; `found` is then its source byte.
class Decoder {
public:
    Decoder(const std::string& src, std::size_t pos, std::string_view value, std::size_t target)
        : s(src), p(pos), m_value(value), m_target(target) {}

    std::optional<std::size_t> run() {
        if (p >= s.size() || m_target >= m_value.size()) return std::nullopt;
        char c = s[p];
        if (c == '\'') quoted(false);
        else if (c == '"') quoted(true);
        else if (c == '|' || c == '>') block(c == '>');
        else plain();
        return m_found;
    }

private:
    const std::string& s;
    std::size_t p;
    std::string_view m_value;
    std::size_t m_target, m_produced = 0;
    std::optional<std::size_t> m_found;
    bool m_failed = false;

    bool done() const { return m_found || m_failed; }

    // Emits decoded bytes that came from source byte `at`; false once finished or wrong.
    bool emit(std::string_view bytes, std::size_t at) {
        for (char b : bytes) {
            if (m_produced >= m_value.size() || m_value[m_produced] != b) {
                m_failed = true;
                return false;
            }
            if (m_produced == m_target) m_found = at;
            ++m_produced;
        }
        return !done();
    }

    bool atBreak() const { return p < s.size() && isBreak(s[p]); }
    void skipBreak() {
        if (s[p] == '\r' && p + 1 < s.size() && s[p + 1] == '\n') ++p;
        ++p;
    }
    // Whitespace from p runs to the end of the line (trailing whitespace is folded away).
    bool trailingSpace() const {
        std::size_t q = p;
        while (q < s.size() && isSpace(s[q])) ++q;
        return q >= s.size() || isBreak(s[q]);
    }

    // Line folding in flow scalars: trailing and leading whitespace goes, one break
    // becomes a space, n breaks become n-1 newlines.
    bool fold() {
        while (p < s.size() && isSpace(s[p])) ++p;
        if (!atBreak()) return false;
        std::size_t first = p;
        int breaks = 0;
        while (atBreak()) {
            skipBreak();
            ++breaks;
            while (p < s.size() && isSpace(s[p])) ++p;
        }
        if (breaks == 1) return emit(" ", first);
        return emit(std::string(std::size_t(breaks - 1), '\n'), first);
    }

    void plain() {
        while (!done()) {
            if (p >= s.size()) { m_failed = true; return; }
            if ((isSpace(s[p]) && trailingSpace()) || atBreak()) {
                if (!fold() && !done()) m_failed = true;
                continue;
            }
            std::size_t n = utf8Len(static_cast<unsigned char>(s[p]));
            emit(std::string_view(s).substr(p, n), p);
            p += n;
        }
    }

    void quoted(bool dbl) {
        ++p;
        while (!done()) {
            if (p >= s.size()) { m_failed = true; return; }
            char c = s[p];
            if (!dbl && c == '\'') {
                if (p + 1 < s.size() && s[p + 1] == '\'') {
                    emit("'", p);
                    p += 2;
                    continue;
                }
                m_failed = true;   // the scalar ended before the value did
                return;
            }
            if (dbl && c == '"') { m_failed = true; return; }
            if (dbl && c == '\\') {
                escape();
                continue;
            }
            if ((isSpace(c) && trailingSpace()) || isBreak(c)) {
                if (!fold() && !done()) m_failed = true;
                continue;
            }
            std::size_t n = utf8Len(static_cast<unsigned char>(c));
            emit(std::string_view(s).substr(p, n), p);
            p += n;
        }
    }

    void escape() {
        std::size_t at = p++;
        if (p >= s.size()) { m_failed = true; return; }
        char e = s[p++];
        if (isBreak(e)) {   // an escaped line break joins the lines with nothing between
            if (e == '\r' && p < s.size() && s[p] == '\n') ++p;
            while (p < s.size() && isSpace(s[p])) ++p;
            return;
        }
        std::string out;
        int hex = 0;
        switch (e) {
        case '0': out = std::string(1, '\0'); break;
        case 'a': out = "\a"; break;
        case 'b': out = "\b"; break;
        case 't': case '\t': out = "\t"; break;
        case 'n': out = "\n"; break;
        case 'v': out = "\v"; break;
        case 'f': out = "\f"; break;
        case 'r': out = "\r"; break;
        case 'e': out = "\x1b"; break;
        case ' ': case '"': case '/': case '\\': out = std::string(1, e); break;
        case 'N': appendUtf8(out, 0x85); break;
        case '_': appendUtf8(out, 0xA0); break;
        case 'L': appendUtf8(out, 0x2028); break;
        case 'P': appendUtf8(out, 0x2029); break;
        case 'x': hex = 2; break;
        case 'u': hex = 4; break;
        case 'U': hex = 8; break;
        default: m_failed = true; return;
        }
        if (hex) {
            if (p + std::size_t(hex) > s.size()) { m_failed = true; return; }
            unsigned long cp = std::stoul(s.substr(p, std::size_t(hex)), nullptr, 16);
            p += std::size_t(hex);
            appendUtf8(out, cp);
        }
        emit(out, at);
    }

    void block(bool folded) {
        ++p;
        while (p < s.size() && !isBreak(s[p])) ++p;   // indicators and any comment
        if (p >= s.size()) { m_failed = true; return; }
        skipBreak();
        // The content's indentation: that of its first non-empty line.
        std::size_t indent = 0;
        for (std::size_t q = p; q < s.size();) {
            std::size_t n = 0;
            while (q + n < s.size() && s[q + n] == ' ') ++n;
            if (q + n < s.size() && !isBreak(s[q + n])) {
                indent = n;
                break;
            }
            q += n;
            if (q >= s.size()) break;
            q += (s[q] == '\r' && q + 1 < s.size() && s[q + 1] == '\n') ? 2 : 1;
        }
        if (indent == 0) { m_failed = true; return; }
        bool first = true, prevMore = false;
        int pendingBreaks = 0;
        std::size_t lastEol = p;
        while (!done()) {
            if (p >= s.size()) { m_failed = true; return; }
            std::size_t n = 0;
            while (p + n < s.size() && s[p + n] == ' ') ++n;
            bool blank = p + n >= s.size() || isBreak(s[p + n]);
            if (!blank && n < indent) { m_failed = true; return; }   // the block ended first
            std::size_t begin = blank ? p + std::min(n, indent) : p + indent;
            std::size_t end = begin;
            while (end < s.size() && !isBreak(s[end])) ++end;
            if (blank && end - begin == 0) {
                ++pendingBreaks;
            } else {
                bool more = s[begin] == ' ' || s[begin] == '\t';
                std::string sep;
                if (!folded) sep = std::string(std::size_t(first ? pendingBreaks : pendingBreaks + 1), '\n');
                else if (first) sep = std::string(std::size_t(pendingBreaks), '\n');
                else if (pendingBreaks == 0) sep = (!more && !prevMore) ? " " : "\n";
                else sep = std::string(std::size_t((!more && !prevMore) ? pendingBreaks : pendingBreaks + 1), '\n');
                if (!sep.empty() && !emit(sep, lastEol)) return;
                for (std::size_t q = begin; q < end && !done();) {
                    std::size_t len = utf8Len(static_cast<unsigned char>(s[q]));
                    emit(std::string_view(s).substr(q, len), q);
                    q += len;
                }
                first = false;
                prevMore = more;
                pendingBreaks = 0;
            }
            p = end;
            lastEol = end;
            if (p < s.size()) skipBreak();
        }
    }
};

}  // namespace

SourceText::SourceText(std::string text) : m_text(std::move(text)) {
    if (m_text.rfind("\xEF\xBB\xBF", 0) == 0) m_text.erase(0, 3);   // as the loader does
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < m_text.size(); ++i)
        if (m_text[i] == '\n') m_lineStarts.push_back(i + 1);
}

std::optional<std::size_t> SourceText::byteAt(SourceLoc loc) const {
    if (!loc.valid() || std::size_t(loc.line) > m_lineStarts.size()) return std::nullopt;
    std::size_t p = m_lineStarts[std::size_t(loc.line - 1)];
    for (int col = 1; col < loc.column; ++col) {
        if (p >= m_text.size() || m_text[p] == '\n') return std::nullopt;
        p += utf8Len(static_cast<unsigned char>(m_text[p]));
    }
    return p;
}

SourceLoc SourceText::locOf(std::size_t byte) const {
    auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), byte);
    std::size_t line = std::size_t(it - m_lineStarts.begin());   // 1-based
    std::size_t start = m_lineStarts[line - 1];
    return {int(line), 1 + utf8Chars(std::string_view(m_text).substr(start), byte - start)};
}

std::optional<SourceLoc> SourceText::locate(SourceLoc start, std::string_view value, std::size_t offset) const {
    auto b = byteAt(start);
    if (!b) return std::nullopt;
    auto at = Decoder(m_text, *b, value, offset).run();
    if (!at) return std::nullopt;
    return locOf(*at);
}

}  // namespace genochron::langcheck
