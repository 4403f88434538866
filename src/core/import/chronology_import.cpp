// [SECTION] headers: what each column means (Chronolator-style names, --map)
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
    MissedOpportunity, SharedWith, Publish, DisputedBy, Ignore, Count
};

// Spelled as in the case file (source = the kind of source, source_ref = where from).
constexpr std::string_view kFieldNames[] = {
    "id", "date", "time", "end", "agency", "source_ref", "source", "people", "what", "action", "analysis",
    "tags", "risk", "missed_opportunity", "shared_with", "publish", "disputed_by", "ignore"};
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

// ---------------------------------------------------------------- [SECTION] rows

struct Columns {
    std::vector<std::optional<Field>> field;   // per column of the header
    std::vector<std::string> header;
    bool has(Field f) const { return std::find(field.begin(), field.end(), f) != field.end(); }
};

// Works out each column's field; reports what cannot be: an unknown --map header, two
// columns for one field, no date or text column.
Columns mapColumns(const CsvRecord& header, const ChronologyImportOptions& opt, Diagnostics& d, ImportPlan& plan) {
    Columns cols;
    const int line = header.line;
    std::map<std::string, Field> byMap;
    for (auto& [h, f] : opt.map) byMap[normHeader(h)] = *fieldFromName(f);
    std::set<std::string> mapUsed;
    for (auto& cell : header.cells) {
        std::string h(trim(cell)), n = normHeader(h);
        cols.header.push_back(h);
        if (auto it = byMap.find(n); it != byMap.end() && !n.empty()) {
            cols.field.push_back(it->second);
            mapUsed.insert(n);
        } else if (n == "source") {
            cols.field.push_back(Field::Count);   // decided below
        } else {
            cols.field.push_back(fieldForHeader(n));
        }
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
        d.error("unknown-column", SourceLoc{line, 1},
                fmt::format("--map names a column '{}' that the sheet does not have{}", h,
                            n ? fmt::format(" (did you mean '{}'?)", *n) : ""));
    }
    std::map<Field, std::size_t> first;
    for (std::size_t i = 0; i < cols.field.size(); ++i) {
        auto f = cols.field[i];
        SourceLoc at{line, int(i) + 1};
        plan.columns.emplace_back(cols.header[i], f && *f != Field::Ignore ? std::string(fieldName(*f)) : "");
        if (!f) {
            if (!cols.header[i].empty())
                d.warning(Category::Validation, "column-not-imported", at,
                          fmt::format("column '{}' is not imported; to import it, use --map '{}=FIELD'",
                                      cols.header[i], cols.header[i]));
            continue;
        }
        if (*f == Field::Ignore) continue;
        auto [it, fresh] = first.emplace(*f, i);
        if (fresh) continue;
        if (isTextField(*f)) {
            plan.notes.push_back(fmt::format("columns '{}' and '{}' both go into {}: their text is joined",
                                             cols.header[it->second], cols.header[i], fieldName(*f)));
        } else {
            d.error("duplicate-column", at,
                    fmt::format("columns '{}' (column {}) and '{}' both mean {}; choose one with --map '{}=ignore'",
                                cols.header[it->second], it->second + 1, cols.header[i], fieldName(*f),
                                cols.header[i]));
        }
    }
    std::string heads;
    for (auto& h : cols.header) heads += (heads.empty() ? "'" : ", '") + h + "'";
    if (!cols.has(Field::Date)) {
        bool looksLikeData = !header.cells.empty() && parseDate(splitDateTime(std::string(trim(header.cells[0]))).first).date &&
                             !trim(header.cells[0]).empty();
        if (looksLikeData)
            d.error("no-header", SourceLoc{line, 1},
                    "the first row is data, not headers: add a header row (for example Date, Source of Information, "
                    "Event, Action Taken, Comment)");
        else
            d.error("no-date-column", SourceLoc{line, 1},
                    fmt::format("no date column among the headers ({}); name one 'Date' or use --map 'HEADER=date'", heads));
    } else if (!cols.has(Field::What)) {
        d.error("no-text-column", SourceLoc{line, 1},
                fmt::format("no column says what happened among the headers ({}); name one 'Event' or 'Details', or "
                            "use --map 'HEADER=what'", heads));
    }
    return cols;
}

struct PendingRow {
    Event event;
    int line = 0;
    std::string wantedId;
    int idColumn = 0;
};

bool validId(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char ch) {
        return std::isalnum(ch) || ch == '_' || ch == '-' || ch == '.';
    });
}

class RowReader {
public:
    RowReader(const Case& c, const Columns& cols, const ChronologyImportOptions& opt, Diagnostics& d)
        : m_case(c), m_cols(cols), m_opt(opt), m_d(d), m_people(c) {}

