// The words anonymise works with: the words that are never names, the system dictionary and the
// publication stoplist (what counts as an ordinary word), name-like ids, who is a child, and
// the case's free-text fields. (Collecting a case's secrets: anonymise_secrets.cpp.)
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

namespace {

// Words that are never treated as a name or a name-like id, whatever a case says:
// kinship and role words (an id "mother" must not turn "her mother" into a pseudonym),
// function words and name particles (which are only sensitive next to the rest of a name).
const std::set<std::string>& genericWords() {
    static const std::set<std::string> words = {
        // function words and name particles
        "a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "or", "nor", "but",
        "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le", "les", "van", "von",
        "ter", "ten", "bin", "ibn", "bint", "al", "el", "mac", "mc", "ni", "nic", "o", "ua", "ui", "ap", "ab",
        "y", "st", "san", "santa", "jr", "jnr", "sr", "snr", "mr", "mrs", "ms", "miss", "dr", "mx", "rev",
        // kinship and roles
        "mother", "father", "mum", "mom", "dad", "parent", "parents", "son", "daughter", "child", "children",
        "baby", "infant", "brother", "sister", "sibling", "twin", "grandmother", "grandfather", "grandparent",
        "grandma", "grandpa", "granny", "grandad", "grandson", "granddaughter", "uncle", "aunt", "auntie",
        "cousin", "niece", "nephew", "stepfather", "stepmother", "stepson", "stepdaughter", "stepbrother",
        "stepsister", "husband", "wife", "partner", "boyfriend", "girlfriend", "ex", "fiance", "fiancee",
        "friend", "neighbour", "neighbor", "colleague", "employer", "victim", "perpetrator", "subject",
        "suspect", "family", "relative", "professional", "officer", "doctor", "nurse", "worker", "manager",
        "teacher", "gp", "police", "other", "unknown", "person", "people", "adult", "pregnancy", "miscarriage",
        "abortion", "stillbirth", "loss", "case", "review", "household", "home", "house", "flat", "apartment",
        "unit", "room", "street", "road", "lane", "close", "avenue", "way", "court", "drive", "place",
    };
    return words;
}

const std::set<std::string>& calendarWords() {
    static const std::set<std::string> words = {
        "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
        "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec",
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
        "friday", "fri", "saturday", "sat", "sunday", "sun"};
    return words;
}

}  // namespace

// Splits a name into its words (letters, digits, apostrophes; hyphens split).
std::vector<std::string> nameWords(std::string_view name) {
    std::vector<std::string> out;
    for (auto& w : textWords(name)) out.push_back(w.text);
    return out;
}

// Splits on white space, trimming punctuation such as brackets and commas around each word.
std::vector<std::string> spaceSeparated(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::size_t b = 0, e = cur.size();
        while (b < e && std::string(",;:()[]\"").find(cur[b]) != std::string::npos) ++b;
        while (e > b && std::string(",;:()[]\".").find(cur[e - 1]) != std::string::npos) --e;
        if (e > b) out.push_back(cur.substr(b, e - b));
        cur.clear();
    };
    for (char ch : s) {
        if (ch == ' ' || ch == '\t' || ch == '\n') flush();
        else cur += ch;
    }
    flush();
    return out;
}

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string letterName(int n) {   // 0 -> A, 25 -> Z, 26 -> AA
    std::string s;
    ++n;
    while (n > 0) {
        int r = (n - 1) % 26;
        s.insert(s.begin(), char('A' + r));
        n = (n - 1) / 26;
    }
    return s;
}

std::string capitalised(std::string_view s) {
    std::string r(s);
    if (!r.empty()) r[0] = char(std::toupper(static_cast<unsigned char>(r[0])));
    return r;
}

// Particles of surnames: sensitive only together with the rest of the surname.
bool isParticle(const std::string& folded) {
    static const std::set<std::string> particles = {
        "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le", "les", "van", "von",
        "ter", "ten", "bin", "ibn", "bint", "al", "el", "mac", "mc", "ni", "nic", "o", "ua", "ui", "ap", "ab", "y", "st"};
    return particles.count(folded) > 0;
}


