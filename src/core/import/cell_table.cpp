// The common table: places of cells, choosing a reader by the bytes, joining tables.
#include "core/import/cell_table.hpp"

#include "core/import/detail/ooxml.hpp"
#include "core/import/detail/readers.hpp"
#include "core/model/diagnostics.hpp"

#include <fmt/format.h>

namespace genochron {

std::string_view toString(TableFormat f) {
    switch (f) {
    case TableFormat::Csv: return "CSV";
    case TableFormat::Xlsx: return "Excel workbook";
    case TableFormat::Docx: return "Word document";
    }
    return "CSV";
}

std::string columnLetters(std::size_t col) {
    std::string r;
    std::size_t n = col + 1;
    while (n > 0) {
        r.insert(r.begin(), char('A' + (n - 1) % 26));
        n = (n - 1) / 26;
    }
    return r;
}

std::string CellTable::place(const TableRow& row, std::size_t col) const {
    const std::string& part = row.part >= 0 && std::size_t(row.part) < parts.size() ? parts[std::size_t(row.part)] : "";
    switch (format) {
    case TableFormat::Csv: return fmt::format("{}:{}", row.number, col + 1);
    case TableFormat::Xlsx: return fmt::format("{}!{}{}", part, columnLetters(col), row.number);
    case TableFormat::Docx: return fmt::format("{}, row {}, column {}", part, row.number, col + 1);
    }
    return {};
}

TableFormat detectTableFormat(std::string_view bytes, const std::string& name) {
    auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
    if (starts("PK\x03\x04") || starts(std::string_view("PK\x05\x06", 4))) {
        ooxml::Package pkg(bytes, name);
        std::string type = ooxml::mainContentType(pkg);
        if (type.find("spreadsheetml") != std::string::npos || type.find("ms-excel") != std::string::npos)
            return TableFormat::Xlsx;
        if (type.find("wordprocessingml") != std::string::npos || type.find("ms-word") != std::string::npos)
            return TableFormat::Docx;
        if (type.empty() && pkg.has("xl/workbook.xml")) return TableFormat::Xlsx;
        if (type.empty() && pkg.has("word/document.xml")) return TableFormat::Docx;
        if (auto mime = pkg.read("mimetype"); mime && mime->find("opendocument") != std::string::npos)
            throw GenochronError("this is an OpenDocument file (LibreOffice); save it as an Excel workbook (.xlsx) or "
                                 "Word document (.docx) and import that",
                                 name);
        if (type.find("presentationml") != std::string::npos)
            throw GenochronError("this is a PowerPoint file; genochron reads chronologies from Excel workbooks, Word "
                                 "tables and CSV",
                                 name);
        throw GenochronError("this is a zip archive but not an Excel workbook or a Word document; unzip it and import "
                             "the chronology inside",
                             name);
    }
    if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        throw GenochronError("this is an Excel 97-2003 (.xls) or Word 97-2003 (.doc) file, or a password-protected "
                             "Office file; open it, remove any password, save it as .xlsx or .docx and import that",
                             name);
    if (starts("%PDF"))
        throw GenochronError("this is a PDF; tables cannot be read back from a PDF reliably: ask the agency for the "
                             "Excel or Word file",
                             name);
    if (starts("{\\rtf"))
        throw GenochronError("this is a Rich Text (.rtf) file; open it in Word, save it as .docx and import that", name);
    return TableFormat::Csv;
}

std::vector<CellTable> readCellTables(std::string_view bytes, const std::string& name, const TableReadOptions& opt) {
    switch (detectTableFormat(bytes, name)) {
    case TableFormat::Xlsx: return readers::readXlsx(bytes, name, opt);
    case TableFormat::Docx: return readers::readDocx(bytes, name, opt);
    case TableFormat::Csv: break;
    }
    if (!opt.part.empty())
        throw GenochronError(fmt::format("--sheet '{}': a CSV file has one sheet only", opt.part), name);
    return readers::readCsv(bytes, name);
}

CellTable joinTables(const std::vector<const CellTable*>& tables) {
    CellTable out;
    if (tables.empty()) return out;
    out.format = tables.front()->format;
    out.file = tables.front()->file;
    for (const CellTable* t : tables) {
        int base = int(out.parts.size());
        out.parts.insert(out.parts.end(), t->parts.begin(), t->parts.end());
        for (auto row : t->rows) {
            row.part += base;
            out.rows.push_back(std::move(row));
        }
        for (auto& n : t->notes)
            if (std::find(out.notes.begin(), out.notes.end(), n) == out.notes.end()) out.notes.push_back(n);
    }
    out.hiddenColumns = tables.front()->hiddenColumns;
    return out;
}

}  // namespace genochron
