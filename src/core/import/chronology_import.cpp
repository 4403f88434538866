// Importing an agency chronology: each row read into an event, then duplicates, ids and the plan.
// (What the columns mean and which sheet holds the chronology: chronology_columns.cpp.)
// [SECTION] rows -> events
// [SECTION] the import plan: duplicates, ids
#include "core/import/chronology_csv.hpp"

#include "core/import/chronology_cells.hpp"
#include "core/import/detail/chronology_columns.hpp"

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

std::string eventDedupKey(const Event& e) {
    return e.agency + '\x1f' + e.date.toString() + '\x1f' + normText(e.what);
}

namespace {

// ---------------------------------------------------------------- [SECTION] rows -> events

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

// ---------------------------------------------------------------- [SECTION] the import plan

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
