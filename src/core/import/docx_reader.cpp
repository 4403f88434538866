// Word documents (.docx): each table of the document body as a table of cell text.
//
// What a reader of the document sees, not what the XML holds twice or holds deleted:
// paragraphs of a cell are lines; tracked deletions and moved-away text are left out,
// insertions kept; a text box's fallback copy (mc:Fallback) is skipped; gridSpan places
// a cell over several columns; a vertical merge (vMerge) holds its value down every
// row it covers; rows marked to repeat as the header on each page are flagged; a
// table nested in a cell is read as more lines of that cell.
#include "core/import/detail/ooxml.hpp"
#include "core/import/detail/readers.hpp"
#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <map>

namespace genochron::readers {

using ooxml::Attrs;

namespace {

constexpr std::size_t kMaxCellSlots = std::size_t(4) << 20;

bool onValue(const Attrs& a) {   // <w:tblHeader/> is on; w:val="0"/"false"/"off" is off
    auto v = a.get("val");
    return !v || !(*v == "0" || *v == "false" || *v == "off");
}

int intAttr(const Attrs& a, std::string_view name, int fallback) {
    auto v = a.get(name);
    int n = fallback;
    if (v) std::from_chars(v->data(), v->data() + v->size(), n);
    return n;
}

struct DocHandler : ooxml::SaxHandler {
    std::string file;
    std::vector<CellTable> tables;
    std::size_t slots = 0;

    int skip = 0;        // inside content a reader does not see
    int tblDepth = 0;    // open w:tbl elements; 1 = a body table
    int inT = 0;

    // the body table being read
    struct Cell {
        std::vector<std::string> paragraphs;
        std::string para;
        int span = 1;
        enum { None, Restart, Continue } vmerge = None;
    };
    std::vector<Cell> rowCells;
    bool inCell = false, inRow = false;
    int gridBefore = 0;
    bool headerRow = false;
    int rowNumber = 0;
    std::map<int, std::string> mergedAbove;   // grid column -> value of the vertical merge running down it

    void start(std::string_view name, const Attrs& a) override {
        if (skip) {
            ++skip;
            return;
        }
        if (name == "Fallback" || name == "del" || name == "moveFrom" || name == "txbxContent" ||
            name == "instrText" || name == "delText") {
            skip = 1;
            return;
        }
        if (name == "tbl") {
            ++tblDepth;
            if (tblDepth == 1) {
                CellTable t;
                t.format = TableFormat::Docx;
                t.file = file;
                t.parts = {fmt::format("table {}", tables.size() + 1)};
                tables.push_back(std::move(t));
                rowNumber = 0;
                mergedAbove.clear();
            }
            return;
        }
        if (tblDepth != 1) {
            if (tblDepth > 1) textElement(name, a);
            return;
        }
        if (name == "tr") {
            inRow = true;
            rowCells.clear();
            gridBefore = 0;
            headerRow = false;
            ++rowNumber;
        } else if (name == "gridBefore" && inRow && !inCell) {
            gridBefore = std::clamp(intAttr(a, "val", 0), 0, 1000);
        } else if (name == "tblHeader" && inRow && !inCell) {
            headerRow = onValue(a);
        } else if (name == "tc" && inRow) {
            inCell = true;
            rowCells.emplace_back();
        } else if (name == "gridSpan" && inCell) {
            rowCells.back().span = std::clamp(intAttr(a, "val", 1), 1, 1000);
        } else if (name == "vMerge" && inCell) {
            auto v = a.get("val");
            rowCells.back().vmerge = v && *v == "restart" ? Cell::Restart : Cell::Continue;
        } else {
            textElement(name, a);
        }
    }

    // Runs, breaks and tabs inside a cell (at any table depth).
    void textElement(std::string_view name, const Attrs& a) {
        if (!inCell) return;
        Cell& c = rowCells.back();
        if (name == "t") ++inT;
        else if (name == "tab") c.para += '\t';
        else if (name == "br" || name == "cr") {
            auto type = a.get("type");
            if (!type || *type != "column") c.para += '\n';
        } else if (name == "noBreakHyphen") c.para += '-';
    }

    void end(std::string_view name) override {
        if (skip) {
            --skip;
            return;
        }
        if (name == "t") {
            inT = std::max(0, inT - 1);
        } else if (name == "p" && inCell) {
            Cell& c = rowCells.back();
            c.paragraphs.push_back(std::move(c.para));
            c.para.clear();
        } else if (name == "tc" && tblDepth == 1 && inCell) {
            inCell = false;
        } else if (name == "tr" && tblDepth == 1 && inRow) {
            inRow = false;
            finishRow();
        } else if (name == "tbl") {
            --tblDepth;
        }
    }

