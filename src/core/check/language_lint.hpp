// Language linter: flags wording that blames victims, minimises abuse or hides
// who acted, and suggests what to write instead. The rules are data
// (assets/language_rules.yaml, in the manner of alex / retext-equality); this
// module loads them and matches them on words, not substrings.
//
//   auto rules = lint::RuleSet::loadFile(path);              // throws RuleLoadError
//   auto found = lint::lintText(rules, text, {.field = "what"});
//   std::string fixed = lint::applyReplacements(text, found);  // --fix-suggestions
//
// Offsets in Match are bytes into the text passed to lintText, so a caller that
// knows where a YAML scalar starts can report file:line:column.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace genochron::lint {

enum class Severity { Info, Warning };

enum class RuleKind {
    Phrase,   // flag the phrases as written
    Passive,  // "was assaulted" with no "by ..." when the text is about the perpetrator's acts
};

enum class Subject {
    Any,     // flag whoever the phrase is about
    Victim,  // skip when the nearest person before it is the perpetrator or an agency
};

struct Rule {
    std::string id;                       // kebab-case, unique in the file
    std::vector<std::string> patterns;    // as written (for Passive: the assembled pattern)
    std::string why, suggest;             // shown to the user
    std::string replace;                  // direct replacement for --fix-suggestions; often empty
    Severity severity = Severity::Warning;
    std::vector<std::string> fields;      // what, action, action_text, analysis, notes, recommendation, any
    std::vector<std::string> exceptions;  // phrases that suppress an overlapping match
    RuleKind kind = RuleKind::Phrase;
    Subject subject = Subject::Any;
    std::vector<std::string> agents;      // Passive: phrases naming who acted ("by")
    int line = 0;                         // 1-based line of the rule in its file, for messages
};

// A rules file that cannot be used. what() is "file:line:col: error: message";
// line and column are 1-based, 0 when the error has no position (missing file).
struct RuleLoadError : std::runtime_error {
    std::string file;
    int line = 0, column = 0;
    std::string message;  // without the location
    RuleLoadError(std::string file, int line, int column, const std::string& message);
};

namespace detail { struct CompiledRules; }
struct Match;
struct TextContext;

class RuleSet {
public:
    static RuleSet loadFile(const std::string& path);                           // throws RuleLoadError
    static RuleSet loadString(const std::string& yaml, const std::string& name);  // name is used in errors

    const std::vector<Rule>& rules() const { return m_rules; }
    const Rule* find(std::string_view id) const;  // nullptr when no rule has that id

private:
    friend std::vector<Match> lintText(const RuleSet&, std::string_view, const TextContext&);
    std::vector<Rule> m_rules;
    std::shared_ptr<const detail::CompiledRules> m_compiled;  // patterns and indexes; internal, immutable
};

struct Match {
    const Rule* rule = nullptr;  // points into the RuleSet, which must outlive the match
    std::size_t offset = 0;      // bytes into the text
    std::size_t length = 0;      // bytes
    std::string matched;         // the text as written
    std::string replacement;     // what --fix-suggestions writes; empty when there is no single wording
};

struct TextContext {
    std::string field;                              // "what", "action", "analysis", "notes", "recommendation",
                                                    // "action_text"; empty applies every rule
    bool namesPerpetrator = false;                  // the text records the perpetrator's acts: turns on Passive rules
    std::vector<std::string> perpetratorNames;      // pseudonyms, e.g. {"Adam"}; victim rules skip phrases about them
    std::vector<std::string> perpetratorPronouns;   // e.g. {"he", "him", "his"}; only when no victim shares them
};

// Every finding in the text, ordered by offset then by rule order in the file.
// Matches of one rule never overlap; different rules may flag the same words.
std::vector<Match> lintText(const RuleSet& rules, std::string_view text, const TextContext& context);

// The text with each match that has a replacement rewritten; the first letter
// keeps the case it had ("Historic abuse" -> "Non-recent abuse"). Where matches
// overlap the earlier one wins.
std::string applyReplacements(std::string_view text, const std::vector<Match>& matches);

}  // namespace genochron::lint
