// `check`'s publication findings: what anonymise cannot fix by itself and a person has
// to reword or record. anonymise() replaces the names the case knows; these point at
// the names it does not know (third parties, places), numbers and addresses typed into
// free text, the date of death, words that give away a child's sex, owners named by
// name, and pseudonyms that are somebody's real name.
//
// [SECTION] words: titles, gendered words, pronouns
// [SECTION] names and numbers in free text
// [SECTION] dates
// [SECTION] replacements to look at, and a child's sex
// [SECTION] owners, pseudonyms, reused unpublished text
// [SECTION] running the checks
#include "core/anonymise/anonymise_dates.hpp"
#include "core/anonymise/anonymise_terms.hpp"
#include "core/check/check.hpp"
#include "core/anonymise/text_reuse.hpp"
#include "core/anonymise/text_scan.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>

namespace genochron {

namespace {

using namespace anon;

const std::set<std::string>& stopwords() { return CaseSecrets::stopwords(); }

// ---------------------------------------------------------------- [SECTION] words

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

bool isTitle(const std::string& key) {
    static const std::set<std::string> titles = {"mr", "mrs", "ms", "miss", "mx", "dr", "pc", "dc", "ds", "di",
                                                 "sgt", "prof", "rev"};
    return titles.count(key) > 0;
}

const std::set<std::string>& gendered() {
    static const std::set<std::string> words = {
        "son", "sons", "daughter", "daughters", "boy", "boys", "girl", "girls", "brother", "brothers", "sister",
        "sisters", "stepson", "stepdaughter", "stepbrother", "stepsister", "grandson", "granddaughter", "niece",
        "nephew", "lad", "lass", "schoolboy", "schoolgirl", "he", "she", "him", "his", "her", "hers", "himself",
        "herself"};
    return words;
}
bool isPronoun(const std::string& k) {
    return k == "he" || k == "she" || k == "him" || k == "his" || k == "her" || k == "hers" || k == "himself" ||
           k == "herself";
}

struct Checker {
    const Case& c;
    Diagnostics& d;
    CaseSecrets s;
    std::set<std::string> known;       // folded words that are names the case knows, or institutions
    std::set<std::string> lowercase;   // folded words written in lower case somewhere: ordinary words
    std::set<std::string> childIds;

    Checker(const Case& cc, Diagnostics& dd) : c(cc), d(dd), s(cc) {
        auto know = [&](std::string_view text) {
            for (auto& w : foldedWords(text)) known.insert(w);
            for (auto& w : textWords(text)) known.insert(w.key);   // "o'neill" as well as "o", "neill"
        };
        for (auto& t : s.terms()) know(t.text);
        for (auto& p : c.people) {
            know(p.pseudonym);
            know(p.name);
            for (auto& a : p.aliases) know(a);
            if (s.plan(p.id) && s.plan(p.id)->child) childIds.insert(p.id);
        }
        for (auto& a : c.agencies) know(a.name);
        know(c.info.partnership);
        for (auto& f : freeTextFields(c))
            for (auto& w : textWords(f.text))
                if (!w.capitalised) lowercase.insert(w.key);
    }

    void warn(const TextField& f, std::string code, std::string msg) {
        d.warning(Category::Publication, std::move(code), f.loc, f.where + ": " + msg, f.id);
    }

    // ------------------------------------------------------------ [SECTION] names and numbers in free text

