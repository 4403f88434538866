// The date finder reads text as tokens (numbers, words, separators, spaces) and matches
// the written forms of a date on them, every reading of an ambiguous one kept (14/06 and
// 06/14). A line break, a tab or any other character ends a date: a table's rows and
// columns, and separate fields, are never read as one date.
//
// [SECTION] tokens: numbers, words, separators, spaces
// [SECTION] the finder: written forms of a date
// [SECTION] mentions: dates and times found in text
// [SECTION] what a date gives away (birth) and how precise to publish
#include "core/anonymise/anonymise_dates.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace genochron::anon {

namespace {

enum class Tk { Num, Word, Sep, Space, Other };

// ---------------------------------------------------------------- [SECTION] tokens

struct Tok {
    Tk kind = Tk::Other;
    std::size_t b = 0, e = 0;
    int value = 0;          // Num: its value (up to 9 digits)
    int digits = 0;         // Num: how many
    bool ordinal = false;   // Num: "3rd"
    std::string word;       // Word: lower case
    bool capital = false;   // Word: first letter upper case
    char sep = 0;           // Sep
};

bool digit(char c) { return c >= '0' && c <= '9'; }
bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// Non-breaking and thin spaces count as spaces (the offsets stay those of the original).
std::vector<Tok> tokenise(std::string_view t) {
    std::vector<Tok> k;
    std::size_t i = 0;
    while (i < t.size()) {
        Tok tok;
        tok.b = i;
        auto c = static_cast<unsigned char>(t[i]);
        std::size_t nb = 0;   // a multi-byte space
        if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) nb = 2;
        else if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
            auto c2 = static_cast<unsigned char>(t[i + 2]);
            if ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF) nb = 3;
        }
        if (c == ' ' || nb) {
            tok.kind = Tk::Space;
            while (i < t.size()) {
                if (t[i] == ' ') {
                    ++i;
                    continue;
                }
                auto d = static_cast<unsigned char>(t[i]);
                if (d == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
                    i += 2;
                    continue;
                }
                if (d == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
                    auto d2 = static_cast<unsigned char>(t[i + 2]);
                    if ((d2 >= 0x80 && d2 <= 0x8A) || d2 == 0xAF) {
                        i += 3;
                        continue;
                    }
                }
                break;
            }
        } else if (digit(char(c))) {
            tok.kind = Tk::Num;
            while (i < t.size() && digit(t[i])) {
                if (tok.digits < 9) tok.value = tok.value * 10 + (t[i] - '0');
                ++tok.digits;
                ++i;
            }
            // "3rd", "14th", "21ST": an ordinal when no letter follows the suffix
            if (i + 2 <= t.size()) {
                std::string suf{lower(t[i]), lower(t[i + 1])};
                if ((suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && (i + 2 == t.size() || !letter(t[i + 2]))) {
                    tok.ordinal = true;
                    i += 2;
                }
            }
        } else if (letter(char(c))) {
            tok.kind = Tk::Word;
            tok.capital = c >= 'A' && c <= 'Z';
            while (i < t.size() && letter(t[i])) tok.word += lower(t[i++]);
        } else if (c == '-' || c == '/' || c == '.' || c == ',' || c == ':' || c == '\'') {
            tok.kind = Tk::Sep;
            tok.sep = char(c);
            ++i;
        } else {
            tok.kind = Tk::Other;   // a line break, a tab, any other character: a date stops here
            ++i;
            while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;   // the rest of a UTF-8 sequence
        }
        tok.e = i;
        k.push_back(std::move(tok));
    }
    return k;
}

int monthOf(const std::string& w) {
    static const std::array<std::pair<const char*, int>, 24> names = {{
        {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3}, {"april", 4}, {"apr", 4},
        {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8}, {"aug", 8}, {"september", 9},
        {"sept", 9}, {"sep", 9}, {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12},
        {"dec", 12}}};
    for (auto& [n, m] : names)
        if (w == n) return m;
    return 0;
}

