// Text matching for publication safety: the name scrubber, the audit and the
// publication check all find names in text the same way, so what anonymise removes
// is exactly what the audit looks for.
//
// Text is folded before matching (canonical_text.hpp, on ICU): NFKC with case folding,
// accents and other combining marks dropped ("Zoë" = "Zoe" = "ZOË", composed or
// decomposed), compatibility forms split ("ﬁ" = "fi"), look-alike letters from other
// scripts mapped to Latin ones, invisible characters (soft hyphen, zero-width space, ...)
// dropped, curly apostrophes made straight, dash variants made '-', a hyphen at a line
// break made a soft join, and every run of white space made one space (PDF text breaks
// lines anywhere).
// A match is whole-word: it starts and ends next to a non-letter, non-digit, so
// "Ann" never matches inside "Annual" and "Nikki" matches in "Nikki's".
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace genochron::anon {

// Text folded for matching, with each folded character's byte span in the original.
struct FoldedText {
    std::u32string chars;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;   // [begin, end) bytes
};

FoldedText foldText(std::string_view utf8);
// The folded form of a pattern (name, alias, ...), as UTF-8, trimmed of leading and
// trailing non-word characters: the key two spellings of one name share.
std::string foldKey(std::string_view utf8);
bool isWordChar(char32_t c);   // a letter or digit (any script)
// In folded text: a hyphen at a line break ("Kowal-" / "czyk"), which the matcher reads
// both as nothing ("Kowalczyk") and as a hyphen ("Smith-Jones"). Not a word character.
constexpr char32_t kSoftJoin = U'\uE000';

// Many patterns, one pass: at each word start, the longest pattern that ends at a
// word end wins, and scanning resumes after it. So a pattern that is a substring of
// another ("Kerr" in "Kerrsy", "Smith" in "Smith-Jones") can neither split the longer
// one nor be replaced twice.
class TermMatcher {
public:
    struct Match {
        std::size_t begin = 0, end = 0;   // bytes in the original text
        int id = -1;                      // what add() was given
    };
    // Returns false if the pattern folds to nothing; the same key added twice keeps the first id.
    bool add(std::string_view pattern, int id);
    std::vector<Match> find(std::string_view text) const;
    std::vector<Match> find(const FoldedText& folded) const;
    bool empty() const { return m_nodes.size() <= 1; }

private:
    struct Node {
        std::map<char32_t, int> next;
        int id = -1;
    };
    std::vector<Node> m_nodes{Node{}};
};

// A word of running text, for the publication check.
struct TextWord {
    std::size_t begin = 0, end = 0;   // bytes, possessive "'s" left out
    std::string text;                 // as written
    std::string key;                  // folded
    bool capitalised = false;         // first letter upper case
    bool allCaps = false;             // every letter upper case, 2+ letters (acronyms)
    bool hasDigit = false;
    bool sentenceStart = false;       // first word, or after . ! ? : a line break or a bullet
};
// Words are runs of letters and digits; an apostrophe between letters stays inside
// ("O'Neill"), a hyphen splits ("Smith-Jones" is two words).
std::vector<TextWord> textWords(std::string_view utf8);

// Folded words only (for comparing runs of words across outputs).
std::vector<std::string> foldedWords(std::string_view utf8);

// Spans to replace, sorted and non-overlapping, applied in one pass.
struct Replacement {
    std::size_t begin = 0, end = 0;
    std::string with;
};
std::string applyReplacements(std::string_view text, std::vector<Replacement> reps);

}  // namespace genochron::anon