    // Capitalised words mid-sentence that are no name the case knows: a third party, or a place.
    void possibleNames(const TextField& f, const std::vector<TextWord>& words) {
        std::set<std::string> reported;
        std::vector<bool> inPhrase(words.size(), false);   // part of a known phrase ("Clare's Law")
        for (auto& m : CaseSecrets::stopPhrases().find(f.text))
            for (std::size_t k = 0; k < words.size(); ++k)
                if (words[k].begin >= m.begin && words[k].end <= m.end) inPhrase[k] = true;
        for (std::size_t i = 0; i < words.size(); ++i) {
            auto candidate = [&](std::size_t k) {
                const TextWord& w = words[k];
                if (inPhrase[k]) return false;
                if (!w.capitalised || w.allCaps || w.hasDigit) return false;
                if (w.sentenceStart && !(k > 0 && isTitle(words[k - 1].key))) return false;
                const std::string& key = w.key;
                if (codePoints(key) < 2) return false;
                return !known.count(key) && !lowercase.count(key) && !stopwords().count(key) &&
                       !CaseSecrets::isGenericWord(key) && !CaseSecrets::isCalendarWord(key);
            };
            if (!candidate(i)) continue;
            // A run of such words separated only by spaces is one name: "Barry Featherstone".
            std::size_t j = i;
            while (j + 1 < words.size() && candidate(j + 1) &&
                   f.text.substr(words[j].end, words[j + 1].begin - words[j].end).find_first_not_of(' ') == std::string_view::npos)
                ++j;
            // ... and a capitalised word just before it that only a sentence start excused: "Barry Featherstone".
            std::size_t b = i;
            while (b > 0 && !inPhrase[b - 1] && words[b - 1].capitalised && !words[b - 1].allCaps && !words[b - 1].hasDigit &&
                   !known.count(words[b - 1].key) && !stopwords().count(words[b - 1].key) &&
                   !CaseSecrets::isGenericWord(words[b - 1].key) && !CaseSecrets::isCalendarWord(words[b - 1].key) &&
                   f.text.substr(words[b - 1].end, words[b].begin - words[b - 1].end).find_first_not_of(' ') ==
                       std::string_view::npos)
                --b;
            std::string phrase(f.text.substr(words[b].begin, words[j].end - words[b].begin));
            if (reported.insert(phrase).second)
                warn(f, "possible-name",
                     fmt::format("'{}' looks like the name of a person or place the case does not know, so anonymise "
                                 "cannot replace it; add the person (with a pseudonym) or an alias, or reword",
                                 phrase));
            i = j;
        }
    }

    void shortNames(const TextField& f, const std::vector<TermMatcher::Match>& terms) {
        std::set<std::string> reported;
        for (auto& m : terms) {
            const Term& t = s.terms()[std::size_t(m.id)];
            if (t.kind != TermKind::ShortName || !reported.insert(t.key).second) continue;
            std::string who;
            for (auto& o : t.owners) {
                const Person* p = c.person(o);
                who += (who.empty() ? "" : " or ") + fmt::format("'{}' ({})", p ? p->name : o, o);
            }
            warn(f, "short-name",
                 fmt::format("'{}' looks like a short form of the name of {}; anonymise treats it as that name, "
                             "but add it to their aliases so that is certain",
                             std::string(f.text.substr(m.begin, m.end - m.begin)), who));
        }
    }

    void numbersAndAddresses(const TextField& f, const std::vector<TermMatcher::Match>& terms) {
        // A recorded address in the text is reported once, below, as an address.
        std::vector<std::pair<std::size_t, std::size_t>> addressSpans;
        for (auto& m : terms) {
            auto k = s.terms()[std::size_t(m.id)].kind;
            if (k == TermKind::Address || k == TermKind::Postcode) addressSpans.emplace_back(m.begin, m.end);
        }
        // Scanners, not std::regex: see text_scan.hpp for the pattern each one finds.
        auto each = [&](std::vector<TextSpan> (*find)(std::string_view), const char* code, const char* what) {
            for (auto span : find(f.text)) {
                auto [b, e] = span;   // not captured by the lambda below: clang 14 cannot capture a binding
                if (std::any_of(addressSpans.begin(), addressSpans.end(), [&](auto& sp) { return span.begin < sp.second && sp.first < span.end; }))
                    continue;
                warn(f, code, fmt::format("'{}' looks like {}; remove it from the text (anonymise does not)",
                                          f.text.substr(b, e - b), what));
            }
        };
        each(findPostcodeShapes, "postcode", "a postcode");
        each(findEmailShapes, "email-address", "an email address");
        each(findPhoneShapes, "phone-number", "a phone number");
        each(findTenDigitShapes, "ten-digit-number", "a 10-digit personal number (an NHS number has this shape)");
        each(findNiNumberShapes, "ni-number", "a National Insurance number");
        // An address the case records, typed into text (only when addresses are hidden).
        std::set<std::string> reported;
        for (auto& m : terms) {
            const Term& t = s.terms()[std::size_t(m.id)];
            if ((t.kind == TermKind::Address || t.kind == TermKind::Postcode) && reported.insert(t.key).second)
                warn(f, "address-in-text",
                     fmt::format("'{}' is (part of) the address of household '{}'; anonymise writes "
                                 "[address removed], which may leave the sentence awkward: reword",
                                 std::string(f.text.substr(m.begin, m.end - m.begin)), t.owners.front()));
        }
    }

