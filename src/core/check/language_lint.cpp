// Running a RuleSet over text: candidate matches from the first-word index,
// then the filters that keep false positives down (exceptions, who the phrase
// is about, a passive verb's agent), then --fix-suggestions rewriting.
//
// Index
//   [SECTION] Filters
//   [SECTION] lintText
//   [SECTION] applyReplacements
#include "core/check/language_lint.hpp"
#include "core/check/language_pattern.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <unordered_set>

namespace genochron::lint {

namespace {

using detail::CompiledRule;
using detail::CompiledRules;
using detail::Span;
using detail::Token;

// [SECTION] Filters

bool appliesToField(const Rule& r, const std::string& field) {
    if (field.empty()) return true;
    for (const auto& f : r.fields)
        if (f == "any" || f == field || (f == "action" && field == "action_text")) return true;
    return false;
}

std::size_t clauseStart(const std::vector<Token>& tokens, std::size_t i) {
    while (i > 0 && !tokens[i].clauseBreakBefore) --i;
    return i;
}

// An exception phrase overlapping the match suppresses it ("domestic abuse"
// against "a domestic"). Exceptions never cross punctuation, so only starts
// from the match's clause onwards can overlap.
bool excepted(const CompiledRule& cr, const std::vector<Token>& tokens, Span s) {
    if (cr.exceptions.empty()) return false;
    for (std::size_t j = clauseStart(tokens, s.begin); j < s.end; ++j)
        for (const auto& ex : cr.exceptions)
            if (const auto m = detail::matchAt(ex, tokens, j); m && m->begin < s.end && m->end > s.begin) return true;
    return false;
}

// "was assaulted by Adam" names who acted; "was assaulted, and Adam was
// arrested by police" does not, so another auxiliary ends the search.
bool hasAgent(const CompiledRule& cr, const std::vector<Token>& tokens, Span s) {
    for (std::size_t k = s.end; k < tokens.size(); ++k) {
        if (tokens[k].sentenceBreakBefore) break;
        if (cr.agentStops.count(tokens[k].norm)) break;
        for (const auto& a : cr.agents)
            if (detail::matchAt(a, tokens, k)) return true;
    }
    return false;
}

enum class Owner { Unknown, Person, Perpetrator, Agency };

std::string withoutPossessive(const std::string& w) {
    return w.ends_with("'s") ? w.substr(0, w.size() - 2) : w;
}

// A word governed by a preposition is an object, not the subject: in "Nicole
// was described by the team as hard to reach" the team is not who is hard to
// reach. Looks back a few words to cover "by the mental health team".
bool afterPreposition(const std::vector<Token>& tokens, std::size_t j) {
    static const std::unordered_set<std::string> kPrepositions{
        "by", "with", "to", "from", "at", "for", "of", "towards", "toward", "about", "against", "than"};
    for (std::size_t k = j, steps = 0; k > 0 && steps < 4 && !tokens[k].sentenceBreakBefore; ++steps)
        if (kPrepositions.count(tokens[--k].norm)) return true;
    return false;
}

// Who the phrase is about: the nearest person word at or before it in the sentence
// that is not the object of a preposition. "Adam did not engage with the
// programme" and "the GP failed to engage Nicole" are not victim blaming;
// "Nicole did not engage" and "she failed to engage" are. A capitalised word
// mid-sentence that is no known term is taken for a name. With nobody found
// the phrase is flagged: silence is the risk.
Owner subjectOf(const CompiledRules& c, const std::vector<Token>& tokens, std::size_t begin,
                const std::vector<std::string>& perpNames, const TextContext& ctx) {
    auto has = [](const auto& list, const std::string& w) {
        return std::find(list.begin(), list.end(), w) != list.end();
    };
    // The match's own first word counts ("she declined"), then the words before it.
    for (std::size_t j = begin + 1; j > 0 && (j == begin + 1 || !tokens[j].sentenceBreakBefore);) {
        const Token& t = tokens[--j];
        const std::string base = withoutPossessive(t.norm);
        Owner o = Owner::Unknown;
        if (has(perpNames, base) || c.perpetratorTerms.count(base) || has(ctx.perpetratorPronouns, t.norm))
            o = Owner::Perpetrator;
        else if (c.agencyTerms.count(base)) o = Owner::Agency;
        else if (c.personTerms.count(t.norm) || (t.capitalised && !t.sentenceBreakBefore)) o = Owner::Person;
        if (o != Owner::Unknown && !afterPreposition(tokens, j)) return o;
    }
    return Owner::Unknown;
}

}  // namespace

// [SECTION] lintText

std::vector<Match> lintText(const RuleSet& set, std::string_view text, const TextContext& ctx) {
    if (!set.m_compiled) return {};
    const CompiledRules& c = *set.m_compiled;
    const auto& rules = set.m_rules;
    const std::vector<Token> tokens = detail::tokenise(text);

    std::vector<char> active(rules.size());
    for (std::size_t r = 0; r < rules.size(); ++r)
        active[r] = appliesToField(rules[r], ctx.field) && (rules[r].kind != RuleKind::Passive || ctx.namesPerpetrator);

    struct Candidate {
        std::uint32_t rule, pattern;
        Span span;
    };
    std::vector<Candidate> found;
    auto attempt = [&](detail::PatternRef ref, std::size_t i) {
        if (!active[ref.rule]) return;
        if (const auto s = detail::matchAt(c.rules[ref.rule].patterns[ref.pattern], tokens, i))
            found.push_back({ref.rule, ref.pattern, *s});
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (const auto it = c.byFirstWord.find(tokens[i].norm); it != c.byFirstWord.end())
            for (const auto ref : it->second) attempt(ref, i);
        for (const auto ref : c.anyFirstWord) attempt(ref, i);
    }

    // Per rule, leftmost then longest wins and overlapping matches are dropped.
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        return std::tuple(a.rule, a.span.begin, b.span.end, a.pattern) <
               std::tuple(b.rule, b.span.begin, a.span.end, b.pattern);
    });

    std::vector<std::string> perpNames;
    for (const auto& name : ctx.perpetratorNames)
        for (const auto& t : detail::tokenise(name)) perpNames.push_back(t.norm);

    std::vector<Match> out;
    std::size_t lastRule = SIZE_MAX, lastEnd = 0;
    for (const Candidate& f : found) {
        if (f.rule == lastRule && f.span.begin < lastEnd) continue;
        const Rule& rule = rules[f.rule];
        const CompiledRule& cr = c.rules[f.rule];
        if (excepted(cr, tokens, f.span)) continue;
        if (rule.kind == RuleKind::Passive && hasAgent(cr, tokens, f.span)) continue;
        if (rule.subject == Subject::Victim) {
            const Owner o = subjectOf(c, tokens, f.span.begin, perpNames, ctx);
            if (o == Owner::Perpetrator || o == Owner::Agency) continue;
        }
        lastRule = f.rule;
        lastEnd = f.span.end;
        Match m;
        m.rule = &rule;
        m.offset = tokens[f.span.begin].begin;
        m.length = tokens[f.span.end - 1].end - m.offset;
        m.matched = std::string(text.substr(m.offset, m.length));
        const std::string& own = cr.patterns[f.pattern].replace;
        m.replacement = own.empty() ? rule.replace : own;
        out.push_back(std::move(m));
    }
    std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
        return std::tuple(a.offset, a.rule) < std::tuple(b.offset, b.rule);
    });
    return out;
}

