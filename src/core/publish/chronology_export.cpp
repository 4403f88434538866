// The combined chronology as a CSV file.
#include "core/publish/chronology_export.hpp"

#include "core/io/atomic_file.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace genochron {

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