    // ------------------------------------------------------------ [SECTION] dates

    // One finding per field and sensitive date, listing every way it is written there: the
    // days (death, birth), birthdays, and with the date of death hidden its month and time.
    void dates(const TextField& f, const std::vector<Hit>& hits) {
        std::map<std::pair<int, int>, std::string> forms;   // (kind, index) -> "'3/3', 'March the 3rd'"
        for (auto& h : hits) {
            if (h.kind != Hit::Kind::Day && h.kind != Hit::Kind::Birthday && h.kind != Hit::Kind::Month &&
                h.kind != Hit::Kind::Time)
                continue;
            std::string& list = forms[{int(h.kind), h.index}];
            list += (list.empty() ? "'" : ", '") + std::string(f.text.substr(h.begin, h.end - h.begin)) + "'";
        }
        for (auto& [key, list] : forms) {
            auto kind = Hit::Kind(key.first);
            std::size_t i = std::size_t(key.second);
            const char* verb = list.find("', '") == std::string::npos ? "is" : "are";
            if (kind == Hit::Kind::Day || kind == Hit::Kind::Birthday) {
                const SensitiveDay& day = s.days()[i];
                std::string whose = day.personId.empty() ? "" : fmt::format(" of '{}'", day.personId);
                bool birth = day.what == "birth date";
                warn(f, birth ? "birth-date-in-text" : "death-date-in-text",
                     fmt::format("{} {} {}{}; anonymise writes [date removed]: consider rewording", list, verb,
                                 kind == Hit::Kind::Birthday ? "a birthday that gives away the birth date" : "the " + day.what,
                                 whose));
            } else if (kind == Hit::Kind::Month) {
                const SensitiveMonthOf& m = s.months()[i];
                warn(f, "death-month-in-text",
                     fmt::format("{} {} the month of the death{} (the date of death is hidden); anonymise writes "
                                 "the year only: consider rewording",
                                 list, verb, m.personId.empty() ? "" : fmt::format(" of '{}'", m.personId)));
            } else {
                warn(f, "death-time-in-text",
                     fmt::format("{} {} the time recorded on the day of the death (the date of death is hidden); "
                                 "anonymise writes [time removed]: consider rewording",
                                 list, verb));
            }
        }
        // "her 16th birthday" beside an event's own date gives the birth date away.
        if (f.event && isWholeDay(f.event->date))
            for (auto& w : textWords(f.text))
                if (w.key == "birthday" || w.key == "birthdays") {
                    warn(f, "birthday-in-text",
                         "a birthday in the text of an event with a date can give away a birth date; reword "
                         "(anonymise does not)");
                    break;
                }
    }

    // ------------------------------------------------------------ [SECTION] replacements to look at, and a child's sex

    // Replacements a person should look at: a name that is also a word, a place's name, a name
    // beside a word the case does not know, initials, a kept phrase. Each with its context.
    void ambiguous(const TextField& f, const std::vector<Hit>& hits) {
        for (auto& h : hits) {
            if (h.ambiguity.empty()) continue;
            std::size_t b = h.begin > 30 ? h.begin - 30 : 0, e = std::min(f.text.size(), h.end + 30);
            while (b > 0 && (static_cast<unsigned char>(f.text[b]) & 0xC0) == 0x80) --b;
            while (e < f.text.size() && (static_cast<unsigned char>(f.text[e]) & 0xC0) == 0x80) ++e;
            std::string context(f.text.substr(b, e - b));
            for (auto& ch : context)
                if (ch == '\n' || ch == '\t') ch = ' ';
            warn(f, "ambiguous-name",
                 fmt::format("{} (\"{}{}{}\"{})", h.ambiguity, b > 0 ? "..." : "", context, e < f.text.size() ? "..." : "",
                             h.use == NameUse::Name ? fmt::format(" -> '{}'", h.replacement) : std::string()));
        }
    }

