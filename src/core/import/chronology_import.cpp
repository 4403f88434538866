// [SECTION] headers: what each column means (Chronolator-style names, --map, import_map)
// [SECTION] finding the header row, choosing the sheet or tables
// [SECTION] rows -> events, duplicates, ids
#include "core/import/chronology_csv.hpp"

#include "core/import/chronology_cells.hpp"

#include "core/model/validate.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace genochron {

using namespace chron;

namespace {

// ---------------------------------------------------------------- [SECTION] headers

enum class Field {
    Id, Date, Time, End, Agency, SourceRef, SourceKind, People, What, Action, Analysis, Tags, Risk,
    MissedOpportunity, SharedWith, Publish, DisputedBy, Extra, Ignore, Count
};

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

}  // namespace

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

std::string eventDedupKey(const Event& e) {
    return e.agency + '\x1f' + e.date.toString() + '\x1f' + normText(e.what);
}

namespace {

// ---------------------------------------------------------------- [SECTION] header row, sheet choice

using FieldMap = std::map<std::string, Field>;   // normalised header -> field

struct MapSources {
    FieldMap given;        // --map
    FieldMap remembered;   // the agency's import_map
};

// What a header cell means, and how that was decided.
std::pair<std::optional<Field>, std::string> headerField(const std::string& n, const MapSources& m) {
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
std::optional<std::size_t> findHeader(const CellTable& t, const MapSources& m, bool& found) {
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

struct Chosen {
    CellTable table;
    std::size_t header = 0;
    std::string source;
};

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

// ---------------------------------------------------------------- [SECTION] rows

struct Columns {
    std::vector<std::optional<Field>> field;   // per column of the header
    std::vector<std::string> header;
    std::vector<std::string> extraName;        // the name an extras column is kept under
    bool has(Field f) const { return std::find(field.begin(), field.end(), f) != field.end(); }
};

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

struct PendingRow {
    Event event;
    const TableRow* row = nullptr;
    std::string wantedId;
    std::size_t idColumn = 0;
};

bool validId(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char ch) {
        return std::isalnum(ch) || ch == '_' || ch == '-' || ch == '.';
    });
}

class RowReader {
public:
    RowReader(const Case& c, const CellTable& t, const Columns& cols, const ChronologyImportOptions& opt, Diagnostics& d)
        : m_case(c), m_table(t), m_cols(cols), m_opt(opt), m_d(d), m_people(c) {}

