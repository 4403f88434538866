// What in a case must never be published, worked out once from the case and its
// publication settings: every name, alias, name-like id, address and sensitive day,
// what replaces each in text, and who is a child or a professional. anonymise()
// scrubs with it; the audit searches outputs for the very same strings, so the two
// cannot drift apart; the publication check reads it too.
#pragma once

#include "core/anonymise/anonymise_dates.hpp"
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
    bool ordinaryWord = false;          // also an ordinary word ("Hope", "Frank", "Marsh"): see nameUse()
    bool plural = false;                // a surname's plural ("the Brennans"): replaced by "[name removed] family"
};

// How one occurrence of a term in text is used (nameUse in anonymise_scan.cpp; the rules are
// in docs/anonymisation.md). Only Name is replaced (and reported by the audit).
enum class NameUse {
    Name,    // a name: replaced
    Word,    // a name that is also a word, written as the word ("a frank talk", "no hope")
    Place,   // a name that is also a word, inside a place's name ("Marsh End", "Faith Meadows")
    Kept,    // inside a phrase of publication.keep
};

// Something sensitive found in a piece of text, and what anonymise writes instead.
struct Hit {
    enum class Kind { Term, Initials, Email, Handle, Day, Birthday, Month, Time };
    std::size_t begin = 0, end = 0;   // bytes: the span replaced
    Kind kind = Kind::Term;
    int index = -1;                   // terms() for Term/Initials/Handle/Email (-1: none), days() for
                                      // Day/Birthday, months() for Month, times() for Time
    NameUse use = NameUse::Name;      // for terms
    std::string replacement;
    std::string ambiguity;            // not empty: a judgement a person should check ("also a word ...")
};

// Initials of a recorded person ("JK", "J.K.", "J. K."), in capitals.
struct Initials {
    std::string letters;                // "JK"
    std::vector<std::string> owners;
    std::string replacement;
};

struct SensitiveMonthOf {
    SensitiveMonth month;
    std::string personId;
};
struct SensitiveTime {
    int hour = 0, minute = 0;
    std::string personId;               // whose death the event on that day records
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
    bool generated = false;   // display is a label anonymise made ("Child 1", "Adult A", "Professional 1")
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
    // What a published field holds: the text scrubbed, then made canonical (publishedText):
    // what is drawn is exactly what was checked.
    std::string publish(std::string_view text) const;

    // Everything sensitive in `text`: names in every use (hits with use != Name are not
    // replaced), initials, e-mail addresses and handles, the sensitive days, birthdays, the
    // month and time of a death. `forAudit`: an output is searched (e-mail addresses and
    // handles only count when a name is inside them); otherwise anonymise's view (every
    // e-mail address is replaced).
    std::vector<Hit> scan(std::string_view text, bool forAudit = false) const;
    // The same, with the text's words and folded form already worked out (the check has them).
    std::vector<Hit> scan(std::string_view text, bool forAudit, const std::vector<TextWord>& words,
                          const FoldedText& folded) const;
    // Names hidden inside a run of letters (an e-mail address, a handle, a file name:
    // "nicoleashford88", "Kowalczyk_genogram"): the terms found, whole words or not.
    std::vector<int> namesInside(std::string_view token) const;

    const std::vector<Initials>& initials() const { return m_initials; }
    const std::vector<SensitiveMonthOf>& months() const { return m_months; }
    const std::vector<SensitiveTime>& times() const { return m_times; }
    const std::vector<std::string>& keepPhrases() const { return m_pub.keep; }
    // A folded word that is never a name here: generic, calendar, the stop list, an agency's
    // or a pseudonym's word.
    bool isKnownNonName(const std::string& folded) const;
    // Where the terms occur in text (term index into terms()).
    std::vector<TermMatcher::Match> findTerms(std::string_view text) const { return m_matcher.find(text); }
    std::vector<TermMatcher::Match> findTerms(const FoldedText& f) const { return m_matcher.find(f); }
    // Words of real names (first, last, aliases, ids), folded: for telling a pseudonym that collides.
    bool isRealNameKey(const std::string& key) const;

    // Words that are never names or ids, whatever a case says: kinship, roles, function words.
    static bool isGenericWord(const std::string& folded);
    // Months and weekdays, whole and abbreviated.
    static bool isCalendarWord(const std::string& folded);
    // An ordinary English word in lower case (the system word list, /usr/share/dict), folded.
    static bool isDictionaryWord(const std::string& folded);
    // Words of assets/publication_stopwords.txt (folded), and its "phrase:" lines.
    static const std::set<std::string>& stopwords();
    static const TermMatcher& stopPhrases();

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
    void collectInitials(const Case& c);
    void collectVocabulary(const Case& c);
    NameUse nameUse(std::string_view text, const std::vector<TextWord>& words, const TermMatcher::Match& m,
                    const Term& t, std::string& ambiguity) const;

    Publication m_pub;
    std::optional<Date> m_refDate;
    std::map<std::string, PersonPlan> m_plans;
    std::map<std::string, std::string> m_eventIds, m_householdIds, m_recIds, m_actionIds;
    std::vector<Term> m_terms;
    std::map<std::string, std::size_t> m_termIndex;   // key -> index
    std::vector<SensitiveDay> m_days;
    std::vector<SensitiveMonthOf> m_months;
    std::vector<SensitiveTime> m_times;
    std::vector<Initials> m_initials;
    std::set<std::string> m_vocabulary;   // folded words that are no name here
    TermMatcher m_matcher;
    TermMatcher m_keep;                   // publication.keep
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
// includeUnpublished false: only what is published (no publish:false event, no notes).
std::vector<TextField> freeTextFields(const Case& c, bool includeUnpublished = true);
// The text that is never published (publish:false events' fields, people's notes), each
// field on its own: for finding it copied into a published field.
std::vector<TextField> unpublishedTextFields(const Case& c);

// Name-like: not an opaque code (p1, e017, R1.2, h3, child2), not a generic word.
bool isNameLikeId(const std::string& id);

// Is this person a child at the review's reference date (publication.child_age)?
bool isChildAt(const Person& p, const std::optional<Date>& ref, int childAge);

}  // namespace genochron::anon
