// The one shape every chronology reader produces: a table of text cells, each row knowing
// where it came from, so one importer serves CSV, Excel sheets and Word tables alike and
// every error names the file, the sheet or table, the row and the column.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace genochron {

enum class TableFormat { Csv, Xlsx, Docx };

std::string_view toString(TableFormat f);   // "CSV", "Excel workbook", "Word document"

struct TableRow {
    int part = 0;                     // index into CellTable::parts (the sheet or Word table)
    int number = 0;                   // CSV: file line the record starts on; sheet: Excel row; Word: row in its table
    std::vector<std::string> cells;   // by column (A = 0); text as shown, line breaks as LF
    bool hidden = false;              // hidden in Excel (the row, not a column)
    bool heading = false;             // one merged cell across the row: a section title, not an entry
    bool headerRepeat = false;        // Word marks it to repeat as the header on every page
};

struct CellTable {
    TableFormat format = TableFormat::Csv;
    std::string file;                 // the name errors use
    std::vector<std::string> parts;   // sheet names, or "table 2"; one empty part for CSV
    std::vector<TableRow> rows;       // blank rows are kept (a reader may drop them)
    std::vector<int> hiddenColumns;   // 0-based columns hidden in Excel
    std::vector<std::string> notes;   // what the reader did that a chair should know

    // Where a cell is, after the file name: "7:3" (CSV line:column), "Sheet1!C7", "table 2, row 7,
    // column 3". `col` is 0-based.
    std::string place(const TableRow& row, std::size_t col) const;
};

// Spreadsheet column letters: 0 -> "A", 26 -> "AA".
std::string columnLetters(std::size_t col);

// What the bytes are, by content (a CSV, a workbook or a document), whatever the file is called.
// Throws GenochronError for a zip that is neither, for old binary .xls/.doc files, and for PDFs.
TableFormat detectTableFormat(std::string_view bytes, const std::string& displayName);

struct TableReadOptions {
    std::string part;        // --sheet: a sheet's name or number, or a Word table's number
    bool skipHidden = false;  // --skip-hidden: leave out rows and columns hidden in Excel
};

// Reads any of the three formats: one table per sheet (hidden sheets left out) or per Word
// table, or only the one `opt.part` names (an error listing them when none is so named).
// The importer chooses among several. Throws GenochronError for what cannot be read.
std::vector<CellTable> readCellTables(std::string_view bytes, const std::string& displayName,
                                      const TableReadOptions& opt);

// Several tables as one (a chronology split over several Word tables): rows in order.
CellTable joinTables(const std::vector<const CellTable*>& tables);

}  // namespace genochron
