// The readers behind readCellTables(): one per format. Internals of the import stage.
#pragma once
#include "core/import/cell_table.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genochron::readers {

std::vector<CellTable> readCsv(std::string_view bytes, const std::string& displayName);
std::vector<CellTable> readXlsx(std::string_view bytes, const std::string& displayName, const TableReadOptions& opt);
std::vector<CellTable> readDocx(std::string_view bytes, const std::string& displayName, const TableReadOptions& opt);

// Excel's date serial as the text the importer reads: "2019-05-03", "2019-05-03 21:35",
// "2019-05", "21:35". `numFmt` is the cell's number format code (built-in ones by id).
struct ExcelDateStyle {
    bool isDate = false;   // a date or time format
    bool hasDay = false, hasMonth = false, hasYear = false, hasTime = false;
};
ExcelDateStyle excelDateStyle(int numFmtId, std::string_view formatCode);
// nullopt when the serial is not a date Excel can show (negative, past 9999).
std::optional<std::string> excelSerialText(double serial, bool date1904, const ExcelDateStyle& style);

}  // namespace genochron::readers
