#include "core/model/date.hpp"

#include <catch2/catch.hpp>

using namespace genochron;

static Date parsed(const char* s) {
    auto r = parseDate(s);
    INFO(s << ": " << r.error);
    REQUIRE(r.date);
    return *r.date;
}

TEST_CASE("a day, a month and a year parse with their precision", "[date]") {
    auto d = parsed("2019-05-03");
    CHECK(d.kind() == Date::Kind::Point);
    CHECK(d.precision() == DatePrecision::Day);
    CHECK(d.exactDay());
    CHECK(parsed("2019-05").precision() == DatePrecision::Month);
    CHECK(parsed("2019").precision() == DatePrecision::Year);
    CHECK_FALSE(parsed("2019-05").exactDay());
}

TEST_CASE("a month spans all its days on the axis", "[date]") {
    auto m = parsed("2020-02");
    CHECK(m.latestDay() - m.earliestDay() == 28);   // leap year: 29 days
    auto y = parsed("2019");
    CHECK(y.latestDay() - y.earliestDay() == 364);
    CHECK(parsed("1970-01-01").earliestDay() == 0);
}

TEST_CASE("approximate, range, before, after and unknown forms", "[date]") {
    auto a = parsed("~2019-05");
    CHECK(a.approximate());
    CHECK(a.kind() == Date::Kind::Point);
    auto r = parsed("2019-05-03..2019-05-20");
    CHECK(r.kind() == Date::Kind::Range);
    CHECK(r.latestDay() - r.earliestDay() == 17);
    auto b = parsed("<2019-05");
    CHECK(b.kind() == Date::Kind::Before);
    CHECK(b.latestDay() < parsed("2019-05-01").earliestDay());
    auto af = parsed(">2019-05");
    CHECK(af.kind() == Date::Kind::After);
    CHECK(af.earliestDay() > parsed("2019-05-31").latestDay());
    auto u = parsed("unknown");
    CHECK_FALSE(u.known());
}

TEST_CASE("every form round-trips through its canonical text", "[date]") {
    for (const char* s : {"2019-05-03", "2019-05", "2019", "~2019-05", "~2019", "2019-05-03..2019-05-20",
                          "2019..2020-03", "<2019-05", ">2019-05-03", "unknown"}) {
        auto d = parsed(s);
        CHECK(d.toString() == s);
        CHECK(parsed(d.toString().c_str()) == d);
    }
}

TEST_CASE("UK dates people type are accepted", "[date]") {
    CHECK(parsed("03/05/2019").toString() == "2019-05-03");
    CHECK(parsed("3/5/19").toString() == "2019-05-03");
    CHECK(parsed("3/5/85").toString() == "1985-05-03");
    CHECK(parsed("3 May 2019").toString() == "2019-05-03");
    CHECK(parsed("3rd May 2019").toString() == "2019-05-03");
    CHECK(parsed("May 2019").toString() == "2019-05");
    CHECK(parsed("03.05.2019").toString() == "2019-05-03");
    CHECK(parsed("c. 2019").toString() == "~2019");
}

TEST_CASE("a leading ? marks an uncertain date", "[date]") {
    auto r = parseDate("?03/05/2019");
    REQUIRE(r.date);
    CHECK(r.uncertainMark);
    CHECK(r.date->approximate());
    CHECK(r.date->toString() == "~2019-05-03");
}

TEST_CASE("malformed dates are errors with a reason, never guesses", "[date]") {
    for (const char* s : {"2019-13", "2019-02-30", "2019-00", "19-05-03", "2019/05/03x", "yesterday", "", "2019-05-03..2019-04-01",
                          "31/02/2019", "2019-5-3", "12345", "~", "<"}) {
        auto r = parseDate(s);
        INFO(s);
        CHECK_FALSE(r.date);
        CHECK_FALSE(r.error.empty());
    }
    CHECK(parseDate("2019-02-30").error.find("February 2019 has no day 30") != std::string::npos);
    CHECK(parseDate("2019-13").error.find("month 13") != std::string::npos);
}

TEST_CASE("UK forms can be switched off where only the file format is allowed", "[date]") {
    DateParseOptions strict;
    strict.allowUk = false;
    CHECK_FALSE(parseDate("03/05/2019", strict).date);
}

TEST_CASE("dates order by time, unknown last", "[date]") {
    CHECK(parsed("2019-05-03") < parsed("2019-05-04"));
    CHECK(parsed("2019-04") < parsed("2019-05-01"));
    CHECK(parsed("<2019") < parsed("2019-01-01"));
    CHECK(parsed("2030") < parsed("unknown"));
    CHECK_FALSE(parsed("unknown") < parsed("2019"));
}

TEST_CASE("coarsening keeps no finer detail than asked", "[date]") {
    CHECK(parsed("2019-05-03").coarsened(DatePrecision::Month).toString() == "2019-05");
    CHECK(parsed("2019-05-03").coarsened(DatePrecision::Year).toString() == "2019");
    CHECK(parsed("2019-05-03..2019-05-20").coarsened(DatePrecision::Month).toString() == "2019-05");
    CHECK(parsed("~2019-05-03").coarsened(DatePrecision::Month).toString() == "~2019-05");
}

TEST_CASE("ages use whole years", "[date]") {
    CHECK(parsed("1988-03-12").ageAt(parsed("2021-06-14")) == 33);
    CHECK(parsed("1988-07-12").ageAt(parsed("2021-06-14")) == 32);
    CHECK(parsed("1988").ageAt(parsed("2021-06-14")) == 33);
    CHECK_FALSE(parsed("unknown").ageAt(parsed("2021")));
}

TEST_CASE("human labels read naturally", "[date]") {
    CHECK(parsed("2019-05-03").humanLabel() == "3 May 2019");
    CHECK(parsed("~2019-05").humanLabel() == "c. May 2019");
    CHECK(parsed("<2016").humanLabel() == "before 2016");
}