    // The row as an event; errors go to the diagnostics (the event is then not used).
    std::optional<PendingRow> read(const CsvRecord& r) {
        m_line = r.line;
        std::size_t before = m_d.items().size();
        for (std::size_t i = m_cols.field.size(); i < r.cells.size(); ++i)
            if (!trim(r.cells[i]).empty())
                error(i, "cell-without-header", fmt::format("column {} has a value but no header; add a header or "
                                                            "remove the value", i + 1));
        std::array<std::string, std::size_t(Field::Count)> val;
        std::array<std::size_t, std::size_t(Field::Count)> col{};
        for (std::size_t i = 0; i < m_cols.field.size(); ++i) {
            auto f = m_cols.field[i];
            if (!f || *f == Field::Ignore) continue;
            std::string v = cellText(r, i);
            auto k = std::size_t(*f);
            if (val[k].empty()) col[k] = i;
            if (!v.empty()) val[k] += (val[k].empty() ? "" : "\n") + v;
        }
        auto get = [&](Field f) -> const std::string& { return val[std::size_t(f)]; };
        auto at = [&](Field f) { return col[std::size_t(f)]; };

        PendingRow row;
        row.line = m_line;
        Event& e = row.event;
        std::string dateTime;
        if (get(Field::Date).empty()) {
            error(at(Field::Date), "missing-date", "no date; write 'unknown' if the date is not known");
        } else {
            auto [datePart, timePart] = splitDateTime(get(Field::Date));
            auto pd = parseDate(datePart);
            if (!pd.date) error(at(Field::Date), "bad-date", fmt::format("'{}' is not a date: {}", get(Field::Date), pd.error));
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
            auto pd = parseDate(get(Field::End));
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
                m_d.warning(Category::Validation, "unknown-tag", SourceLoc{m_line, int(at(Field::Tags)) + 1},
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
        row.idColumn = int(at(Field::Id)) + 1;
        bool bad = std::any_of(m_d.items().begin() + std::ptrdiff_t(before), m_d.items().end(),
                               [](const Diagnostic& x) { return x.severity == Severity::Error; });
        if (bad) return std::nullopt;
        return row;
    }

private:
    void error(std::size_t col, std::string code, std::string msg) {
        m_d.error(std::move(code), SourceLoc{m_line, int(col) + 1}, std::move(msg));
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
            m_d.warning(Category::Validation, "risk-low", SourceLoc{m_line, int(col) + 1},
                        fmt::format("'{}' read as standard: DASH grades are standard, medium or high", v));
            return;
        }
        error(col, "bad-risk", fmt::format("risk '{}' is not a DASH grade; write standard, medium or high (or leave it empty)", v));
    }

    const Case& m_case;
    const Columns& m_cols;
    const ChronologyImportOptions& m_opt;
    Diagnostics& m_d;
    PeopleIndex m_people;
    std::set<std::string> m_warnedTags;
    int m_line = 0;
};

}  // namespace

ImportPlan planChronologyImport(const Case& c, std::string_view csvBytes, const std::string& displayName,
                                const ChronologyImportOptions& opt) {
    if (!opt.agency.empty() && !c.agency(opt.agency))
        throw GenochronError(fmt::format("--agency: '{}' is not an agency in the case{}; the case's agencies are: {}",
                                         opt.agency, didYouMeanAgency(c, opt.agency), agencyList(c)));
    ImportPlan plan;
    plan.diagnostics = Diagnostics(displayName);
    Diagnostics& d = plan.diagnostics;
    CsvSheet sheet = parseCsv(csvBytes, displayName);
    plan.notes = sheet.notes;
    std::size_t h = 0;
    while (h < sheet.records.size() && isBlank(sheet.records[h])) ++h;
    if (h == sheet.records.size()) {
        d.error("empty-sheet", SourceLoc{}, "the sheet is empty: no header row and no rows");
        return plan;
    }
    Columns cols = mapColumns(sheet.records[h], opt, d, plan);
    if (opt.agency.empty() && !cols.has(Field::Agency))
        d.error("no-agency", SourceLoc{}, fmt::format("say whose chronology this is with --agency (one of: {})", agencyList(c)));
    if (d.hasErrors()) return plan;

    std::unordered_set<std::string> existing;
    for (auto& e : c.events) existing.insert(eventDedupKey(e));
    std::unordered_map<std::string, int> inSheet;
    RowReader reader(c, cols, opt, d);
    std::vector<PendingRow> rows;
    for (std::size_t i = h + 1; i < sheet.records.size(); ++i) {
        const CsvRecord& r = sheet.records[i];
        if (isBlank(r)) continue;
        ++plan.rowsRead;
        auto row = reader.read(r);
        if (!row) continue;
        std::string key = eventDedupKey(row->event);
        if (existing.count(key)) {
            ++plan.duplicates;
            continue;
        }
        if (auto [it, fresh] = inSheet.emplace(key, r.line); !fresh)
            d.warning(Category::Validation, "repeated-row", SourceLoc{r.line, 1},
                      fmt::format("this row repeats row {} (same date and text); both are imported", it->second));
        rows.push_back(std::move(*row));
    }
    if (plan.rowsRead == 0)
        d.error("no-rows", SourceLoc{sheet.records[h].line, 1}, "the sheet has a header row but no rows under it");
    if (d.hasErrors()) return plan;

    // Stable ids: a sheet's own id where it is free (our export), else the next free e### in row order.
    std::unordered_set<std::string> used;
    for (auto& e : c.events) used.insert(e.id);
    for (auto& r : rows) {
        if (r.wantedId.empty()) continue;
        if (validId(r.wantedId) && used.insert(r.wantedId).second) r.event.id = r.wantedId;
        else d.warning(Category::Validation, "id-in-use", SourceLoc{r.line, r.idColumn},
                       fmt::format("id '{}' is {}; the event gets a new id", r.wantedId,
                                   validId(r.wantedId) ? "already used" : "not a valid id"));
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
    std::unordered_map<std::string, int> lineOf;
    for (auto& r : rows) {
        lineOf[r.event.id] = r.line;
        merged.events.push_back(r.event);
    }
    Diagnostics check;
    validateCase(merged, check);
    for (auto& x : check.items()) {
        auto it = lineOf.find(x.id);
        if (it == lineOf.end()) continue;
        d.add(x.severity, x.category, x.code, SourceLoc{it->second, 1}, x.message, x.id);
    }
    if (d.hasErrors()) return plan;
    for (auto& r : rows) plan.added.push_back(std::move(r.event));
    return plan;
}

void applyImportPlan(Case& c, const ImportPlan& plan) {
    if (!plan.ok()) throw GenochronError("the import has errors; nothing was added");
    c.events.insert(c.events.end(), plan.added.begin(), plan.added.end());
}

}  // namespace genochron
