// [SECTION] headers: what each column means (Chronolator-style names, --map, import_map)
// [SECTION] finding the header row, choosing the sheet or tables
// [SECTION] columns: each column's field, and what is wrong with the header
#include "core/import/detail/chronology_columns.hpp"

#include "core/import/chronology_cells.hpp"

#include "core/model/validate.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace genochron::chron {

// ---------------------------------------------------------------- [SECTION] headers

// Spelled as in the case file (source = the kind of source, source_ref = where from).
constexpr std::string_view kFieldNames[] = {
    "id", "date", "time", "end", "agency", "source_ref", "source", "people", "what", "action", "analysis",
    "tags", "risk", "missed_opportunity", "shared_with", "publish", "disputed_by", "extras", "ignore"};
static_assert(std::size(kFieldNames) == std::size_t(Field::Count));

std::string_view fieldName(Field f) { return kFieldNames[std::size_t(f)]; }

// "Source of Information", "source_of_information" and "SOURCE OF INFORMATION." are one header.
std::string normHeader(std::string_view h) {
    std::string r;
    for (unsigned char ch : h)
        if (std::isalnum(ch) || ch >= 0x80) r.push_back(char(std::tolower(ch)));
    return r;
}

// Header names agencies use (Chronolator's and common IMR templates), normalised.
std::optional<Field> fieldForHeader(const std::string& n) {
    static const std::map<std::string, Field, std::less<>> kNames = {
        {"id", Field::Id}, {"eventid", Field::Id},
        {"date", Field::Date}, {"startdate", Field::Date}, {"eventdate", Field::Date}, {"dateofevent", Field::Date},
        {"dateofcontact", Field::Date}, {"datefrom", Field::Date},
        {"time", Field::Time}, {"starttime", Field::Time}, {"eventtime", Field::Time}, {"timeofevent", Field::Time},
        {"end", Field::End}, {"enddate", Field::End}, {"dateto", Field::End},
        {"agency", Field::Agency}, {"agencyid", Field::Agency},
        {"agencyname", Field::Ignore}, {"monumber", Field::Ignore},   // written by export, computed again
        {"sourceofinformation", Field::SourceRef}, {"sourceref", Field::SourceRef},
        {"sourcereference", Field::SourceRef}, {"informationsource", Field::SourceRef}, {"reference", Field::SourceRef},
        {"sourcekind", Field::SourceKind}, {"sourcetype", Field::SourceKind},
        {"event", Field::What}, {"details", Field::What}, {"eventdetails", Field::What},
        {"description", Field::What}, {"whathappened", Field::What}, {"what", Field::What},
        {"detailsofevent", Field::What}, {"eventdescription", Field::What},
        {"actiontaken", Field::Action}, {"action", Field::Action}, {"outcome", Field::Action},
        {"actionstaken", Field::Action},
        {"comment", Field::Analysis}, {"comments", Field::Analysis}, {"analysis", Field::Analysis},
        {"reviewercomment", Field::Analysis}, {"reviewercomments", Field::Analysis},
        {"panelanalysis", Field::Analysis}, {"reviewernotes", Field::Analysis},
        {"people", Field::People}, {"persons", Field::People}, {"person", Field::People},
        {"peopleinvolved", Field::People},
        {"tags", Field::Tags}, {"tag", Field::Tags},
        {"risk", Field::Risk}, {"dash", Field::Risk}, {"dashrisk", Field::Risk}, {"dashgrade", Field::Risk},
        {"risklevel", Field::Risk}, {"dashoutcome", Field::Risk},
        {"missedopportunity", Field::MissedOpportunity}, {"missedopportunities", Field::MissedOpportunity},
        {"mo", Field::MissedOpportunity},
        {"sharedwith", Field::SharedWith}, {"informationsharedwith", Field::SharedWith},
        {"publish", Field::Publish}, {"disputedby", Field::DisputedBy},
    };
    auto it = kNames.find(n);
    if (it != kNames.end()) return it->second;
    return std::nullopt;
}