    // The row as an event; errors go to the diagnostics (the event is then not used).
    std::optional<PendingRow> read(const TableRow& r) {
        m_row = &r;
        std::size_t before = m_d.items().size();
        for (std::size_t i = m_cols.field.size(); i < r.cells.size(); ++i)
            if (!trim(r.cells[i]).empty())
                error(i, "cell-without-header", fmt::format("column {} has a value but no header; add a header or "
                                                            "remove the value", i + 1));
        std::array<std::string, std::size_t(Field::Count)> val;
        std::array<std::size_t, std::size_t(Field::Count)> col{};
        PendingRow row;
        row.row = &r;
        Event& e = row.event;
        for (std::size_t i = 0; i < m_cols.field.size(); ++i) {
            auto f = m_cols.field[i];
            if (f == Field::Ignore) continue;
            std::string v = cellText(r, i);
            if (!f || *f == Field::Extra) {   // no field: kept, not dropped
                if (!v.empty()) e.extras.emplace_back(m_cols.extraName[i], v);
                continue;
            }
            auto k = std::size_t(*f);
            if (val[k].empty()) col[k] = i;
            if (!v.empty()) val[k] += (val[k].empty() ? "" : "\n") + v;
        }
        auto get = [&](Field f) -> const std::string& { return val[std::size_t(f)]; };
        auto at = [&](Field f) { return col[std::size_t(f)]; };

        std::string dateTime;
        if (get(Field::Date).empty()) {
            error(at(Field::Date), "missing-date", "no date; write 'unknown' if the date is not known");
        } else {
            auto [datePart, timePart] = splitDateTime(get(Field::Date));
            auto pd = parseDate(datePart);
            if (!pd.date) error(at(Field::Date), "bad-date", fmt::format("'{}' is not a date: {}{}", get(Field::Date), pd.error,
                                                                         serialHint(get(Field::Date))));
            else e.date = *pd.date;
            dateTime = timePart;
        }
        if (!get(Field::Time).empty()) {
            auto t = normaliseTime(get(Field::Time));
            if (!t) error(at(Field::Time), "bad-time", fmt::format("'{}' is not a time of day; write it as HH:MM", get(Field::Time)));
            else e.time = *t;
        } else {
            e.time = dateTime;
        }
        if (!get(Field::End).empty()) {
            auto pd = parseDate(splitDateTime(get(Field::End)).first);
            if (!pd.date) error(at(Field::End), "bad-date", fmt::format("end date '{}' is not a date: {}", get(Field::End), pd.error));
            else e.end = *pd.date;
        }
        e.sourceRef = get(Field::SourceRef);
        e.source = sourceFromText(e.sourceRef);
        if (!get(Field::SourceKind).empty()) {
            std::string k = normTag(get(Field::SourceKind));
            auto s = k == "agency" ? std::optional<Source>(Source::AgencyRecord) : enumFromString<Source>(k);
            if (!s) {
                std::string all;
                for (auto n : enumNames<Source>()) all += (all.empty() ? "" : ", ") + std::string(n);
                error(at(Field::SourceKind), "bad-source", fmt::format("'{}' is not a kind of source ({})", get(Field::SourceKind), all));
            } else {
                e.source = *s;
            }
        }
        e.agency = m_opt.agency;
        if (m_cols.has(Field::Agency)) {
            const std::string& a = get(Field::Agency);
            if (a.empty()) {
                e.agency = e.source == Source::AgencyRecord ? m_opt.agency : "";
            } else if (auto id = findAgency(m_case, a)) {
                e.agency = *id;
            } else {
                error(at(Field::Agency), "unknown-agency", fmt::format("unknown agency '{}'{}; the case's agencies are: {}",
                                                                       a, didYouMeanAgency(m_case, a), agencyList(m_case)));
            }
            if (e.agency.empty() && e.source == Source::AgencyRecord)
                error(at(Field::Agency), "missing-agency", "an agency record with no agency; fill in the agency or use --agency");
        }
        for (auto& who : splitList(get(Field::People), ";,/|&\n", true)) {
            auto [id, why] = m_people.find(who);
            if (id.empty()) error(at(Field::People), "unknown-person", why);
            else if (std::find(e.people.begin(), e.people.end(), id) == e.people.end()) e.people.push_back(id);
        }
        e.what = get(Field::What);
        e.action = get(Field::Action);
        e.analysis = get(Field::Analysis);
        if (e.what.empty() && e.action.empty() && e.analysis.empty())
            error(at(Field::What), "missing-text", fmt::format("no text in '{}': say what happened", m_cols.header[at(Field::What)]));
        for (auto& t : splitList(get(Field::Tags), ";,|\n", false)) {
            std::string tag = normTag(t);
            if (tag.empty() || std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end()) continue;
            e.tags.push_back(tag);
            auto& known = knownEventTags();
            if (std::find(known.begin(), known.end(), tag) == known.end() && m_warnedTags.insert(tag).second) {
                auto n = nearest(tag, known);
                warning(at(Field::Tags), "unknown-tag",
                        fmt::format("tag '{}' is not in the tag list{} (kept; warned once)", tag,
                                    n ? fmt::format("; did you mean '{}'?", *n) : ""));
            }
        }
        readRisk(e, get(Field::Risk), at(Field::Risk));
        if (!get(Field::MissedOpportunity).empty()) {
            auto yn = yesNo(get(Field::MissedOpportunity));
            if (!yn) e.missedOpportunity = get(Field::MissedOpportunity);
            else if (*yn) e.missedOpportunity = "Flagged as a missed opportunity in the agency's chronology";
        }
        for (auto& a : splitList(get(Field::SharedWith), ";,|\n/", false)) {
            if (auto id = findAgency(m_case, a)) e.sharedWith.push_back(*id);
            else error(at(Field::SharedWith), "unknown-agency", fmt::format("shared with unknown agency '{}'{}; the case's agencies are: {}",
                                                                            a, didYouMeanAgency(m_case, a), agencyList(m_case)));
        }
        if (!get(Field::Publish).empty()) {
            auto yn = yesNo(get(Field::Publish));
            if (!yn) error(at(Field::Publish), "bad-publish", fmt::format("publish is '{}'; write yes or no", get(Field::Publish)));
            else e.publish = *yn;
        }
        for (auto& who : splitList(get(Field::DisputedBy), ";,|\n", false)) {
            auto src = enumFromString<Source>(normTag(who));
            if (src) e.disputedBy.push_back(std::string(toString(*src)));
            else if (auto ag = findAgency(m_case, who)) e.disputedBy.push_back(*ag);
            else if (auto [id, why] = m_people.find(who); !id.empty()) e.disputedBy.push_back(id);
            else error(at(Field::DisputedBy), "unknown-reference", fmt::format("disputed by '{}': not a person, an agency or a kind of source", who));
        }
        row.wantedId = get(Field::Id);
        row.idColumn = at(Field::Id);
        bool bad = std::any_of(m_d.items().begin() + std::ptrdiff_t(before), m_d.items().end(),
                               [](const Diagnostic& x) { return x.severity == Severity::Error; });
        if (bad) return std::nullopt;
        return row;
    }

private:
    // A number where a date should be is most often a date cell Excel shows as a number.
    static std::string serialHint(const std::string& v) {
        if (v.size() == 5 && std::all_of(v.begin(), v.end(), [](unsigned char ch) { return std::isdigit(ch); }))
            return " (it looks like an Excel date shown as a number: format the column as a date in Excel)";
        return {};
    }