    // Words that give away a child's sex, in text about a child, when children's sex is hidden.
    // Kinship words always count; pronouns only where they can only be the child's: right after
    // the child's name, or in an event about children alone.
    void childSex(const TextField& f, const std::vector<TextWord>& words, const std::vector<TermMatcher::Match>& terms) {
        if (!s.publication().hideChildSex) return;
        std::vector<std::string> children;
        bool adults = false;
        std::set<Sex> childSexes, adultSexes;   // of an event's people (the child's true sex is known)
        bool untied = false;   // a field about no one event: recommendations, actions, updates, titles
        if (f.person) {
            if (!childIds.count(f.person->id)) return;
            children.push_back(f.person->id);
        } else if (f.event) {
            for (auto& id : f.event->people) {
                const Person* p = c.person(id);
                if (childIds.count(id)) {
                    children.push_back(id);
                    if (p) childSexes.insert(p->sex);
                } else {
                    adults = true;
                    adultSexes.insert(p ? p->sex : Sex::Unknown);
                }
            }
        } else {
            // About a child where it names one (name, alias, pseudonym or published label);
            // pronouns then count only right after the name.
            untied = true;
            adults = true;
            for (auto& m : terms)
                for (auto& o : s.terms()[std::size_t(m.id)].owners)
                    if (childIds.count(o) && std::find(children.begin(), children.end(), o) == children.end())
                        children.push_back(o);
            auto spaced = [](std::string_view t) {
                std::string r = " ";
                for (auto& w : foldedWords(t)) r += w + " ";
                return r;
            };
            const std::string text = spaced(f.text);
            for (auto& id : childIds) {
                const Person* p = c.person(id);
                for (const std::string* label : {&s.plan(id)->display, p ? &p->pseudonym : nullptr})
                    if (label && !label->empty() && spaced(*label).size() > 2 &&
                        text.find(spaced(*label)) != std::string::npos &&
                        std::find(children.begin(), children.end(), id) == children.end())
                        children.push_back(id);
            }
        }
        if (children.empty() && !childIds.empty()) {
            // Words that can only be about a young person, wherever they are written: in a field
            // about no one event, or in an event whose people list no child (lists are often
            // incomplete: "the school spoke to the boy"). A son or daughter in an event counts only
            // where one of its people is a parent of a child of the case ("her son" may be the child).
            static const std::set<std::string> young = {"boy", "boys", "girl", "girls", "schoolboy", "schoolgirl",
                                                        "lad", "lass"};
            static const std::set<std::string> offspring = {"son", "sons", "daughter", "daughters", "stepson",
                                                            "stepdaughter", "grandson", "granddaughter"};
            bool parentPresent = untied;
            if (f.event)
                for (auto& id : childIds)
                    if (const Person* p = c.person(id))
                        for (auto& par : p->parents)
                            if (std::find(f.event->people.begin(), f.event->people.end(), par) != f.event->people.end())
                                parentPresent = true;
            std::vector<std::string> found;
            for (auto& w : words)
                if ((young.count(w.key) || (parentPresent && offspring.count(w.key))) &&
                    std::find(found.begin(), found.end(), w.text) == found.end())
                    found.push_back(w.text);
            if (found.empty()) return;
            std::string list;
            for (auto& w : found) list += (list.empty() ? "'" : ", '") + w + "'";
            warn(f, "child-sex-in-text",
                 fmt::format("children's sex is hidden in published material, but this text says {}, which tells a "
                             "reader a child's sex; reword with neutral words (child, they, sibling)",
                             list));
            return;
        }
        if (children.empty()) return;
        // Pronouns that follow a child's name in the same sentence: an object or possessive
        // ("told his teacher", "offered him") anywhere in it, a subject ("he", "she") only
        // before the clause ends ("Ellis and she ..." is someone else).
        std::set<std::size_t> nameAt;
        static const std::set<std::string> conjunctions = {"and", "but", "or", "while", "when", "because", "that",
                                                           "if", "whereas", "although", "so"};
        for (auto& m : terms) {
            const Term& t = s.terms()[std::size_t(m.id)];
            bool child = std::any_of(t.owners.begin(), t.owners.end(), [&](auto& o) { return childIds.count(o) > 0; });
            if (!child || t.ownerKind != "person") continue;
            std::size_t k = 0;
            while (k < words.size() && words[k].begin < m.end) ++k;
            bool clauseOpen = true;
            for (std::size_t n = k; n < words.size() && n < k + 12 && !(n > k && words[n].sentenceStart); ++n) {
                std::size_t prevEnd = n == 0 ? 0 : words[n - 1].end;
                std::string_view gap = f.text.substr(prevEnd, words[n].begin - prevEnd);
                bool dash = gap.find("\u2013") != std::string_view::npos || gap.find("\u2014") != std::string_view::npos;
                if (gap.find_first_of(",;()") != std::string_view::npos || dash || conjunctions.count(words[n].key))
                    clauseOpen = false;
                bool subject = words[n].key == "he" || words[n].key == "she";
                if (!subject || clauseOpen) nameAt.insert(n);
            }
        }
        std::vector<std::string> found;
        for (std::size_t k = 0; k < words.size(); ++k) {
            const std::string& key = words[k].key;
            if (!gendered().count(key)) continue;
            // "... saw Hannah and her child. He was meeting milestones": a pronoun of the sex of
            // the event's child that none of its adults shares is the child's.
            const bool male = key == "he" || key == "him" || key == "his" || key == "himself";
            const Sex pronounSex = male ? Sex::Male : Sex::Female;
            const bool onlyTheChild = childSexes.count(pronounSex) && !adultSexes.count(pronounSex) &&
                                      !adultSexes.count(Sex::Unknown);
            if (isPronoun(key) && adults && f.person == nullptr && !nameAt.count(k) && !onlyTheChild) continue;
            if (std::find(found.begin(), found.end(), words[k].text) == found.end()) found.push_back(words[k].text);
        }
        if (found.empty()) return;
        std::string list;
        for (auto& w : found) list += (list.empty() ? "'" : ", '") + w + "'";
        std::string who;
        for (auto& id : children) who += (who.empty() ? "" : ", ") + s.plan(id)->display;
        warn(f, "child-sex-in-text",
             fmt::format("children's sex is hidden in published material, but this text about {} says {}; "
                         "reword with neutral words (child, they, sibling)", who, list));
    }

