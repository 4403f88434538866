// The review's date type: every form a case file allows (see case-format.md),
// with its precision, ordering and a place on a time axis.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace genochron {

enum class DatePrecision { Year, Month, Day };

// One calendar date known to a precision: month/day are 0 when not known.
struct CalendarDate {
    int year = 0;
    int month = 0;   // 1-12, 0 = not known
    int day = 0;     // 1-31, 0 = not known
    DatePrecision precision() const {
        return day ? DatePrecision::Day : month ? DatePrecision::Month : DatePrecision::Year;
    }
    long firstDay() const;   // days since 1970-01-01 of the first day it can be
    long lastDay() const;    // ... of the last day it can be
    std::string toString() const;   // 2019, 2019-05, 2019-05-03
    CalendarDate coarsened(DatePrecision p) const;
    bool operator==(const CalendarDate&) const = default;
};

class Date {
public:
    enum class Kind { Unknown, Point, Range, Before, After };

    Date() = default;   // unknown
    static Date point(CalendarDate d, bool approximate = false);
    static Date range(CalendarDate from, CalendarDate to);
    static Date before(CalendarDate d);
    static Date after(CalendarDate d);
    static Date fromDays(long days);   // an exact day

    Kind kind() const { return m_kind; }
    bool known() const { return m_kind != Kind::Unknown; }
    bool approximate() const { return m_approx; }
    bool exactDay() const { return m_kind == Kind::Point && !m_approx && m_first.day; }
    const CalendarDate& first() const { return m_first; }
    const CalendarDate& second() const { return m_second; }   // end of a range
    DatePrecision precision() const;   // the coarsest part

    // The span of days the date can mean, for placing on an axis and for comparing.
    // Open-ended forms use the bound they name (before: lastDay-1, after: firstDay+1).
    long earliestDay() const;
    long latestDay() const;
    double midDay() const { return 0.5 * double(earliestDay() + latestDay()); }

    // Whole years between this (a birth date) and `at`, using the middle of each span.
    std::optional<int> ageAt(const Date& at) const;

    // Canonical text, one of the case-format forms; parse(toString()) == *this.
    std::string toString() const;
    // A short human label: "3 May 2019", "May 2019", "c. May 2019", "before 2016", "unknown".
    std::string humanLabel() const;
    // The same date at a coarser precision (never finer than it is).
    Date coarsened(DatePrecision p) const;

    // Chronological order: earliest day, then latest day; unknown after everything.
    friend bool operator<(const Date& a, const Date& b);
    bool operator==(const Date&) const = default;

private:
    Kind m_kind = Kind::Unknown;
    bool m_approx = false;
    CalendarDate m_first, m_second;
};

struct DateParseOptions {
    bool allowUk = true;   // 03/05/2019, 3/5/19, 3 May 2019, May 2019
    int twoDigitYearPivot = 50;   // yy < pivot -> 20yy, else 19yy
};

struct DateParseResult {
    std::optional<Date> date;
    std::string error;   // why it failed, for a diagnostic
    bool uncertainMark = false;   // a leading '?' (Chronolator's uncertain date)
};

// Parses any case-format form; with allowUk, also UK forms people type.
DateParseResult parseDate(std::string_view text, const DateParseOptions& opt = {});

// Calendar helpers, days since 1970-01-01 (proleptic Gregorian).
long daysFromCivil(int y, int m, int d);
CalendarDate civilFromDays(long days);
int daysInMonth(int y, int m);

// The system date, days since 1970-01-01 (what "today" means when no --as-of is given).
long todayDays();

}  // namespace genochron