std::optional<Field> fieldFromName(std::string_view name) {
    std::string n = lower(trim(name));
    for (std::size_t i = 0; i < std::size(kFieldNames); ++i)
        if (kFieldNames[i] == n) return Field(i);
    return std::nullopt;
}

bool isTextField(Field f) { return f == Field::What || f == Field::Action || f == Field::Analysis; }

std::optional<std::string> findAgency(const Case& c, const std::string& v) {
    if (c.agency(v)) return v;
    for (auto& a : c.agencies)
        if (lower(a.id) == lower(v) || lower(a.name) == lower(v)) return a.id;
    return std::nullopt;
}

std::string agencyList(const Case& c) {
    std::string r;
    for (auto& a : c.agencies) r += (r.empty() ? "" : ", ") + a.id;
    return r.empty() ? "none" : r;
}

std::string didYouMeanAgency(const Case& c, const std::string& v) {
    std::vector<std::string_view> ids;
    for (auto& a : c.agencies) ids.push_back(a.id);
    auto n = nearest(v, ids);
    return n ? fmt::format(" (did you mean '{}'?)", *n) : "";
}

// ---------------------------------------------------------------- [SECTION] header row, sheet choice



// What a header cell means, and how that was decided.
static std::pair<std::optional<Field>, std::string> headerField(const std::string& n, const MapSources& m) {
    if (n.empty()) return {std::nullopt, ""};
    if (auto it = m.given.find(n); it != m.given.end()) return {it->second, "--map"};
    if (auto it = m.remembered.find(n); it != m.remembered.end()) return {it->second, "remembered"};
    if (n == "source") return {Field::Count, "recognised"};   // decided once the whole header is known
    auto f = fieldForHeader(n);
    return {f, f ? "recognised" : ""};
}

// Could this row be the header: does it name a date column and a what-happened column?
bool isHeaderRow(const TableRow& r, const MapSources& m) {
    bool date = false, what = false;
    for (auto& cell : r.cells) {
        auto f = headerField(normHeader(trim(cell)), m).first;
        date = date || f == Field::Date;
        what = what || f == Field::What;
    }
    return date && what;
}

// The header is the first row (of the first 40 with anything in them) naming a date and a
// what-happened column: title and notes rows above it are skipped. When no row does, the
// first non-blank row stands as the header, so the errors say what it lacks.
static std::optional<std::size_t> findHeader(const CellTable& t, const MapSources& m, bool& found) {
    found = false;
    std::optional<std::size_t> first;
    int seen = 0;
    for (std::size_t i = 0; i < t.rows.size() && seen < 40; ++i) {
        if (isBlank(t.rows[i])) continue;
        ++seen;
        if (!first) first = i;
        if (isHeaderRow(t.rows[i], m)) {
            found = true;
            return i;
        }
    }
    return first;
}

std::string headerSignature(const TableRow& r) {
    std::string s;
    for (auto& c : r.cells) s += normHeader(trim(c)) + '\x1f';
    while (!s.empty() && s.back() == '\x1f') s.pop_back();
    return s;
}

std::string firstCells(const TableRow& r) {
    std::string s;
    int n = 0;
    for (auto& c : r.cells) {
        std::string_view v = trim(c);
        if (v.empty()) continue;
        if (++n > 4) {
            s += ", ...";
            break;
        }
        s += (s.empty() ? "" : ", ") + std::string(v.substr(0, v.find('\n')));
    }
    return s.size() > 70 ? s.substr(0, 67) + "..." : s;
}


