// The case: plain data for every key of case-format.md. No I/O here (see case_io.hpp).
#pragma once
#include "core/model/date.hpp"
#include "core/model/enums.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>
#include "core/model/doc_tree.hpp"
#include "core/model/source_loc.hpp"

namespace genochron {

// A suppressed lint rule on one item, with the reason check reports.
struct LintIgnore {
    std::string rule;
    std::string reason;
    std::vector<std::pair<std::string, yaml::Node>> extras{};   // unknown keys, kept and written back
    bool operator==(const LintIgnore&) const = default;
};

// Why a value could not be read: the reader's diagnostic, kept with the value so that
// validation reports it for as long as the value stays unread.
struct UnreadError {
    std::string code;      // "bad-date", "unknown-value", ...
    std::string message;
    SourceLoc at;          // where it was read (not part of its identity)
    bool operator==(const UnreadError& o) const { return code == o.code; }
};

// A value that could not be read (a bad date, an unknown kind, a list where one value
// belongs, an item that is not a mapping): kept exactly as it was in the file. The writer
// writes it back unchanged, validation reports its errors, and an edit of that field
// replaces it (dropEditedUnread). Nothing is silently "repaired" to a default.
struct Unread {
    yaml::Node value;                  // as read
    std::vector<UnreadError> errors;   // at least one
    bool operator==(const Unread&) const = default;
};

// A mapping entry that could not be read at all (a key given twice, a key that is not a
// name): written back after the item's other keys, reported until it is removed by hand.
struct UnreadEntry {
    yaml::Node key, value;
    std::vector<UnreadError> errors;
    bool operator==(const UnreadEntry&) const = default;
};

// What every item carries besides its data: locations (not part of its identity,
// so ignored by ==), keys this version does not know (kept and written back), and
// lint suppressions.
struct Meta {
    SourceLoc loc;                             // the item's first key
    std::map<std::string, SourceLoc> keyLocs;  // each key's value
    std::vector<std::pair<std::string, yaml::Node>> extras;   // unknown keys, in file order
    std::vector<LintIgnore> lintIgnore;
    std::map<std::string, Unread> unread{};    // known keys whose value could not be read
    std::vector<UnreadEntry> unreadEntries{};
    std::optional<Unread> unreadItem{};        // the whole item was not a mapping: written back as it was
    bool hasUnread() const { return !unread.empty() || !unreadEntries.empty() || unreadItem.has_value(); }

    SourceLoc at(const std::string& key) const {
        auto it = keyLocs.find(key);
        return it != keyLocs.end() ? it->second : loc;
    }
    // Where `key` was, else where `fallback` was, else the item.
    SourceLoc at(const std::string& key, const std::string& fallback) const {
        auto it = keyLocs.find(key);
        return it != keyLocs.end() ? it->second : at(fallback);
    }
    bool operator==(const Meta& o) const;   // extras (by content) and lintIgnore only
};

struct Agency {
    std::string id, name;
    AgencyKind kind = AgencyKind::Other;
    Meta meta;
    // import_map: how this agency's chronology columns were mapped (header -> field),
    // remembered from the chair's --map so the next import reads them the same way.
    std::vector<std::pair<std::string, std::string>> importMap = {};
    bool operator==(const Agency&) const = default;
};

struct Person {
    std::string id;
    std::string name;        // real name: sensitive
    std::string pseudonym;
    std::vector<std::string> aliases;   // sensitive
    Sex sex = Sex::Unknown;
    std::optional<Date> born, died;
    std::vector<Role> roles;
    bool index = false;
    std::vector<std::string> parents;
    Parentage parentage = Parentage::Biological;
    std::string twin;
    bool identicalTwin = false;
    std::optional<int> birthOrder;
    std::vector<Condition> conditions;
    std::vector<std::string> aces;
    std::optional<Pregnancy> pregnancy;
    std::string notes;   // sensitive
    // The age a figure draws, in whole years: at death, else at the case's reference date,
    // from the TRUE dates. Set only by anonymise(): its published dates are coarsened (a
    // year of birth, a month or year of reference), so an age worked out from them can be a
    // year out. Empty in a case read from a file (views work it out from the dates) and
    // never read from or written to one.
    std::optional<int> ageAsDrawn;
    Meta meta;
    std::string gedcomId;   // gedcom_id: the record this person came from ("@I12@"), to match a re-import

