// [SECTION] encodings: BOM, UTF-16, the header's CHAR, ANSEL (glib for the rest)
// [SECTION] lines: LEVEL [@XREF@] TAG [VALUE], CONC/CONT
// [SECTION] dates: GEDCOM 5.5.1 and 7.0 date values onto the case's date forms
#include "core/import/gedcom.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <glib.h>
#include <memory>

namespace genochron {

const GedcomNode* GedcomNode::child(std::string_view t) const {
    for (auto& c : children)
        if (c.tag == t) return &c;
    return nullptr;
}

std::vector<const GedcomNode*> GedcomNode::all(std::string_view t) const {
    std::vector<const GedcomNode*> out;
    for (auto& c : children)
        if (c.tag == t) out.push_back(&c);
    return out;
}

namespace {

// ---------------------------------------------------------------- [SECTION] encodings

void appendUtf8(std::string& out, char32_t cp) {
    char buf[8];
    int n = g_unichar_to_utf8(gunichar(cp), buf);
    out.append(buf, std::size_t(n));
}

// ANSEL's upper half: spacing characters 0xA1-0xCF, combining marks 0xE0-0xFE (GEDCOM's
// additions included: 0xBE/0xBF boxes, 0xCD/0xCE midline e/o, 0xCF eszett). 0 = undefined.
constexpr std::array<char32_t, 96> kAnsel = [] {
    std::array<char32_t, 96> t{};
    auto set = [&](unsigned b, char32_t cp) { t[b - 0xA0] = cp; };
    set(0xA1, 0x0141); set(0xA2, 0x00D8); set(0xA3, 0x0110); set(0xA4, 0x00DE); set(0xA5, 0x00C6);
    set(0xA6, 0x0152); set(0xA7, 0x02B9); set(0xA8, 0x00B7); set(0xA9, 0x266D); set(0xAA, 0x00AE);
    set(0xAB, 0x00B1); set(0xAC, 0x01A0); set(0xAD, 0x01AF); set(0xAE, 0x02BC); set(0xB0, 0x02BB);
    set(0xB1, 0x0142); set(0xB2, 0x00F8); set(0xB3, 0x0111); set(0xB4, 0x00FE); set(0xB5, 0x00E6);
    set(0xB6, 0x0153); set(0xB7, 0x02BA); set(0xB8, 0x0131); set(0xB9, 0x00A3); set(0xBA, 0x00F0);
    set(0xBC, 0x01A1); set(0xBD, 0x01B0); set(0xBE, 0x25A1); set(0xBF, 0x25A0); set(0xC0, 0x00B0);
    set(0xC1, 0x2113); set(0xC2, 0x2117); set(0xC3, 0x00A9); set(0xC4, 0x266F); set(0xC5, 0x00BF);
    set(0xC6, 0x00A1); set(0xC7, 0x00DF); set(0xC8, 0x20AC); set(0xCD, 0x0065); set(0xCE, 0x006F);
    set(0xCF, 0x00DF);
    // combining marks (written before their letter in ANSEL, after it in Unicode)
    set(0xE0, 0x0309); set(0xE1, 0x0300); set(0xE2, 0x0301); set(0xE3, 0x0302); set(0xE4, 0x0303);
    set(0xE5, 0x0304); set(0xE6, 0x0306); set(0xE7, 0x0307); set(0xE8, 0x0308); set(0xE9, 0x030C);
    set(0xEA, 0x030A); set(0xEB, 0xFE20); set(0xEC, 0xFE21); set(0xED, 0x0315); set(0xEE, 0x030B);
    set(0xEF, 0x0310); set(0xF0, 0x0327); set(0xF1, 0x0328); set(0xF2, 0x0323); set(0xF3, 0x0324);
    set(0xF4, 0x0325); set(0xF5, 0x0333); set(0xF6, 0x0332); set(0xF7, 0x0326); set(0xF8, 0x031C);
    set(0xF9, 0x032E); set(0xFA, 0xFE22); set(0xFB, 0xFE23); set(0xFE, 0x0313);
    return t;
}();

struct GFree {
    void operator()(gchar* p) const { g_free(p); }
};

std::string nfc(const std::string& s) {
    std::unique_ptr<gchar, GFree> n(g_utf8_normalize(s.data(), gssize(s.size()), G_NORMALIZE_NFC));
    return n ? std::string(n.get()) : s;
}

// g_convert, or nullopt with the reason.
std::optional<std::string> convert(std::string_view bytes, const char* from, std::string& why) {
    gsize written = 0;
    GError* err = nullptr;
    std::unique_ptr<gchar, GFree> out(
        g_convert(bytes.data(), gssize(bytes.size()), "UTF-8", from, nullptr, &written, &err));
    if (!out) {
        why = err ? err->message : "unknown error";
        if (err) g_error_free(err);
        return std::nullopt;
    }
    return std::string(out.get(), written);
}

// The header's "1 CHAR xxx", read from the raw bytes (every 8-bit GEDCOM encoding is ASCII
// in its tags). Upper case; "" when there is none in the header.
std::string headerCharset(std::string_view bytes) {
    std::size_t pos = 0;
    int lines = 0;
    while (pos < bytes.size() && lines < 400) {
        std::size_t end = bytes.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view ln = bytes.substr(pos, end - pos);
        while (!ln.empty() && (ln.front() == ' ' || ln.front() == '\t')) ln.remove_prefix(1);
        if (lines > 0 && ln.size() >= 2 && ln[0] == '0' && ln[1] == ' ') break;   // the header ended
        if (ln.substr(0, 7) == "1 CHAR ") {
            std::string v(ln.substr(7));
            while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
            for (auto& ch : v) ch = char(std::toupper(static_cast<unsigned char>(ch)));
            return v;
        }
        pos = end + 1;
        ++lines;
    }
    return {};
}

bool hasHighBytes(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
}

// The bytes as UTF-8, or nullopt with an error diagnostic.
std::optional<std::string> decode(std::string_view bytes, GedcomFile& f) {
    auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
    std::string why;
    auto utf16 = [&](std::string_view body, const char* enc) -> std::optional<std::string> {
        f.encoding = enc;
        if (body.size() % 2) body.remove_suffix(1);
        auto s = convert(body, enc, why);
        if (!s) f.diagnostics.error("gedcom-encoding", {1, 1}, fmt::format("cannot read the file as {}: {}", enc, why));
        else f.notes.push_back(fmt::format("the file is {}; converted to UTF-8", enc));
        return s;
    };
    if (starts("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    else if (starts("\xFF\xFE")) return utf16(bytes.substr(2), "UTF-16LE");
    else if (starts("\xFE\xFF")) return utf16(bytes.substr(2), "UTF-16BE");
    else if (bytes.size() >= 2 && bytes[0] == '0' && bytes[1] == '\0') return utf16(bytes, "UTF-16LE");
    else if (bytes.size() >= 2 && bytes[0] == '\0' && bytes[1] == '0') return utf16(bytes, "UTF-16BE");

    if (auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        int line = 1 + int(std::count(bytes.begin(), bytes.begin() + std::ptrdiff_t(nul), '\n'));
        f.diagnostics.error("gedcom-encoding", {line, 1},
                            "the file contains NUL bytes: it is not a GEDCOM text file (or is damaged)");
        return std::nullopt;
    }
    const std::string charset = headerCharset(bytes);
    const bool validUtf8 = g_utf8_validate(bytes.data(), gssize(bytes.size()), nullptr);
    if (charset == "ANSEL") {
        if (hasHighBytes(bytes) && validUtf8) {
            f.encoding = "UTF-8";
            f.notes.push_back("the header says CHAR ANSEL but the text is UTF-8; read as UTF-8");
            return std::string(bytes);
        }
        f.encoding = "ANSEL";
        int undefined = 0;
        std::string s = anselToUtf8(bytes, &undefined);
        if (hasHighBytes(bytes)) f.notes.push_back("ANSEL converted to UTF-8");
        if (undefined)
            f.notes.push_back(fmt::format("{} byte{} ANSEL does not define became U+FFFD", undefined, undefined == 1 ? "" : "s"));
        return s;
    }
    if (validUtf8) {
        f.encoding = charset == "ASCII" && !hasHighBytes(bytes) ? "ASCII" : "UTF-8";
        if (charset == "ANSI" || charset == "WINDOWS-1252" || charset == "IBMPC" || charset == "IBM WINDOWS") {
            if (hasHighBytes(bytes)) f.notes.push_back(fmt::format("the header says CHAR {} but the text is UTF-8; read as UTF-8", charset));
        }
        return std::string(bytes);
    }
    const char* from = charset == "IBMPC" ? "CP437" : "WINDOWS-1252";
    auto s = convert(bytes, from, why);
    if (!s) {
        f.diagnostics.error("gedcom-encoding", {1, 1},
                            fmt::format("the file is not UTF-8 and cannot be read as {} either ({}); export it from the "
                                        "family tree program as GEDCOM UTF-8",
                                        from, why));
        return std::nullopt;
    }
    f.encoding = from;
    f.notes.push_back(charset.empty() || charset == "UTF-8" || charset == "ASCII" || charset == "UNICODE"
                          ? fmt::format("the header says CHAR {} but the text is not UTF-8; read as {}",
                                        charset.empty() ? "nothing" : charset, from)
                          : fmt::format("{} converted to UTF-8", from));
    return s;
}

// ---------------------------------------------------------------- [SECTION] lines

bool isTagChar(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; }

void parseLines(const std::string& text, GedcomFile& f) {
    std::vector<GedcomNode*> stack;   // stack[L] = the open node at level L
    std::size_t pos = 0;
    int lineNo = 0;
    int errors = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", pos);
        if (end == std::string::npos) end = text.size();
        std::string_view ln(text.data() + pos, end - pos);
        ++lineNo;
        std::size_t next = end;
        if (next < text.size() && text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ++next;
        pos = next + 1;
        const bool last = end >= text.size();

        std::size_t i = 0;
        while (i < ln.size() && (ln[i] == ' ' || ln[i] == '\t' || ln[i] == '\v' || ln[i] == '\f')) ++i;
        if (i == ln.size()) {   // blank line
            if (last) break;
            continue;
        }
        auto err = [&](int col, std::string msg) {
            if (++errors <= 50) f.diagnostics.error("gedcom-line", {lineNo, col}, std::move(msg));
        };
        const int startCol = int(i) + 1;
        std::size_t d = i;
        while (d < ln.size() && std::isdigit(static_cast<unsigned char>(ln[d]))) ++d;
        if (d == i || d - i > 2) {
            err(startCol, d == i ? "a GEDCOM line starts with its level number (0, 1, 2, ...)"
                                 : "the level number is too large");
            if (last) break;
            continue;
        }
        int level = std::stoi(std::string(ln.substr(i, d - i)));
        if (d >= ln.size() || ln[d] != ' ') {
            err(int(d) + 1, "a space must follow the level number");
            if (last) break;
            continue;
        }
        i = d;
        while (i < ln.size() && ln[i] == ' ') ++i;
        GedcomNode node;
        node.level = level;
        node.line = lineNo;
        if (i < ln.size() && ln[i] == '@') {
            std::size_t close = ln.find('@', i + 1);
            if (close == std::string_view::npos || close == i + 1) {
                err(int(i) + 1, "a cross-reference id like @I12@ is not closed");
                if (last) break;
                continue;
            }
            node.xref = std::string(ln.substr(i, close - i + 1));
            i = close + 1;
            while (i < ln.size() && ln[i] == ' ') ++i;
        }
        std::size_t t = i;
        while (t < ln.size() && isTagChar(ln[t])) ++t;
        node.column = int(i) + 1;
        if (t == i || (t < ln.size() && ln[t] != ' ' && ln[t] != '\t')) {
            err(int(t) + 1, t == i ? "the line has no tag after its level" : "a tag has only letters, digits and '_'");
            if (last) break;
            continue;
        }
        node.tag = std::string(ln.substr(i, t - i));
        for (auto& ch : node.tag) ch = char(std::toupper(static_cast<unsigned char>(ch)));
        if (t < ln.size()) node.value = std::string(ln.substr(t + 1));
        if (node.value.size() >= 2 && node.value[0] == '@' && node.value[1] == '@') node.value.erase(0, 1);

        if (level > int(stack.size())) {
            err(startCol, fmt::format("level {} follows level {}: a line can only be one level below the one before",
                                      level, stack.empty() ? -1 : int(stack.size()) - 1));
            if (last) break;
            continue;
        }
        if ((node.tag == "CONC" || node.tag == "CONT") && level > 0) {
            GedcomNode* parent = stack[std::size_t(level - 1)];
            if (node.tag == "CONT") parent->value += '\n';
            parent->value += node.value;
            stack.resize(std::size_t(level));
        } else if (level == 0) {
            f.records.push_back(std::move(node));
            stack.assign(1, &f.records.back());
        } else {
            GedcomNode* parent = stack[std::size_t(level - 1)];
            parent->children.push_back(std::move(node));
            stack.resize(std::size_t(level));
            stack.push_back(&parent->children.back());
        }
        if (last) break;
    }
    if (errors > 50) f.diagnostics.error("gedcom-line", {lineNo, 1}, fmt::format("{} more bad lines not listed", errors - 50));
}

// ---------------------------------------------------------------- [SECTION] dates

constexpr std::array<std::string_view, 12> kMonths = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                     "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : s) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == ',') {
            if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
        } else {
            cur += char(std::toupper(static_cast<unsigned char>(ch)));
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

enum class Calendar { Gregorian, Julian, Other };

struct DatePart {
    CalendarDate d;
    Calendar cal = Calendar::Gregorian;
    bool dual = false;
};

// [calendar] [day] [month] year[/yy] [BCE|B.C.]; consumes words from `w` at `i`.
std::optional<DatePart> readDatePart(const std::vector<std::string>& w, std::size_t& i, std::string& error) {
    DatePart p;
    if (i < w.size()) {
        const std::string& c = w[i];
        if (c == "@#DGREGORIAN@" || c == "GREGORIAN") ++i;
        else if (c == "@#DJULIAN@" || c == "JULIAN") p.cal = Calendar::Julian, ++i;
        else if (c.rfind("@#D", 0) == 0 || c == "HEBREW" || c == "FRENCH_R" || c == "FRENCH" || (c.size() > 1 && c[0] == '_')) {
            error = fmt::format("the {} calendar is not read; the date is left out",
                                c.rfind("@#D", 0) == 0 ? c.substr(3, c.size() - (c.back() == '@' ? 4 : 3)) : c);
            return std::nullopt;
        }
    }
    std::vector<std::string> parts;
    while (i < w.size() && w[i] != "AND" && w[i] != "TO" && w[i][0] != '(') parts.push_back(w[i++]);
    if (!parts.empty() && (parts.back() == "BCE" || parts.back() == "B.C." || parts.back() == "BC")) {
        error = "dates before the common era are not read; the date is left out";
        return std::nullopt;
    }
    if (parts.empty() || parts.size() > 3) {
        error = parts.empty() ? "there is no date" : "too many words for a date (day month year)";
        return std::nullopt;
    }
    auto number = [](const std::string& s, int& out) {
        if (s.empty() || s.size() > 4 || !std::all_of(s.begin(), s.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
            return false;
        out = std::stoi(s);
        return true;
    };
    // The year, perhaps with a dual year ("1750/51": the later year is today's reckoning).
    std::string y = parts.back();
    if (auto slash = y.find('/'); slash != std::string::npos) {
        int first = 0, second = 0;
        std::string tail = y.substr(slash + 1);
        if (!number(y.substr(0, slash), first) || !number(tail, second) || tail.size() > 2) {
            error = fmt::format("'{}' is not a year", y);
            return std::nullopt;
        }
        p.d.year = first - first % 100 + second;
        if (p.d.year < first) p.d.year += 100;
        p.dual = true;
    } else if (!number(y, p.d.year)) {
        error = fmt::format("'{}' is not a year", y);
        return std::nullopt;
    }
    if (parts.size() >= 2) {
        std::string m = parts[parts.size() - 2];
        if (!m.empty() && m.back() == '.') m.pop_back();
        if (m.size() > 3 && m != "SEPT") m = m.substr(0, 3);   // "MARCH", "SEPTEMBER"
        if (m == "SEPT") m = "SEP";
        auto it = std::find(kMonths.begin(), kMonths.end(), m);
        if (it == kMonths.end()) {
            error = fmt::format("'{}' is not a month (JAN ... DEC)", parts[parts.size() - 2]);
            return std::nullopt;
        }
        p.d.month = int(it - kMonths.begin()) + 1;
    }
    if (parts.size() == 3 && !number(parts[0], p.d.day)) {
        error = fmt::format("'{}' is not a day of the month", parts[0]);
        return std::nullopt;
    }
    if (p.dual && p.d.month > 3) p.d.year -= 1;   // a dual year after March is the earlier year
    return p;
}

// A Julian day date as the Gregorian date the case uses (proleptic Gregorian).
CalendarDate julianToGregorian(const CalendarDate& d) {
    int a = (14 - d.month) / 12;
    long y = d.year + 4800 - a;
    long m = d.month + 12 * a - 3;
    long jdn = d.day + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
    return civilFromDays(jdn - 2440588);
}

}  // namespace

std::string anselToUtf8(std::string_view bytes, int* undefined) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::string marks;   // combining marks waiting for their letter
    int bad = 0;
    bool any = false;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        unsigned char b = static_cast<unsigned char>(bytes[i]);
        char32_t cp = 0xFFFD;
        if (b < 0x80) cp = b;
        else if (b >= 0xA0 && kAnsel[b - 0xA0]) cp = kAnsel[b - 0xA0];
        else ++bad;
        if (b >= 0xE0 && cp != 0xFFFD) {   // a combining mark: it belongs after the next letter
            appendUtf8(marks, cp);
            any = true;
            continue;
        }
        if (!marks.empty() && (cp == '\n' || cp == '\r')) {
            out += ' ';   // a mark with no letter: on a space, as Unicode writes a lone mark
            out += marks;
            marks.clear();
        }
        appendUtf8(out, cp);
        out += marks;
        marks.clear();
    }
    if (!marks.empty()) out += ' ', out += marks;
    if (undefined) *undefined = bad;
    return any ? nfc(out) : out;
}

GedcomDate parseGedcomDate(std::string_view value) {
    GedcomDate r;
    std::string v(value);
    // "INT 1750 (about then)" and "(phrase)": the phrase is not a date.
    std::string phrase;
    if (auto open = v.find('('); open != std::string::npos) {
        phrase = v.substr(open);
        v = v.substr(0, open);
    }
    // 5.5.1 calendar escapes may hold a space ("@#DFRENCH R@"): make them one word.
    for (std::size_t at = v.find("@#D"); at != std::string::npos; at = v.find("@#D", at + 1)) {
        std::size_t close = v.find('@', at + 3);
        if (close == std::string::npos) break;
        std::replace(v.begin() + std::ptrdiff_t(at), v.begin() + std::ptrdiff_t(close), ' ', '_');
    }
    auto w = words(v);
    for (auto& x : w)
        if (x.size() > 1 && x.back() == '.' && x != "B.C.") x.pop_back();   // "ABT." "Abt."
    if (w.empty()) {
        r.error = phrase.empty() ? "the date is empty" : fmt::format("'{}' is a phrase, not a date; it is left out", phrase);
        return r;
    }
    if (!phrase.empty()) r.note = fmt::format("the phrase {} is not kept", phrase);
    std::size_t i = 0;
    std::string kind = "point";
    bool approx = false;
    const std::string& q = w[0];
    if (q == "ABT" || q == "ABOUT" || q == "CAL" || q == "EST" || q == "CA" || q == "CIRCA" || q == "C") approx = true, ++i;
    else if (q == "BEF" || q == "BEFORE") kind = "before", ++i;
    else if (q == "AFT" || q == "AFTER") kind = "after", ++i;
    else if (q == "BET" || q == "BETWEEN") kind = "between", ++i;
    else if (q == "FROM") kind = "from", ++i;
    else if (q == "TO") kind = "to", ++i;
    else if (q == "INT") ++i;

    std::string err;
    auto a = readDatePart(w, i, err);
    if (!a) {
        r.error = err;
        return r;
    }
    std::optional<DatePart> b;
    if (kind == "between" || kind == "from") {
        if (i < w.size() && (w[i] == "AND" || w[i] == "TO") && (w[i] == "AND") == (kind == "between")) {
            ++i;
            b = readDatePart(w, i, err);
            if (!b) {
                r.error = err;
                return r;
            }
        } else if (kind == "between") {
            r.error = "BET needs AND: 'BET 1750 AND 1760'";
            return r;
        }
    }
    if (i < w.size()) {
        r.error = fmt::format("'{}' is not part of a date", w[i]);
        return r;
    }
    std::vector<std::string> notes;
    if (!r.note.empty()) notes.push_back(r.note);
    auto gregorian = [&](DatePart& p) {
        if (p.cal == Calendar::Julian) {
            if (p.d.day && p.d.month && p.d.year >= 1000) {
                CalendarDate g = julianToGregorian(p.d);
                notes.push_back(fmt::format("the Julian date {} is {} in the Gregorian calendar", p.d.toString(), g.toString()));
                p.d = g;
            } else {
                notes.push_back(fmt::format("the Julian {} is kept as it is", p.d.toString()));
            }
        }
        if (p.dual) notes.push_back(fmt::format("the dual year is read as {}", p.d.year));
    };
    gregorian(*a);
    if (b) gregorian(*b);

    std::string text;
    if (kind == "point") text = (approx ? "~" : "") + a->d.toString();
    else if (kind == "before" || kind == "to") text = "<" + a->d.toString();
    else if (kind == "after" || (kind == "from" && !b)) text = ">" + a->d.toString();
    else text = a->d.toString() + ".." + b->d.toString();
    if (kind == "from" && !b) notes.push_back("FROM with no TO is read as after its date");
    if (kind == "to") notes.push_back("TO with no FROM is read as before its date");

    DateParseOptions po;
    po.allowUk = false;
    auto parsed = parseDate(text, po);
    if (!parsed.date) {
        r.error = parsed.error.empty() ? fmt::format("'{}' is not a date", std::string(value)) : parsed.error;
        return r;
    }
    if (parsed.date->kind() == Date::Kind::Range && parsed.date->second().lastDay() < parsed.date->first().firstDay()) {
        r.error = "the range ends before it starts";
        return r;
    }
    r.date = parsed.date;
    r.note.clear();
    for (auto& n : notes) r.note += (r.note.empty() ? "" : "; ") + n;
    return r;
}

GedcomFile parseGedcom(std::string_view bytes, const std::string& displayName) {
    GedcomFile f;
    f.diagnostics = Diagnostics(displayName);
    auto text = decode(bytes, f);
    if (!text) return f;
    parseLines(*text, f);
    if (f.diagnostics.hasErrors()) return f;
    if (f.records.empty() || f.records.front().tag != "HEAD") {
        f.diagnostics.error("gedcom-head", {f.records.empty() ? 1 : f.records.front().line, 1},
                            "a GEDCOM file starts with '0 HEAD'; this does not look like one");
        return f;
    }
    const GedcomNode& head = f.records.front();
    if (auto* g = head.child("GEDC"))
        if (auto* v = g->child("VERS")) f.version = v->value;
    if (f.records.back().tag != "TRLR")
        f.notes.push_back("the file has no '0 TRLR' at its end: it may have been cut short");
    return f;
}

}  // namespace genochron