// Which sheet or tables hold the chronology. One table: that one. A workbook: the one sheet
// with a chronology header, else the one named like "chronology"; several: an error listing
// them. A document: every table with the chronology's header, joined (a chronology split
// over several tables), provided they share one header.
Chosen chooseTable(const std::vector<CellTable>& tables, const MapSources& m, Diagnostics& d, std::vector<std::string>& notes) {
    Chosen out;
    if (tables.empty()) throw GenochronError("nothing to read");
    struct Cand {
        const CellTable* t;
        std::size_t header;
        bool chron;
    };
    std::vector<Cand> cands;
    for (auto& t : tables) {
        bool found = false;
        auto h = findHeader(t, m, found);
        cands.push_back({&t, h.value_or(0), found && h});
    }
    auto rowsAfter = [](const Cand& c) {
        int n = 0;
        for (std::size_t i = c.header + 1; i < c.t->rows.size(); ++i) n += !isBlank(c.t->rows[i]);
        return n;
    };
    auto describe = [&](const Cand& c) {
        std::string first;
        for (auto& r : c.t->rows)
            if (!isBlank(r)) {
                first = firstCells(r);
                break;
            }
        return fmt::format("{} ({} row{}{})", c.t->parts.front(), c.t->rows.size(), c.t->rows.size() == 1 ? "" : "s",
                           first.empty() ? ", empty" : ", first: " + first);
    };
    if (tables.size() == 1) {
        out.table = tables.front();
        out.header = cands.front().header;
        return out;
    }
    std::vector<const Cand*> chron;
    for (auto& c : cands)
        if (c.chron) chron.push_back(&c);
    const bool book = tables.front().format == TableFormat::Xlsx;
    const char* what = book ? "sheet" : "table";
    auto listAll = [&](const std::vector<const Cand*>& which) {
        std::string r;
        for (auto* c : which) r += "\n  " + describe(*c);
        return r;
    };
    std::vector<const Cand*> all;
    for (auto& c : cands) all.push_back(&c);
    if (chron.empty()) {
        d.error("no-chronology", SourceLoc{},
                fmt::format("no {} has a header row naming a date and what happened (for example Date, Event); choose "
                            "one with --sheet{}, and --map its columns if their names are unusual:{}",
                            what, book ? " NAME" : " N", listAll(all)));
        out.table = tables.front();
        return out;
    }
    if (book) {
        if (chron.size() > 1) {
            std::vector<const Cand*> named;
            for (auto* c : chron)
                if (lower(c->t->parts.front()).find("chron") != std::string::npos) named.push_back(c);
            if (named.size() == 1) chron = named;
        }
        if (chron.size() > 1) {
            d.error("several-sheets", SourceLoc{},
                    fmt::format("several sheets look like chronologies; choose one with --sheet NAME:{}", listAll(chron)));
            out.table = *chron.front()->t;
            out.header = chron.front()->header;
            return out;
        }
        out.table = *chron.front()->t;
        out.header = chron.front()->header;
        out.source = "sheet " + out.table.parts.front();
        std::string others;
        for (auto& c : cands)
            if (&c != chron.front()) others += (others.empty() ? "" : ", ") + c.t->parts.front();
        notes.push_back(fmt::format("read sheet {}; not read: {} (--sheet chooses another)", out.table.parts.front(), others));
        return out;
    }
    // Word: join the tables that share the first chronology table's header.
    std::string sig = headerSignature(chron.front()->t->rows[chron.front()->header]);
    std::vector<const CellTable*> join;
    std::vector<const Cand*> differing;
    for (auto* c : chron) {
        if (headerSignature(c->t->rows[c->header]) == sig) join.push_back(c->t);
        else differing.push_back(c);
    }
    if (!differing.empty()) {
        d.error("several-tables",
                SourceLoc{},
                fmt::format("several tables look like chronologies, with different headers; choose one with --sheet N:{}",
                            listAll(chron)));
    }
    out.table = joinTables(join);
    out.header = chron.front()->header;
    std::string names, numbers;
    for (auto* t : join) {
        names += (names.empty() ? "" : ", ") + t->parts.front();
        numbers += (numbers.empty() ? "" : ", ") + t->parts.front().substr(t->parts.front().rfind(' ') + 1);
    }
    out.source = join.size() == 1 ? names : "tables " + numbers;
    if (join.size() > 1)
        notes.push_back(fmt::format("{} have the same header and are read as one chronology", names));
    std::size_t width = chron.front()->t->rows[chron.front()->header].cells.size();
    for (auto& c : cands) {
        if (c.chron) continue;
        bool sameWidth = false;
        for (auto& r : c.t->rows) sameWidth = sameWidth || (!isBlank(r) && r.cells.size() == width && width > 2);
        if (sameWidth && rowsAfter(c) > 0)
            d.warning(Category::Validation, "table-not-read", SourceLoc{},
                      fmt::format("{} has as many columns as the chronology but no header row, and was not read; if it "
                                  "continues the chronology, give it the same header row (or --sheet {} to read it alone)",
                                  describe(c), &c - cands.data() + 1));
        else
            notes.push_back(fmt::format("{} is not a chronology table and was not read", describe(c)));
    }
    return out;
}

