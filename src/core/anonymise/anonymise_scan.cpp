// Finding what is sensitive in a piece of text, for anonymise (what to replace), the audit
// (what an output must not hold) and the check (what a person should look at): one scan,
// so the three cannot drift apart. The rules for names that are also words are here
// (nameUse); docs/anonymisation.md says them in prose.
//
// [SECTION] word lists: titles, place words
// [SECTION] how a name is used
// [SECTION] the scan
// [SECTION] scrub and publish
#include "core/anonymise/anonymise_terms.hpp"

#include "core/anonymise/canonical_text.hpp"
#include "core/anonymise/text_scan.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace genochron::anon {

namespace {

// ---------------------------------------------------------------- [SECTION] word lists

// Titles before a name. Those that say a person's sex are dropped with the name when the
// name becomes a label or is a child's ("Mr Child 2" would tell a reader the child is a boy).
bool isTitle(const std::string& k) {
    static const std::set<std::string> t = {"mr", "mrs", "ms", "miss", "mister", "master", "madam", "madame", "sir",
                                            "dame", "lady", "lord", "mx", "dr", "prof", "rev"};
    return t.count(k) > 0;
}

// Words that make a capitalised name before them part of a place's or organisation's name:
// "Marsh End", "Faith Meadows", "Hope Street", "Rose Court Surgery".
bool isPlaceWord(const std::string& k) {
    static const std::set<std::string> w = {
        "end", "road", "rd", "street", "lane", "close", "court", "avenue", "ave", "drive", "way", "place", "square",
        "gardens", "garden", "park", "green", "hill", "hills", "rise", "view", "walk", "row", "terrace", "crescent",
        "grove", "mews", "yard", "quay", "wharf", "meadow", "meadows", "field", "fields", "farm", "wood", "woods",
        "bridge", "heath", "common", "vale", "valley", "lake", "river", "brook", "moor", "down", "downs", "cross",
        "gate", "mount", "house", "hall", "lodge", "manor", "tower", "towers", "centre", "center", "school",
        "academy", "college", "nursery", "surgery", "practice", "hospital", "clinic", "ward", "trust", "partnership",
        "estate", "village", "town", "church", "chapel", "primary", "infants", "junior", "community", "foundation",
        "hotel", "inn", "arms", "tavern", "club", "station", "market", "leisure", "medical", "health", "housing",
        "council", "island", "point", "bay", "beach", "cottage", "cottages", "flats", "parade", "precinct",
        "retail", "shopping", "industrial", "business", "marsh", "bank", "banks", "wells", "well", "springs",
        "corner", "hollow", "dene", "bottom", "top", "side", "ridge", "croft", "acre", "acres", "pastures"};
    return w.count(k) > 0;
}
// Words that make a capitalised name after them part of a place's name: "St Hope", "Little Marsh".
bool isPlacePrefix(const std::string& k) {
    static const std::set<std::string> w = {"st", "saint", "mount", "lake", "port", "fort", "upper", "lower", "great",
                                            "little", "north", "south", "east", "west", "new", "old", "castle",
                                            "glen", "loch", "lough", "kings", "queens"};
    return w.count(k) > 0;
}

// Common capitalised short forms that are not initials of anyone.
bool isCommonAcronym(const std::string& k) {
    static const std::set<std::string> w = {
        "gp", "dc", "ds", "pc", "di", "dci", "mo", "na", "n/a", "uk", "am", "pm", "id", "it", "ok", "tv", "pe", "re",
        "csc", "csp", "dhr", "sar", "imr", "nhs", "cps", "asb", "mp", "dv", "da", "hr", "qa", "ae", "ed", "er", "ct",
        "mri", "ecg", "bp", "iv", "ot", "pt", "sw", "hv", "cpn", "cmht", "amhp", "idva", "isva", "mash", "marac",
        "mappa", "dash", "ccb", "ace", "aces", "dwp", "ss", "cid", "cpo", "npo", "po", "pcso", "sgt", "fgm", "ptsd",
        "adhd", "asd", "ld", "mh", "dna", "eta", "etc", "ie", "eg", "nb", "ps", "ref", "no", "tel", "mob", "dob",
        "rip", "va", "vs", "ii", "iii", "iv", "vi", "oh", "ah", "sms", "pin", "url", "www", "pdf", "us", "un",
        "eu", "bbc", "itv", "dvpn", "dvpo", "nmo", "ro", "so", "cpa", "lac", "cin", "cp", "ehcp", "sen", "senco"};
    return w.count(k) > 0;
}

// The gap between two words holds only spaces (a name and the word beside it belong together).
bool spacesOnly(std::string_view gap) {
    if (gap.empty()) return false;
    for (char ch : gap)
        if (ch != ' ') return false;
    return true;
}

// The index of the first word that begins at or after byte `at`.
std::size_t wordAt(const std::vector<TextWord>& words, std::size_t at) {
    auto it = std::lower_bound(words.begin(), words.end(), at, [](const TextWord& w, std::size_t b) { return w.begin < b; });
    return std::size_t(it - words.begin());
}

bool firstLetterUpper(std::string_view text, std::size_t at) {
    std::size_t len = 1;
    return at < text.size() && isUpperOrTitle(decodeUtf8(text, at, len));
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] how a name is used

// The rules (docs/anonymisation.md, "Names that are also words"):
//  - inside a phrase of publication.keep: kept;
//  - addresses, postcodes and ids, and names that are no ordinary word: always a name;
//  - a name that is also an ordinary word (the system word list: hope, rose, frank, marsh):
//      written in lower case ("a frank talk", "no hope"): the word, kept;
//      after a title ("Mr Marsh"): a name;
//      capitalised next to a place word ("Marsh End", "Faith Meadows", "St Hope"): a place, kept;
//      otherwise capitalised (mid-sentence, or starting one): a name. A capital at the start
//      of a sentence cannot tell, so it is replaced (the safe side) and check lists it.
NameUse CaseSecrets::nameUse(std::string_view text, const std::vector<TextWord>& words, const TermMatcher::Match& m,
                             const Term& t, std::string& ambiguity) const {
    if (!m_keep.empty())
        for (auto& k : m_keep.find(text))
            if (k.begin <= m.begin && m.end <= k.end) {
                ambiguity = fmt::format("kept as written: inside '{}' (publication.keep)",
                                        m_pub.keep[std::size_t(k.id)]);
                return NameUse::Kept;
            }
    if (t.ownerKind != "person" || t.kind == TermKind::Address || t.kind == TermKind::Postcode || t.kind == TermKind::Id)
        return NameUse::Name;
    const std::string written(text.substr(m.begin, m.end - m.begin));
    std::size_t wi = wordAt(words, m.begin);
    std::size_t last = wordAt(words, m.end);   // the first word after the match
    const TextWord* prev = wi > 0 && spacesOnly(text.substr(words[wi - 1].end, m.begin - words[wi - 1].end)) ? &words[wi - 1] : nullptr;
    const TextWord* next = last < words.size() && spacesOnly(text.substr(m.end, words[last].begin - m.end)) ? &words[last] : nullptr;
    // "Mr. Marsh": a title with its full stop
    const TextWord* titleWord = prev;
    if (!titleWord && wi > 0) {
        std::string_view gap = text.substr(words[wi - 1].end, m.begin - words[wi - 1].end);
        if (gap == ". ") titleWord = &words[wi - 1];
    }
    bool titled = titleWord && isTitle(titleWord->key);
    bool placeNext = next && next->capitalised && !next->allCaps && isPlaceWord(next->key);
    bool placePrev = prev && prev->capitalised && isPlacePrefix(prev->key);
    if (!t.ordinaryWord) return NameUse::Name;
    if (!firstLetterUpper(text, m.begin)) {
        ambiguity = fmt::format("'{}' is a name here and also a word; written in lower case it is read as the word "
                                "and kept: capitalise it if it is the person",
                                written);
        return NameUse::Word;
    }
    if (titled) return NameUse::Name;
    if (placeNext || placePrev) {
        std::string place = placeNext ? written + " " + next->text : prev->text + " " + written;
        ambiguity = fmt::format("'{}' is read as a place's name and kept; if it names the person, reword "
                                "(or list the place in publication.keep to silence this)",
                                place);
        return NameUse::Place;
    }
    bool start = wi < words.size() && words[wi].sentenceStart;
    ambiguity = fmt::format("'{}' is a name here and also a word; {} it is read as the name and replaced", written,
                            start ? "at the start of a sentence" : "capitalised mid-sentence");
    return NameUse::Name;
}

// ---------------------------------------------------------------- [SECTION] the scan

std::vector<int> CaseSecrets::namesInside(std::string_view token) const {
    // Letters and digits only, folded: "Nicole.Ashford_88" -> "nicoleashford88".
    std::string flat;
    for (auto& w : foldedWords(token)) flat += w;
    std::vector<int> found;
    if (flat.size() < 4) return found;
    for (std::size_t i = 0; i < m_terms.size(); ++i) {
        const Term& t = m_terms[i];
        if (t.ownerKind != "person" || t.kind == TermKind::Id || t.plural) continue;
        std::string key;
        for (auto& w : foldedWords(t.key)) key += w;
        if (key.size() < 4 || (t.ordinaryWord && key.size() < 5)) continue;
        if (flat.find(key) != std::string::npos) found.push_back(int(i));
    }
    return found;
}

std::vector<Hit> CaseSecrets::scan(std::string_view text, bool forAudit) const {
    if (text.empty()) return {};
    return scan(text, forAudit, textWords(text), foldText(text));
}

std::vector<Hit> CaseSecrets::scan(std::string_view text, bool forAudit, const std::vector<TextWord>& words,
                                   const FoldedText& folded) const {
    std::vector<Hit> hits;
    if (text.empty()) return hits;
    auto matches = m_matcher.find(folded);

    // E-mail addresses and handles first: a name inside one goes with the whole of it.
    std::vector<std::pair<std::size_t, std::size_t>> taken;
    for (auto [b, e] : findEmailShapes(text)) {
        auto inside = namesInside(text.substr(b, e - b));
        if (forAudit && inside.empty()) continue;
        hits.push_back({b, e, Hit::Kind::Email, inside.empty() ? -1 : inside.front(), NameUse::Name, "[email removed]", ""});
        taken.emplace_back(b, e);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {   // @handle (not an e-mail address)
        if (text[i] != '@' || (i > 0 && scan::isWord(text[i - 1]))) continue;
        std::size_t e = i + 1;
        while (e < text.size() && (scan::isWord(text[e]) || (text[e] == '.' && e + 1 < text.size() && scan::isWord(text[e + 1])))) ++e;
        if (e - i < 3) continue;
        if (std::any_of(taken.begin(), taken.end(), [&](auto& t) { return i < t.second && t.first < e; })) continue;
        auto inside = namesInside(text.substr(i, e - i));
        if (inside.empty()) continue;
        hits.push_back({i, e, Hit::Kind::Handle, inside.front(), NameUse::Name, "[handle removed]", ""});
        taken.emplace_back(i, e);
    }
    auto isTaken = [&](std::size_t b, std::size_t e) {
        return std::any_of(taken.begin(), taken.end(), [&](auto& t) { return b < t.second && t.first < e; });
    };

    // Names.
    for (std::size_t mi = 0; mi < matches.size(); ++mi) {
        const auto& m = matches[mi];
        if (isTaken(m.begin, m.end)) continue;
        const Term& t = m_terms[std::size_t(m.id)];
        Hit h{m.begin, m.end, Hit::Kind::Term, m.id, NameUse::Name, t.replacement, ""};
        h.use = nameUse(text, words, m, t, h.ambiguity);
        if (h.use == NameUse::Name && t.ownerKind == "person") {
            std::size_t wi = wordAt(words, m.begin), after = wordAt(words, m.end);
            // "the Kowalczyks'": the plural possessive goes with it.
            if (t.plural && h.end < text.size()) {
                std::size_t len = 1, len2 = 1;
                if (isApostrophe(decodeUtf8(text, h.end, len)) &&
                    !(h.end + len < text.size() && isLetterOrDigit(decodeUtf8(text, h.end + len, len2)))) {
                    h.end += len;
                    h.replacement = "[name removed] family's";
                }
            }
            // A title goes with a name that becomes a label, or is a child's: never "Mr Child 2".
            // ("Mr [name removed]" keeps its title: an adult's sex is not hidden.)
            bool label = h.replacement.empty();
            bool child = false;
            for (auto& o : t.owners)
                if (auto* p = plan(o)) {
                    label |= p->generated;
                    child |= p->child;
                }
            if ((label || child) && wi > 0) {
                const TextWord& tw = words[wi - 1];
                std::string_view gap = text.substr(tw.end, m.begin - tw.end);
                if (isTitle(tw.key) && (spacesOnly(gap) || gap == ". ")) h.begin = tw.begin;
            }
            // A given name followed by a capitalised word the case does not know is a fuller name
            // ("Frank Jones"): both go, so no unrecorded surname is left beside a pseudonym.
            // Followed by a place word, it is a place's name ("Maisie Meadows"): all of it goes.
            bool given = t.kind == TermKind::FirstName || t.kind == TermKind::ShortName || t.kind == TermKind::Alias;
            bool nextIsMatch = mi + 1 < matches.size() && after < words.size() && matches[mi + 1].begin <= words[after].begin;
            if (after < words.size() && !nextIsMatch && spacesOnly(text.substr(m.end, words[after].begin - m.end))) {
                const TextWord& nw = words[after];
                if (nw.capitalised && !nw.allCaps && !nw.hasDigit && !nw.sentenceStart) {
                    if (isPlaceWord(nw.key)) {
                        std::size_t k = after;
                        while (k + 1 < words.size() && words[k + 1].capitalised && isPlaceWord(words[k + 1].key) &&
                               spacesOnly(text.substr(words[k].end, words[k + 1].begin - words[k].end)))
                            ++k;
                        h.ambiguity = fmt::format("'{}' looks like a place's name with a person's name in it; it is "
                                                  "removed whole; list it in publication.keep if it may be published",
                                                  text.substr(m.begin, words[k].end - m.begin));
                        h.end = words[k].end;
                        h.replacement = "[place name removed]";
                    } else if (given && !isKnownNonName(nw.key)) {
                        h.ambiguity = fmt::format("'{}': '{}' is no name the case records; both words are replaced with "
                                                  "the pseudonym; record the person (or an alias) if this is someone else",
                                                  text.substr(m.begin, nw.end - m.begin), nw.text);
                        h.end = nw.end;
                    }
                }
            }
        }
        hits.push_back(std::move(h));
    }

    // Initials: "JK", "J.K.", "J. K." of a recorded name.
    if (!m_initials.empty()) {
        auto initialsOf = [&](const std::string& letters) -> const Initials* {
            for (auto& in : m_initials)
                if (in.letters == letters) return &in;
            return nullptr;
        };
        for (std::size_t k = 0; k < words.size(); ++k) {
            const TextWord& w = words[k];
            std::size_t b = w.begin, e = w.end;
            std::string letters;
            if (w.allCaps && !w.hasDigit && w.text.size() >= 2 && w.text.size() <= 4) {
                if (isCommonAcronym(w.key) || isKnownNonName(w.key)) continue;
                // A part of a code joined by a hyphen or slash ("SG-CH", "A/SG") is no one's initials.
                auto joined = [&](std::size_t at, int dir) {
                    std::size_t sepAt = dir < 0 ? at - 1 : at;
                    if (dir < 0 ? at < 2 : at + 1 >= text.size()) return false;
                    char c = text[sepAt];
                    return (c == '-' || c == '/') && scan::isWord(text[dir < 0 ? sepAt - 1 : sepAt + 1]);
                };
                if (joined(w.begin, -1) || joined(w.end, 1)) continue;
                letters = w.text;
            } else if (w.text.size() == 1 && w.capitalised) {   // J.K. / J. K.
                std::size_t j = k;
                letters = w.text;
                while (j + 1 < words.size() && words[j + 1].text.size() == 1 && words[j + 1].capitalised) {
                    std::string_view gap = text.substr(words[j].end, words[j + 1].begin - words[j].end);
                    if (gap != "." && gap != ". ") break;
                    letters += words[++j].text;
                }
                if (letters.size() < 2 || words[j].end >= text.size() || text[words[j].end] != '.') continue;
                e = words[j].end + 1;
                k = j;
            } else {
                continue;
            }
            const Initials* in = initialsOf(letters);
            if (!in || isTaken(b, e)) continue;
            bool overlaps = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return b < h.end && h.begin < e; });
            if (overlaps) continue;
            hits.push_back({b, e, Hit::Kind::Initials, int(in - m_initials.data()), NameUse::Name, in->replacement,
                            fmt::format("'{}' is read as the initials of {}, and replaced; if it is an abbreviation, "
                                        "write it out",
                                        text.substr(b, e - b), in->owners.size() == 1 ? "'" + in->owners.front() + "'" : "several people")});
        }
    }

