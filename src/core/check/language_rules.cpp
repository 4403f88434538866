// Loading assets/language_rules.yaml into a RuleSet: validation with
// file:line:column errors a rules author can act on, pattern compilation, and
// the first-word index that keeps matching cheap.
//
// Index
//   [SECTION] Errors
//   [SECTION] YAML helpers
//   [SECTION] Rules
//   [SECTION] RuleSet
#include "core/check/language_lint.hpp"
#include "core/check/language_pattern.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace genochron::lint {

// [SECTION] Errors

namespace {

std::string formatError(const std::string& file, int line, int column, const std::string& message) {
    std::ostringstream s;
    s << file;
    if (line > 0) s << ':' << line << ':' << column;
    s << ": error: " << message;
    return s.str();
}

}  // namespace

RuleLoadError::RuleLoadError(std::string f, int l, int c, const std::string& m)
    : std::runtime_error(formatError(f, l, c, m)), file(std::move(f)), line(l), column(c), message(m) {}

namespace {

using detail::CompiledRule;
using detail::CompiledRules;
using detail::Pattern;
using detail::PatternError;

const std::set<std::string> kFields{"what", "action", "action_text", "analysis", "notes", "recommendation", "any"};
const std::set<std::string> kTopKeys{"rules", "perpetrator-terms", "agency-terms", "person-terms"};
const std::set<std::string> kRuleKeys{"id", "patterns", "why", "suggest", "replace", "severity", "fields",
                                      "exceptions", "subject", "kind", "auxiliaries", "between", "verbs",
                                      "agents"};
const std::set<std::string> kPassiveOnly{"auxiliaries", "between", "verbs", "agents"};

// [SECTION] YAML helpers

class Loader {
public:
    explicit Loader(const std::string& name) : m_name(name) {}

    [[noreturn]] void fail(const YAML::Node& at, const std::string& message, std::size_t extraColumn = 0) const {
        const YAML::Mark m = at.Mark();
        if (m.is_null() || m.line < 0) throw RuleLoadError(m_name, 0, 0, message);
        throw RuleLoadError(m_name, m.line + 1, m.column + 1 + static_cast<int>(extraColumn), message);
    }

    // A mapping whose keys are all known and none repeated (yaml-cpp keeps
    // repeats silently, which would hide a typo'd second "patterns:").
    std::map<std::string, YAML::Node> mapping(const YAML::Node& n, const std::set<std::string>& known,
                                              const std::string& what) const {
        if (!n.IsMap()) fail(n, what + " must be a mapping of keys to values");
        std::map<std::string, YAML::Node> out;
        for (const auto& kv : n) {
            if (!kv.first.IsScalar()) fail(kv.first, "keys must be plain words");
            const std::string key = kv.first.Scalar();
            if (!known.count(key)) {
                std::string list;
                for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
                fail(kv.first, "unknown key '" + key + "' in " + what + " (expected one of: " + list + ")");
            }
            if (out.count(key)) fail(kv.first, "'" + key + "' is given twice in " + what);
            out.emplace(key, kv.second);
        }
        return out;
    }

    std::string text(const YAML::Node& n, const std::string& key, bool allowEmpty = false) const {
        if (!n.IsScalar()) fail(n, "'" + key + "' must be text");
        if (!allowEmpty && n.Scalar().empty()) fail(n, "'" + key + "' must not be empty");
        return n.Scalar();
    }

    // A list of text; a single scalar is accepted as a list of one.
    std::vector<std::pair<std::string, YAML::Node>> textList(const YAML::Node& n, const std::string& key) const {
        std::vector<std::pair<std::string, YAML::Node>> out;
        if (n.IsScalar()) {
            out.emplace_back(text(n, key), n);
            return out;
        }
        if (!n.IsSequence()) fail(n, "'" + key + "' must be a list");
        for (const auto& item : n) {
            if (!item.IsScalar())
                fail(item, "each entry of '" + key + "' must be text (quote entries that start with { or [)");
            out.emplace_back(text(item, key), item);
        }
        return out;
    }

    Pattern pattern(const std::string& source, const YAML::Node& at, const std::string& key,
                    bool fragment = false) const {
        try {
            return detail::compilePattern(source, fragment);
        } catch (const PatternError& e) {
            // A quoted one-line scalar starts one column after its mark.
            const bool quoted = at.Tag() == "!";
            const bool oneLine = source.find('\n') == std::string::npos;
            fail(at, "in " + key + " \"" + source + "\": " + e.what(), oneLine ? e.offset + (quoted ? 1 : 0) : 0);
        }
    }

