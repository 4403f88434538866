// [SECTION] decoding: BOM, UTF-16, Windows-1252 (glib's converters)
// [SECTION] parsing with libcsv, keeping the line each record starts on
// [SECTION] writing: RFC 4180 cells and the combined chronology export
#include "core/import/chronology_csv.hpp"

#include "core/io/atomic_file.hpp"

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
    std::size_t off = std::size_t(bad - bytes.data());
    notes.push_back(fmt::format("the sheet is not UTF-8 (first at line {}); read it as Windows-1252, which is what "
                                "Excel's plain \"CSV\" format writes",
                                lineOfOffset(bytes, off)));
    return convertToUtf8(bytes, "WINDOWS-1252", name);
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

// ---------------------------------------------------------------- [SECTION] writing

std::string csvCell(std::string_view text) {
    std::string s(text);
    // A cell starting with = + - @ runs as a formula when the sheet is opened in Excel
    // (OWASP "CSV injection"): a leading apostrophe keeps it text. The importer removes it.
    auto formulaLead = [](char ch) { return ch == '=' || ch == '+' || ch == '-' || ch == '@' || ch == '\t' || ch == '\r'; };
    if (!s.empty() && (formulaLead(s[0]) || (s[0] == '\'' && s.size() > 1 && formulaLead(s[1])))) s.insert(0, 1, '\'');
    bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
                 (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t'));
    if (!quote) return s;
    std::string r = "\"";
    for (char ch : s) {
        if (ch == '"') r += "\"\"";
        else if (ch == '\n') r += "\r\n";   // RFC 4180 line breaks inside a quoted cell
        else r.push_back(ch);
    }
    r += '"';
    return r;
}

namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string r;
    for (auto& s : v) r += (r.empty() ? "" : "; ") + s;
    return r;
}

// How a person is written in the export: the name data() holds, or the id where that
// name would not lead back to exactly one person on import.
std::map<std::string, std::string> personLabels(const Case& c) {
    std::map<std::string, int> uses;
    auto low = [](std::string s) {
        for (auto& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    for (auto& p : c.people) {
        std::set<std::string> keys{low(p.id), low(p.name), low(p.pseudonym)};
        for (auto& a : p.aliases) keys.insert(low(a));
        for (auto& k : keys)
            if (!k.empty()) ++uses[k];
    }
    // The importer splits a people cell at ; , / | & and " and ": a name with those in it
    // would come back as several unknown people.
    auto splits = [&](const std::string& label) {
        return label.find_first_of(";,/|&\n") != std::string::npos || low(label).find(" and ") != std::string::npos;
    };
    std::map<std::string, std::string> r;
    for (auto& p : c.people) {
        std::string label = !p.name.empty() ? p.name : !p.pseudonym.empty() ? p.pseudonym : p.id;
        r[p.id] = uses[low(label)] == 1 && !splits(label) ? label : p.id;
    }
    return r;
}

}  // namespace

std::string chronologyToCsv(const ViewCase& vc) {
    const Case& c = vc.data();
    static const char* kHeader[] = {"id", "date", "time", "end", "agency", "agency_name", "source", "source_ref",
                                    "people", "what", "action", "analysis", "tags", "risk", "missed_opportunity",
                                    "mo_number", "shared_with", "publish", "disputed_by"};
    std::string out;
    for (std::size_t i = 0; i < std::size(kHeader); ++i) out += (i ? "," : "") + std::string(kHeader[i]);
    out += "\r\n";
    auto labels = personLabels(c);
    auto mo = c.missedOpportunityNumbers();
    for (const Event* e : c.eventsByDate()) {
        std::vector<std::string> people;
        for (auto& id : e->people) people.push_back(labels.count(id) ? labels[id] : id);
        const Agency* ag = c.agency(e->agency);
        auto moIt = mo.find(e->id);
        std::vector<std::string> row = {
            e->id, e->date.toString(), e->time, e->end ? e->end->toString() : "", e->agency,
            ag ? ag->name : "", std::string(toString(e->source)), e->sourceRef, joined(people), e->what,
            e->action, e->analysis, joined(e->tags), e->risk ? std::string(toString(*e->risk)) : "",
            e->missedOpportunity, moIt != mo.end() ? fmt::format("MO{}", moIt->second) : "",
            joined(e->sharedWith), e->publish ? "yes" : "no", joined(e->disputedBy)};
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csvCell(row[i]);
        out += "\r\n";
    }
    return out;
}

void writeChronologyCsv(const ViewCase& vc, const std::string& path) { writeFileAtomic(path, chronologyToCsv(vc)); }

}  // namespace genochron
