// The hand-written scanners (text_scan.hpp, findDateMentions) against the std::regex
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

// findDateMentions as it was, on std::regex.
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

std::vector<DateMention> datesByRegex(const std::string& text) {
    if (text.empty()) return {};
    const std::string t = asciiSpaces(text);
    static const std::regex iso{R"(\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b)"};
    static const std::regex numeric{R"(\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b)"};
    static const std::regex dayMonth{std::string(R"(\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+)") + kMonth +
                                         R"(\b\.?(?:,?\s+(\d{4})\b)?)",
                                     std::regex::icase};
    static const std::regex monthDay{std::string(R"(\b)") + kMonth + R"(\b\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?)",
                                     std::regex::icase};
    std::vector<DateMention> out;
    auto each = [&](const std::regex& re, auto&& make) {
        for (auto it = std::sregex_iterator(t.begin(), t.end(), re); it != std::sregex_iterator(); ++it) {
            const std::smatch& m = *it;
            DateMention dm;
            dm.begin = std::size_t(m.position(0));
            dm.end = dm.begin + std::size_t(m.length(0));
            if (make(m, dm)) out.push_back(dm);
        }
    };
    each(iso, [](const std::smatch& m, DateMention& dm) {
        dm.year = std::stoi(m[1]);
        dm.month = std::stoi(m[2]);
        dm.day = std::stoi(m[3]);
        return validDay(dm.month, dm.day);
    });
    each(numeric, [](const std::smatch& m, DateMention& dm) {
        int a = std::stoi(m[1]), b = std::stoi(m[2]);
        dm.year = std::stoi(m[3]);
        dm.twoDigitYear = m[3].length() == 2;
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
    each(dayMonth, [](const std::smatch& m, DateMention& dm) {
        dm.day = std::stoi(m[1]);
        dm.month = monthNumber(m[2]);
        if (m[3].matched) dm.year = std::stoi(m[3]);
        return validDay(dm.month, dm.day);
    });
    each(monthDay, [](const std::smatch& m, DateMention& dm) {
        dm.month = monthNumber(m[1]);
        dm.day = std::stoi(m[2]);
        if (m[3].matched) dm.year = std::stoi(m[3]);
        return validDay(dm.month, dm.day);
    });
    std::stable_sort(out.begin(), out.end(), [](const DateMention& a, const DateMention& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    return out;
}

std::string show(const DateMention& d) {
    return std::to_string(d.begin) + "-" + std::to_string(d.end) + " y" + std::to_string(d.year) +
           (d.twoDigitYear ? "(2)" : "") + " m" + std::to_string(d.month) + " d" + std::to_string(d.day) + " alt " +
           std::to_string(d.altMonth) + "/" + std::to_string(d.altDay);
}
std::string show(const std::vector<DateMention>& v) {
    std::string s;
    for (auto& d : v) s += show(d) + "; ";
    return s;
}
std::string show(const std::vector<TextSpan>& v) {
    std::string s;
    for (auto& d : v) s += std::to_string(d.begin) + "-" + std::to_string(d.end) + "; ";
    return s;
}

// Mentions sorted the same way on both sides, ties (same begin and end) in a fixed order.
std::vector<std::string> canonical(std::vector<DateMention> v) {
    std::vector<std::string> s;
    for (auto& d : v) s.push_back(show(d));
    std::sort(s.begin(), s.end());
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
    auto want = datesByRegex(text), got = findDateMentions(text);
    INFO("dates regex: " << show(want) << "\ndates scan:  " << show(got));
    CHECK(canonical(got) == canonical(want));
    CHECK(got.size() == want.size());
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
