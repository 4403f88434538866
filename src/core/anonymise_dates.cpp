#include "core/anonymise_dates.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <regex>

namespace genochron::anon {

namespace {

constexpr const char* kMonth =
    "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|"
    "october|oct|november|nov|december|dec)";

int monthNumber(std::string m) {
    for (auto& c : m) c = char(std::tolower(static_cast<unsigned char>(c)));
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i)
        if (m.compare(0, 3, names[i]) == 0) return i + 1;
    return 0;
}

bool validDay(int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= 31; }

// Non-breaking and thin spaces become ASCII spaces of the same byte length, so the
// regexes see "14 June 2021" and the offsets still point into the original.
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

struct Patterns {
    std::regex iso{R"(\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b)"};
    std::regex numeric{R"(\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b)"};
    std::regex dayMonth{std::string(R"(\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+)") + kMonth +
                            R"(\b\.?(?:,?\s+(\d{4})\b)?)",
                        std::regex::icase};
    std::regex monthDay{std::string(R"(\b)") + kMonth + R"(\b\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?)",
                        std::regex::icase};
};

const Patterns& patterns() {
    static const Patterns p;
    return p;
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
    const Patterns& P = patterns();
    auto each = [&](const std::regex& re, auto&& make) {
        for (auto it = std::sregex_iterator(t.begin(), t.end(), re); it != std::sregex_iterator(); ++it) {
            const std::smatch& m = *it;
            DateMention dm;
            dm.begin = std::size_t(m.position(0));
            dm.end = dm.begin + std::size_t(m.length(0));
            if (make(m, dm)) out.push_back(dm);
        }
    };
    each(P.iso, [](const std::smatch& m, DateMention& dm) {
        dm.year = std::stoi(m[1]);
        dm.month = std::stoi(m[2]);
        dm.day = std::stoi(m[3]);
        return validDay(dm.month, dm.day);
    });
    each(P.numeric, [](const std::smatch& m, DateMention& dm) {
        int a = std::stoi(m[1]), b = std::stoi(m[2]);
        dm.year = std::stoi(m[3]);
        dm.twoDigitYear = m[3].length() == 2;
        // UK day/month first; the US reading is kept as the alternative.
        if (validDay(b, a)) {
            dm.month = b;
            dm.day = a;
        }
        if (validDay(a, b) && !(a == b)) {
            dm.altMonth = a;
            dm.altDay = b;
        }
        return dm.month != 0 || dm.altMonth != 0;
    });
    each(P.dayMonth, [](const std::smatch& m, DateMention& dm) {
        dm.day = std::stoi(m[1]);
        dm.month = monthNumber(m[2]);
        if (m[3].matched) dm.year = std::stoi(m[3]);
        return validDay(dm.month, dm.day);
    });
    each(P.monthDay, [](const std::smatch& m, DateMention& dm) {
        dm.month = monthNumber(m[1]);
        dm.day = std::stoi(m[2]);
        if (m[3].matched) dm.year = std::stoi(m[3]);
        return validDay(dm.month, dm.day);
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
