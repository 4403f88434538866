// Themes across a library of reviews (`genochron themes CASE... -o OUT.csv|.pdf`):
// missed opportunities by agency kind and by theme (tags), information not shared,
// DASH not done, recommendations and actions by status and overdue; one row per case
// and totals. Built only from anonymised cases, so the output can be shared; the
// command audits it against every real case before writing.
#pragma once
#include "core/anonymise/view_case.hpp"
#include "core/scene/scene.hpp"

#include <map>
#include <string>
#include <vector>

namespace genochron::themes {

struct CaseThemes {
    std::string label;           // "Case 3": the output names no review (titles carry pseudonyms, which
                                 // may be real names in another review); the command says which file is which
    std::string kind;            // DHR, SAR, ... ; "" for totals
    int events = 0;
    int missedOpportunities = 0;
    std::map<AgencyKind, int> moByKind;
    int moWithoutAgency = 0;     // missed opportunities in no agency's record (family side, panel)
    std::map<std::string, int> moByTag;   // every tag on a missed opportunity
    int moCoerciveControl = 0;   // missed opportunities with any ccb_* tag
    int informationNotShared = 0;
    int dashNotDone = 0;
    int recommendations = 0;
    std::map<ActionStatus, int> recommendationsByStatus;   // derived from their actions (see themes.cpp)
    int actions = 0;
    std::map<ActionStatus, int> actionsByStatus;
    int actionsOverdue = 0;
    void add(const CaseThemes& o);
};

struct ThemesTable {
    std::vector<CaseThemes> cases;
    CaseThemes totals;
    std::vector<std::string> tags;         // tags on any missed opportunity, most frequent first
    std::vector<AgencyKind> kinds;         // agency kinds with any missed opportunity, most first
};

// One case's counts from its anonymised view; `today` (days since 1970) decides overdue.
CaseThemes caseThemes(const AnonymisedCase& c, long today, std::string label);
// The table of many (totals filled in, column sets chosen).
ThemesTable makeTable(std::vector<CaseThemes> cases);

// RFC 4180 CSV, UTF-8: a header, one row per case, then the totals row.
std::string toCsv(const ThemesTable& t);
// The report: the table of cases and charts of the totals (bars), for the Cairo painter.
Document toDocument(const ThemesTable& t, Theme theme = Theme::Colour);

}  // namespace genochron::themes