std::string_view kindLabel(TermKind k) {
    switch (k) {
    case TermKind::FullName: return "name";
    case TermKind::Alias: return "alias";
    case TermKind::FirstName: return "first name";
    case TermKind::ShortName: return "short name";
    case TermKind::AliasPart: return "alias";
    case TermKind::LastName: return "last name";
    case TermKind::NamePart: return "name";
    case TermKind::Id: return "id";
    case TermKind::Address: return "address";
    case TermKind::Postcode: return "postcode";
    }
    return "name";
}

bool CaseSecrets::isGenericWord(const std::string& folded) { return genericWords().count(folded) > 0; }

// The system word list (Debian's wbritish / wamerican, /usr/share/dict): its lower-case
// entries are ordinary words. Read once. Without one, no name counts as an ordinary word,
// which is the safe side (every use of the name is replaced).
bool CaseSecrets::isDictionaryWord(const std::string& folded) {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> w;
        for (const char* path : {"/usr/share/dict/british-english", "/usr/share/dict/american-english", "/usr/share/dict/words"}) {
            std::ifstream in(path);
            if (!in) continue;
            std::string line;
            while (std::getline(in, line)) {
                if (line.empty() || !(line[0] >= 'a' && line[0] <= 'z')) continue;
                if (line.size() > 2 && line.compare(line.size() - 2, 2, "'s") == 0) continue;
                w.insert(line);
            }
            break;
        }
        return w;
    }();
    return words.count(folded) > 0;
}

namespace {
struct Stoplist {
    std::set<std::string> words;
    TermMatcher phrases;   // "phrase: Clare's Law": names that are not people
};
// Where assets/publication_stopwords.txt is: the same search as io/assets.cpp's assetPath
// (GENOCHRON_ASSETS, the source tree, the installed share folder); anonymise may not use io.
std::string stoplistPath() {
    namespace fs = std::filesystem;
    const std::string name = "publication_stopwords.txt";
    std::error_code ec;
    if (const char* env = std::getenv("GENOCHRON_ASSETS"); env && *env) {
        fs::path p = fs::path(env) / name;
        if (fs::exists(p, ec)) return p.string();
    }
    for (const char* dir : {GENOCHRON_SOURCE_ASSETS_DIR, GENOCHRON_INSTALL_ASSETS_DIR}) {
        fs::path p = fs::path(dir) / name;
        if (fs::exists(p, ec)) return p.string();
    }
    return (fs::path(GENOCHRON_SOURCE_ASSETS_DIR) / name).string();
}

const Stoplist& stoplist() {
    static const Stoplist s = [] {
        Stoplist r;
        const std::string path = stoplistPath();
        std::ifstream in(path);
        if (!in)
            throw GenochronError("the publication word list cannot be read; set GENOCHRON_ASSETS to the folder "
                                 "holding publication_stopwords.txt",
                                 path);
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
            if (line.rfind("phrase:", 0) == 0) {
                r.phrases.add(line.substr(7), n++);
                continue;
            }
            std::istringstream ss(line);
            std::string w;
            while (ss >> w) r.words.insert(foldKey(w));
        }
        return r;
    }();
    return s;
}
}  // namespace

const std::set<std::string>& CaseSecrets::stopwords() { return stoplist().words; }
const TermMatcher& CaseSecrets::stopPhrases() { return stoplist().phrases; }

bool CaseSecrets::isKnownNonName(const std::string& folded) const {
    return m_vocabulary.count(folded) || isGenericWord(folded) || isCalendarWord(folded) || stopwords().count(folded);
}
bool CaseSecrets::isCalendarWord(const std::string& folded) { return calendarWords().count(folded) > 0; }

bool isNameLikeId(const std::string& id) {
    std::string letters;
    for (char c : id)
        if (std::isalpha(static_cast<unsigned char>(c))) letters += char(std::tolower(static_cast<unsigned char>(c)));
        else if (static_cast<unsigned char>(c) >= 0x80) letters += c;
    if (letters.size() < 3) return false;   // p1, e017, R1.2, h3, mo4
    std::string key = foldKey(id);
    if (CaseSecrets::isGenericWord(key) || CaseSecrets::isGenericWord(letters)) return false;   // "mother", "child2"
    return true;
}

