// Collecting a case's secrets (CaseSecrets): every real name and its words, initials, aliases and
// the short forms the case uses, name-like ids, the sensitive days, and the pseudonym each person
// is given. The word lists it consults are in anonymise_terms.cpp.
// [SECTION] people: pseudonyms and the plan for each person
// [SECTION] days: the dates that identify
// [SECTION] terms: names, their words, aliases and short forms
#include "core/anonymise/anonymise_terms.hpp"

#include "core/anonymise/detail/name_words.hpp"

#include "core/anonymise/anonymise_dates.hpp"
#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <unordered_set>

namespace genochron::anon {

// ---------------------------------------------------------------- [SECTION] people

CaseSecrets::CaseSecrets(const Case& c) : m_pub(c.publicationOrDefault()) {
    m_refDate = c.info.referenceDate;
    if (!m_refDate || !m_refDate->known()) {
        for (auto& p : c.people)
            if (p.index && p.died && p.died->known()) m_refDate = p.died;
    }
    if ((!m_refDate || !m_refDate->known()) && c.info.scopeTo) m_refDate = c.info.scopeTo;
    planPeople(c);
    planIds(c);
    collectDays(c);
    collectTerms(c);
    collectShortNames(c);
    // Surnames in the plural: "the Brennans", "the Kowalczyks'", "the Joneses".
    for (std::size_t i = 0, n = m_terms.size(); i < n; ++i) {
        Term t = m_terms[i];
        if (t.kind != TermKind::LastName || t.ownerKind != "person" || t.key.find(' ') != std::string::npos ||
            codePoints(t.key) < 3)
            continue;
        char last = t.key.back();
        bool es = last == 's' || last == 'x' || last == 'z' || t.key.ends_with("ch") || t.key.ends_with("sh");
        std::string plural = t.text + (es ? "es" : "s");
        for (auto& o : t.owners) addTerm(plural, TermKind::LastName, o, "[name removed] family");
        auto it = m_termIndex.find(foldKey(plural));
        if (it != m_termIndex.end() && m_terms[it->second].kind == TermKind::LastName) {
            m_terms[it->second].plural = true;
            m_terms[it->second].replacement = "[name removed] family";
        }
    }
    // Names that are also ordinary words are replaced only where used as names (nameUse).
    for (auto& t : m_terms)
        if (t.ownerKind == "person" && t.kind != TermKind::Id && t.key.find(' ') == std::string::npos &&
            isDictionaryWord(t.key))
            t.ordinaryWord = true;
    for (std::size_t i = 0; i < m_terms.size(); ++i) m_matcher.add(m_terms[i].key, int(i));
    for (std::size_t i = 0; i < m_pub.keep.size(); ++i) m_keep.add(m_pub.keep[i], int(i));
    collectInitials(c);
    collectVocabulary(c);
}

// Initials of a person's recorded name, first and last (and middle) words: "JK" for Joanne
// Kerrigan. Written in capitals ("JK", "J.K.", "J. K.") they name the person in many records.
void CaseSecrets::collectInitials(const Case& c) {
    std::map<std::string, std::size_t> at;
    for (auto& p : c.people) {
        if (p.isPregnancyNode()) continue;
        std::vector<std::string> words;
        for (auto& t : spaceSeparated(p.name)) {
            std::string k = foldKey(t);
            if (k.empty() || isParticle(k) || isGenericWord(k)) continue;
            for (auto& part : nameWords(t)) words.push_back(foldKey(part));
        }
        if (words.size() < 2) continue;
        std::vector<std::string> forms;
        auto first = [](const std::string& w) { return char(std::toupper(static_cast<unsigned char>(w[0]))); };
        std::string fl{first(words.front()), first(words.back())};
        forms.push_back(fl);
        if (words.size() >= 3 && words.size() <= 4) {
            std::string all;
            for (auto& w : words) all += first(w);
            forms.push_back(all);
        }
        for (auto& f : forms) {
            if (!std::all_of(f.begin(), f.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) continue;
            const std::string& rep = m_plans[p.id].display;
            auto it = at.find(f);
            if (it == at.end()) {
                at[f] = m_initials.size();
                m_initials.push_back({f, {p.id}, rep});
            } else if (std::find(m_initials[it->second].owners.begin(), m_initials[it->second].owners.end(), p.id) ==
                       m_initials[it->second].owners.end()) {
                m_initials[it->second].owners.push_back(p.id);
                m_initials[it->second].replacement = "[name removed]";
            }
        }
    }
}

// Words of the case that are not names: its agencies' names and ids, the pseudonyms and the
// labels anonymise gives. A name followed by one of them is not a longer unknown name.
void CaseSecrets::collectVocabulary(const Case& c) {
    auto add = [&](std::string_view text) {
        for (auto& w : textWords(text)) m_vocabulary.insert(w.key);
    };
    for (auto& a : c.agencies) {
        add(a.name);
        add(a.id);
    }
    for (auto& [id, plan] : m_plans) add(plan.display);
    add(c.info.partnership);
    // ... but never a word that is itself a name of someone here.
    for (auto& t : m_terms) m_vocabulary.erase(t.key);
}

const PersonPlan* CaseSecrets::plan(const std::string& personId) const {
    auto it = m_plans.find(personId);
    return it == m_plans.end() ? nullptr : &it->second;
}

void CaseSecrets::planPeople(const Case& c) {
    bool hideSex = m_pub.hideChildSex;
    bool roleNames = m_pub.professionalNames == ProfessionalNames::Role;

    std::vector<const Person*> children;
    for (std::size_t i = 0; i < c.people.size(); ++i) {
        const Person& p = c.people[i];
        PersonPlan plan;
        plan.newId = fmt::format("p{}", i + 1);
        plan.child = isChildAt(p, m_refDate, m_pub.childAge);
        plan.professional = p.hasRole(Role::Professional);
        m_plans[p.id] = plan;
        if (plan.child) children.push_back(&p);
    }
    // Display names already taken by a pseudonym that will be shown, so a generated label
    // never repeats one (a hidden child's own pseudonym "Child 1" does not count).
    std::set<std::string> taken;
    for (auto& p : c.people) {
        const PersonPlan& plan = m_plans[p.id];
        bool shown = plan.child ? !hideSex : !(plan.professional && roleNames);
        if (shown && !p.pseudonym.empty()) taken.insert(foldKey(p.pseudonym));
    }
    // Children in birth order (then birth_order, then file order) for "Child 1", "Child 2".
    std::stable_sort(children.begin(), children.end(), [](const Person* a, const Person* b) {
        bool ak = a->born && a->born->known(), bk = b->born && b->born->known();
        if (ak != bk) return ak;
        if (ak && a->born->midDay() != b->born->midDay()) return a->born->midDay() < b->born->midDay();
        return a->birthOrder.value_or(0) < b->birthOrder.value_or(0);
    });
    int childN = 0, adultN = 0, profN = 0;
    auto nextLabel = [&](auto make, int& n) {
        for (;;) {
            std::string s = make(n++);
            if (!taken.count(foldKey(s))) {
                taken.insert(foldKey(s));
                return s;
            }
        }
    };
    for (const Person* p : children) {
        auto& plan = m_plans[p->id];
        if (hideSex || p->pseudonym.empty())
        {
            plan.display = nextLabel([](int n) { return fmt::format("Child {}", n + 1); }, childN);
            plan.generated = true;
        } else plan.display = p->pseudonym;
    }
    for (auto& p : c.people) {
        auto& plan = m_plans[p.id];
        if (plan.child) continue;
        plan.generated = true;
        if (plan.professional && (roleNames || p.pseudonym.empty()))
            plan.display = nextLabel([](int n) { return fmt::format("Professional {}", n + 1); }, profN);
        else if (!p.pseudonym.empty()) {
            plan.display = p.pseudonym;
            plan.generated = false;
        } else if (p.pregnancy) plan.display = capitalised(toString(*p.pregnancy));
        else plan.display = nextLabel([](int n) { return "Adult " + letterName(n); }, adultN);
    }
}

void CaseSecrets::planIds(const Case& c) {
    // Events get ids in chronological order of the real dates, published ones only.
    int n = 0;
    for (const Event* e : c.eventsByDate())
        if (e->publish) m_eventIds[e->id] = fmt::format("e{}", ++n);
    for (std::size_t i = 0; i < c.households.size(); ++i) m_householdIds[c.households[i].id] = fmt::format("h{}", i + 1);
    for (std::size_t i = 0; i < c.recommendations.size(); ++i) {
        auto& r = c.recommendations[i];
        std::string rid = isNameLikeId(r.id) ? fmt::format("R{}", i + 1) : r.id;
        m_recIds[r.id] = rid;
        for (std::size_t k = 0; k < r.actions.size(); ++k) {
            auto& a = r.actions[k];
            m_actionIds[a.id] = isNameLikeId(a.id) || isNameLikeId(r.id) ? fmt::format("{}.{}", rid, k + 1) : a.id;
        }
    }
}

// ---------------------------------------------------------------- [SECTION] days

void CaseSecrets::collectDays(const Case& c) {
    auto dayOf = [](const std::optional<Date>& d) -> std::optional<CalendarDate> {
        if (d && isWholeDay(*d)) return d->first();
        return std::nullopt;
    };
    for (auto& p : c.people) {
        if (m_pub.hideDeathDate)
            if (auto d = dayOf(p.died)) m_days.push_back({*d, "date of death", p.id});
        // Born is always published as a year, so a whole birth date is always sensitive.
        if (auto d = dayOf(p.born)) m_days.push_back({*d, "birth date", p.id});
    }
    // The reference date is usually the date of death even where a death date is not recorded to the day.
    if (m_pub.hideDeathDate)
        if (auto d = dayOf(c.info.referenceDate);
            d && std::none_of(m_days.begin(), m_days.end(), [&](const SensitiveDay& s) { return s.day == *d; }))
            m_days.push_back({*d, "reference date", ""});
    if (!m_pub.hideDeathDate) return;
    // With the date of death hidden, its month goes too (published as the year), and the time
    // recorded on that day.
    auto addMonth = [&](const std::optional<Date>& d, const std::string& who) {
        if (!d || !d->known() || d->kind() != Date::Kind::Point || d->first().month == 0) return;
        SensitiveMonth m{d->first().year, d->first().month};
        if (std::none_of(m_months.begin(), m_months.end(), [&](const SensitiveMonthOf& x) { return x.month == m; }))
            m_months.push_back({m, who});
    };
    for (auto& p : c.people) addMonth(p.died, p.id);
    addMonth(c.info.referenceDate, "");
    for (auto& e : c.events) {
        if (e.time.size() < 4 || !isWholeDay(e.date)) continue;
        const SensitiveDay* death = nullptr;
        for (auto& d : m_days)
            if (d.what != "birth date" && d.day == e.date.first()) death = &d;
        if (!death) continue;
        int h = 0, mi = 0;
        if (std::sscanf(e.time.c_str(), "%d:%d", &h, &mi) != 2) continue;
        if (std::none_of(m_times.begin(), m_times.end(), [&](const SensitiveTime& t) { return t.hour == h && t.minute == mi; }))
            m_times.push_back({h, mi, death->personId});
    }
}

std::vector<CalendarDate> CaseSecrets::sensitiveCalendarDays() const {
    std::vector<CalendarDate> r;
    for (auto& d : m_days) r.push_back(d.day);
    return r;
}

// ---------------------------------------------------------------- [SECTION] terms

void CaseSecrets::addTerm(std::string_view text, TermKind kind, const std::string& owner,
                          const std::string& replacement, const std::string& ownerKind) {
    std::string key = foldKey(text);
    if (key.empty()) return;
    // One letter is never a term (an initial); two are only when the case spells them out as a
    // whole alias or id ("Jo", "AK").
    std::size_t letters = codePoints(key);
    if (letters < 2) return;
    if (letters == 2 && kind != TermKind::Alias && kind != TermKind::FirstName && kind != TermKind::Id) return;
    auto it = m_termIndex.find(key);
    if (it == m_termIndex.end()) {
        m_termIndex[key] = m_terms.size();
        m_terms.push_back({std::string(text), key, kind, {owner}, ownerKind, replacement});
        return;
    }
    Term& t = m_terms[it->second];
    if (kind < t.kind) {   // a more specific reading (first name beats somebody's surname)
        t.kind = kind;
        t.owners = {owner};
        t.ownerKind = ownerKind;
        t.replacement = replacement;
        t.text = std::string(text);
    } else if (kind == t.kind && std::find(t.owners.begin(), t.owners.end(), owner) == t.owners.end()) {
        // Two people share it at the same rank (a family surname): no single pseudonym fits.
        t.owners.push_back(owner);
        if (t.replacement != replacement) t.replacement = "[name removed]";
    }
}

// The words of a real name: the first, the surname (with the particles before it:
// "Ní Bhriain", "van der Berg"), the middle ones, and each part of a hyphenated word.
void CaseSecrets::addNameWords(const std::string& name, const std::string& owner, const std::string& rep) {
    std::vector<std::string> tokens;   // split on white space, punctuation around trimmed
    for (auto& t : spaceSeparated(name))
        if (!foldKey(t).empty()) tokens.push_back(t);
    if (tokens.empty()) return;
    std::size_t last = tokens.size() - 1;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        TermKind kind = i == 0 ? TermKind::FirstName : i == last ? TermKind::LastName : TermKind::NamePart;
        std::string k = foldKey(tokens[i]);
        if (!isParticle(k) && !isGenericWord(k)) addTerm(tokens[i], kind, owner, rep);
        for (auto& part : nameWords(tokens[i])) {   // Smith-Jones -> Smith, Jones
            std::string pk = foldKey(part);
            if (part.size() < tokens[i].size() && !isParticle(pk) && !isGenericWord(pk)) addTerm(part, kind, owner, rep);
        }
    }
    std::size_t surnameStart = last;
    while (surnameStart > 1 && isParticle(foldKey(tokens[surnameStart - 1]))) --surnameStart;
    if (tokens.size() > 1 && surnameStart < last) {
        std::string surname;
        for (std::size_t i = surnameStart; i <= last; ++i) surname += (surname.empty() ? "" : " ") + tokens[i];
        addTerm(surname, TermKind::LastName, owner, rep);
    }
}

// A pregnancy node named only by what it is ("Pregnancy", "Miscarriage 2012"): a label, not
// a name, so the word "pregnancy" in a legend or a theme is not taken for someone's name.
// A stillborn child given a name ("Baby Lily") keeps the name protected.
namespace {
bool isPregnancyLabel(const Person& p) {
    if (!p.isPregnancyNode()) return false;
    static const std::set<std::string> words = {"pregnancy", "miscarriage", "stillbirth", "abortion", "termination",
                                                "loss", "unborn"};
    bool any = false;
    for (auto& t : spaceSeparated(p.name)) {
        std::string k = foldKey(t);
        if (!k.empty() && k.find_first_not_of("0123456789") == std::string::npos) continue;   // a year
        if (!words.count(k)) return false;
        any = true;
    }
    return any;
}
}  // namespace

void CaseSecrets::collectTerms(const Case& c) {
    for (auto& p : c.people) {
        const std::string& rep = m_plans[p.id].display;
        if (!isPregnancyLabel(p)) addTerm(p.name, TermKind::FullName, p.id, rep);
        if (!p.isPregnancyNode()) addNameWords(p.name, p.id, rep);
        for (auto& a : p.aliases) {
            addTerm(a, TermKind::Alias, p.id, rep);
            auto tokens = spaceSeparated(a);
            for (auto& t : tokens) {
                auto parts = nameWords(t);
                if (tokens.size() > 1) parts.push_back(t);
                else if (parts.size() < 2) continue;   // a one-word alias is already whole
                for (auto& w : parts) {
                    std::string k = foldKey(w);
                    if (!isParticle(k) && !isGenericWord(k)) addTerm(w, TermKind::AliasPart, p.id, rep);
                }
            }
        }
        if (isNameLikeId(p.id)) addTerm(p.id, TermKind::Id, p.id, rep);
    }
    for (auto& h : c.households) {
        std::string hid = m_householdIds[h.id];
        if (isNameLikeId(h.id)) addTerm(h.id, TermKind::Id, h.id, hid, "household");
        if (!m_pub.hideAddresses || h.address.empty()) continue;
        const std::string removed = "[address removed]";
        addTerm(h.address, TermKind::Address, h.id, removed, "household");
        static const std::regex postcode(R"(\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b)", std::regex::icase);
        for (auto it = std::sregex_iterator(h.address.begin(), h.address.end(), postcode); it != std::sregex_iterator(); ++it) {
            addTerm((*it)[1].str() + " " + (*it)[2].str(), TermKind::Postcode, h.id, removed, "household");
            addTerm((*it)[1].str() + (*it)[2].str(), TermKind::Postcode, h.id, removed, "household");
        }
        // The address's lines, split at commas, new lines and semicolons.
        std::vector<std::string> parts;
        std::string cur;
        for (char ch : h.address + ",") {
            if (ch == ',' || ch == '\n' || ch == ';') {
                auto b = cur.find_first_not_of(" \t"), e = cur.find_last_not_of(" \t");
                if (b != std::string::npos) parts.push_back(cur.substr(b, e - b + 1));
                cur.clear();
            } else cur += ch;
        }
        // Every line up to the street's (the last with a number, the postcode aside): a flat, a
        // house or building name ("Flat 3, Alder House, 12 Mill Road"); the town after it is kept.
        auto hasDigit = [](const std::string& t) {
            return std::any_of(t.begin(), t.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
        };
        auto isPostcode = [&](const std::string& t) { return std::regex_search(t, postcode) && foldKey(t).size() <= 8; };
        std::optional<std::size_t> street;
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (hasDigit(parts[i]) && !isPostcode(parts[i])) street = i;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const std::string& part = parts[i];
            if (isPostcode(part)) continue;
            if (street ? i > *street : i != 0) continue;
            // The words after the number: "14 Kestrel Close" -> "Kestrel Close".
            std::string rest;
            for (auto& w : textWords(part))
                if (!w.hasDigit) rest += (rest.empty() ? "" : " ") + w.text;
            bool restNamed = false;
            for (auto& w : textWords(rest))
                if (!isGenericWord(w.key) && w.key.size() >= 3) restNamed = true;
            if (!restNamed) continue;   // "Flat 2": nothing that names a place
            addTerm(part, TermKind::Address, h.id, removed, "household");
            // Keep the street's own words ("Kestrel Close"), not a leading "Flat".
            auto ws = textWords(part);
            std::size_t k = 0;
            while (k < ws.size() && (ws[k].hasDigit || isGenericWord(ws[k].key))) ++k;
            if (k < ws.size()) addTerm(std::string_view(part).substr(ws[k].begin), TermKind::Address, h.id, removed, "household");
        }
    }
    for (auto& e : c.events)
        if (isNameLikeId(e.id)) {
            auto it = m_eventIds.find(e.id);
            addTerm(e.id, TermKind::Id, e.id, it != m_eventIds.end() ? it->second : "[removed]", "event");
        }
    for (auto& r : c.recommendations) {
        if (isNameLikeId(r.id)) addTerm(r.id, TermKind::Id, r.id, m_recIds[r.id], "recommendation");
        for (auto& a : r.actions)
            if (isNameLikeId(a.id)) addTerm(a.id, TermKind::Id, a.id, m_actionIds[a.id], "recommendation");
    }
}

// Capitalised words in the case's own text that shorten a first name or a one-word alias
// ("Steve" for "Steven") are names the case forgot to list as aliases: treat them as names.
// A word also written in lower case somewhere is an ordinary word ("Will", "Rob") and is left.
void CaseSecrets::collectShortNames(const Case& c) {
    std::map<std::string, std::string> capital;   // key -> as written
    std::set<std::string> lower;
    for (auto& f : freeTextFields(c))
        for (auto& w : textWords(f.text)) {
            if (w.hasDigit) continue;
            if (w.capitalised && !w.allCaps) capital.emplace(w.key, w.text);
            else if (!w.capitalised) lower.insert(w.key);
        }
    // Whole one-word names to shorten: first names and one-word aliases.
    std::vector<std::pair<std::string, std::string>> full;   // key, person
    for (auto& t : m_terms)
        if ((t.kind == TermKind::FirstName || t.kind == TermKind::Alias) && t.ownerKind == "person" &&
            t.key.find(' ') == std::string::npos)
            for (auto& o : t.owners) full.emplace_back(t.key, o);
    for (auto& [key, text] : capital) {
        if (m_termIndex.count(key) || lower.count(key) || isGenericWord(key) || isCalendarWord(key)) continue;
        if (codePoints(key) < 3) continue;
        std::vector<std::string> owners;
        for (auto& [fk, person] : full)
            if (fk.size() > key.size() && fk.compare(0, key.size(), key) == 0 &&
                std::find(owners.begin(), owners.end(), person) == owners.end())
                owners.push_back(person);
        for (auto& o : owners) addTerm(text, TermKind::ShortName, o, m_plans[o].display);
    }
}

bool CaseSecrets::isRealNameKey(const std::string& key) const {
    auto it = m_termIndex.find(key);
    if (it == m_termIndex.end()) return false;
    auto k = m_terms[it->second].kind;
    return k != TermKind::Address && k != TermKind::Postcode && m_terms[it->second].ownerKind == "person";
}

}  // namespace genochron::anon
