// [SECTION] decoding: BOM, UTF-16, Windows-1252 (glib's converters)
// [SECTION] parsing with libcsv, keeping the line each record starts on
#include "core/import/chronology_csv.hpp"

#include "core/import/detail/readers.hpp"

#include <algorithm>
#include <csv.h>
#include <fmt/format.h>
#include <glib.h>
#include <memory>
#include <set>

namespace genochron {

namespace {

// ---------------------------------------------------------------- [SECTION] decoding

struct GFreeDeleter {
    void operator()(gchar* p) const { g_free(p); }
};
using GString_ = std::unique_ptr<gchar, GFreeDeleter>;

int lineOfOffset(std::string_view text, std::size_t off) {
    return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(std::min(off, text.size())), '\n'));
}

std::string convertToUtf8(std::string_view bytes, const char* from, const std::string& name) {
    gsize written = 0;
    GError* err = nullptr;
    GString_ out(g_convert(bytes.data(), gssize(bytes.size()), "UTF-8", from, nullptr, &written, &err));
    if (!out) {
        std::string why = err ? err->message : "unknown error";
        if (err) g_error_free(err);
        throw GenochronError(fmt::format("cannot read the sheet as {} ({}); save it from the spreadsheet "
                                         "as \"CSV UTF-8\" and import again", from, why), name);
    }
    return std::string(out.get(), written);
}