// 1 = Monday; `full` when the whole name is written.
int weekdayOf(const std::string& w, bool& full) {
    static const std::array<std::pair<const char*, int>, 17> names = {{
        {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5}, {"saturday", 6},
        {"sunday", 7}, {"mon", 1}, {"tue", 2}, {"tues", 2}, {"wed", 3}, {"thu", 4}, {"thur", 4}, {"thurs", 4},
        {"fri", 5}, {"sat", 6}, {"sun", 7}}};
    for (std::size_t i = 0; i < names.size(); ++i)
        if (w == names[i].first) {
            full = i < 7;
            return names[i].second;
        }
    return 0;
}

int ordinalWord(const std::string& w) {
    static const std::array<const char*, 20> units = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                                      "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                                                      "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                                      "nineteenth", "twentieth"};
    for (std::size_t i = 0; i < units.size(); ++i)
        if (w == units[i]) return int(i) + 1;
    if (w == "thirtieth") return 30;
    return 0;
}

// ---------------------------------------------------------------- [SECTION] the finder

bool validReading(const DateReading& r) {
    if (r.month < 1 || r.month > 12 || r.day < 0 || r.day > 31) return false;
    if (r.day == 0) return r.year != 0;   // a month needs its year
    if (r.year && !r.twoDigitYear && r.day > daysInMonth(r.year, r.month)) return false;
    return r.day <= (r.month == 2 ? 29 : (r.month == 4 || r.month == 6 || r.month == 9 || r.month == 11) ? 30 : 31);
}

struct Finder {
    std::string_view t;
    std::vector<Tok> k;

    bool num(std::size_t i, int minD, int maxD) const {
        return i < k.size() && k[i].kind == Tk::Num && !k[i].ordinal && k[i].digits >= minD && k[i].digits <= maxD;
    }
    bool sep(std::size_t i, char c) const { return i < k.size() && k[i].kind == Tk::Sep && k[i].sep == c; }
    bool space(std::size_t i) const { return i < k.size() && k[i].kind == Tk::Space; }
    bool word(std::size_t i, const char* w) const { return i < k.size() && k[i].kind == Tk::Word && k[i].word == w; }
    int month(std::size_t i) const { return i < k.size() && k[i].kind == Tk::Word ? monthOf(k[i].word) : 0; }
    // A token that continues a word or number: a date cannot end before it or start after it.
    bool glued(std::size_t i) const { return i < k.size() && (k[i].kind == Tk::Num || k[i].kind == Tk::Word); }

    // A day at i: 1-2 digits (an ordinal or not), or an ordinal word ("third", "twenty-first",
    // "twenty first"). Returns the end, or 0.
    std::size_t dayAt(std::size_t i, int& day) const {
        if (i >= k.size()) return 0;
        if (k[i].kind == Tk::Num && k[i].digits <= 2 && k[i].value >= 1 && k[i].value <= 31) {
            day = k[i].value;
            return i + 1;
        }
        if (k[i].kind != Tk::Word) return 0;
        if (int o = ordinalWord(k[i].word)) {
            day = o;
            return i + 1;
        }
        int tens = word(i, "twenty") ? 20 : word(i, "thirty") ? 30 : 0;
        if (tens && (sep(i + 1, '-') || space(i + 1)) && i + 2 < k.size() && k[i + 2].kind == Tk::Word) {
            int o = ordinalWord(k[i + 2].word);
            if (o >= 1 && o <= 9 && tens + o <= 31) {
                day = tens + o;
                return i + 3;
            }
        }
        return 0;
    }

    // After a month name at i: "." and the year, if written (", 2021", " 2021", " '21").
    std::size_t yearTail(std::size_t i, DateReading& r) const {
        if (sep(i, ',') && space(i + 1)) ++i;
        else if (sep(i, ',') && num(i + 1, 4, 4)) {
            r.year = k[i + 1].value;
            return i + 2;
        }
        if (!space(i)) return i;
        if (num(i + 1, 4, 4) && !sep(i + 2, ':') && !glued(i + 2)) {
            r.year = k[i + 1].value;
            return i + 2;
        }
        if (sep(i + 1, '\'') && num(i + 2, 2, 2) && !glued(i + 3)) {
            r.year = k[i + 2].value;
            r.twoDigitYear = true;
            return i + 3;
        }
        return i;
    }
    std::size_t afterMonth(std::size_t i) const { return sep(i, '.') ? i + 1 : i; }

