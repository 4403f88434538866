// Dates for publication: finding a day written in free text (any common form), and
// coarsening the case's own dates to the precision the review publishes.
#pragma once

#include "core/model/date.hpp"
#include "core/model/enums.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace genochron::anon {

// A day written in text: 2021-06-14, 14/06/2021, 14/6/21, 14 June 2021, 14th of June 2021,
// June 14, 2021, Jun 14th 2021, and the same without a year ("14 June").
struct DateMention {
    std::size_t begin = 0, end = 0;   // bytes
    int year = 0;                     // 0 = no year written
    bool twoDigitYear = false;        // "21": compared with the year modulo 100
    int month = 0, day = 0;
    int altMonth = 0, altDay = 0;     // 06/14/2021 could be month/day: the other reading, if valid
    bool is(const CalendarDate& d) const;   // d must be a whole day
};
std::vector<DateMention> findDateMentions(std::string_view text);

// How a date is published: `p` (relative is published as months: see docs/anonymisation.md),
// and never finer than month for any part that falls on a sensitive day.
Date coarsenForPublication(const Date& d, PublishPrecision p, const std::vector<CalendarDate>& sensitiveDays);
DatePrecision precisionFor(PublishPrecision p);

// The day a date names exactly, if it is a single whole day (approximate days count).
bool isWholeDay(const Date& d);

// How a day is written in the forms an output may use, for messages: "2021-06-14".
std::string isoDay(const CalendarDate& d);

}  // namespace genochron::anon