    // Dates, birthdays, the month and time of a death.
    if (!m_days.empty() || !m_months.empty()) {
        for (auto& dm : findDateMentions(text)) {
            bool done = false;
            for (std::size_t i = 0; i < m_days.size() && !done; ++i)
                if (dm.is(m_days[i].day)) {
                    hits.push_back({dm.begin, dm.end, Hit::Kind::Day, int(i), NameUse::Name, "[date removed]", ""});
                    done = true;
                }
            if (!done && aboutBirth(text, dm))
                for (std::size_t i = 0; i < m_days.size() && !done; ++i)
                    if (m_days[i].what == "birth date" && dm.isDayOfYear(m_days[i].day)) {
                        hits.push_back({dm.begin, dm.end, Hit::Kind::Birthday, int(i), NameUse::Name, "[date removed]", ""});
                        done = true;
                    }
            for (std::size_t i = 0; i < m_months.size() && !done; ++i)
                if (dm.isMonth(m_months[i].month.year, m_months[i].month.month)) {
                    hits.push_back({dm.begin, dm.end, Hit::Kind::Month, int(i), NameUse::Name,
                                    std::to_string(m_months[i].month.year), ""});
                    done = true;
                }
        }
    }
    if (!m_times.empty())
        for (auto& tm : findTimeMentions(text))
            for (std::size_t i = 0; i < m_times.size(); ++i)
                if (tm.hour == m_times[i].hour && tm.minute == m_times[i].minute) {
                    hits.push_back({tm.begin, tm.end, Hit::Kind::Time, int(i), NameUse::Name, "[time removed]", ""});
                    break;
                }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    return hits;
}