    // The optional weekday (and "the") before a day: where the day starts.
    std::size_t leadIn(std::size_t i, int& weekday, bool needFull) const {
        if (i < k.size() && k[i].kind == Tk::Word) {
            bool full = false;
            if (int w = weekdayOf(k[i].word, full); w && (full || k[i].capital || !needFull)) {
                std::size_t j = i + 1;
                if (sep(j, '.')) ++j;
                if (sep(j, ',')) ++j;
                if (space(j)) {
                    weekday = w;
                    return j + 1;
                }
            }
        }
        return i;
    }
    std::size_t skipThe(std::size_t i) const { return word(i, "the") && space(i + 1) ? i + 2 : i; }

    // Each pattern returns the end of a mention starting at token i (0 for none).
    std::size_t dayMonth(std::size_t i, DateMention& m) const {   // [Wed ][the ]3rd[ of] March[ 2021]; 3-Mar-21
        int wd = 0, day = 0;
        std::size_t d = skipThe(leadIn(i, wd, false));
        std::size_t e = dayAt(d, day);
        if (!e) return 0;
        // 3-Mar-21, 03/MAR/2021, 3.Mar.2021, 3-Mar
        for (char s : {'-', '/', '.'})
            if (sep(e, s) && month(e + 1)) {
                DateReading r{0, false, month(e + 1), day};
                std::size_t f = e + 2;
                if (sep(f, s) && (num(f + 1, 4, 4) || num(f + 1, 2, 2)) && !glued(f + 2)) {
                    r.year = k[f + 1].value;
                    r.twoDigitYear = k[f + 1].digits == 2;
                    f += 2;
                }
                if (glued(f)) return 0;
                m.readings = {r};
                m.weekday = wd;
                return f;
            }
        std::size_t f = e;
        if (space(f) && word(f + 1, "of")) f += 2;
        if (!space(f) || !month(f + 1)) return 0;
        DateReading r{0, false, month(f + 1), day};
        f = yearTail(afterMonth(f + 2), r);
        m.readings = {r};
        m.weekday = wd;
        return f;
    }
    std::size_t monthDay(std::size_t i, DateMention& m) const {   // [Wed ]March[.] [the ]3rd[,][ 2021]
        int wd = 0, day = 0;
        std::size_t s = leadIn(i, wd, false);
        int mo = month(s);
        if (!mo) return 0;
        std::size_t f = afterMonth(s + 1);
        if (!space(f)) return 0;
        std::size_t d = skipThe(f + 1);
        std::size_t e = dayAt(d, day);
        if (!e || glued(e) || sep(e, ':')) return 0;
        DateReading r{0, false, mo, day};
        e = yearTail(e, r);
        m.readings = {r};
        m.weekday = wd;
        return e;
    }
    std::size_t monthYear(std::size_t i, DateMention& m) const {   // March 2021, Mar-21, March '21
        int mo = month(i);
        if (!mo) return 0;
        std::size_t f = afterMonth(i + 1);
        if (sep(f, ',')) ++f;
        DateReading r{0, false, mo, 0};
        if (space(f) && num(f + 1, 4, 4) && !glued(f + 2)) {
            r.year = k[f + 1].value;
            f += 2;
        } else if ((sep(f, '-') || sep(f, '\'')) && (num(f + 1, 2, 2) || num(f + 1, 4, 4)) && !glued(f + 2)) {
            r.year = k[f + 1].value;
            r.twoDigitYear = k[f + 1].digits == 2;
            f += 2;
        } else if (space(f) && sep(f + 1, '\'') && num(f + 2, 2, 2) && !glued(f + 3)) {
            r.year = k[f + 2].value;
            r.twoDigitYear = true;
            f += 3;
        } else {
            return 0;
        }
        m.readings = {r};
        return f;
    }
    std::size_t numeric(std::size_t i, DateMention& m) const {   // 14/06/2021, 2021-06-14[T03:40], 14/6, 06/2021, 2021-06
        if (num(i, 8, 8)) return compact(i, m);
        if (!num(i, 1, 4)) return 0;
        for (char s : {'-', '/', '.'}) {
            if (!sep(i + 1, s) || !num(i + 2, 1, 4)) continue;
            const Tok &a = k[i], &b = k[i + 2];
            if (sep(i + 3, s) && num(i + 4, 1, 4) && !(sep(i + 5, s) && num(i + 6, 1, 4))) {
                const Tok& c = k[i + 4];
                std::size_t e = i + 5;
                if (a.digits == 4 && b.digits <= 2 && c.digits <= 2) {
                    m.readings = {{a.value, false, b.value, c.value}};
                    // ISO with a time: 2021-06-14T03:40, 2021-06-14 03:40
                    std::size_t h = e;
                    if (h < k.size() && k[h].kind == Tk::Word && k[h].word == "t") ++h;
                    else if (space(h)) ++h;
                    if (h > e && num(h, 1, 2) && sep(h + 1, ':') && num(h + 2, 2, 2)) {
                        m.hour = k[h].value;
                        m.minute = k[h + 2].value;
                        e = h + 3;
                        if (sep(e, ':') && num(e + 1, 2, 2)) e += 2;
                        if (e < k.size() && k[e].kind == Tk::Word && k[e].word == "z") ++e;
                    }
                } else if (a.digits <= 2 && b.digits <= 2 && (c.digits == 4 || c.digits == 2)) {
                    bool two = c.digits == 2;
                    m.readings = {{c.value, two, b.value, a.value}, {c.value, two, a.value, b.value}};   // UK, then US
                } else {
                    return 0;
                }
                if (glued(e)) return 0;
                return e;
            }
            if (sep(i + 3, s) && num(i + 4, 1, 9)) return 0;   // more numbers than a date has
            std::size_t e = i + 3;
            if (glued(e) || k[i + 2].ordinal) return 0;
            if (s == '/' && a.digits <= 2 && b.digits <= 2) {   // 14/6: a day and month, either way round
                m.readings = {{0, false, b.value, a.value}, {0, false, a.value, b.value}};
                return e;
            }
            if (a.digits <= 2 && b.digits == 4 && s != '.') {   // 06/2021
                m.readings = {{b.value, false, a.value, 0}};
                return e;
            }
            if (a.digits == 4 && b.digits == 2 && s != '.') {   // 2021-06
                m.readings = {{a.value, false, b.value, 0}};
                return e;
            }
            return 0;
        }
        return 0;
    }
    std::size_t compact(std::size_t i, DateMention& m) const {   // 20210614, 14062021
        if (glued(i + 1) || (i + 1 < k.size() && k[i + 1].kind == Tk::Sep && num(i + 2, 1, 9))) return 0;
        int v = k[i].value;
        DateReading ymd{v / 10000, false, v / 100 % 100, v % 100}, dmy{v % 10000, false, v / 10000 % 100, v / 1000000};
        for (auto& r : {ymd, dmy})
            if (r.year >= 1900 && r.year <= 2099) m.readings.push_back(r);
        return m.readings.empty() ? 0 : i + 1;
    }
    std::size_t weekdayDay(std::size_t i, DateMention& m) const {   // Wednesday 3, Wed the 3rd
        int wd = 0, day = 0;
        std::size_t d = leadIn(i, wd, true);
        if (!wd) return 0;
        std::size_t e = dayAt(skipThe(d), day);
        if (!e || glued(e) || sep(e, ':') || sep(e, '.') || sep(e, '/')) return 0;
        m.readings = {{0, false, 0, day}};
        m.weekday = wd;
        return e;
    }
};

}  // namespace

