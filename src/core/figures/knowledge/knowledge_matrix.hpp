// "Who knew what, when": for each agency (and each family-side source), which risk
// indicators its records held, from when, and whether it passed them on (shared_with).
// The data behind `render --view knowledge` (knowledge_view.cpp) and the app's tab.
#pragma once
#include "core/model/model.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace genochron::knowledge {

// A risk indicator: a column of the matrix, read from event tags (domain.md) or stages.
struct Indicator {
    std::string key;     // "strangulation"
    std::string label;   // "Strangulation"
    std::vector<std::string_view> tags;   // any of these tags on an event shows it
    bool anyCoerciveControl = false;      // any ccb_* tag
    int stage = 0;                        // or: events of this homicide timeline stage
};
const std::vector<Indicator>& indicators();
bool shows(const Event& e, const Indicator& ind);

struct Cell {
    std::vector<std::string> own;        // this row's own events showing it, by date
    std::vector<std::string> received;   // other agencies' events shared with this row
    std::optional<Date> firstOwn, firstReceived;
    std::set<std::string> sharedWith;    // agencies this row passed it to
    std::set<std::string> receivedFrom;  // agencies that passed it to this row
    int ownNotShared = 0;                // own events with it that went to nobody (or say information_not_shared)

    bool held() const { return !own.empty() || !received.empty(); }
    // When this row first held it: its own record or what it was told, whichever is first.
    std::optional<Date> first() const;
    enum class State { None, Shared, PartlyShared, NotShared, ReceivedOnly, KnownOutside };
};

struct Row {
    std::string key;           // agency id; for the family side, the source ("family")
    std::string label;         // agency name, "Family", ...
    std::string code;          // short name for cells: "POLICE", "CSC"
    bool agency = true;
    AgencyKind kind = AgencyKind::Other;
    Source source = Source::AgencyRecord;
    std::vector<Cell> cells;   // one per Matrix::columns
    Cell::State state(std::size_t col) const;
};

struct Matrix {
    std::vector<const Indicator*> columns;       // the indicators anyone held, in indicators() order
    std::vector<std::string> absent;             // labels of indicators no record holds
    std::vector<Row> rows;                       // agencies by kind, then family-side sources
    std::vector<std::string> agenciesWithoutRecord;   // agencies with no event and nothing received
    // For column i: agencies holding it, and how many of those held it without passing it on.
    int holders(std::size_t col) const;
    int silos(std::size_t col) const;
    bool onlyOutside(std::size_t col) const;     // known to family/friends, to no agency
    // Row index of a key (agency id or source name), or -1.
    int rowOf(const std::string& key) const;
};

// From the case's events (a ViewCase's data; anonymised cases have already dropped
// unpublished events). Panel entries are not anyone's knowledge and are left out.
Matrix buildMatrix(const Case& c);

// The events behind a cell: the row's own, then those shared with it.
std::vector<std::string> cellEvents(const Matrix& m, std::size_t row, std::size_t col);

}  // namespace genochron::knowledge
