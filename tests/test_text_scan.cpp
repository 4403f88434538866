// The hand-written scanners (text_scan.hpp) against the std::regex
// patterns they replaced: the same matches, at the same places, with the same numbers,
// on fixed edge cases and on many generated strings. The regexes live on here only.
#include "core/anonymise/anonymise_dates.hpp"
#include "core/anonymise/text_scan.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <regex>

using namespace genochron;
using namespace genochron::anon;

namespace {

std::vector<TextSpan> byRegex(const std::regex& re, const std::string& text) {
    std::vector<TextSpan> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back({std::size_t(it->position(0)), std::size_t(it->position(0) + it->length(0))});
    return out;
}

struct Shape {
    const char* name;
    std::regex re;
    std::vector<TextSpan> (*scan)(std::string_view);
};

const std::vector<Shape>& shapes() {
    static const std::vector<Shape> s = {
        {"postcode", std::regex(R"(\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}\b)"), findPostcodeShapes},
        {"email", std::regex(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"), findEmailShapes},
        {"phone", std::regex(R"((?:\+44\s?(?:\(0\)\s?)?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b)"), findPhoneShapes},
        {"ten digits", std::regex(R"(\b[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}\b)"), findTenDigitShapes},
        {"NI number", std::regex(R"(\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b)"), findNiNumberShapes},
    };
    return s;
}

std::string show(const std::vector<TextSpan>& v) {
    std::string s;
    for (auto& d : v) s += std::to_string(d.begin) + "-" + std::to_string(d.end) + "; ";
    return s;
}

void same(const std::string& text) {
    INFO("text: \"" << text << "\"");
    for (auto& sh : shapes()) {
        INFO(sh.name);
        auto want = byRegex(sh.re, text), got = sh.scan(text);
        INFO("regex: " << show(want) << "\nscan:  " << show(got));
        CHECK(got == want);
    }
    // The date finder no longer follows the old regexes (it reads many more forms, and
    // never across a line break): tests/test_dates_in_text.cpp holds its cases.
    auto got = findDateMentions(text);
    for (auto& d : got) {
        CHECK(d.begin < d.end);
        CHECK(d.end <= text.size());
        CHECK_FALSE(d.readings.empty());
    }
}

// Strings built from pieces that sit on the patterns' edges.
std::string generated(std::mt19937& rng) {
    static const std::vector<std::string> pieces = {
        "0", "1", "2", "3", "7", "9", "00", "07", "12", "31", "44", "123", "2021", "1990", "20215", "0770",
        "900461", "1234", "-", "/", ".", ",", " ", "  ", "\t", "\n", "+44", "+", "(0)", "(", ")", "@", "_",
        "%", "a", "b", "x", "Z", "A", "AB", "SW", "CR", "D", "QQ", "st", "nd", "rd", "th", "ST", "of", "OF",
        " of ", "june", "June", "JUNE", "jun", "Jun.", "jan", "sept", "Sept", "sep", "may", "Mar", "march",
        "december", "Decembers", "octo", "oct", "Nov", "3rd", "14th", "21st", "ex", "com", "uk", "co", "nhs.net",
        "é", "\xC2\xA0", "\xE2\x80\xAF", "’", "AB 12 34 56 C", "NE1 4ST", "SW1A 1AA", "W1 0AX", "M1 1AE",
        "0161 496 0000", "07700 900461", "+44 (0) 7700 900461", "943 476 5919", "9434765919",
        "jo.bloggs@example.org", "a@b.c", "14 June 2021", "June 14, 2021", "14/06/2021", "2021-06-14",
        "14th of June 2021", "Jun 14th 2021", "6/14/21", "1.2.2021"};
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> len(1, 14);
    std::string s;
    for (int n = len(rng); n > 0; --n) s += pieces[pick(rng)];
    return s;
}

}  // namespace

TEST_CASE("text scanners: the same matches as the regexes they replaced, on edge cases", "[publication][anonymise]") {
    for (const char* t : {
             "", "0", "Call 07700 900461 or +44 (0) 7700 900461, +447700900461, 0161-496-0000.",
             "07700 9004611", "007700 900461", "x07700 900461", "07700 900461x", "0770 0900 4611", "012 345 678",
             "+44 7700 900461", "+44(0)7700 900461", "+44 (0)7700 900461", "+44  7700 900461", "+4407700900461",
             "NE1 4ST, SW1A 1AA, W1A 0AX, M1 1AE, B33 8TH, CR2 6XH, DN55 1PT, EC1A 1BB", "NE1 4CT", "ne1 4st",
             "XNE1 4ST", "NE1 4STX", "NE14ST", "A1 1AA", "AB1C 1AA", "AB12 3CD", "AB 12 34 56 C", "AB123456C",
             "QQ 12 34 56 A", "AB 12 34 56 E", "AO 12 34 56 A", "943 476 5919 and 943-476-5919 and 9434765919",
             "0943 476 5919", "943 476 59190", "jo.bloggs@example.org; a@b.c; x@y.co.uk; a@b@c.com; .@-.ab; a@b.c1d",
             "mail me at first.last+tag@sub.example.co.uk.", "14 June 2021, June 14, 2021, 14th of June 2021",
             "14/06/2021 14/6/21 2021-06-14 2021/6/14 6/14/2021 14.06.2021", "Jun 14th 2021", "14 Jun. 2021",
             "June 14th, 2021 and 3rd of may", "on 1st June", "31 June", "32 June", "0 June", "June 0", "June 32",
             "114 June", "14 Junes", "Sept 3", "sept. 3rd", "3 sep", "March 5 2021", "May 2021", "may 5",
             "14 of June", "14 ofJune", "14th  of   June  2021", "14 June,2021", "14 June ,2021", "14 June\t2021",
             "14th\nJune", "14/06/21/2021", "1/2/2021/03/04", "2021-06-14th", "12021-06-14", "2021-006-14",
             "14 June 20215", "14 June 2021x", "June 14th2021", "June 14thx", "June 14am", "June 123",
             "14\xC2\xA0June\xE2\x80\xAF" "2021", "é14 June", "14 Juneé", "_14 June", "14 June_", "June 5_",
             "13/13/2021", "05/05/2021", "31/12/99", "12/31/99", "1-2-34", "1-2-345", "1-2-34567"})
        same(t);
}

TEST_CASE("text scanners: the same matches as the regexes on generated text", "[publication][anonymise]") {
    std::mt19937 rng(20240611);
    for (int i = 0; i < 4000; ++i) same(generated(rng));
}
