// What in a case must never be published, worked out once from the case and its
// publication settings: every name, alias, name-like id, address and sensitive day,
// what replaces each in text, and who is a child or a professional. anonymise()
// scrubs with it; the audit searches outputs for the very same strings, so the two
// cannot drift apart; the publication check reads it too.
#pragma once

#include "core/anonymise/anonymise_text.hpp"
#include "core/model/model.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace genochron::anon {

// In order of how specifically a word names one person: when two people share a word,
// the more specific reading decides whose pseudonym replaces it.
enum class TermKind {
    FullName,       // "Nicole Ashford"
    Alias,          // a whole alias: "Nikki", "Nicole Kerr"
    FirstName,
    ShortName,      // a capitalised word in the case's text that shortens a first name or alias ("Steve")
    LastName,       // surname, with particles ("Ní Bhriain"), each part of a hyphenated one
    NamePart,       // a middle name, or one part of a surname
    AliasPart,      // a word of a several-word alias
    Id,             // an id that could be read as a name ("joanne", "kestrel_close")
    Address,        // an address, or its street line
    Postcode,
};
std::string_view kindLabel(TermKind k);   // "first name", "alias", ... (as the audit prints it)

// One sensitive string (unique by folded key).
struct Term {
    std::string text;                   // as written in the case (first spelling seen)
    std::string key;                    // folded
    TermKind kind = TermKind::FullName;
    std::vector<std::string> owners;    // person ids (or the household id for addresses, the item id for ids)
    std::string ownerKind = "person";   // "person", "household", "event", "recommendation"
    std::string replacement;            // what anonymise writes instead
};

struct SensitiveDay {
    CalendarDate day;
    std::string what;                   // "date of death" | "birth date" | "reference date"
    std::string personId;
};

// How anonymise presents one person.
struct PersonPlan {
    std::string newId;     // "p1", ...
    std::string display;   // pseudonym, or "Child 1" / "Adult A" / "Professional 1"
    bool child = false;
    bool professional = false;
};

class CaseSecrets {
public:
    explicit CaseSecrets(const Case& c);

    const Publication& publication() const { return m_pub; }
    const std::vector<Term>& terms() const { return m_terms; }
    const std::vector<SensitiveDay>& days() const { return m_days; }
    std::vector<CalendarDate> sensitiveCalendarDays() const;
    const PersonPlan* plan(const std::string& personId) const;
    const std::map<std::string, PersonPlan>& plans() const { return m_plans; }
    // The date children's ages are taken at: reference_date, else the index person's
    // death, else the end of the scope. Empty if none is known.
    const std::optional<Date>& childAgeDate() const { return m_refDate; }

    // Names, aliases, ids and addresses replaced, and sensitive days written in the
    // text replaced with "[date removed]": one pass, longest match first.
    std::string scrub(std::string_view text) const;
    // Where the terms occur in text (term index into terms()).
    std::vector<TermMatcher::Match> findTerms(std::string_view text) const { return m_matcher.find(text); }
    std::vector<TermMatcher::Match> findTerms(const FoldedText& f) const { return m_matcher.find(f); }
    // Words of real names (first, last, aliases, ids), folded: for telling a pseudonym that collides.
    bool isRealNameKey(const std::string& key) const;

    // Words that are never names or ids, whatever a case says: kinship, roles, function words.
    static bool isGenericWord(const std::string& folded);
    // Months and weekdays, whole and abbreviated.
    static bool isCalendarWord(const std::string& folded);

    // The opaque ids anonymise gives items: event/household/recommendation real id -> new id.
    const std::map<std::string, std::string>& eventIds() const { return m_eventIds; }
    const std::map<std::string, std::string>& householdIds() const { return m_householdIds; }
    const std::map<std::string, std::string>& recommendationIds() const { return m_recIds; }
    const std::map<std::string, std::string>& actionIds() const { return m_actionIds; }

private:
    void planPeople(const Case& c);
    void planIds(const Case& c);
    void collectTerms(const Case& c);
    void addTerm(std::string_view text, TermKind kind, const std::string& owner, const std::string& replacement,
                 const std::string& ownerKind = "person");
    void addNameWords(const std::string& name, const std::string& owner, const std::string& rep);
    void collectShortNames(const Case& c);
    void collectDays(const Case& c);

    Publication m_pub;
    std::optional<Date> m_refDate;
    std::map<std::string, PersonPlan> m_plans;
    std::map<std::string, std::string> m_eventIds, m_householdIds, m_recIds, m_actionIds;
    std::vector<Term> m_terms;
    std::map<std::string, std::size_t> m_termIndex;   // key -> index
    std::vector<SensitiveDay> m_days;
    TermMatcher m_matcher;
};

// Every free-text field of a case, with where it is: for scanning (check, short names).
struct TextField {
    std::string_view text;
    std::string where;      // "events[e012].what"
    SourceLoc loc;
    std::string id;         // the item's id
    const Event* event = nullptr;    // when it belongs to an event
    const Person* person = nullptr;  // when it is a person's notes
};
std::vector<TextField> freeTextFields(const Case& c, bool includeUnpublished = true);

// Name-like: not an opaque code (p1, e017, R1.2, h3, child2), not a generic word.
bool isNameLikeId(const std::string& id);

// Is this person a child at the review's reference date (publication.child_age)?
bool isChildAt(const Person& p, const std::optional<Date>& ref, int childAge);

}  // namespace genochron::anon