    void error(std::size_t col, std::string code, std::string msg) {
        at(m_d.error(std::move(code), SourceLoc{m_row->number, int(col) + 1}, std::move(msg)), m_table, *m_row, col);
    }
    void warning(std::size_t col, std::string code, std::string msg) {
        at(m_d.warning(Category::Validation, std::move(code), SourceLoc{m_row->number, int(col) + 1}, std::move(msg)),
           m_table, *m_row, col);
    }

    void readRisk(Event& e, const std::string& v, std::size_t col) {
        std::string l = lower(v);
        if (l.empty() || l == "n/a" || l == "na" || l == "none" || l == "-" || l == "no" || l == "not assessed" ||
            l == "not completed" || l == "not done")
            return;
        for (auto r : {Risk::Standard, Risk::Medium, Risk::High})
            if (l.find(toString(r)) != std::string::npos) {
                e.risk = r;
                return;
            }
        if (l.find("low") != std::string::npos) {
            e.risk = Risk::Standard;
            warning(col, "risk-low", fmt::format("'{}' read as standard: DASH grades are standard, medium or high", v));
            return;
        }
        error(col, "bad-risk", fmt::format("risk '{}' is not a DASH grade; write standard, medium or high (or leave it empty)", v));
    }

    const Case& m_case;
    const CellTable& m_table;
    const Columns& m_cols;
    const ChronologyImportOptions& m_opt;
    Diagnostics& m_d;
    PeopleIndex m_people;
    std::set<std::string> m_warnedTags;
    const TableRow* m_row = nullptr;
};

std::string rowNumbers(const std::vector<const TableRow*>& rows, const CellTable& t) {
    std::string r;
    for (std::size_t i = 0; i < rows.size() && i < 8; ++i) {
        std::string where = t.format == TableFormat::Docx && t.parts.size() > 1
                                ? fmt::format("{} row {}", t.parts[std::size_t(rows[i]->part)], rows[i]->number)
                                : std::to_string(rows[i]->number);
        r += (i ? ", " : "") + where;
    }
    if (rows.size() > 8) r += fmt::format(" and {} more", rows.size() - 8);
    return r;
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

}  // namespace

ImportPlan planChronologyImport(const Case& c, std::string_view bytes, const std::string& displayName,
                                const ChronologyImportOptions& opt) {
    if (!opt.agency.empty() && !c.agency(opt.agency))
        throw GenochronError(fmt::format("--agency: '{}' is not an agency in the case{}; the case's agencies are: {}",
                                         opt.agency, didYouMeanAgency(c, opt.agency), agencyList(c)));
    TableReadOptions ro;
    ro.part = opt.sheet;
    ro.skipHidden = opt.skipHidden;
    return planChronologyImport(c, readCellTables(bytes, displayName, ro), opt);
}

ImportPlan planChronologyImport(const Case& c, const std::vector<CellTable>& tables, const ChronologyImportOptions& opt) {
    if (!opt.agency.empty() && !c.agency(opt.agency))
        throw GenochronError(fmt::format("--agency: '{}' is not an agency in the case{}; the case's agencies are: {}",
                                         opt.agency, didYouMeanAgency(c, opt.agency), agencyList(c)));
    if (tables.empty()) throw GenochronError("nothing to import");
    ImportPlan plan;
    plan.diagnostics = Diagnostics(tables.front().file);
    plan.format = tables.front().format;
    Diagnostics& d = plan.diagnostics;
    MapSources maps = mapSources(c, opt, d);
    std::vector<std::string> chooseNotes;
    Chosen chosen = chooseTable(tables, maps, d, chooseNotes);
    const CellTable& table = chosen.table;
    plan.notes = table.notes;
    plan.notes.insert(plan.notes.end(), chooseNotes.begin(), chooseNotes.end());
    plan.source = chosen.source.empty() && table.format == TableFormat::Xlsx ? "sheet " + table.parts.front()
                                                                             : chosen.source;
    if (d.hasErrors()) return plan;

    std::size_t h = chosen.header;
    if (table.rows.empty() || h >= table.rows.size() || isBlank(table.rows[h])) {
        d.error("empty-sheet", SourceLoc{}, "the sheet is empty: no header row and no rows");
        return plan;
    }
    const TableRow& headerRow = table.rows[h];
    plan.headerRow = headerRow.number;
    {
        std::vector<const TableRow*> above;
        for (std::size_t i = 0; i < h; ++i)
            if (!isBlank(table.rows[i]) && table.rows[i].part == headerRow.part) above.push_back(&table.rows[i]);
        if (!above.empty())
            plan.notes.push_back(fmt::format("the header is {} {}; {} above it (a title or notes: '{}') {} not imported",
                                             table.format == TableFormat::Csv ? "line" : "row", headerRow.number,
                                             above.size() == 1 ? "the row" : fmt::format("the {} rows", above.size()),
                                             firstCells(*above.front()), above.size() == 1 ? "is" : "are"));
    }
    Columns cols = mapColumns(table, headerRow, maps, opt, d, plan);
    if (opt.agency.empty() && !cols.has(Field::Agency))
        d.error("no-agency", SourceLoc{}, fmt::format("say whose chronology this is with --agency (one of: {})", agencyList(c)));

    // What to remember for the agency: its import_map with this --map over it.
    if (!opt.agency.empty()) {
        const Agency* ag = c.agency(opt.agency);
        plan.mapAgency = opt.agency;
        plan.rememberMap = ag ? ag->importMap : decltype(plan.rememberMap){};
        for (auto& [hdr, f] : opt.map) {
            auto same = [&](const std::pair<std::string, std::string>& e) { return normHeader(e.first) == normHeader(hdr); };
            auto it = std::find_if(plan.rememberMap.begin(), plan.rememberMap.end(), same);
            if (it != plan.rememberMap.end()) *it = {hdr, f};
            else plan.rememberMap.emplace_back(hdr, f);
        }
        plan.mapChanged = ag && plan.rememberMap != ag->importMap;
    }
    if (d.hasErrors()) return plan;

    std::unordered_set<std::string> existing;
    for (auto& e : c.events) existing.insert(eventDedupKey(e));
    std::unordered_map<std::string, const TableRow*> inSheet;
    RowReader reader(c, table, cols, opt, d);
    std::vector<PendingRow> rows;
    const std::string headerSig = headerSignature(headerRow);
    std::vector<const TableRow*> repeats, headings;
    for (std::size_t i = h + 1; i < table.rows.size(); ++i) {
        const TableRow& r = table.rows[i];
        if (isBlank(r)) continue;
        // A header repeated under a page break, or at the top of the next table of a split
        // chronology, is not an entry; nor is a section heading across the whole row.
        if (r.headerRepeat || headerSignature(r) == headerSig || isHeaderRow(r, maps)) {
            repeats.push_back(&r);
            continue;
        }
        if (r.heading) {
            headings.push_back(&r);
            continue;
        }
        ++plan.rowsRead;
        auto row = reader.read(r);
        if (!row) continue;
        std::string key = eventDedupKey(row->event);
        if (existing.count(key)) {
            ++plan.duplicates;
            continue;
        }
        if (auto [it, fresh] = inSheet.emplace(key, &r); !fresh)
            at(d.warning(Category::Validation, "repeated-row", SourceLoc{r.number, 1},
                         fmt::format("this row repeats row {} (same date and text); both are imported", it->second->number)),
               table, r, 0);
        rows.push_back(std::move(*row));
    }
    if (!repeats.empty())
        plan.notes.push_back(fmt::format("header row{} repeated at {} {} skipped", repeats.size() == 1 ? "" : "s",
                                         table.format == TableFormat::Csv ? "line" : "row", rowNumbers(repeats, table),
                                         repeats.size() == 1 ? "was" : "were"));
    if (!headings.empty())
        plan.notes.push_back(fmt::format("section heading{} (one cell across the row) at row {} {} not imported: '{}'",
                                         headings.size() == 1 ? "" : "s", rowNumbers(headings, table),
                                         headings.size() == 1 ? "is" : "are", firstCells(*headings.front())));
    if (plan.rowsRead == 0)
        at(d.error("no-rows", SourceLoc{headerRow.number, 1}, "the sheet has a header row but no rows under it"), table,
           headerRow, 0);
    if (d.hasErrors()) return plan;

    // Stable ids: a sheet's own id where it is free (our export), else the next free e### in row order.
    std::unordered_set<std::string> used;
    for (auto& e : c.events) used.insert(e.id);
    for (auto& r : rows) {
        if (r.wantedId.empty()) continue;
        if (validId(r.wantedId) && used.insert(r.wantedId).second) r.event.id = r.wantedId;
        else at(d.warning(Category::Validation, "id-in-use", SourceLoc{r.row->number, int(r.idColumn) + 1},
                          fmt::format("id '{}' is {}; the event gets a new id", r.wantedId,
                                      validId(r.wantedId) ? "already used" : "not a valid id")),
                table, *r.row, r.idColumn);
    }
    std::size_t n = c.events.size() + 1;
    for (auto& r : rows) {
        if (!r.event.id.empty()) continue;
        std::string id;
        do id = fmt::format("e{:03}", n++);
        while (used.count(id));
        used.insert(id);
        r.event.id = id;
    }

    // The merged case must still be a valid case; report what validation says about the new rows.
    Case merged = c;
    std::unordered_map<std::string, const TableRow*> rowOf;
    for (auto& r : rows) {
        rowOf[r.event.id] = r.row;
        merged.events.push_back(r.event);
    }
    Diagnostics check;
    validateCase(merged, check);
    for (auto& x : check.items()) {
        auto it = rowOf.find(x.id);
        if (it == rowOf.end()) continue;
        at(d.add(x.severity, x.category, x.code, SourceLoc{it->second->number, 1}, x.message, x.id), table, *it->second, 0);
    }
    if (d.hasErrors()) return plan;
    for (auto& r : rows) plan.added.push_back(std::move(r.event));
    return plan;
}

void applyImportPlan(Case& c, const ImportPlan& plan) {
    if (!plan.ok()) throw GenochronError("the import has errors; nothing was added");
    c.events.insert(c.events.end(), plan.added.begin(), plan.added.end());
    if (!plan.mapAgency.empty())
        for (auto& a : c.agencies)
            if (a.id == plan.mapAgency) a.importMap = plan.rememberMap;
}

}  // namespace genochron
