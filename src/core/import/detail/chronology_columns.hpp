// Inside the chronology import: what each column of a sheet means, and which sheet or tables
// hold the chronology. Shared by chronology_columns.cpp (headers, sheet choice, column
// mapping) and chronology_import.cpp (rows to events). Not part of the import's interface.
#pragma once
#include "core/import/chronology_csv.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genochron::chron {

enum class Field {
    Id, Date, Time, End, Agency, SourceRef, SourceKind, People, What, Action, Analysis, Tags, Risk,
    MissedOpportunity, SharedWith, Publish, DisputedBy, Extra, Ignore, Count
};

std::string_view fieldName(Field f);
// A header cell as compared: lower case, spacing and punctuation folded.
std::string normHeader(std::string_view h);
// The field a (normalised) header names by its usual names, if any.
std::optional<Field> fieldForHeader(const std::string& n);
// The field spelled as in the case file ("what", "source_ref", "ignore"...).
std::optional<Field> fieldFromName(std::string_view name);
// Fields whose text is joined when two columns hold them.
bool isTextField(Field f);

// An agency by id or name, any case.
std::optional<std::string> findAgency(const Case& c, const std::string& v);
std::string agencyList(const Case& c);
// " (did you mean 'X'?)" or "".
std::string didYouMeanAgency(const Case& c, const std::string& v);

using FieldMap = std::map<std::string, Field>;   // normalised header -> field

struct MapSources {
    FieldMap given;        // --map
    FieldMap remembered;   // the agency's import_map
};

// The --map given and the agency's remembered import_map, normalised.
MapSources mapSources(const Case& c, const ChronologyImportOptions& opt, Diagnostics& d);

struct Chosen {
    CellTable table;
    std::size_t header = 0;
    std::string source;
};

// Could this row be the header: does it name a date column and a what-happened column?
bool isHeaderRow(const TableRow& r, const MapSources& m);
// The header row's cells, normalised, as one string (to tell whether two tables share a header).
std::string headerSignature(const TableRow& r);
// The first few non-empty cells, for a message ("Date, Event, ...").
std::string firstCells(const TableRow& r);

// Which sheet or tables hold the chronology, and where its header row is.
Chosen chooseTable(const std::vector<CellTable>& tables, const MapSources& m, Diagnostics& d,
                   std::vector<std::string>& notes);

struct Columns {
    std::vector<std::optional<Field>> field;   // per column of the header
    std::vector<std::string> header;
    std::vector<std::string> extraName;        // the name an extras column is kept under
    bool has(Field f) const { return std::find(field.begin(), field.end(), f) != field.end(); }
};

// Reports a problem at a cell: FILE:LINE:COL for CSV, FILE:Sheet!C7 or FILE:table 2, row 7,
// column 3 for the others.
Diagnostic& at(Diagnostic& d, const CellTable& t, const TableRow& r, std::size_t col);

// Each column's field; reports what cannot be: an unknown --map header, two columns for one
// field, no date or text column.
Columns mapColumns(const CellTable& t, const TableRow& header, const MapSources& m, const ChronologyImportOptions& opt,
                   Diagnostics& d, ImportPlan& plan);

}  // namespace genochron::chron