// ---------------------------------------------------------------- [SECTION] scrub and publish

std::string CaseSecrets::scrub(std::string_view text) const {
    if (text.empty()) return {};
    std::vector<Replacement> reps;
    for (auto& h : scan(text, false))
        if (h.use == NameUse::Name) reps.push_back({h.begin, h.end, h.replacement});
    // "[address removed], [address removed]" (a street and its postcode) reads as one removal.
    std::vector<Replacement> merged;
    for (auto& r : reps) {
        if (!merged.empty() && r.begin < merged.back().end) {   // overlapping: the earlier (longer) one holds
            merged.back().end = std::max(merged.back().end, r.end);
            continue;
        }
        if (!merged.empty() && merged.back().with == r.with && !r.with.empty() && r.with.front() == '[' &&
            text.substr(merged.back().end, r.begin - merged.back().end).find_first_not_of(" ,") == std::string_view::npos) {
            merged.back().end = std::max(merged.back().end, r.end);
            continue;
        }
        merged.push_back(r);
    }
    return applyReplacements(text, std::move(merged));
}

std::string CaseSecrets::publish(std::string_view text) const {
    std::string once = scrub(text);
    std::string canon = publishedText(once);
    if (canon == once) return canon;
    // Making it canonical joined something (a word broken at a line end): scrub what is drawn.
    return publishedText(scrub(canon));
}

}  // namespace genochron::anon