// Spreadsheets are saved in whatever the user's Excel picked: find out which, and say so.
std::string decode(std::string_view bytes, const std::string& name, std::vector<std::string>& notes) {
    auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
    if (starts("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    else if (starts("\xFF\xFE")) {
        notes.push_back("the sheet is UTF-16 (little-endian); converted to UTF-8");
        return convertToUtf8(bytes.substr(2), "UTF-16LE", name);
    } else if (starts("\xFE\xFF")) {
        notes.push_back("the sheet is UTF-16 (big-endian); converted to UTF-8");
        return convertToUtf8(bytes.substr(2), "UTF-16BE", name);
    }
    if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
        throw GenochronError("the sheet contains NUL bytes (UTF-16 without a byte order mark?); save it as "
                             "\"CSV UTF-8\" and import again",
                             name, lineOfOffset(bytes, nul));
    const gchar* bad = nullptr;
    if (g_utf8_validate(bytes.data(), gssize(bytes.size()), &bad)) return std::string(bytes);
    // Line by line: a sheet pasted together from two sources can be UTF-8 with a few lines
    // in Windows-1252 (what Excel's plain "CSV" writes). Lines that are valid UTF-8 stay as
    // they are; only the others are read as Windows-1252, and the chair is told which.
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::vector<int> converted;
    std::size_t pos = 0;
    int line = 1;
    while (pos < bytes.size()) {
        std::size_t nl = bytes.find('\n', pos);
        std::size_t end = nl == std::string_view::npos ? bytes.size() : nl + 1;
        std::string_view piece = bytes.substr(pos, end - pos);
        if (g_utf8_validate(piece.data(), gssize(piece.size()), nullptr)) {
            out.append(piece);
        } else {
            try {
                out += convertToUtf8(piece, "WINDOWS-1252", name);
            } catch (const GenochronError&) {
                throw GenochronError("this line is neither UTF-8 nor Windows-1252 (it has bytes neither uses); save the "
                                     "sheet as \"CSV UTF-8\" and import again",
                                     name, line);
            }
            converted.push_back(line);
        }
        pos = end;
        ++line;
    }
    std::string lines;
    for (std::size_t i = 0; i < converted.size() && i < 10; ++i) lines += (i ? ", " : "") + std::to_string(converted[i]);
    if (converted.size() > 10) lines += fmt::format(" and {} more", converted.size() - 10);
    int total = line - 1;
    if (int(converted.size()) == total || converted.size() > 10)
        notes.push_back(fmt::format("the sheet is not UTF-8 (first at line {}); read {} as Windows-1252, which is what "
                                    "Excel's plain \"CSV\" format writes",
                                    converted.front(), int(converted.size()) == total ? "it" : "lines " + lines));
    else
        notes.push_back(fmt::format("line{} {} {} not UTF-8 and {} read as Windows-1252 (what Excel's plain \"CSV\" "
                                    "writes); the other lines are UTF-8. Check {} reads right",
                                    converted.size() == 1 ? "" : "s", lines, converted.size() == 1 ? "is" : "are",
                                    converted.size() == 1 ? "was" : "were", converted.size() == 1 ? "it" : "they"));
    (void)bad;
    return out;
}

// Excel writes commas, but a European locale writes semicolons and "Unicode text" writes tabs.
char detectDelimiter(std::string_view text) {
    std::string_view first = text.substr(0, text.find_first_of("\r\n"));
    auto n = [&](char ch) { return std::count(first.begin(), first.end(), ch); };
    if (n(',') > 0) return ',';
    if (n('\t') > 0) return '\t';
    if (n(';') > 0) return ';';
    return ',';
}

// ---------------------------------------------------------------- [SECTION] parsing

// libcsv's parser states (csv.h exposes the struct, libcsv.c names the values).
constexpr int kRowNotBegun = 0;
constexpr int kFieldBegun = 2;

struct Parser {
    csv_parser p{};
    explicit Parser(unsigned char opts) {
        if (csv_init(&p, opts) != 0) throw GenochronError("cannot start the CSV parser");
    }
    ~Parser() { csv_free(&p); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
};

struct Collector {
    CsvSheet* sheet = nullptr;
    std::vector<std::string> cells;
    int startLine = 1;
};

void onField(void* data, std::size_t len, void* ctx) {
    auto* c = static_cast<Collector*>(ctx);
    std::string s;
    s.reserve(len);
    const char* d = static_cast<const char*>(data);
    // Line breaks typed inside a cell on Windows arrive as CRLF: keep them as LF.
    for (std::size_t i = 0; i < len; ++i) {
        if (d[i] == '\r') {
            if (i + 1 < len && d[i + 1] == '\n') continue;
            s.push_back('\n');
        } else {
            s.push_back(d[i]);
        }
    }
    c->cells.push_back(std::move(s));
}

void onRow(int, void* ctx) {
    auto* c = static_cast<Collector*>(ctx);
    c->sheet->records.push_back(CsvRecord{c->startLine, std::move(c->cells)});
    c->cells.clear();
}

}  // namespace

CsvSheet parseCsv(std::string_view bytes, const std::string& displayName) {
    CsvSheet sheet;
    std::string text = decode(bytes, displayName, sheet.notes);
    sheet.delimiter = detectDelimiter(text);
    if (sheet.delimiter == '\t') sheet.notes.push_back("the sheet is tab-separated");
    if (sheet.delimiter == ';') sheet.notes.push_back("the sheet is semicolon-separated");

    Parser parser(0);
    csv_set_delim(&parser.p, static_cast<unsigned char>(sheet.delimiter));
    Collector col;
    col.sheet = &sheet;
    // Feed one line at a time so each record knows the line it starts on: a record
    // starts on the first line fed while the parser is between rows (blank lines
    // leave it there). Old Mac files end lines with CR alone.
    const char eol = text.find('\n') != std::string::npos ? '\n' : '\r';
    std::size_t pos = 0;
    int line = 1;
    while (pos < text.size()) {
        std::size_t nl = text.find(eol, pos);
        std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
        if (parser.p.pstate == kRowNotBegun) col.startLine = line;
        std::size_t len = end - pos;
        if (csv_parse(&parser.p, text.data() + pos, len, onField, onRow, &col) != len)
            throw GenochronError(csv_strerror(csv_error(&parser.p)), displayName, line);
        pos = end;
        ++line;
    }
    if (parser.p.pstate == kFieldBegun && parser.p.quoted)
        throw GenochronError("a quoted cell starts here and never ends; check for a missing closing \" "
                             "(nothing was imported)",
                             displayName, col.startLine, int(col.cells.size()) + 1);
    csv_fini(&parser.p, onField, onRow, &col);
    return sheet;
}

namespace readers {

std::vector<CellTable> readCsv(std::string_view bytes, const std::string& displayName) {
    CsvSheet sheet = parseCsv(bytes, displayName);
    CellTable t;
    t.format = TableFormat::Csv;
    t.file = displayName;
    t.parts = {""};
    t.notes = std::move(sheet.notes);
    t.rows.reserve(sheet.records.size());
    for (auto& r : sheet.records) {
        TableRow row;
        row.number = r.line;
        row.cells = std::move(r.cells);
        t.rows.push_back(std::move(row));
    }
    std::vector<CellTable> out;
    out.push_back(std::move(t));
    return out;
}

}  // namespace readers

}  // namespace genochron
