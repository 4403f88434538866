// Dates for publication: finding a date or a time written in free text (any common form),
// and coarsening the case's own dates to the precision the review publishes.
#pragma once

#include "core/model/date.hpp"
#include "core/model/enums.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace genochron::anon {

// One way a written date can be read. day 0: a month ("March 2021", "03/2021"); month 0
// with a weekday: "Wednesday 3" (a day of some month).
struct DateReading {
    int year = 0;                 // 0 = no year written
    bool twoDigitYear = false;    // "21": compared with the year modulo 100
    int month = 0, day = 0;
    bool operator==(const DateReading&) const = default;
};

// A date written in text, in any common form: numeric in any order and separator
// (14/06/2021, 6/14/21, 2021-06-14, 14.6.21, 14/6), ISO with a time (2021-06-14T03:40),
// compact (20210614, 14062021), with month names or abbreviations (14 June 2021,
// 14-Jun-21, June 14th, 2021, Jun 14), ordinals in digits or words (14th, the fourteenth
// of June 2021, June the 14th), weekdays (Monday 14 June, Monday 14, Monday the 14th), and
// months (June 2021, Jun-21, 06/2021, 2021-06). Its parts are never read across a line
// break or a tab, so the end of one table row and the start of the next are not joined.
struct DateMention {
    std::size_t begin = 0, end = 0;   // bytes
    std::vector<DateReading> readings;
    int weekday = 0;                  // 1 = Monday ... 7 = Sunday, when written
    int hour = -1, minute = -1;       // a time written with it (ISO)

    // Names that day (d a whole day): any reading with that day and month, and the year
    // when one is written; "Wednesday 3" when d is a Wednesday the 3rd.
    bool is(const CalendarDate& d) const;
    // The day and month of d whatever year is written ("9 May 2020" for a birthday on 9 May).
    bool isDayOfYear(const CalendarDate& d) const;
    // A month-year mention of that month: "March 2021", "Mar-21", "03/2021", "2021-03".
    bool isMonth(int year, int month) const;
    int writtenYear() const;   // the year a month mention writes (4 digits), or 0
};
std::vector<DateMention> findDateMentions(std::string_view text);

// A time of day written in text: 03:40, 3:40am, 3.40 a.m., 03.40hrs, 0340 hrs, 3.40pm.
struct TimeMention {
    std::size_t begin = 0, end = 0;
    int hour = 0, minute = 0;   // 24-hour
};
std::vector<TimeMention> findTimeMentions(std::string_view text);

// Is the mention in a sentence about a birth ("birthday", "born", "DOB", "d.o.b.")?
bool aboutBirth(std::string_view text, const DateMention& m);

// How a date is published: `p` (relative is published as months: see docs/anonymisation.md),
// never finer than month for any part that falls on a sensitive day, and only as a year for
// any part in a sensitive month (the month of a death, when its date is hidden).
struct SensitiveMonth {
    int year = 0, month = 0;
    bool operator==(const SensitiveMonth&) const = default;
};
Date coarsenForPublication(const Date& d, PublishPrecision p, const std::vector<CalendarDate>& sensitiveDays,
                           const std::vector<SensitiveMonth>& sensitiveMonths = {});
DatePrecision precisionFor(PublishPrecision p);

// The day a date names exactly, if it is a single whole day (approximate days count).
bool isWholeDay(const Date& d);

// How a day is written in the forms an output may use, for messages: "2021-06-14".
std::string isoDay(const CalendarDate& d);

}  // namespace genochron::anon