bool isChildAt(const Person& p, const std::optional<Date>& ref, int childAge) {
    if (p.isPregnancyNode()) return false;
    if (p.born && p.born->known() && ref && ref->known()) {
        auto age = p.born->ageAt(*ref);
        if (age) return *age < childAge;
        return true;   // born after the reference date
    }
    return p.hasRole(Role::Child);
}

std::vector<TextField> freeTextFields(const Case& c, bool includeUnpublished) {
    std::vector<TextField> f;
    auto add = [&](std::string_view text, std::string where, SourceLoc loc, std::string id, const Event* e = nullptr,
                   const Person* p = nullptr) {
        if (!text.empty()) f.push_back({text, std::move(where), loc, std::move(id), e, p});
    };
    add(c.info.title, "case.title", c.info.meta.at("title"), "");
    add(c.info.partnership, "case.partnership", c.info.meta.at("partnership"), "");
    for (auto& a : c.agencies) add(a.name, fmt::format("agencies[{}].name", a.id), a.meta.at("name"), a.id);
    if (includeUnpublished)   // notes are the chair's own, never published
        for (auto& p : c.people) add(p.notes, fmt::format("people[{}].notes", p.id), p.meta.at("notes"), p.id, nullptr, &p);
    for (auto& h : c.households) add(h.label, fmt::format("households[{}].label", h.id), h.meta.at("label"), h.id);
    for (auto& e : c.events) {
        if (!e.publish && !includeUnpublished) continue;
        auto w = [&](const char* k) { return fmt::format("events[{}].{}", e.id, k); };
        add(e.what, w("what"), e.meta.at("what"), e.id, &e);
        add(e.action, w("action"), e.meta.at("action"), e.id, &e);
        add(e.analysis, w("analysis"), e.meta.at("analysis"), e.id, &e);
        add(e.missedOpportunity, w("missed_opportunity"), e.meta.at("missed_opportunity"), e.id, &e);
        add(e.sourceRef, w("source_ref"), e.meta.at("source_ref"), e.id, &e);
    }
    for (auto& r : c.recommendations) {
        add(r.text, fmt::format("recommendations[{}].text", r.id), r.meta.at("text"), r.id);
        for (auto& a : r.actions) {
            add(a.text, fmt::format("actions[{}].text", a.id), a.meta.at("text"), a.id);
            add(a.owner, fmt::format("actions[{}].owner", a.id), a.meta.at("owner"), a.id);
            for (std::size_t i = 0; i < a.updates.size(); ++i)
                add(a.updates[i].text, fmt::format("actions[{}].updates[{}].text", a.id, i), a.meta.at("updates"), a.id);
            add(a.outcome, fmt::format("actions[{}].outcome", a.id), a.meta.at("outcome"), a.id);
            add(a.evidence, fmt::format("actions[{}].evidence", a.id), a.meta.at("evidence"), a.id);
            for (std::size_t i = 0; i < a.milestones.size(); ++i)
                add(a.milestones[i].text, fmt::format("actions[{}].milestones[{}].text", a.id, i), a.meta.at(fmt::format("milestones[{}].text", i), "milestones"), a.id);
        }
    }
    return f;
}

std::vector<TextField> unpublishedTextFields(const Case& c) {
    std::vector<TextField> f;
    auto add = [&](std::string_view text, std::string where, SourceLoc loc, std::string id) {
        if (!text.empty()) f.push_back({text, std::move(where), loc, std::move(id), nullptr, nullptr});
    };
    for (auto& p : c.people) add(p.notes, fmt::format("people[{}].notes", p.id), p.meta.at("notes"), p.id);
    for (auto& e : c.events) {
        if (e.publish) continue;
        auto w = [&](const char* k) { return fmt::format("events[{}].{}", e.id, k); };
        add(e.what, w("what"), e.meta.at("what"), e.id);
        add(e.action, w("action"), e.meta.at("action"), e.id);
        add(e.analysis, w("analysis"), e.meta.at("analysis"), e.id);
        add(e.missedOpportunity, w("missed_opportunity"), e.meta.at("missed_opportunity"), e.id);
        add(e.sourceRef, w("source_ref"), e.meta.at("source_ref"), e.id);
    }
    return f;
}


}  // namespace genochron::anon