// ---------------------------------------------------------------- [SECTION] mentions

bool DateMention::is(const CalendarDate& d) const {
    if (!d.day || !d.month) return false;
    for (auto& r : readings) {
        if (r.day != d.day) continue;
        if (r.month == 0) {   // "Wednesday 3"
            long days = daysFromCivil(d.year, d.month, d.day);
            int wd = int(((days % 7) + 7 + 3) % 7) + 1;   // 1970-01-01 was a Thursday
            if (weekday == wd) return true;
            continue;
        }
        if (r.month != d.month) continue;
        if (r.year && (r.twoDigitYear ? r.year != d.year % 100 : r.year != d.year)) continue;
        return true;
    }
    return false;
}

bool DateMention::isDayOfYear(const CalendarDate& d) const {
    for (auto& r : readings)
        if (r.day && r.day == d.day && r.month == d.month) return true;
    return false;
}

bool DateMention::isMonth(int year, int month) const {
    for (auto& r : readings)
        if (r.day == 0 && r.month == month && (r.twoDigitYear ? r.year == year % 100 : r.year == year)) return true;
    return false;
}

int DateMention::writtenYear() const {
    for (auto& r : readings)
        if (r.year && !r.twoDigitYear) return r.year;
    for (auto& r : readings)
        if (r.year) return 2000 + r.year;   // "Mar-21"
    return 0;
}

