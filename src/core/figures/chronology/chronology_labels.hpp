// Words the chronology table prints: tag abbreviations (with the glossary that
// explains them) and how each kind of source is named.
#pragma once
#include "core/model/enums.hpp"

#include <string>
#include <string_view>

namespace genochron::chron {

// Short form of a tag for the flags column ("strangulation" -> "NFS"); unknown tags
// are shown as written, underscores as spaces.
std::string tagAbbreviation(std::string_view tag);
// What the abbreviation stands for, for the glossary ("non-fatal strangulation").
std::string tagMeaning(std::string_view tag);

// "Family", "Friend", "Victim's own account", ... ; "Agency record" for agency_record.
std::string_view sourceLabel(Source s);
// Information that did not come from an agency's own record (family, friends, the
// people involved): the table sets it apart, as the Home Office QA Panel asks.
bool isPersonalAccount(Source s);

}  // namespace genochron::chron
