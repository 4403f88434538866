// Agency chronology spreadsheets: reading CSV (libcsv) as people's spreadsheets
// really are, and importing rows into a case. (Exporting is publish/chronology_export.hpp.)
#pragma once
#include "core/model/diagnostics.hpp"
#include "core/model/model.hpp"
#include "core/import/cell_table.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace genochron {

// ---------------------------------------------------------------- reading CSV

struct CsvRecord {
    int line = 0;                     // 1-based line in the file where the record starts
    std::vector<std::string> cells;   // as written, quotes removed, CRLF inside cells made LF
};

struct CsvSheet {
    std::vector<CsvRecord> records;   // blank lines are not records
    char delimiter = ',';
    std::vector<std::string> notes;   // e.g. "read as Windows-1252", "tab-separated"
};

// Parses spreadsheet CSV: UTF-8 with or without a BOM, UTF-16 with a BOM, Windows-1252
// (what Excel's plain "CSV" writes), CRLF/LF/CR line ends, quoted cells with commas and
// line breaks, tab- or semicolon-separated sheets. Throws GenochronError naming the file
// and line for what cannot be read (an unterminated quote, UTF-16 without a BOM).
CsvSheet parseCsv(std::string_view bytes, const std::string& displayName);

// ---------------------------------------------------------------- import

struct ChronologyImportOptions {
    std::string agency;   // --agency: whose chronology this is (required unless the sheet has an agency column)
    std::vector<std::pair<std::string, std::string>> map;   // --map: header -> field ("ignore" to skip)
    std::string sheet;    // --sheet: a workbook's sheet (name or number) or a document's table (number)
    bool skipHidden = false;       // --skip-hidden: leave out rows and columns hidden in Excel
    bool useRememberedMap = true;  // apply the agency's import_map from the case (--map wins over it)
};

// "Header=field,Other header=field" -> pairs. Throws GenochronError for a malformed item.
std::vector<std::pair<std::string, std::string>> parseColumnMap(const std::string& text);

// The fields a column can map to (for --map and its error messages). "extras" keeps a
// column's text in the event's extras; "ignore" drops it.
const std::vector<std::string_view>& importFields();

struct ColumnMapping {
    std::string header;   // as the sheet writes it ("" when the header cell is empty)
    std::string field;    // a field, "extras" (kept, no field) or "" (ignored / empty)
    std::string how;      // "recognised", "--map", "remembered" (the agency's import_map), "" for extras
};

struct ImportPlan {
    std::vector<Event> added;   // new events, ids assigned, in row order
    int rowsRead = 0;           // records after the header that were not blank
    int duplicates = 0;         // rows already in the case (agency, date and text match)
    std::vector<std::pair<std::string, std::string>> columns;   // header -> field ("" = not imported)
    std::vector<ColumnMapping> mapping;   // the same, with how each was decided
    TableFormat format = TableFormat::Csv;
    std::string source;         // what was read: "sheet 'Chronology'", "tables 2-3", "" for CSV
    int headerRow = 0;          // the header's row (CSV: line) number
    // After a successful import, the agency's import_map becomes this (the remembered map
    // with this --map over it); mapChanged says whether it differs from what the case holds.
    std::string mapAgency;
    std::vector<std::pair<std::string, std::string>> rememberMap;
    bool mapChanged = false;
    Diagnostics diagnostics;    // FILE:ROW:COL errors and warnings; any error = import nothing
    std::vector<std::string> notes;
    bool ok() const { return !diagnostics.hasErrors(); }
};

// Reads a chronology in any format (CSV, Excel workbook, Word document: chosen by the bytes)
// and works out what merging it would add. Changes nothing. Errors about the whole sheet
// (no header, no date column, unknown agency) and about rows are all collected in the plan's
// diagnostics; only unreadable bytes throw.
ImportPlan planChronologyImport(const Case& c, std::string_view bytes, const std::string& displayName,
                                const ChronologyImportOptions& opt);
// The same from tables already read (one is chosen, or several Word tables with one header joined).
ImportPlan planChronologyImport(const Case& c, const std::vector<CellTable>& tables, const ChronologyImportOptions& opt);

// Appends the plan's events and remembers the column map for the agency (the plan must be ok()).
void applyImportPlan(Case& c, const ImportPlan& plan);

// The key two rows are "the same event" by: agency, date and the text with case,
// spacing and punctuation ignored.
std::string eventDedupKey(const Event& e);

}  // namespace genochron