// ---------------------------------------------------------------- [SECTION] columns


// Reports a problem at a cell: FILE:LINE:COL for CSV, FILE:Sheet!C7 or FILE:table 2, row 7,
// column 3 for the others.
Diagnostic& at(Diagnostic& d, const CellTable& t, const TableRow& r, std::size_t col) {
    if (t.format != TableFormat::Csv) d.place = t.place(r, col);
    return d;
}

// Works out each column's field; reports what cannot be: an unknown --map header, two
// columns for one field, no date or text column.
Columns mapColumns(const CellTable& t, const TableRow& header, const MapSources& m, const ChronologyImportOptions& opt,
                   Diagnostics& d, ImportPlan& plan) {
    Columns cols;
    const int line = header.number;
    std::set<std::string> mapUsed;
    std::vector<std::string> how;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        std::string h(trim(header.cells[i])), n = normHeader(h);
        cols.header.push_back(h);
        auto [f, by] = headerField(n, m);
        if (by == "--map") mapUsed.insert(n);
        cols.field.push_back(f);
        how.push_back(by);
        cols.extraName.push_back(!h.empty() ? h
                                 : t.format == TableFormat::Xlsx ? "column " + columnLetters(i)
                                                                 : fmt::format("column {}", i + 1));
    }
    // "Source" is the reference (Chronolator's "Source of Information") unless another
    // column holds the reference, as in our own export: then it is the kind of source.
    bool refCol = cols.has(Field::SourceRef);
    for (auto& f : cols.field)
        if (f == Field::Count) f = refCol ? Field::SourceKind : Field::SourceRef;

    std::vector<std::string_view> headerViews(cols.header.begin(), cols.header.end());
    for (auto& [h, f] : opt.map) {
        if (mapUsed.count(normHeader(h))) continue;
        auto n = nearest(h, headerViews);
        at(d.error("unknown-column", SourceLoc{line, 1},
                   fmt::format("--map names a column '{}' that the sheet does not have{}", h,
                               n ? fmt::format(" (did you mean '{}'?)", *n) : "")),
           t, header, 0);
    }
    std::map<Field, std::size_t> first;
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < cols.field.size(); ++i) {
        auto f = cols.field[i];
        SourceLoc loc{line, int(i) + 1};
        std::string fieldText = !f ? (cols.header[i].empty() ? "" : "extras")
                                : *f == Field::Ignore ? "" : std::string(fieldName(*f));
        plan.columns.emplace_back(cols.header[i], fieldText);
        plan.mapping.push_back({cols.header[i], fieldText, f ? how[i] : ""});
        if (!f) {
            if (!cols.header[i].empty()) kept.push_back(cols.header[i]);
            continue;
        }
        if (*f == Field::Ignore || *f == Field::Extra) continue;
        auto [it, fresh] = first.emplace(*f, i);
        if (fresh) continue;
        if (isTextField(*f)) {
            plan.notes.push_back(fmt::format("columns '{}' and '{}' both go into {}: their text is joined",
                                             cols.header[it->second], cols.header[i], fieldName(*f)));
        } else {
            at(d.error("duplicate-column", loc,
                       fmt::format("columns '{}' (column {}) and '{}' both mean {}; choose one with --map '{}=ignore'",
                                   cols.header[it->second], it->second + 1, cols.header[i], fieldName(*f),
                                   cols.header[i])),
               t, header, i);
        }
    }
    if (!kept.empty()) {
        std::string names;
        for (auto& k : kept) names += (names.empty() ? "'" : ", '") + k + "'";
        plan.notes.push_back(fmt::format("column{} {} {} no field: kept in each event's extras (to import one as a field, "
                                         "use --map '{}=FIELD')",
                                         kept.size() == 1 ? "" : "s", names, kept.size() == 1 ? "is" : "are",
                                         kept.front()));
    }
    std::string heads;
    for (auto& h : cols.header) heads += (heads.empty() ? "'" : ", '") + h + "'";
    if (!cols.has(Field::Date)) {
        bool looksLikeData = !header.cells.empty() && !trim(header.cells[0]).empty() &&
                             parseDate(splitDateTime(std::string(trim(header.cells[0]))).first).date;
        if (looksLikeData)
            at(d.error("no-header", SourceLoc{line, 1},
                       "the first row is data, not headers: add a header row (for example Date, Source of Information, "
                       "Event, Action Taken, Comment)"),
               t, header, 0);
        else
            at(d.error("no-date-column", SourceLoc{line, 1},
                       fmt::format("no date column among the headers ({}); name one 'Date' or use --map 'HEADER=date'", heads)),
               t, header, 0);
    } else if (!cols.has(Field::What)) {
        at(d.error("no-text-column", SourceLoc{line, 1},
                   fmt::format("no column says what happened among the headers ({}); name one 'Event' or 'Details', or "
                               "use --map 'HEADER=what'", heads)),
           t, header, 0);
    }
    return cols;
}