    std::unordered_set<std::string> terms(const YAML::Node& n, const std::string& key) const {
        std::unordered_set<std::string> out;
        for (const auto& [word, node] : textList(n, key)) {
            const std::string w = detail::normaliseWord(word);
            const auto tokens = detail::tokenise(w);
            if (tokens.size() != 1 || tokens[0].norm != w) fail(node, "'" + word + "' in " + key + " must be one word");
            out.insert(w);
        }
        return out;
    }

private:
    const std::string& m_name;
};

// [SECTION] Rules

bool isKebab(const std::string& id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
        if (!ok) return false;
    }
    return true;
}

struct Loaded {
    Rule rule;
    CompiledRule compiled;
};

Loaded loadRule(const Loader& L, const YAML::Node& node) {
    Loaded out;
    Rule& r = out.rule;
    CompiledRule& c = out.compiled;
    const auto keys = L.mapping(node, kRuleKeys, "a rule");
    auto required = [&](const char* key) -> const YAML::Node& {
        const auto it = keys.find(key);
        if (it == keys.end()) L.fail(node, std::string("rule is missing '") + key + "'");
        return it->second;
    };
    r.line = node.Mark().line + 1;

    const YAML::Node& idNode = required("id");
    r.id = L.text(idNode, "id");
    if (!isKebab(r.id)) L.fail(idNode, "rule id '" + r.id + "' must be kebab-case, like failed-to-engage");
    auto ctx = [&](const std::string& key) { return "rule '" + r.id + "' " + key; };

    if (auto it = keys.find("kind"); it != keys.end()) {
        const std::string k = L.text(it->second, "kind");
        if (k == "passive") r.kind = RuleKind::Passive;
        else if (k != "phrase") L.fail(it->second, "kind must be 'phrase' or 'passive', not '" + k + "'");
    }
    for (const auto& key : kPassiveOnly)
        if (r.kind != RuleKind::Passive && keys.count(key))
            L.fail(keys.at(key), "'" + key + "' is only for rules with kind: passive");

    r.why = L.text(required("why"), "why");
    r.suggest = L.text(required("suggest"), "suggest");
    if (auto it = keys.find("replace"); it != keys.end()) r.replace = L.text(it->second, "replace");

    const YAML::Node& sev = required("severity");
    const std::string s = L.text(sev, "severity");
    if (s == "warning") r.severity = Severity::Warning;
    else if (s == "info") r.severity = Severity::Info;
    else L.fail(sev, "severity must be 'warning' or 'info', not '" + s + "'");

    for (const auto& [f, n] : L.textList(required("fields"), "fields")) {
        if (!kFields.count(f))
            L.fail(n, "unknown field '" + f + "' (expected what, action, action_text, analysis, notes, "
                      "recommendation or any)");
        r.fields.push_back(f);
    }

    if (auto it = keys.find("subject"); it != keys.end()) {
        const std::string v = L.text(it->second, "subject");
        if (v == "victim") r.subject = Subject::Victim;
        else if (v != "any") L.fail(it->second, "subject must be 'victim' or 'any', not '" + v + "'");
    }

    if (r.kind == RuleKind::Phrase) {
        const YAML::Node& pats = required("patterns");
        if (!pats.IsSequence() || pats.size() == 0) L.fail(pats, "'patterns' must be a non-empty list");
        for (const auto& item : pats) {
            std::string source, replace;
            YAML::Node at = item;
            if (item.IsMap()) {
                const auto pk = L.mapping(item, {"text", "replace"}, "a pattern");
                if (!pk.count("text")) L.fail(item, "a pattern written as a mapping needs 'text'");
                at = pk.at("text");
                source = L.text(at, "text");
                if (pk.count("replace")) replace = L.text(pk.at("replace"), "replace");
            } else if (item.IsScalar()) {
                source = L.text(item, "patterns");
            } else {
                L.fail(item, "a pattern must be text or {text, replace} (quote patterns that start with { or [)");
            }
            Pattern p = L.pattern(source, at, ctx("pattern"));
            p.replace = replace;
            r.patterns.push_back(source);
            c.patterns.push_back(std::move(p));
        }
    } else {
        if (keys.count("patterns"))
            L.fail(keys.at("patterns"), "a passive rule is written with auxiliaries, between and verbs, not patterns");
        const YAML::Node& auxNode = required("auxiliaries");
        const std::string aux = L.text(auxNode, "auxiliaries");
        const Pattern auxPattern = L.pattern(aux, auxNode, ctx("auxiliaries"));
        for (const auto& e : auxPattern.elements)
            for (const auto& w : detail::literalWords(e)) c.agentStops.insert(w);
        std::string between;
        if (auto it = keys.find("between"); it != keys.end()) {
            between = L.text(it->second, "between");
            const Pattern b = L.pattern(between, it->second, ctx("between"), true);
            if (b.elements.size() != 1 || !b.elements[0].optional)
                L.fail(it->second, "'between' must be one optional group, like {*ly|then|}");
        }
        std::string verbs;
        for (const auto& [v, n] : L.textList(required("verbs"), "verbs")) {
            if (v.find_first_of("{}|<>") != std::string::npos)
                L.fail(n, "verbs are plain words; list each form separately");
            L.pattern(v, n, ctx("verb"));
            verbs += (verbs.empty() ? "" : "|") + v;
        }
        std::string assembled = aux + " " + (between.empty() ? "" : between + " " + between + " ") + "{" + verbs + "}";
        c.patterns.push_back(L.pattern(assembled, auxNode, ctx("passive pattern")));
        r.patterns.push_back(std::move(assembled));
        if (auto it = keys.find("agents"); it != keys.end())
            for (const auto& [a, n] : L.textList(it->second, "agents")) {
                c.agents.push_back(L.pattern(a, n, ctx("agent")));
                r.agents.push_back(a);
            }
    }

    if (auto it = keys.find("exceptions"); it != keys.end())
        for (const auto& [e, n] : L.textList(it->second, "exceptions")) {
            c.exceptions.push_back(L.pattern(e, n, ctx("exception")));
            r.exceptions.push_back(e);
        }
    return out;
}

}  // namespace

