// [SECTION] parsing: ISO and UK forms
// [SECTION] calendar arithmetic
// [SECTION] Date: points, ranges, before/after, ages, labels
// [SECTION] parseDate and today
#include "core/model/date.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <fmt/format.h>

namespace genochron {

namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"};

// ---------------------------------------------------------------- [SECTION] parsing

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

int toInt(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r) c = char(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

int monthFromName(std::string_view word) {
    std::string w = lower(word);
    if (!w.empty() && w.back() == '.') w.pop_back();
    if (w.size() < 3) return 0;
    for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
        std::string m = lower(kMonthNames[i]);
        if (m == w || (w.size() >= 3 && m.compare(0, w.size(), w) == 0) || (w == "sept" && i == 8))
            return int(i) + 1;
    }
    return 0;
}

// The years a case date may have: a family history reaches back centuries.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2200;

// Validates ranges; fills err and returns false on a bad value.
bool checkCalendar(const CalendarDate& d, std::string& err) {
    if (d.year < kMinYear || d.year > kMaxYear) {
        err = fmt::format("year {} is out of range ({}-{})", d.year, kMinYear, kMaxYear);
        return false;
    }
    if (d.month < 0 || d.month > 12 || (d.day && !d.month)) {
        err = fmt::format("month {} does not exist", d.month);
        return false;
    }
    if (d.day && (d.day < 1 || d.day > daysInMonth(d.year, d.month))) {
        err = fmt::format("{} {} has no day {}", kMonthNames[std::size_t(d.month - 1)], d.year, d.day);
        return false;
    }
    return true;
}

// ISO-like: 2019, 2019-05, 2019-05-03.
std::optional<CalendarDate> parseIso(std::string_view s, std::string& err) {
    CalendarDate d;
    auto parts = std::array<std::string_view, 3>{};
    int n = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '-') {
            if (n == 3) return std::nullopt;
            parts[std::size_t(n++)] = s.substr(start, i - start);
            start = i + 1;
        }
    }
    if (parts[0].size() != 4 || !allDigits(parts[0])) return std::nullopt;
    d.year = toInt(parts[0]);
    if (n >= 2) {
        if (parts[1].size() != 2 || !allDigits(parts[1])) return std::nullopt;
        d.month = toInt(parts[1]);
        if (d.month == 0) { err = "month 00 does not exist"; return std::nullopt; }
    }
    if (n == 3) {
        if (parts[2].size() != 2 || !allDigits(parts[2])) return std::nullopt;
        d.day = toInt(parts[2]);
        if (d.day == 0) { err = "day 00 does not exist"; return std::nullopt; }
    }
    if (!checkCalendar(d, err)) return std::nullopt;
    return d;
}

// UK forms: 03/05/2019, 3/5/19, 05/2019, 3 May 2019, May 2019, 3rd May 2019.
std::optional<CalendarDate> parseUk(std::string_view s, const DateParseOptions& opt, std::string& err) {
    auto year4 = [&](std::string_view y) -> int {
        if (!allDigits(y)) return -1;
        if (y.size() == 4) return toInt(y);
        if (y.size() == 2) {
            int v = toInt(y);
            return v < opt.twoDigitYearPivot ? 2000 + v : 1900 + v;
        }
        return -1;
    };
    CalendarDate d;
    if (s.find('/') != std::string_view::npos || s.find('.') != std::string_view::npos) {
        char sep = s.find('/') != std::string_view::npos ? '/' : '.';
        std::array<std::string_view, 3> parts{};
        int n = 0;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= s.size(); ++i) {
            if (i == s.size() || s[i] == sep) {
                if (n == 3) return std::nullopt;
                parts[std::size_t(n++)] = trim(s.substr(start, i - start));
                start = i + 1;
            }
        }
        if (n == 3) {
            if (!allDigits(parts[0]) || !allDigits(parts[1]) || parts[0].size() > 2 || parts[1].size() > 2)
                return std::nullopt;
            d.day = toInt(parts[0]);
            d.month = toInt(parts[1]);
            d.year = year4(parts[2]);
        } else if (n == 2) {
            if (!allDigits(parts[0]) || parts[0].size() > 2) return std::nullopt;
            d.month = toInt(parts[0]);
            d.year = year4(parts[1]);
        } else {
            return std::nullopt;
        }
        if (d.year < 0) return std::nullopt;
        if (d.month == 0 || (n == 3 && d.day == 0)) {
            err = "day or month 0 does not exist";
            return std::nullopt;
        }
        if (!checkCalendar(d, err)) return std::nullopt;
        return d;
    }
    // Words: [day] Month year
    std::array<std::string_view, 3> words{};
    int n = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != ',') ++j;
        if (j > i) {
            if (n == 3) return std::nullopt;
            words[std::size_t(n++)] = s.substr(i, j - i);
        }
        i = j;
    }
    if (n == 3) {
        std::string_view dayw = words[0];
        for (std::string_view suf : {"st", "nd", "rd", "th"})
            if (dayw.size() > 2 && lower(dayw.substr(dayw.size() - 2)) == suf) dayw.remove_suffix(2);
        if (!allDigits(dayw) || dayw.size() > 2) return std::nullopt;
        d.day = toInt(dayw);
        d.month = monthFromName(words[1]);
        d.year = year4(words[2]);
    } else if (n == 2) {
        d.month = monthFromName(words[0]);
        d.year = year4(words[1]);
    } else {
        return std::nullopt;
    }
    if (d.month == 0 || d.year < 0) return std::nullopt;
    if (n == 3 && d.day == 0) { err = "day 0 does not exist"; return std::nullopt; }
    if (!checkCalendar(d, err)) return std::nullopt;
    return d;
}

