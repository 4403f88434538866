#include "core/anonymise/anonymise_dates.hpp"

#include <algorithm>
#include <fmt/format.h>
#include "core/anonymise/text_scan.hpp"

namespace genochron::anon {

namespace {

int monthNumber(std::string m) {
    for (auto& c : m) c = char(std::tolower(static_cast<unsigned char>(c)));
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i)
        if (m.compare(0, 3, names[i]) == 0) return i + 1;
    return 0;
}

bool validDay(int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= 31; }

// Non-breaking and thin spaces become ASCII spaces of the same byte length, so the
// scanners see "14 June 2021" and the offsets still point into the original.
std::string asciiSpaces(std::string_view s) {
    std::string t(s);
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        auto b0 = static_cast<unsigned char>(t[i]), b1 = static_cast<unsigned char>(t[i + 1]);
        if (b0 == 0xC2 && b1 == 0xA0) t[i] = t[i + 1] = ' ';
        else if (b0 == 0xE2 && b1 == 0x80 && i + 2 < t.size()) {
            auto b2 = static_cast<unsigned char>(t[i + 2]);
            if ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xAF) t[i] = t[i + 1] = t[i + 2] = ' ';
        }
    }
    return t;
}

// The month names in the order the old pattern listed them (a longer name before its
// abbreviation); a month is the first of them that fills a whole word.
constexpr std::string_view kMonthNames[] = {"january", "jan", "february", "feb", "march", "mar", "april", "apr",
                                            "may", "june", "jun", "july", "jul", "august", "aug", "september",
                                            "sept", "sep", "october", "oct", "november", "nov", "december", "dec"};

// The length of the month name written at i (a whole word, any case), or 0.
std::size_t monthAt(std::string_view t, std::size_t i) {
    for (auto name : kMonthNames)
        if (scan::hasAt(t, i, name) && scan::boundary(t, i + name.size())) return name.size();
    return 0;
}

std::size_t spacesAt(std::string_view t, std::size_t i) {
    std::size_t n = 0;
    while (i + n < t.size() && scan::isSpace(t[i + n])) ++n;
    return n;
}

// (?:st|nd|rd|th) at i, any case: its length (2) or 0.
std::size_t ordinalAt(std::string_view t, std::size_t i) {
    for (std::string_view o : {"st", "nd", "rd", "th"})
        if (scan::hasAt(t, i, o)) return 2;
    return 0;
}

int number(std::string_view t, std::size_t b, std::size_t n) {
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) v = v * 10 + (t[b + k] - '0');
    return v;
}

bool dateSeparator(char c) { return c == '-' || c == '/' || c == '.'; }

// (?:,?\s+(\d{4})\b)? from e: sets the year and returns the end, or returns e.
std::size_t yearAfter(std::string_view t, std::size_t e, DateMention& dm) {
    std::size_t f = e + (e < t.size() && t[e] == ',');
    std::size_t sp = spacesAt(t, f);
    if (sp == 0) return e;
    std::size_t g = f + sp;
    if (scan::digitsAt(t, g, 4) != 4 || !scan::boundary(t, g + 4)) return e;
    dm.year = number(t, g, 4);
    return g + 4;
}

// Each scanner below finds what its regex (in the comment) found with std::sregex_iterator;
// tests/test_text_scan.cpp compares them on many generated strings. Each returns the end of
// the match at i (npos for none) and fills in the mention's numbers as written.
constexpr std::size_t npos = std::string_view::npos;

// \b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b
std::size_t isoAt(std::string_view t, std::size_t i, DateMention& dm) {
    if (!scan::boundary(t, i) || scan::digitsAt(t, i, 4) != 4) return npos;
    std::size_t p = i + 4;
    if (p >= t.size() || !dateSeparator(t[p])) return npos;
    ++p;
    for (std::size_t x = scan::digitsAt(t, p, 2); x >= 1; --x) {
        std::size_t q = p + x;
        if (q >= t.size() || !dateSeparator(t[q])) continue;
        for (std::size_t y = scan::digitsAt(t, q + 1, 2); y >= 1; --y)
            if (scan::boundary(t, q + 1 + y)) {
                dm.year = number(t, i, 4);
                dm.month = number(t, p, x);
                dm.day = number(t, q + 1, y);
                return q + 1 + y;
            }
    }
    return npos;
}

// \b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b; a = first number, b = second
std::size_t numericAt(std::string_view t, std::size_t i, DateMention& dm, int& a, int& b) {
    if (!scan::boundary(t, i)) return npos;
    for (std::size_t x = scan::digitsAt(t, i, 2); x >= 1; --x) {
        std::size_t p = i + x;
        if (p >= t.size() || !dateSeparator(t[p])) continue;
        ++p;
        for (std::size_t y = scan::digitsAt(t, p, 2); y >= 1; --y) {
            std::size_t q = p + y;
            if (q >= t.size() || !dateSeparator(t[q])) continue;
            ++q;
            for (std::size_t z : {4u, 2u})
                if (scan::digitsAt(t, q, z) == z && scan::boundary(t, q + z)) {
                    a = number(t, i, x);
                    b = number(t, p, y);
                    dm.year = number(t, q, z);
                    dm.twoDigitYear = z == 2;
                    return q + z;
                }
        }
    }
    return npos;
}