    // ------------------------------------------------------------ [SECTION] owners, pseudonyms, reused unpublished text

    void owners() {
        for (auto& r : c.recommendations)
            for (auto& a : r.actions) {
                if (a.owner.empty()) continue;
                SourceLoc loc = a.meta.at("owner");
                std::string where = fmt::format("actions[{}].owner", a.id);
                auto matches = s.findTerms(a.owner);
                for (auto& m : matches) {
                    const Term& t = s.terms()[std::size_t(m.id)];
                    if (t.ownerKind != "person" || t.kind == TermKind::Id) continue;
                    d.warning(Category::Publication, "owner-named", loc,
                              fmt::format("{}: '{}' names {}; an action's owner should be a role (\"Head of Public "
                                          "Protection\"), never a person", where, a.owner, t.owners.front()), a.id);
                    goto next;
                }
                {
                    // Not a known person, but shaped like a name: a title, or two or three capitalised
                    // words none of which is a role or institution word.
                    auto words = textWords(a.owner);
                    bool titled = !words.empty() && isTitle(words[0].key) && words.size() >= 2;
                    bool nameShaped = words.size() >= 2 && words.size() <= 3 &&
                                      std::all_of(words.begin(), words.end(), [&](const TextWord& w) {
                                          return w.capitalised && !w.allCaps && !stopwords().count(w.key) &&
                                                 !CaseSecrets::isGenericWord(w.key) && !known.count(w.key);
                                      });
                    if (titled || nameShaped)
                        d.warning(Category::Publication, "owner-looks-like-name", loc,
                                  fmt::format("{}: '{}' looks like a person's name; an action's owner should be a role",
                                              where, a.owner), a.id);
                }
            next:;
            }
    }

