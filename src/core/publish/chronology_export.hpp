// Exporting the combined chronology as CSV, for spreadsheets and other tools.
#pragma once
#include "core/anonymise/view_case.hpp"

#include <string>
#include <string_view>

namespace genochron {

// One cell quoted as RFC 4180 asks, only when it has to be.
std::string csvCell(std::string_view text);

// The combined chronology as CSV (UTF-8, no BOM, CRLF, RFC 4180), in date order,
// drawing only on what the ViewCase holds (anonymised or named). Columns: id, date,
// time, end, agency, agency_name, source, source_ref, people, what, action, analysis,
// tags, risk, missed_opportunity, mo_number, shared_with, publish, disputed_by.
std::string chronologyToCsv(const ViewCase& vc);
void writeChronologyCsv(const ViewCase& vc, const std::string& path);   // atomic

}  // namespace genochron