MapSources mapSources(const Case& c, const ChronologyImportOptions& opt, Diagnostics& d) {
    MapSources m;
    for (auto& [h, f] : opt.map) m.given[normHeader(h)] = *fieldFromName(f);
    if (opt.useRememberedMap && !opt.agency.empty())
        if (const Agency* a = c.agency(opt.agency))
            for (auto& [h, f] : a->importMap) {
                if (auto field = fieldFromName(f)) m.remembered[normHeader(h)] = *field;
                else
                    d.warning(Category::Validation, "bad-import-map", SourceLoc{},
                              fmt::format("the case's import_map for '{}' maps '{}' to '{}', which is not a field; "
                                          "that entry is not used",
                                          a->id, h, f));
            }
    return m;
}

}  // namespace genochron::chron

namespace genochron {

using namespace chron;

const std::vector<std::string_view>& importFields() {
    static const std::vector<std::string_view> names(std::begin(kFieldNames), std::end(kFieldNames));
    return names;
}

std::vector<std::pair<std::string, std::string>> parseColumnMap(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> r;
    for (auto& item : splitList(text, ",", false)) {
        auto eq = item.rfind('=');
        if (eq == std::string::npos || trim(item.substr(0, eq)).empty() || trim(item.substr(eq + 1)).empty())
            throw GenochronError(fmt::format("--map: '{}' should be 'Header=field'", item));
        std::string field(trim(item.substr(eq + 1)));
        if (!fieldFromName(field)) {
            auto n = nearest(lower(field), importFields());
            std::string all;
            for (auto f : importFields()) all += (all.empty() ? "" : ", ") + std::string(f);
            throw GenochronError(fmt::format("--map: '{}' is not a field{}; fields are: {}", field,
                                             n ? fmt::format(" (did you mean '{}'?)", *n) : "", all));
        }
        r.emplace_back(std::string(trim(item.substr(0, eq))), field);
    }
    return r;
}

}  // namespace genochron
