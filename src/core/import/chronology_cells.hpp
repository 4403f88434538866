// Reading one spreadsheet cell of an agency chronology: times, lists, yes/no, the
// kind of source, tags, and people named the many ways people are named.
#pragma once
#include "core/import/chronology_csv.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace genochron::chron {

std::string lower(std::string_view s);
std::string_view trim(std::string_view s);

// The cell, trimmed, without the apostrophe our export puts before formula-looking text.
std::string cellText(const TableRow& r, std::size_t col);
bool isBlank(const TableRow& r);

// "HH:MM" from 21:35, 9:05, 2135, 21.35, 21:35:00, 9:05 pm; nothing if it is not a time.
std::optional<std::string> normaliseTime(std::string_view text);
// Excel writes date cells as "03/05/2019 21:35" (or " 00:00" for none): {date, time}.
std::pair<std::string, std::string> splitDateTime(const std::string& cell);
// Items separated by any of `seps` (and the word "and" when splitAnd), trimmed, none empty.
std::vector<std::string> splitList(const std::string& cell, std::string_view seps, bool splitAnd);
std::optional<bool> yesNo(const std::string& s);
// family / friend / victim / perpetrator / colleague named as a word, else agency_record.
Source sourceFromText(const std::string& text);
// "Routine enquiry-not asked" -> "routine_enquiry_not_asked".
std::string normTag(const std::string& t);
// Lower-case words only: case, spacing and punctuation ignored.
std::string normText(std::string_view s);

// Finds people by id, name, pseudonym or alias, any case.
class PeopleIndex {
public:
    explicit PeopleIndex(const Case& c);
    // {id, ""} or {"", why not}.
    std::pair<std::string, std::string> find(const std::string& who) const;

private:
    const Case& m_case;
    std::map<std::string, std::vector<std::string>> m_byKey;
    std::vector<std::string> m_keys;
};

}  // namespace genochron::chron
