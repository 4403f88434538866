// Excel workbooks (.xlsx, .xlsm): every sheet as a table of the text Excel shows.
//
// [SECTION] number formats: which cells are dates, and to what precision
// [SECTION] workbook, shared strings and styles
// [SECTION] a sheet: rows, cells, hidden rows and columns, merged cells
// [SECTION] choosing the sheets to return
#include "core/import/detail/ooxml.hpp"
#include "core/import/detail/readers.hpp"
#include "core/model/date.hpp"
#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <optional>

namespace genochron::readers {

using ooxml::Attrs;

// ---------------------------------------------------------------- [SECTION] number formats

ExcelDateStyle excelDateStyle(int id, std::string_view code) {
    ExcelDateStyle s;
    // Built-in formats (ECMA-376 18.8.30): 14-17 and 22 dates, 18-21 and 45-47 times,
    // 27-36 and 50-58 East Asian dates.
    if (code.empty()) {
        if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
            s.isDate = s.hasDay = s.hasMonth = s.hasYear = true;
            if (id == 17) s.hasDay = false;   // mmm-yy
            if (id == 16) s.hasYear = false;   // d-mmm (still a whole date underneath)
            s.hasTime = id == 22;
        } else if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) {
            s.isDate = s.hasTime = true;
        }
        return s;
    }
    // Custom code: the first section, without quoted text, escapes, fills, padding and
    // [colour]/[$-locale] brackets; [h] [mm] [ss] are elapsed times (durations, not dates).
    std::string plain;
    bool elapsed = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char ch = code[i];
        if (ch == ';') break;
        if (ch == '"') {
            auto close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (ch == '\\' || ch == '_' || ch == '*') {
            ++i;
        } else if (ch == '[') {
            auto close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            std::string inner(code.substr(i + 1, close - i - 1));
            for (auto& c : inner) c = char(std::tolower(static_cast<unsigned char>(c)));
            if (!inner.empty() && inner.find_first_not_of("hms") == std::string::npos) elapsed = true;
            i = close;
        } else {
            plain.push_back(char(std::tolower(static_cast<unsigned char>(ch))));
        }
    }
    if (plain.find("general") != std::string::npos || elapsed) return s;
    for (std::string_view ampm : {"am/pm", "a/p"})
        for (std::size_t at; (at = plain.find(ampm)) != std::string::npos;) plain.replace(at, ampm.size(), " ");
    bool y = plain.find_first_of("ye") != std::string::npos;   // 'e' is a year in some locales
    bool d = plain.find('d') != std::string::npos;
    bool h = plain.find('h') != std::string::npos;
    bool m = plain.find('m') != std::string::npos;
    bool sec = plain.find('s') != std::string::npos;
    if (y || d) {
        s.isDate = true;
        s.hasYear = y;
        s.hasDay = d;
        // With hours shown, an 'm' may be minutes; a date format with a day or year and an
        // 'm' shows the month in every format Excel offers.
        s.hasMonth = m || d;
        s.hasTime = h;
        if (!s.hasYear && !s.hasMonth) s.hasMonth = true;
    } else if (h || (m && sec)) {
        s.isDate = s.hasTime = true;
    }
    return s;
}

std::optional<std::string> excelSerialText(double v, bool date1904, const ExcelDateStyle& st) {
    if (!std::isfinite(v) || v < 0 || v >= 2958466) return std::nullopt;   // 9999-12-31 is the last Excel date
    double whole = std::floor(v);
    long secs = std::lround((v - whole) * 86400.0);
    if (secs >= 86400) {
        secs -= 86400;
        whole += 1;
    }
    std::string time = fmt::format("{:02}:{:02}", secs / 3600, (secs / 60) % 60);
    bool timeOnly = !st.hasDay && !st.hasMonth && !st.hasYear;
    if (timeOnly) return time;
    long serial = long(whole);
    long days;
    if (date1904) {
        days = daysFromCivil(1904, 1, 1) + serial;
    } else {
        // Excel counts 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug):
        // serial 60 is that day, later serials are one ahead.
        if (serial == 0) return std::nullopt;   // "1900-01-00"
        if (serial == 60) return std::string("29/02/1900");   // reported by the date rules as no such day
        days = daysFromCivil(1899, 12, 31) + serial - (serial > 60 ? 1 : 0);
    }
    CalendarDate d = civilFromDays(days);
    std::string text;
    if (st.hasDay || (st.hasMonth && !st.hasYear)) text = d.toString();   // "d-mmm" still holds a whole date
    else if (st.hasMonth) text = fmt::format("{:04}-{:02}", d.year, d.month);
    else text = fmt::format("{:04}", d.year);
    if (st.hasTime && secs != 0 && (st.hasDay || (st.hasMonth && !st.hasYear))) text += " " + time;
    return text;
}