// [SECTION] RuleSet

RuleSet RuleSet::loadString(const std::string& yaml, const std::string& name) {
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        throw RuleLoadError(name, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1,
                            e.msg);
    }
    const Loader L(name);
    if (!root.IsDefined() || root.IsNull()) throw RuleLoadError(name, 1, 1, "the rules file is empty");
    const auto top = L.mapping(root, kTopKeys, "the rules file");
    if (!top.count("rules")) L.fail(root, "the rules file needs a 'rules:' list");
    const YAML::Node& list = top.at("rules");
    if (!list.IsSequence()) L.fail(list, "'rules' must be a list of rules");

    auto compiled = std::make_shared<CompiledRules>();
    RuleSet set;
    std::map<std::string, int> seen;  // id -> line
    for (const auto& node : list) {
        Loaded l = loadRule(L, node);
        if (auto [it, fresh] = seen.emplace(l.rule.id, l.rule.line); !fresh)
            L.fail(node["id"], "rule id '" + l.rule.id + "' is already used on line " + std::to_string(it->second));
        set.m_rules.push_back(std::move(l.rule));
        compiled->rules.push_back(std::move(l.compiled));
    }
    if (top.count("perpetrator-terms")) compiled->perpetratorTerms = L.terms(top.at("perpetrator-terms"), "perpetrator-terms");
    if (top.count("agency-terms")) compiled->agencyTerms = L.terms(top.at("agency-terms"), "agency-terms");
    if (top.count("person-terms")) compiled->personTerms = L.terms(top.at("person-terms"), "person-terms");

    for (std::uint32_t r = 0; r < compiled->rules.size(); ++r) {
        const auto& pats = compiled->rules[r].patterns;
        for (std::uint32_t p = 0; p < pats.size(); ++p) {
            const detail::PatternRef ref{r, p};
            if (const auto first = detail::firstWords(pats[p]))
                for (const auto& w : *first) compiled->byFirstWord[w].push_back(ref);
            else
                compiled->anyFirstWord.push_back(ref);
        }
    }
    set.m_compiled = std::move(compiled);
    return set;
}

RuleSet RuleSet::loadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuleLoadError(path, 0, 0, "cannot open the language rules file");
    std::ostringstream buf;
    buf << in.rdbuf();
    return loadString(buf.str(), path);
}

const Rule* RuleSet::find(std::string_view id) const {
    const auto it = std::find_if(m_rules.begin(), m_rules.end(), [&](const Rule& r) { return r.id == id; });
    return it == m_rules.end() ? nullptr : &*it;
}

}  // namespace genochron::lint
