// The date finder (anonymise_dates.hpp): every common written form of a day, a month and a
// time, and never a date read across a line break, a tab or a field.
#include "core/anonymise/anonymise_dates.hpp"

#include <catch2/catch.hpp>

using namespace genochron;
using namespace genochron::anon;

namespace {

const CalendarDate kDay{2021, 3, 3};   // a Wednesday

bool names(const std::string& text, const CalendarDate& d = kDay) {
    for (auto& m : findDateMentions(text))
        if (m.is(d)) return true;
    return false;
}

std::string spanOf(const std::string& text, const CalendarDate& d = kDay) {
    for (auto& m : findDateMentions(text))
        if (m.is(d)) return text.substr(m.begin, m.end - m.begin);
    return {};
}

}  // namespace

TEST_CASE("dates in text: numeric forms in any order and separator", "[dates][publication]") {
    for (const char* t : {"on 03/03/2021 at home", "on 3/3/21", "on 3.3.2021", "on 3-3-21", "on 2021-03-03", "on 2021/3/3",
                          "on 2021.03.03", "03/03/2021", "on 20210303", "on 03032021", "on 3/3 she"})
        CHECK(names(t));
    CHECK(names("on 06/14/2021", {2021, 6, 14}));   // month first (US)
    CHECK(names("on 14/06/2021", {2021, 6, 14}));
    CHECK_FALSE(names("on 03/03/2020"));
    CHECK_FALSE(names("3.3 metres"));               // a decimal, not a day
    CHECK_FALSE(names("ref 2021-03-03-77"));         // more numbers than a date has
    CHECK_FALSE(names("log 202103031"));
}

TEST_CASE("dates in text: ISO with a time, and the time kept with the date", "[dates][publication]") {
    std::string t = "logged 2021-03-03T05:10 by control";
    CHECK(spanOf(t) == "2021-03-03T05:10");
    auto m = findDateMentions(t);
    REQUIRE(m.size() == 1);
    CHECK(m[0].hour == 5);
    CHECK(m[0].minute == 10);
    CHECK(spanOf("at 2021-03-03 05:10:22 the call") == "2021-03-03 05:10:22");
}

TEST_CASE("dates in text: month names, abbreviations, ordinals in digits and words", "[dates][publication]") {
    for (const char* t : {"3 March 2021", "3rd March 2021", "3rd of March 2021", "the third of March 2021",
                          "the 3rd of March", "March 3, 2021", "March 3rd 2021", "March the 3rd", "March the third",
                          "Mar 3rd", "3-Mar-21", "03-MAR-2021", "3/Mar/2021", "3 Mar '21", "Wednesday 3 March 2021",
                          "Wed, 3 March", "on 3 March", "3 Mar.", "MARCH 3RD", "march third, 2021"})
        CHECK(names(t));
    CHECK(names("the twenty-third of June", {2021, 6, 23}));
    CHECK(names("June the thirty first", {2021, 6, 31}) == false);   // June has no 31st
    CHECK(names("the thirty-first of May 2021", {2021, 5, 31}));
    CHECK_FALSE(names("3 March 2020"));
    CHECK_FALSE(names("3 Marches"));
    CHECK_FALSE(names("a second time in March"));
}

TEST_CASE("dates in text: a weekday and a day", "[dates][publication]") {
    CHECK(names("on Wednesday 3 she"));
    CHECK(names("on Wednesday the 3rd"));
    CHECK(names("on Wed 3rd"));
    CHECK_FALSE(names("on Thursday 3"));   // 3 March 2021 was a Wednesday
    CHECK_FALSE(names("they sat 3 hours"));
}

TEST_CASE("dates in text: months, for the month of a death", "[dates][publication]") {
    auto month = [](const std::string& t) {
        for (auto& m : findDateMentions(t))
            if (m.isMonth(2021, 3)) return t.substr(m.begin, m.end - m.begin);
        return std::string();
    };
    CHECK(month("in March 2021 the") == "March 2021");
    CHECK(month("in Mar-21") == "Mar-21");
    CHECK(month("in March '21") == "March '21");
    CHECK(month("in 03/2021") == "03/2021");
    CHECK(month("in 2021-03") == "2021-03");
    CHECK(month("in March 2020").empty());
    CHECK(month("2021-22 budget").empty());
}

TEST_CASE("dates in text: never read across a line break or a tab", "[dates][publication]") {
    // The end of one table row and the start of the next: "Child 3" / "Mar 2021".
    CHECK_FALSE(names("Child 3\nMar 2021"));
    CHECK_FALSE(names("Child 3\tMar 2021"));
    CHECK_FALSE(names("3\nMarch 2021"));
    CHECK(spanOf("03/03/\n2021") == "03/03");   // the day and month alone, never the year below
    CHECK(names("Child 3 Mar 2021"));   // on one line it is a date
}

TEST_CASE("dates in text: times of day", "[dates][publication]") {
    auto times = [](const std::string& t) {
        std::vector<std::pair<int, int>> r;
        for (auto& m : findTimeMentions(t)) r.emplace_back(m.hour, m.minute);
        return r;
    };
    using V = std::vector<std::pair<int, int>>;
    CHECK(times("at 03:40 police") == V{{3, 40}});
    CHECK(times("at 3:40am") == V{{3, 40}});
    CHECK(times("at 3.40 a.m.") == V{{3, 40}});
    CHECK(times("at 0340hrs") == V{{3, 40}});
    CHECK(times("at 0340 hrs") == V{{3, 40}});
    CHECK(times("at 3.40pm") == V{{15, 40}});
    CHECK(times("at 12:15am") == V{{0, 15}});
    CHECK(times("3.40 metres").empty());
    CHECK(times("score 3:4").empty());
    CHECK(times("25:10").empty());
}

TEST_CASE("dates in text: a birthday's sentence", "[dates][publication]") {
    std::string t = "It was her 16th birthday, 9 May 2020. Police attended on 9 May 2020.";
    auto m = findDateMentions(t);
    REQUIRE(m.size() == 2);
    CHECK(aboutBirth(t, m[0]));
    CHECK_FALSE(aboutBirth(t, m[1]));
    CHECK(m[0].isDayOfYear({2004, 5, 9}));
}