std::vector<DateMention> findDateMentions(std::string_view text) {
    std::vector<DateMention> out;
    if (text.empty()) return out;
    Finder f{text, tokenise(text)};
    const auto& k = f.k;
    std::size_t i = 0;
    while (i < k.size()) {
        // A mention starts at a word or number that does not continue another one.
        bool startable = (k[i].kind == Tk::Num || k[i].kind == Tk::Word) &&
                         !(i > 0 && (k[i - 1].kind == Tk::Num || k[i - 1].kind == Tk::Word));
        if (!startable) {
            ++i;
            continue;
        }
        DateMention best;
        std::size_t bestEnd = 0;
        auto attempt = [&](auto pattern) {
            DateMention m;
            std::size_t e = (f.*pattern)(i, m);
            if (!e || e <= bestEnd) return;
            std::vector<DateReading> valid;
            for (auto& r : m.readings)
                if (r.month == 0 ? (r.day >= 1 && r.day <= 31) : validReading(r))
                    if (std::find(valid.begin(), valid.end(), r) == valid.end()) valid.push_back(r);
            if (valid.empty()) return;
            m.readings = std::move(valid);
            best = std::move(m);
            bestEnd = e;
        };
        attempt(&Finder::dayMonth);
        attempt(&Finder::monthDay);
        attempt(&Finder::monthYear);
        attempt(&Finder::numeric);
        attempt(&Finder::weekdayDay);
        if (!bestEnd) {
            ++i;
            continue;
        }
        best.begin = k[i].b;
        best.end = k[bestEnd - 1].e;
        out.push_back(std::move(best));
        i = bestEnd;
    }
    return out;
}

std::vector<TimeMention> findTimeMentions(std::string_view text) {
    std::vector<TimeMention> out;
    if (text.empty()) return out;
    Finder f{text, tokenise(text)};
    const auto& k = f.k;
    // am / pm / a.m. / p.m. / hrs / hours / h at i (after an optional space): its end, and the kind.
    auto suffix = [&](std::size_t i, int& kind) -> std::size_t {   // kind 1 am, 2 pm, 3 24-hour
        std::size_t j = f.space(i) ? i + 1 : i;
        if (j >= k.size() || k[j].kind != Tk::Word) return 0;
        const std::string& w = k[j].word;
        if (w == "am" || w == "pm") {
            kind = w == "am" ? 1 : 2;
            return j + 1;
        }
        if ((w == "a" || w == "p") && f.sep(j + 1, '.') && f.word(j + 2, "m")) {
            kind = w == "a" ? 1 : 2;
            return f.sep(j + 3, '.') ? j + 4 : j + 3;
        }
        if (w == "hrs" || w == "hours" || w == "h" || w == "hr") {
            kind = 3;
            return j + 1;
        }
        return 0;
    };
    std::size_t i = 0;
    while (i < k.size()) {
        if (k[i].kind != Tk::Num || k[i].ordinal || (i > 0 && (f.glued(i - 1) || f.sep(i - 1, ':') || f.sep(i - 1, '.')))) {
            ++i;
            continue;
        }
        int hour = -1, minute = -1, kind = 0;
        std::size_t e = 0;
        if (f.num(i, 1, 2) && (f.sep(i + 1, ':') || f.sep(i + 1, '.')) && f.num(i + 2, 2, 2)) {
            hour = k[i].value;
            minute = k[i + 2].value;
            e = i + 3;
            if (f.sep(i + 1, ':') && f.sep(e, ':') && f.num(e + 1, 2, 2)) e += 2;
            if (std::size_t s = suffix(e, kind)) e = s;
            else if (f.sep(i + 1, '.')) e = 0;   // 3.40 alone is a number, not a time
            if (e && (f.glued(e) || (f.sep(e, '.') && f.num(e + 1, 1, 9)))) e = 0;
        } else if (f.num(i, 4, 4)) {   // 0340hrs, 0340 hrs
            if (std::size_t s = suffix(i + 1, kind); s && kind == 3) {
                hour = k[i].value / 100;
                minute = k[i].value % 100;
                e = s;
            }
        }
        if (e && kind == 1 && hour == 12) hour = 0;
        if (e && kind == 2 && hour < 12) hour += 12;
        if (e && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && !((kind == 1 || kind == 2) && k[i].value > 12)) {
            out.push_back({k[i].b, k[e - 1].e, hour, minute});
            i = e;
            continue;
        }
        ++i;
    }
    return out;
}

