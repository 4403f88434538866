// Inside the QA Panel checklist: a point as it is evaluated, with its findings, and the helpers
// the points share. The points are in review_check.cpp; the risk-assessment and
// information-sharing points and the action tracker in review_check_risk.cpp.
#pragma once
#include "core/check/review_check.hpp"

#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genochron::review_points {

struct Finding {
    SourceLoc at;
    std::string message, id;
};

struct Point {
    ChecklistItem item;
    std::vector<Finding> findings;
};

inline bool isVictim(const Person& p) { return p.hasRole(Role::Victim); }
inline bool isPerpetrator(const Person& p) { return p.hasRole(Role::Perpetrator); }

inline std::string who(const Person& p) { return p.name.empty() ? p.id : fmt::format("{} ({})", p.name, p.id); }

// The agency's name, else its id.
std::string agencyName(const Case& c, const std::string& id);

// The agency's kind; nothing for an unknown agency.
std::optional<AgencyKind> kindOf(const Case& c, const std::string& agencyId);

// "e002, e011 and 3 more": enough ids to find them, not a wall of them.
std::string idList(const std::vector<std::string>& ids, std::size_t max = 8);

// "1 event", "3 events".
std::string plural(std::size_t n, const char* one, const char* many);

// Does the event list the person among its people?
bool concerns(const Event& e, const std::string& personId);

// Has the event a tag starting with `prefix` ("coercive_control")?
bool hasTagPrefix(const Event& e, std::string_view prefix);

// The day the review centres on: the reference date, else the end of scope, else today.
long referenceDay(const Case& c, long today);

// Where the events start in the case file (for a finding about all of them).
SourceLoc eventsBlock(const Case& c);

// A checklist item with its code and title, not yet judged.
ChecklistItem item(std::string code, std::string title);

// Marks the point as one that cannot apply to this case, and why.
void notApplicable(Point& p, std::string why);

// ---------------------------------------------------------------- the points in review_check_risk.cpp

// A DASH risk assessment after each physical assault, by an agency that knew of it.
Point dashAfterPhysical(const Case& c);
// Risk information held by one agency and shared with the others that needed it.
Point riskShared(const Case& c);
// Actions past their target date and not complete, as of `today`.
Point overdueActions(const Case& c, long today);

}  // namespace genochron::review_points