// [SECTION] applyReplacements

namespace {

bool isUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

bool startsSentence(std::string_view text, std::size_t offset) {
    while (offset > 0) {
        const char c = text[offset - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(') { --offset; continue; }
        return c == '.' || c == '!' || c == '?' || c == '\n';
    }
    return true;
}

// "Historic" -> "Non-recent"; "DV" mid-sentence -> "domestic abuse", not
// "Domestic abuse": an all-capitals abbreviation says nothing about case.
std::string matchCase(std::string replacement, std::string_view matched, bool sentenceStart) {
    if (replacement.empty() || matched.empty() || !isUpperAscii(matched[0])) return replacement;
    const bool acronym = matched.size() > 1 && isUpperAscii(matched[1]);
    if ((!acronym || sentenceStart) && replacement[0] >= 'a' && replacement[0] <= 'z')
        replacement[0] = static_cast<char>(replacement[0] - 'a' + 'A');
    return replacement;
}

}  // namespace

std::string applyReplacements(std::string_view text, const std::vector<Match>& matches) {
    std::vector<const Match*> order;
    for (const auto& m : matches) order.push_back(&m);
    std::stable_sort(order.begin(), order.end(), [](const Match* a, const Match* b) { return a->offset < b->offset; });

    std::string out;
    std::size_t pos = 0;
    for (const Match* m : order) {
        const std::string& repl = !m->replacement.empty() ? m->replacement : m->rule ? m->rule->replace : m->replacement;
        if (repl.empty() || m->offset < pos || m->offset + m->length > text.size()) continue;
        out.append(text.substr(pos, m->offset - pos));
        out += matchCase(repl, text.substr(m->offset, m->length), startsSentence(text, m->offset));
        pos = m->offset + m->length;
    }
    out.append(text.substr(pos));
    return out;
}

}  // namespace genochron::lint
