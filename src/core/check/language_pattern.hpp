// Word patterns for the language linter: the tokeniser and the small phrase
// language used in assets/language_rules.yaml. Internal to genochron_core
// (included by language_rules.cpp and language_lint.cpp only).
//
// Matching works on words, not substrings, so "engaged an interpreter" never
// matches "engage" and "non-compliant" matches "non compliant". Patterns are
// compiled once when the rules load; matching is a short backtracking walk over
// a few tokens with no regex and no allocation per attempt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace genochron::lint::detail {

// [SECTION] Tokens

struct Token {
    std::size_t begin = 0, end = 0;    // byte offsets into the original text
    std::string norm;                  // lower case, curly apostrophes made straight
    bool clauseBreakBefore = false;    // punctuation (, ; : . ( ) dash ...) since the previous token
    bool sentenceBreakBefore = false;  // . ! ? … or a blank line since the previous token
    bool capitalised = false;          // first letter upper case as written
};

// Splits UTF-8 text into words. Letters and digits (any non-ASCII letter too)
// make words; an apostrophe between letters stays inside the word ("didn't");
// a hyphen between letters splits the word without a break ("non-compliant" is
// "non" "compliant"); quotes are ignored; other punctuation is a break.
// Invalid UTF-8 bytes are treated as punctuation, never split mid-character.
std::vector<Token> tokenise(std::string_view text);

// Lower-cases ASCII and Latin-1 capitals and straightens apostrophes, as the
// tokeniser does, so pattern words and text words compare byte for byte.
std::string normaliseWord(std::string_view word);

// [SECTION] Patterns

struct WordTest {
    enum class Kind { Literal, Any, Prefix, Suffix, End };
    Kind kind = Kind::Literal;
    std::string text;  // the literal, prefix or suffix
    bool matches(const Token& t) const;
};

using Sequence = std::vector<WordTest>;  // words matched one after another

struct Element {
    std::vector<Sequence> alts;  // one of these
    bool optional = false;       // written with an empty alternative: {a|b|}
    bool lookbehind = false;     // <{...}: must precede the match, not part of it
    bool lookahead = false;      // >{...}: must follow the match, not part of it
};

struct Pattern {
    std::vector<Element> elements;
    std::string source;   // as written in the rules file
    std::string replace;  // per-pattern replacement; empty means the rule's
};

// A mistake in a pattern, with the byte offset into the pattern text.
struct PatternError : std::runtime_error {
    std::size_t offset;
    PatternError(std::size_t off, const std::string& msg) : std::runtime_error(msg), offset(off) {}
};

// Throws PatternError. A fragment (a passive rule's optional 'between' group)
// need not require a word.
Pattern compilePattern(std::string_view source, bool fragment = false);

// Every literal word any alternative of the element can be, for the agent
// search's stop words.
std::vector<std::string> literalWords(const Element& e);

// The words a match can start with (the first consumed or lookbehind word), or
// nothing when it can start with any word (a wildcard or glob first).
std::optional<std::vector<std::string>> firstWords(const Pattern& p);

struct Span {
    std::size_t begin = 0, end = 0;  // token indices, end exclusive; excludes look-around
};

// Longest match of p whose first token (lookbehind included) is tokens[start].
// Words inside a match may not be separated by punctuation.
std::optional<Span> matchAt(const Pattern& p, const std::vector<Token>& tokens, std::size_t start);

// [SECTION] Compiled rule set (built by language_rules.cpp, read by language_lint.cpp)

struct CompiledRule {
    std::vector<Pattern> patterns;
    std::vector<Pattern> exceptions;
    std::vector<Pattern> agents;              // Passive: "by", "at the hands of"
    std::unordered_set<std::string> agentStops;  // Passive: an auxiliary ends the search for an agent,
                                              // so "was assaulted and Adam was arrested by police" is flagged
};

struct PatternRef {
    std::uint32_t rule, pattern;
};

struct CompiledRules {
    std::vector<CompiledRule> rules;  // parallel to RuleSet::rules()
    std::unordered_map<std::string, std::vector<PatternRef>> byFirstWord;  // only patterns that can start there are tried
    std::vector<PatternRef> anyFirstWord;                                 // patterns starting with a wildcard
    std::unordered_set<std::string> perpetratorTerms, agencyTerms, personTerms;  // for Subject::Victim
};

}  // namespace genochron::lint::detail