    void pseudonyms() {
        for (auto& p : c.people) {
            const PersonPlan* plan = s.plan(p.id);
            SourceLoc loc = p.meta.at("pseudonym");
            std::string where = fmt::format("people[{}]", p.id);
            if (p.pseudonym.empty()) {
                if (!plan->child && !plan->professional && !p.isPregnancyNode())
                    d.add(Severity::Note, Category::Publication, "no-pseudonym", p.meta.loc,
                          fmt::format("{}: no pseudonym; published material will call them '{}'", where, plan->display), p.id);
                continue;
            }
            for (auto& w : textWords(p.pseudonym)) {
                if (!s.isRealNameKey(w.key)) continue;
                std::string owners;
                for (auto& t : s.terms())
                    if (t.key == w.key)
                        for (auto& o : t.owners) owners += (owners.empty() ? "" : ", ") + o;
                d.warning(Category::Publication, "pseudonym-is-real-name", loc,
                          fmt::format("{}.pseudonym: '{}' is a real name or alias in this case ({}); published "
                                      "material would print it, and the audit will refuse it: choose another",
                                      where, w.text, owners), p.id);
            }
        }
    }

    // Text that is never published (publish:false events, notes) copied into a published
    // field: the output that carries it will be refused, so say where.
    void unpublishedReused() {
        ReuseFinder reuse(c);
        if (reuse.empty()) return;
        for (auto& f : freeTextFields(c, false)) {
            auto found = reuse.find(f.text);
            if (found.empty()) continue;
            warn(f, "unpublished-text-reused",
                 fmt::format("repeats text of {}, which is never published (\"{}\"); anonymised output that carries it "
                             "will be refused: reword one of them",
                             found.front().source->where, found.front().words));
        }
    }

    // ------------------------------------------------------------ [SECTION] running the checks

    void run() {
        for (auto& f : freeTextFields(c, false)) {
            auto words = textWords(f.text);
            bool owner = f.where.size() > 6 && f.where.compare(f.where.size() - 6, 6, ".owner") == 0;
            if (!owner) possibleNames(f, words);
            // Once per field: folding the text is the costly part.
            FoldedText folded = foldText(f.text);
            auto hits = s.scan(f.text, false, words, folded);
            std::vector<TermMatcher::Match> terms;
            for (auto& h : hits)
                if (h.kind == Hit::Kind::Term && h.use == NameUse::Name) terms.push_back({h.begin, h.end, h.index});
            shortNames(f, terms);
            numbersAndAddresses(f, terms);
            dates(f, hits);
            ambiguous(f, hits);
            childSex(f, words, terms);
        }
        owners();
        pseudonyms();
        keepPhrases();
        unpublishedReused();
    }

    // A kept phrase that is a whole recorded name would publish it.
    void keepPhrases() {
        const Publication& pub = s.publication();
        for (auto& k : pub.keep) {
            std::string key = foldKey(k);
            for (auto& t : s.terms())
                if (t.key == key && t.ownerKind == "person") {
                    d.warning(Category::Publication, "keep-is-a-name", pub.meta.at("keep"),
                              fmt::format("publication.keep: '{}' is a recorded {} ({}), so it would be published "
                                          "as written; keep only places and organisations",
                                          k, kindLabel(t.kind), t.owners.front()),
                              "");
                    break;
                }
        }
    }
};

}  // namespace

void checkPublication(const Case& c, const CheckOptions&, Diagnostics& d) {
    Checker(c, d).run();
}

}  // namespace genochron