// ---------------------------------------------------------------- [SECTION] what a date gives away

bool aboutBirth(std::string_view text, const DateMention& m) {
    // The sentence around the mention, on its own line.
    std::size_t b = m.begin, e = m.end;
    while (b > 0 && text[b - 1] != '\n' && text[b - 1] != '.' && text[b - 1] != ';' && text[b - 1] != '!' && text[b - 1] != '?') --b;
    while (e < text.size() && text[e] != '\n' && text[e] != ';' && text[e] != '!' && text[e] != '?' &&
           !(text[e] == '.' && (e + 1 == text.size() || text[e + 1] == ' ')))
        ++e;
    std::string s;
    for (std::size_t i = b; i < e; ++i) s += lower(text[i]);
    auto word = [&](const std::string& w) {
        for (std::size_t at = s.find(w); at != std::string::npos; at = s.find(w, at + 1)) {
            bool before = at == 0 || !letter(s[at - 1]);
            bool after = at + w.size() >= s.size() || !letter(s[at + w.size()]);
            if (before && after) return true;
        }
        return false;
    };
    return word("birthday") || word("birthdays") || word("born") || word("dob") || s.find("d.o.b") != std::string::npos ||
           word("birth");
}

DatePrecision precisionFor(PublishPrecision p) {
    switch (p) {
    case PublishPrecision::Day: return DatePrecision::Day;
    case PublishPrecision::Year: return DatePrecision::Year;
    case PublishPrecision::Month:
    case PublishPrecision::Relative: return DatePrecision::Month;
    }
    return DatePrecision::Month;
}

bool isWholeDay(const Date& d) { return d.kind() == Date::Kind::Point && d.first().day != 0; }

Date coarsenForPublication(const Date& d, PublishPrecision p, const std::vector<CalendarDate>& sensitiveDays,
                           const std::vector<SensitiveMonth>& sensitiveMonths) {
    if (!d.known()) return d;
    DatePrecision prec = precisionFor(p);
    auto part = [&](const CalendarDate& c) {
        CalendarDate r = c.coarsened(prec);
        if (r.day && std::find(sensitiveDays.begin(), sensitiveDays.end(), c) != sensitiveDays.end())
            r = r.coarsened(DatePrecision::Month);
        if (r.month && std::find(sensitiveMonths.begin(), sensitiveMonths.end(), SensitiveMonth{c.year, c.month}) !=
                           sensitiveMonths.end())
            r = r.coarsened(DatePrecision::Year);
        return r;
    };
    switch (d.kind()) {
    case Date::Kind::Point: return Date::point(part(d.first()), d.approximate());
    case Date::Kind::Before: return Date::before(part(d.first()));
    case Date::Kind::After: return Date::after(part(d.first()));
    case Date::Kind::Range: {
        CalendarDate a = part(d.first()), b = part(d.second());
        if (a == b) return Date::point(a);
        return Date::range(a, b);
    }
    case Date::Kind::Unknown: break;
    }
    return d;
}

std::string isoDay(const CalendarDate& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

}  // namespace genochron::anon