    void text(std::string_view s) override {
        if (skip || !inCell || !inT) return;
        rowCells.back().para.append(s);
    }

    static std::string cellText(const Cell& c) {
        std::size_t a = 0, b = c.paragraphs.size();
        auto blank = [](const std::string& p) { return p.find_first_not_of(" \t\n") == std::string::npos; };
        while (a < b && blank(c.paragraphs[a])) ++a;
        while (b > a && blank(c.paragraphs[b - 1])) --b;
        std::string r;
        for (std::size_t i = a; i < b; ++i) r += (i > a ? "\n" : "") + c.paragraphs[i];
        return r;
    }

    void finishRow() {
        CellTable& t = tables.back();
        TableRow row;
        row.number = rowNumber;
        row.headerRepeat = headerRow;
        int col = gridBefore;
        std::map<int, std::string> nextMerged;
        for (auto& c : rowCells) {
            std::string text = cellText(c);
            if (c.vmerge == Cell::Continue) {
                auto it = mergedAbove.find(col);
                if (it != mergedAbove.end() && text.empty()) text = it->second;
            }
            if (c.vmerge != Cell::None) nextMerged[col] = text;
            if (!text.empty()) {
                if (std::size_t(col) >= row.cells.size()) {
                    slots += std::size_t(col) + 1 - row.cells.size();
                    if (slots > kMaxCellSlots)
                        throw GenochronError(fmt::format("{} is too large (more than {} million cells)", t.parts[0],
                                                         kMaxCellSlots >> 20),
                                             file);
                    row.cells.resize(std::size_t(col) + 1);
                }
                row.cells[std::size_t(col)] = std::move(text);
            }
            col += c.span;
        }
        mergedAbove = std::move(nextMerged);
        // One cell across three or more columns and nothing else: a section heading ("2019").
        if (rowCells.size() - std::size_t(std::count_if(rowCells.begin(), rowCells.end(), [](const Cell& c) {
                                return cellText(c).empty();
                            })) == 1) {
            for (auto& c : rowCells)
                if (!cellText(c).empty() && c.span >= 3 && c.vmerge == Cell::None) row.heading = true;
        }
        t.rows.push_back(std::move(row));
    }
};

}  // namespace

std::vector<CellTable> readDocx(std::string_view bytes, const std::string& name, const TableReadOptions& opt) {
    ooxml::Package pkg(bytes, name);
    std::string main = "word/document.xml";
    for (auto& r : pkg.relationships(""))
        if (r.type.size() >= 14 && r.type.compare(r.type.size() - 14, 14, "officeDocument") == 0) main = r.target;
    auto xml = pkg.read(main);
    if (!xml) throw GenochronError("the document has no body part; it is damaged (save it again from Word)", name);
    DocHandler h;
    h.file = name;
    ooxml::parseXml(*xml, h, name + ":" + main);
    if (h.tables.empty())
        throw GenochronError("the document has no tables; the chronology must be a table in the document (as in the "
                             "IMR template). Paste it into a table, or save it from Excel as a workbook",
                             name);
    if (opt.part.empty()) return std::move(h.tables);

    std::string_view want = opt.part;
    for (std::string_view pre : {"table ", "Table ", "table", "Table"})
        if (want.substr(0, pre.size()) == pre) {
            want.remove_prefix(pre.size());
            break;
        }
    int n = 0;
    auto res = std::from_chars(want.data(), want.data() + want.size(), n);
    if (res.ec != std::errc() || res.ptr != want.data() + want.size() || n < 1 || std::size_t(n) > h.tables.size()) {
        std::string list;
        for (std::size_t i = 0; i < h.tables.size(); ++i) {
            std::string first;
            for (auto& r : h.tables[i].rows) {
                for (auto& c : r.cells)
                    if (!c.empty()) first += (first.empty() ? "" : " | ") + c.substr(0, c.find('\n'));
                if (!first.empty()) break;
            }
            if (first.size() > 60) first = first.substr(0, 57) + "...";
            list += fmt::format("\n  table {}: {} row{}, first row: {}", i + 1, h.tables[i].rows.size(),
                                h.tables[i].rows.size() == 1 ? "" : "s", first.empty() ? "(empty)" : first);
        }
        throw GenochronError(fmt::format("--sheet: the document has no table '{}'; give a table's number:{}", opt.part, list),
                             name);
    }
    std::vector<CellTable> out;
    out.push_back(std::move(h.tables[std::size_t(n - 1)]));
    return out;
}

}  // namespace genochron::readers