std::optional<CalendarDate> parseOne(std::string_view s, const DateParseOptions& opt, std::string& err) {
    s = trim(s);
    if (s.empty()) { err = "empty date"; return std::nullopt; }
    std::string e1;
    if (auto d = parseIso(s, e1)) return d;
    if (!e1.empty()) { err = e1; return std::nullopt; }
    if (opt.allowUk) {
        std::string e2;
        if (auto d = parseUk(s, opt, e2)) return d;
        if (!e2.empty()) { err = e2; return std::nullopt; }
    }
    err = fmt::format("'{}' is not a date; write 2019-05-03, 2019-05, 2019, ~2019-05, "
                      "2019-05-03..2019-05-20, <2019-05, >2019-05 or unknown{}",
                      s, opt.allowUk ? " (or 03/05/2019)" : "");
    return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] calendar arithmetic

long daysFromCivil(int y, int m, int d) {
    using namespace std::chrono;
    return long(sys_days{year{y} / month{unsigned(m)} / day{unsigned(d)}}.time_since_epoch().count());
}

CalendarDate civilFromDays(long days) {
    using namespace std::chrono;
    year_month_day ymd{sys_days{std::chrono::days{days}}};
    return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

int daysInMonth(int y, int m) {
    using namespace std::chrono;
    return int(unsigned((year{y} / month{unsigned(m)} / last).day()));
}

long CalendarDate::firstDay() const { return daysFromCivil(year, month ? month : 1, day ? day : 1); }

long CalendarDate::lastDay() const {
    int m = month ? month : 12;
    return daysFromCivil(year, m, day ? day : daysInMonth(year, m));
}

std::string CalendarDate::toString() const {
    if (day) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    if (month) return fmt::format("{:04}-{:02}", year, month);
    return fmt::format("{:04}", year);
}

CalendarDate CalendarDate::coarsened(DatePrecision p) const {
    CalendarDate r = *this;
    if (p == DatePrecision::Year) r.month = r.day = 0;
    if (p == DatePrecision::Month) r.day = 0;
    return r;
}

// ---------------------------------------------------------------- [SECTION] Date

Date Date::point(CalendarDate d, bool approximate) {
    Date r;
    r.m_kind = Kind::Point;
    r.m_first = d;
    r.m_approx = approximate;
    return r;
}
Date Date::range(CalendarDate from, CalendarDate to) {
    Date r;
    r.m_kind = Kind::Range;
    r.m_first = from;
    r.m_second = to;
    return r;
}
Date Date::before(CalendarDate d) {
    Date r;
    r.m_kind = Kind::Before;
    r.m_first = d;
    return r;
}
Date Date::after(CalendarDate d) {
    Date r;
    r.m_kind = Kind::After;
    r.m_first = d;
    return r;
}
Date Date::fromDays(long days) { return point(civilFromDays(days)); }

DatePrecision Date::precision() const {
    auto p = m_first.precision();
    if (m_kind == Kind::Range && int(m_second.precision()) < int(p)) p = m_second.precision();
    return p;
}

long Date::earliestDay() const {
    switch (m_kind) {
    case Kind::Unknown: return 0;
    case Kind::Before: return m_first.firstDay() - 1;
    case Kind::After: return m_first.lastDay() + 1;
    default: return m_first.firstDay();
    }
}

long Date::latestDay() const {
    switch (m_kind) {
    case Kind::Unknown: return 0;
    case Kind::Before: return m_first.firstDay() - 1;
    case Kind::After: return m_first.lastDay() + 1;
    case Kind::Range: return m_second.lastDay();
    default: return m_first.lastDay();
    }
}

std::optional<int> Date::ageAt(const Date& at) const {
    if (!known() || !at.known()) return std::nullopt;
    CalendarDate b = civilFromDays(long(std::floor(midDay())));
    CalendarDate a = civilFromDays(long(std::floor(at.midDay())));
    if (m_first.precision() == DatePrecision::Year || at.first().precision() == DatePrecision::Year) {
        return a.year - b.year;   // the best a year can say
    }
    int age = a.year - b.year;
    if (a.month < b.month || (a.month == b.month && a.day < b.day)) --age;
    return age;
}

std::string Date::toString() const {
    switch (m_kind) {
    case Kind::Unknown: return "unknown";
    case Kind::Point: return (m_approx ? "~" : "") + m_first.toString();
    case Kind::Range: return m_first.toString() + ".." + m_second.toString();
    case Kind::Before: return "<" + m_first.toString();
    case Kind::After: return ">" + m_first.toString();
    }
    return "unknown";
}

std::string Date::humanLabel() const {
    auto one = [](const CalendarDate& d) {
        if (d.day) return fmt::format("{} {} {}", d.day, kMonthNames[std::size_t(d.month - 1)].substr(0, 3), d.year);
        if (d.month) return fmt::format("{} {}", kMonthNames[std::size_t(d.month - 1)].substr(0, 3), d.year);
        return fmt::format("{}", d.year);
    };
    switch (m_kind) {
    case Kind::Unknown: return "date unknown";
    case Kind::Point: return (m_approx ? "c. " : "") + one(m_first);
    case Kind::Range: return one(m_first) + " to " + one(m_second);
    case Kind::Before: return "before " + one(m_first);
    case Kind::After: return "after " + one(m_first);
    }
    return "date unknown";
}

Date Date::coarsened(DatePrecision p) const {
    Date r = *this;
    r.m_first = m_first.coarsened(p);
    r.m_second = m_second.coarsened(p);
    if (r.m_kind == Kind::Range && r.m_first == r.m_second) {
        r.m_kind = Kind::Point;
        r.m_second = {};
    }
    return r;
}

bool operator<(const Date& a, const Date& b) {
    if (a.known() != b.known()) return a.known();
    if (!a.known()) return false;
    if (a.earliestDay() != b.earliestDay()) return a.earliestDay() < b.earliestDay();
    return a.latestDay() < b.latestDay();
}

// ---------------------------------------------------------------- [SECTION] parseDate and today

DateParseResult parseDate(std::string_view text, const DateParseOptions& opt) {
    DateParseResult res;
    std::string_view s = trim(text);
    if (!s.empty() && s.front() == '?') {   // Chronolator marks an uncertain date with '?'
        res.uncertainMark = true;
        s = trim(s.substr(1));
    }
    if (s.empty()) {
        res.error = "the date is empty; write 'unknown' if it is not known";
        return res;
    }
    if (lower(s) == "unknown") {
        res.date = Date{};
        return res;
    }
    std::string err;
    if (auto dots = s.find(".."); dots != std::string_view::npos) {
        auto a = parseOne(s.substr(0, dots), opt, err);
        if (!a) { res.error = "start of range: " + err; return res; }
        auto b = parseOne(s.substr(dots + 2), opt, err);
        if (!b) { res.error = "end of range: " + err; return res; }
        if (b->lastDay() < a->firstDay()) {
            res.error = fmt::format("the range ends ({}) before it starts ({})", b->toString(), a->toString());
            return res;
        }
        res.date = Date::range(*a, *b);
        return res;
    }
    char lead = s.front();
    if (lead == '~' || lead == '<' || lead == '>') {
        auto a = parseOne(s.substr(1), opt, err);
        if (!a) { res.error = err; return res; }
        res.date = lead == '~' ? Date::point(*a, true) : lead == '<' ? Date::before(*a) : Date::after(*a);
        return res;
    }
    for (std::string_view pre : {"c.", "circa ", "about "}) {
        if (lower(s.substr(0, pre.size())) == pre) {
            auto a = parseOne(s.substr(pre.size()), opt, err);
            if (!a) { res.error = err; return res; }
            res.date = Date::point(*a, true);
            return res;
        }
    }
    auto a = parseOne(s, opt, err);
    if (!a) { res.error = err; return res; }
    res.date = Date::point(*a, res.uncertainMark);
    return res;
}

long todayDays() {
    using namespace std::chrono;
    return long(floor<days>(system_clock::now()).time_since_epoch().count());
}

}  // namespace genochron