namespace {

// ---------------------------------------------------------------- [SECTION] workbook, strings, styles

struct SheetInfo {
    std::string name, path;
    bool hidden = false;
};

struct WorkbookHandler : ooxml::SaxHandler {
    std::vector<std::pair<SheetInfo, std::string>> sheets;   // with relationship id
    bool date1904 = false;
    void start(std::string_view name, const Attrs& a) override {
        if (name == "workbookPr") {
            auto v = a.get("date1904");
            date1904 = v && (*v == "1" || *v == "true");
        } else if (name == "sheet") {
            SheetInfo s;
            s.name = std::string(a.get("name").value_or(""));
            auto state = a.get("state");
            s.hidden = state && *state != "visible";
            sheets.emplace_back(std::move(s), std::string(a.get("id").value_or("")));
        }
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

// <si> items; text from <t> directly or in rich-text runs <r>, not phonetic guides <rPh>.
struct SharedStringsHandler : ooxml::SaxHandler {
    std::vector<std::string> strings;
    std::string cur;
    int inT = 0, inPhonetic = 0;
    void start(std::string_view name, const Attrs&) override {
        if (name == "si") cur.clear();
        else if (name == "t") ++inT;
        else if (name == "rPh") ++inPhonetic;
    }
    void end(std::string_view name) override {
        if (name == "si") strings.push_back(ooxml::unescapeOoxml(cur));
        else if (name == "t") --inT;
        else if (name == "rPh") --inPhonetic;
    }
    void text(std::string_view s) override {
        if (inT > 0 && inPhonetic == 0) cur.append(s);
    }
};

struct StylesHandler : ooxml::SaxHandler {
    std::map<int, std::string> customFormats;
    std::vector<int> xfFormat;   // cellXfs index -> numFmtId
    bool inCellXfs = false;
    void start(std::string_view name, const Attrs& a) override {
        if (name == "numFmt") {
            auto id = a.get("numFmtId");
            auto code = a.get("formatCode");
            int n = 0;
            if (id && code && std::from_chars(id->data(), id->data() + id->size(), n).ec == std::errc())
                customFormats[n] = std::string(*code);
        } else if (name == "cellXfs") {
            inCellXfs = true;
        } else if (name == "xf" && inCellXfs) {
            int n = 0;
            if (auto id = a.get("numFmtId")) std::from_chars(id->data(), id->data() + id->size(), n);
            xfFormat.push_back(n);
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") inCellXfs = false;
    }
    void text(std::string_view) override {}
};

// ---------------------------------------------------------------- [SECTION] a sheet

constexpr int kMaxRow = 1048576, kMaxCol = 16384;
constexpr std::size_t kMaxCellSlots = std::size_t(4) << 20;

// "C7" -> {col 2, row 7}; nullopt when it is not a cell reference.
std::optional<std::pair<int, int>> parseRef(std::string_view r) {
    std::size_t i = 0;
    int col = 0;
    while (i < r.size() && std::isalpha(static_cast<unsigned char>(r[i]))) {
        col = col * 26 + (std::toupper(static_cast<unsigned char>(r[i])) - 'A' + 1);
        if (col > kMaxCol) return std::nullopt;
        ++i;
    }
    if (i == 0 || i == r.size()) return std::nullopt;
    int row = 0;
    auto res = std::from_chars(r.data() + i, r.data() + r.size(), row);
    if (res.ec != std::errc() || res.ptr != r.data() + r.size() || row < 1 || row > kMaxRow) return std::nullopt;
    return std::pair{col - 1, row};
}

struct Styles {
    std::vector<ExcelDateStyle> byXf;
};

struct SheetHandler : ooxml::SaxHandler {
    const std::vector<std::string>& shared;
    const Styles& styles;
    bool date1904;
    std::string where;   // "file:Sheet1" for errors

    std::map<int, TableRow> rows;
    std::vector<std::pair<int, int>> hiddenColRanges;   // 1-based min..max
    std::vector<std::string> merges;
    std::size_t slots = 0;

    // the cell being read
    int rowNum = 0, nextCol = 0;
    bool rowHidden = false;
    int col = 0, xf = 0;
    std::string type, value, inlineText;
    int inV = 0, inIs = 0, inT = 0, inPhonetic = 0;
    bool inCell = false;

    SheetHandler(const std::vector<std::string>& sh, const Styles& st, bool d1904, std::string w)
        : shared(sh), styles(st), date1904(d1904), where(std::move(w)) {}

    void start(std::string_view name, const Attrs& a) override {
        if (name == "row") {
            int r = rowNum + 1;
            if (auto v = a.get("r")) {
                int n = 0;
                if (std::from_chars(v->data(), v->data() + v->size(), n).ec == std::errc() && n >= 1 && n <= kMaxRow) r = n;
            }
            rowNum = r;
            nextCol = 0;
            auto h = a.get("hidden");
            rowHidden = h && (*h == "1" || *h == "true");
        } else if (name == "c") {
            inCell = true;
            col = nextCol;
            if (auto r = a.get("r")) {
                if (auto ref = parseRef(*r)) {
                    col = ref->first;
                    if (ref->second != rowNum) rowNum = ref->second;   // trust the cell's own reference
                }
            }
            nextCol = col + 1;
            xf = 0;
            if (auto s = a.get("s")) std::from_chars(s->data(), s->data() + s->size(), xf);
            type = std::string(a.get("t").value_or("n"));
            value.clear();
            inlineText.clear();
        } else if (name == "v" && inCell) {
            ++inV;
        } else if (name == "is" && inCell) {
            ++inIs;
        } else if (name == "t" && inIs) {
            ++inT;
        } else if (name == "rPh") {
            ++inPhonetic;
        } else if (name == "col") {
            auto h = a.get("hidden");
            if (h && (*h == "1" || *h == "true")) {
                int lo = 0, hi = 0;
                if (auto v = a.get("min")) std::from_chars(v->data(), v->data() + v->size(), lo);
                if (auto v = a.get("max")) std::from_chars(v->data(), v->data() + v->size(), hi);
                if (lo >= 1 && hi >= lo) hiddenColRanges.emplace_back(lo, std::min(hi, kMaxCol));
            }
        } else if (name == "mergeCell") {
            if (auto r = a.get("ref")) merges.emplace_back(*r);
        }
    }

    void end(std::string_view name) override {
        if (name == "v") inV = std::max(0, inV - 1);
        else if (name == "is") inIs = std::max(0, inIs - 1);
        else if (name == "t") inT = std::max(0, inT - 1);
        else if (name == "rPh") inPhonetic = std::max(0, inPhonetic - 1);
        else if (name == "c" && inCell) {
            inCell = false;
            store();
        }
    }

    void text(std::string_view s) override {
        if (!inCell) return;
        if (inV) value.append(s);
        else if (inT && inPhonetic == 0) inlineText.append(s);
    }

    std::string cellName() const { return fmt::format("{}{}", columnLetters(std::size_t(col)), rowNum); }

    void store() {
        std::string text;
        if (type == "s") {
            std::size_t idx = 0;
            auto res = std::from_chars(value.data(), value.data() + value.size(), idx);
            if (res.ec != std::errc() || idx >= shared.size())
                throw GenochronError(fmt::format("cell {} points at shared string {} of {}; the workbook is damaged (save it "
                                                 "again from Excel)",
                                                 cellName(), value, shared.size()),
                                     where);
            text = shared[idx];
        } else if (type == "inlineStr") {
            text = ooxml::unescapeOoxml(inlineText);
        } else if (type == "str" || type == "e") {
            text = ooxml::unescapeOoxml(value);
        } else if (type == "b") {
            text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
        } else if (type == "d") {   // ISO 8601 (strict workbooks): keep the date, and a time when given
            text = value;
            if (auto t = text.find('T'); t != std::string::npos) {
                std::string time = text.substr(t + 1, 5);
                text = text.substr(0, t) + (time == "00:00" || time.size() < 5 ? "" : " " + time);
            }
        } else {   // a number
            if (value.empty()) return;
            double v = 0;
            auto res = std::from_chars(value.data(), value.data() + value.size(), v);
            if (res.ec != std::errc()) {
                text = value;
            } else {
                const ExcelDateStyle* st =
                    xf >= 0 && std::size_t(xf) < styles.byXf.size() ? &styles.byXf[std::size_t(xf)] : nullptr;
                std::optional<std::string> asDate;
                if (st && st->isDate) asDate = excelSerialText(v, date1904, *st);
                text = asDate ? *asDate : fmt::format("{}", v);
            }
        }
        if (text.empty()) return;   // styled empty cells are not content
        TableRow& row = rows[rowNum];
        row.number = rowNum;
        row.hidden = rowHidden;
        if (std::size_t(col) >= row.cells.size()) {
            slots += std::size_t(col) + 1 - row.cells.size();
            if (slots > kMaxCellSlots)
                throw GenochronError(fmt::format("the sheet's used range is too large (more than {} million cells, up to "
                                                 "{}); delete the unused rows and columns and import again",
                                                 kMaxCellSlots >> 20, cellName()),
                                     where);
            row.cells.resize(std::size_t(col) + 1);
        }
        row.cells[std::size_t(col)] = std::move(text);
    }
};

std::string quotedSheet(const std::string& name) {
    // Excel quotes a name that starts with a digit or holds anything but letters, digits and '_'.
    bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) && std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; });
    if (plain) return name;
    std::string r = "'";
    for (char c : name) r += c == '\'' ? std::string("''") : std::string(1, c);
    return r + "'";
}

std::string rowList(const std::vector<int>& nums) {
    std::string r;
    std::size_t i = 0, shown = 0;
    while (i < nums.size() && shown < 12) {
        std::size_t j = i;
        while (j + 1 < nums.size() && nums[j + 1] == nums[j] + 1) ++j;
        r += (r.empty() ? "" : ", ") + (j > i ? fmt::format("{}-{}", nums[i], nums[j]) : std::to_string(nums[i]));
        i = j + 1;
        ++shown;
    }
    if (i < nums.size()) r += ", ...";
    return r;
}

CellTable readSheet(const ooxml::Package& pkg, const SheetInfo& info, const std::vector<std::string>& shared,
                    const Styles& styles, bool date1904, const TableReadOptions& opt) {
    CellTable t;
    t.format = TableFormat::Xlsx;
    t.file = pkg.name();
    t.parts = {quotedSheet(info.name)};
    auto xml = pkg.read(info.path);
    if (!xml)
        throw GenochronError(fmt::format("sheet '{}' is listed in the workbook but its part '{}' is missing; the workbook "
                                         "is damaged (save it again from Excel)",
                                         info.name, info.path),
                             pkg.name());
    SheetHandler h(shared, styles, date1904, pkg.name() + ":" + t.parts[0]);
    ooxml::parseXml(*xml, h, pkg.name() + ":" + info.path);

    // Merged cells: the value sits in the top-left cell. Down a merge it holds for every
    // row (a date merged over three entries is each one's date); across, it stays in the
    // first column. A row that is one merged cell across three or more columns, with
    // nothing else, is a section heading.
    std::vector<std::string> mergeNotes;
    for (auto& ref : h.merges) {
        auto colon = ref.find(':');
        if (colon == std::string::npos) continue;
        auto a = parseRef(std::string_view(ref).substr(0, colon)), b = parseRef(std::string_view(ref).substr(colon + 1));
        if (!a || !b) continue;
        auto [c0, r0] = *a;
        auto [c1, r1] = *b;
        if (c1 < c0) std::swap(c0, c1);
        if (r1 < r0) std::swap(r0, r1);
        auto top = h.rows.find(r0);
        if (top == h.rows.end() || std::size_t(c0) >= top->second.cells.size() || top->second.cells[std::size_t(c0)].empty())
            continue;
        const std::string value = top->second.cells[std::size_t(c0)];
        if (r1 > r0) {
            bool filled = false;
            for (auto it = h.rows.upper_bound(r0); it != h.rows.end() && it->first <= r1; ++it) {
                auto& cells = it->second.cells;
                if (std::size_t(c0) >= cells.size()) cells.resize(std::size_t(c0) + 1);
                if (cells[std::size_t(c0)].empty()) {
                    cells[std::size_t(c0)] = value;
                    filled = true;
                }
            }
            if (filled && mergeNotes.size() < 6) mergeNotes.push_back(ref);
        } else if (c1 - c0 >= 2) {
            auto& cells = top->second.cells;
            bool alone = true;
            for (std::size_t i = 0; i < cells.size(); ++i)
                if (i != std::size_t(c0) && !cells[i].empty()) alone = false;
            if (alone) top->second.heading = true;
        }
    }
    if (!mergeNotes.empty()) {
        std::string list;
        for (auto& m : mergeNotes) list += (list.empty() ? "" : ", ") + m;
        t.notes.push_back(fmt::format("cells merged down several rows ({}{}): the value is used in each row", list,
                                      mergeNotes.size() >= 6 ? ", ..." : ""));
    }

    std::size_t width = 0;
    for (auto& [n, r] : h.rows) width = std::max(width, r.cells.size());
    std::vector<int> hiddenCols;
    for (auto [lo, hi] : h.hiddenColRanges)
        for (int c = lo; c <= hi && std::size_t(c) <= width; ++c) hiddenCols.push_back(c - 1);
    std::sort(hiddenCols.begin(), hiddenCols.end());
    hiddenCols.erase(std::unique(hiddenCols.begin(), hiddenCols.end()), hiddenCols.end());
    std::vector<int> hiddenRows;
    for (auto& [n, r] : h.rows)
        if (r.hidden) hiddenRows.push_back(n);

    // Hidden is not deleted: by default hidden rows and columns are read like the rest (a
    // filtered sheet hides entries the review still needs), and the chair is told.
    if (!hiddenRows.empty())
        t.notes.push_back(fmt::format("{} row{} hidden in Excel ({}) {}", hiddenRows.size(), hiddenRows.size() == 1 ? " is" : "s are",
                                      rowList(hiddenRows),
                                      opt.skipHidden ? "and left out (--skip-hidden)"
                                                     : "and imported all the same; --skip-hidden leaves them out"));
    if (!hiddenCols.empty()) {
        std::string letters;
        for (int c : hiddenCols) letters += (letters.empty() ? "" : ", ") + columnLetters(std::size_t(c));
        t.notes.push_back(fmt::format("column{} {} {} hidden in Excel and {}", hiddenCols.size() == 1 ? "" : "s", letters,
                                      hiddenCols.size() == 1 ? "is" : "are",
                                      opt.skipHidden ? "left out (--skip-hidden)"
                                                     : "imported all the same; --skip-hidden leaves them out"));
    }
    for (auto& [n, r] : h.rows) {
        if (opt.skipHidden && r.hidden) continue;
        if (opt.skipHidden)
            for (int c : hiddenCols)
                if (std::size_t(c) < r.cells.size()) r.cells[std::size_t(c)].clear();
        t.rows.push_back(std::move(r));
    }
    t.hiddenColumns = std::move(hiddenCols);
    return t;
}

std::string lowerTrim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    std::string r(s);
    for (auto& c : r) c = char(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] choosing sheets

std::vector<CellTable> readXlsx(std::string_view bytes, const std::string& name, const TableReadOptions& opt) {
    ooxml::Package pkg(bytes, name);
    std::string workbook = "xl/workbook.xml";
    for (auto& r : pkg.relationships(""))
        if (r.type.size() >= 14 && r.type.compare(r.type.size() - 14, 14, "officeDocument") == 0) workbook = r.target;
    auto wbXml = pkg.read(workbook);
    if (!wbXml) throw GenochronError("the workbook has no workbook part; it is damaged (save it again from Excel)", name);
    WorkbookHandler wb;
    ooxml::parseXml(*wbXml, wb, name + ":" + workbook);
    auto rels = pkg.relationships(workbook);
    auto relTarget = [&](std::string_view id) -> std::string {
        for (auto& r : rels)
            if (r.id == id) return r.target;
        return {};
    };
    auto relOfType = [&](std::string_view suffix) -> std::string {
        for (auto& r : rels)
            if (r.type.size() >= suffix.size() && r.type.compare(r.type.size() - suffix.size(), suffix.size(), suffix) == 0)
                return r.target;
        return {};
    };

    std::vector<std::string> shared;
    std::string ssPath = relOfType("/sharedStrings");
    if (ssPath.empty()) ssPath = "xl/sharedStrings.xml";
    if (auto xml = pkg.read(ssPath)) {
        SharedStringsHandler h;
        ooxml::parseXml(*xml, h, name + ":" + ssPath);
        shared = std::move(h.strings);
    }
    Styles styles;
    std::string stPath = relOfType("/styles");
    if (stPath.empty()) stPath = "xl/styles.xml";
    if (auto xml = pkg.read(stPath)) {
        StylesHandler h;
        ooxml::parseXml(*xml, h, name + ":" + stPath);
        for (int id : h.xfFormat) {
            auto it = h.customFormats.find(id);
            styles.byXf.push_back(excelDateStyle(id, it != h.customFormats.end() ? std::string_view(it->second) : ""));
        }
    }

    std::vector<SheetInfo> sheets;
    for (auto& [s, rid] : wb.sheets) {
        SheetInfo info = s;
        info.path = relTarget(rid);
        if (info.path.empty()) continue;   // a chart sheet or a dangling reference
        sheets.push_back(std::move(info));
    }
    if (sheets.empty()) throw GenochronError("the workbook has no sheets", name);

    auto listSheets = [&] {
        std::string r;
        for (std::size_t i = 0; i < sheets.size(); ++i)
            r += fmt::format("{}{}. '{}'{}", i ? ", " : "", i + 1, sheets[i].name, sheets[i].hidden ? " (hidden)" : "");
        return r;
    };
    std::vector<CellTable> out;
    if (!opt.part.empty()) {
        const SheetInfo* pick = nullptr;
        for (auto& s : sheets)
            if (lowerTrim(s.name) == lowerTrim(opt.part)) pick = &s;
        int n = 0;
        auto res = std::from_chars(opt.part.data(), opt.part.data() + opt.part.size(), n);
        if (!pick && res.ec == std::errc() && res.ptr == opt.part.data() + opt.part.size() && n >= 1 &&
            std::size_t(n) <= sheets.size())
            pick = &sheets[std::size_t(n - 1)];
        if (!pick)
            throw GenochronError(fmt::format("--sheet: the workbook has no sheet '{}'; its sheets are: {}", opt.part,
                                             listSheets()),
                                 name);
        out.push_back(readSheet(pkg, *pick, shared, styles, wb.date1904, opt));
        if (wb.date1904) out.back().notes.push_back("the workbook counts dates from 1904 (Mac Excel's date system)");
        return out;
    }
    std::vector<std::string> hiddenNames;
    for (auto& s : sheets) {
        if (s.hidden) {
            hiddenNames.push_back(s.name);
            continue;
        }
        out.push_back(readSheet(pkg, s, shared, styles, wb.date1904, opt));
    }
    if (out.empty())
        throw GenochronError(fmt::format("every sheet of the workbook is hidden; choose one with --sheet ({})", listSheets()),
                             name);
    for (auto& t : out) {
        if (wb.date1904) t.notes.push_back("the workbook counts dates from 1904 (Mac Excel's date system)");
        for (auto& h : hiddenNames)
            t.notes.push_back(fmt::format("sheet '{}' is hidden and was not read; --sheet '{}' reads it", h, h));
    }
    return out;
}

}  // namespace genochron::readers