// \b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+MONTH\b\.?(?:,?\s+(\d{4})\b)?   (any case)
std::size_t dayMonthAt(std::string_view t, std::size_t i, DateMention& dm, std::size_t& monthBegin,
                       std::size_t& monthLen) {
    if (!scan::isDigit(t[i]) || !scan::boundary(t, i)) return npos;
    for (std::size_t x = scan::digitsAt(t, i, 2); x >= 1; --x) {
        std::size_t p = i + x;
        std::size_t ord = ordinalAt(t, p);
        for (std::size_t o : {ord, std::size_t(0)}) {
            std::size_t q = p + o;
            std::size_t sp = spacesAt(t, q);
            bool of = sp > 0 && scan::hasAt(t, q + sp, "of");
            for (bool withOf : {true, false}) {
                if (withOf && !of) continue;
                std::size_t r = withOf ? q + sp + 2 : q;
                std::size_t sp2 = spacesAt(t, r);
                if (sp2 == 0) continue;
                std::size_t m = r + sp2, len = monthAt(t, m);
                if (len == 0) continue;
                dm.day = number(t, i, x);
                monthBegin = m;
                monthLen = len;
                std::size_t e = m + len;
                if (e < t.size() && t[e] == '.') ++e;
                return yearAfter(t, e, dm);
            }
            if (o == 0) break;
        }
    }
    return npos;
}

// \bMONTH\b\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?   (any case)
std::size_t monthDayAt(std::string_view t, std::size_t i, DateMention& dm, std::size_t& monthLen) {
    if (!scan::isAlpha(t[i]) || !scan::boundary(t, i)) return npos;
    for (auto name : kMonthNames) {
        if (!scan::hasAt(t, i, name) || !scan::boundary(t, i + name.size())) continue;
        std::size_t e = i + name.size();
        std::size_t p = e + (e < t.size() && t[e] == '.');
        std::size_t sp = spacesAt(t, p);
        if (sp == 0) continue;
        std::size_t q = p + sp;
        for (std::size_t x = scan::digitsAt(t, q, 2); x >= 1; --x) {
            std::size_t r = q + x;
            std::size_t ord = ordinalAt(t, r);
            for (std::size_t o : {ord, std::size_t(0)}) {
                if (scan::boundary(t, r + o)) {
                    dm.day = number(t, q, x);
                    monthLen = name.size();
                    return yearAfter(t, r + o, dm);
                }
                if (o == 0) break;
            }
        }
    }
    return npos;
}

}  // namespace

bool DateMention::is(const CalendarDate& d) const {
    if (!d.day || !d.month) return false;
    if (year) {
        if (twoDigitYear ? (year != d.year % 100) : (year != d.year)) return false;
    }
    return (month == d.month && day == d.day) || (altMonth == d.month && altDay == d.day);
}

std::vector<DateMention> findDateMentions(std::string_view text) {
    std::vector<DateMention> out;
    if (text.empty()) return out;
    const std::string t = asciiSpaces(text);
    // Each shape on its own, every non-overlapping leftmost match (as the regexes were run).
    auto each = [&](auto&& at) {
        std::size_t i = 0;
        while (i < t.size()) {
            DateMention dm;
            std::size_t e = at(i, dm);
            if (e == npos) {
                ++i;
                continue;
            }
            dm.begin = i;
            dm.end = e;
            if (validDay(dm.month, dm.day) || dm.altMonth != 0) out.push_back(dm);
            i = e;
        }
    };
    each([&](std::size_t i, DateMention& dm) { return isoAt(t, i, dm); });
    each([&](std::size_t i, DateMention& dm) {
        int a = 0, b = 0;
        std::size_t e = numericAt(t, i, dm, a, b);
        if (e == npos) return e;
        // UK day/month first; the US reading is kept as the alternative.
        if (validDay(b, a)) {
            dm.month = b;
            dm.day = a;
        }
        if (validDay(a, b) && !(a == b)) {
            dm.altMonth = a;
            dm.altDay = b;
        }
        return e;
    });
    each([&](std::size_t i, DateMention& dm) {
        std::size_t mb = 0, ml = 0;
        std::size_t e = dayMonthAt(t, i, dm, mb, ml);
        if (e != npos) dm.month = monthNumber(t.substr(mb, ml));
        return e;
    });
    each([&](std::size_t i, DateMention& dm) {
        std::size_t ml = 0;
        std::size_t e = monthDayAt(t, i, dm, ml);
        if (e != npos) dm.month = monthNumber(t.substr(i, ml));
        return e;
    });
    std::sort(out.begin(), out.end(), [](const DateMention& a, const DateMention& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    return out;
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

Date coarsenForPublication(const Date& d, PublishPrecision p, const std::vector<CalendarDate>& sensitiveDays) {
    if (!d.known()) return d;
    DatePrecision prec = precisionFor(p);
    auto part = [&](const CalendarDate& c) {
        CalendarDate r = c.coarsened(prec);
        if (r.day && std::find(sensitiveDays.begin(), sensitiveDays.end(), c) != sensitiveDays.end())
            r = r.coarsened(DatePrecision::Month);
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