    bool hasRole(Role r) const;
    bool hasCondition(Condition c) const;
    bool isPregnancyNode() const { return pregnancy.has_value(); }
    bool operator==(const Person&) const = default;
};

struct StatusPeriod {
    PartnershipStatus status = PartnershipStatus::Married;
    std::optional<Date> from, to;
    Meta meta{};   // (initialised here so {status, from, to} stays a complete initialiser)
    bool operator==(const StatusPeriod&) const = default;
};

struct Partnership {
    std::array<std::string, 2> partners;
    PartnershipStatus status = PartnershipStatus::Married;
    std::optional<Date> from, to;
    std::vector<StatusPeriod> history;   // earlier statuses, oldest first
    Meta meta;
    bool operator==(const Partnership&) const = default;
};

struct Relation {
    std::string from, to;
    RelationKind kind = RelationKind::Close;
    std::optional<Date> fromDate, toDate;
    Meta meta;
    bool directed() const;   // abuse kinds point from the person who acts
    bool isAbuse() const;
    bool operator==(const Relation&) const = default;
};

struct Household {
    std::string id, label, address;   // address: sensitive
    std::vector<std::string> members;
    std::optional<Date> from, to;
    Meta meta;
    bool operator==(const Household&) const = default;
};

struct Event {
    std::string id;
    bool idGenerated = false;   // the loader made it; the writer writes it so it stays stable
    Date date;
    std::string time;           // HH:MM
    std::optional<Date> end;
    std::string agency;
    Source source = Source::AgencyRecord;
    std::string sourceRef;
    std::vector<std::string> people;
    std::string what, action, analysis;   // facts, what was done, the panel's analysis
    std::vector<std::string> tags;
    std::optional<int> stage;   // Monckton Smith's homicide timeline, 1..8 (stages.hpp)
    std::optional<Risk> risk;
    std::string missedOpportunity;   // non-empty = flagged
    std::vector<std::string> sharedWith;
    std::vector<std::string> disputedBy;
    bool publish = true;
    Meta meta;
    // extras: columns of the agency's sheet that are no field (header -> text), kept so
    // nothing the agency sent is dropped. Internal: never drawn or exported.
    std::vector<std::pair<std::string, std::string>> extras;

    bool hasTag(std::string_view t) const;
    bool isMissedOpportunity() const { return !missedOpportunity.empty(); }
    bool operator==(const Event& o) const;   // ignores idGenerated
};

struct ActionUpdate {
    Date date;
    std::string text;
    Meta meta{};
    bool operator==(const ActionUpdate&) const = default;
};

struct ActionMilestone {
    Date date;
    std::string text;
    bool done = false;
    Meta meta{};
    bool operator==(const ActionMilestone&) const = default;
};

struct Action {
    std::string id, text, lead, owner;
    std::optional<Date> target, completed;
    ActionStatus status = ActionStatus::NotStarted;
    std::vector<ActionUpdate> updates;
    std::string outcome, evidence;            // what it should change; how completion is shown
    std::vector<ActionMilestone> milestones;  // key dates on the way
    Meta meta;
    // Past its target and not complete (or dropped) on `today` (days since 1970).
    bool overdue(long today) const;
    bool operator==(const Action&) const = default;
};

struct Recommendation {
    std::string id, text;
    RecScope scope = RecScope::Local;
    std::vector<std::string> addresses;
    std::vector<Action> actions;
    Meta meta;
    bool operator==(const Recommendation&) const = default;
};

struct Publication {
    PublishPrecision datePrecision = PublishPrecision::Month;
    bool hideDeathDate = true;
    bool hideChildSex = true;
    bool hideAddresses = true;
    int childAge = 18;
    ProfessionalNames professionalNames = ProfessionalNames::Role;
    std::vector<std::string> keep;   // phrases published as written ("Marsh End"): places, not people
    std::string marking;   // protective marking on every page of the pack ("OFFICIAL-SENSITIVE")
    Meta meta;
    bool operator==(const Publication&) const = default;
};

struct CaseInfo {
    std::string title, partnership;
    CaseKind kind = CaseKind::DHR;
    std::optional<Date> referenceDate;   // sensitive: often the date of death
    std::optional<Date> scopeFrom, scopeTo;
    Meta meta;
    Meta scopeMeta{};   // the scope: {from, to} mapping's own unknown and unread keys
    bool operator==(const CaseInfo&) const = default;
};

struct Case {
    std::string format = "genochron/1";
    CaseInfo info;
    std::optional<Publication> publication;   // absent = defaults, and absent on save
    std::vector<Agency> agencies;
    std::vector<Person> people;
    std::vector<Partnership> partnerships;
    std::vector<Relation> relations;
    std::vector<Household> households;
    std::vector<Event> events;
    std::vector<Recommendation> recommendations;
    Meta meta;   // top-level unknown keys

    Publication publicationOrDefault() const { return publication.value_or(Publication{}); }
    const Person* person(std::string_view id) const;
    const Agency* agency(std::string_view id) const;
    const Event* event(std::string_view id) const;
    Person* person(std::string_view id);
    Event* event(std::string_view id);
    std::vector<const Person*> childrenOf(std::string_view id) const;
    // Events in chronological order (stable for equal dates), unknown dates last.
    std::vector<const Event*> eventsByDate() const;
    // Missed opportunities numbered MO1, MO2, ... in chronological order: id -> number.
    std::map<std::string, int> missedOpportunityNumbers() const;
    // A fresh event id ("e001" style) not in use.
    std::string nextEventId() const;
    bool operator==(const Case&) const = default;
};

// After an edit replaced `before` with `after`: values kept unread for fields the edit
// changed are dropped from `after` (the new value is what gets written), and an unread
// whole item is dropped once any field is edited. Unchanged fields keep theirs.
template <class T> void dropEditedUnread(const T& before, T& after);

}  // namespace genochron
