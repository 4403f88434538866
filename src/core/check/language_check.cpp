// `check`'s language family: every free-text field of the case run through the
// language rules (assets/language_rules.yaml), each finding placed on the phrase
// itself (file:line:column), with why it matters, what to write instead and, where
// the rule has a single wording, the sentence reworded. `lint_ignore` on an item
// keeps its findings in the report, marked suppressed with the reason given.
#include "core/check/check.hpp"
#include "core/check/language_check_locate.hpp"
#include "core/check/language_lint.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <mutex>

namespace genochron {

namespace {

// ---------------------------------------------------------------- [SECTION] rules, loaded once

// Loading and compiling the rules costs more than linting a small case, and the app
// re-runs checks on every edit: keep each file's rules, reloading only when it changes.
std::shared_ptr<const lint::RuleSet> rulesFor(const std::string& path) {
    struct Entry {
        std::filesystem::file_time_type mtime;
        std::shared_ptr<const lint::RuleSet> rules;
    };
    static std::mutex mutex;
    static std::map<std::string, Entry> cache;
    std::error_code ec;
    auto mtime = std::filesystem::last_write_time(path, ec);
    std::lock_guard lock(mutex);
    if (auto it = cache.find(path); it != cache.end() && !ec && it->second.mtime == mtime) return it->second.rules;
    try {
        auto rules = std::make_shared<const lint::RuleSet>(lint::RuleSet::loadFile(path));
        cache[path] = Entry{mtime, rules};
        return rules;
    } catch (const lint::RuleLoadError& e) {
        throw GenochronError("the language rules cannot be used: " + e.message +
                                 (e.line ? "" : "; set GENOCHRON_ASSETS to the folder holding language_rules.yaml"),
                             e.file, e.line, e.column);
    }
}

// ---------------------------------------------------------------- [SECTION] who is who

bool isPerpetrator(const Person& p) {
    return p.hasRole(Role::Perpetrator) || p.hasCondition(Condition::DomesticAbusePerpetrator);
}

std::vector<std::string> pronounsOf(Sex s) {
    if (s == Sex::Male) return {"he", "him", "his", "himself"};
    if (s == Sex::Female) return {"she", "her", "hers", "herself"};
    return {};
}

void addNames(const Person& p, std::vector<std::string>& out) {
    for (const std::string* s : {&p.name, &p.pseudonym, &p.id})
        if (!s->empty()) out.push_back(*s);
    out.insert(out.end(), p.aliases.begin(), p.aliases.end());
}

// ---------------------------------------------------------------- [SECTION] the sentence, reworded

bool sentenceEnd(std::string_view t, std::size_t i) {   // t[i] ends a sentence
    char c = t[i];
    if (c == '\n') return true;
    if (c != '.' && c != '!' && c != '?') return false;
    return i + 1 >= t.size() || t[i + 1] == ' ' || t[i + 1] == '\n' || t[i + 1] == '"' || t[i + 1] == '\'';
}

std::pair<std::size_t, std::size_t> sentenceAround(std::string_view t, std::size_t begin, std::size_t end) {
    std::size_t s = begin;
    while (s > 0 && !sentenceEnd(t, s - 1)) --s;
    while (s < begin && (t[s] == ' ' || t[s] == '\n')) ++s;
    std::size_t e = end;
    while (e < t.size() && !sentenceEnd(t, e)) ++e;
    if (e < t.size() && t[e] != '\n') ++e;
    return {s, e};
}

// The sentence holding match `m`, every match in it that has one wording rewritten.
std::string rewordedSentence(std::string_view text, const lint::Match& m, const std::vector<lint::Match>& all) {
    auto has = [](const lint::Match& x) { return !x.replacement.empty() || (x.rule && !x.rule->replace.empty()); };
    if (!has(m)) return {};
    auto [s, e] = sentenceAround(text, m.offset, m.offset + m.length);
    std::vector<lint::Match> inside;
    for (const auto& x : all)
        if (x.offset >= s && x.offset + x.length <= e && has(x)) {
            inside.push_back(x);
            inside.back().offset -= s;
        }
    std::string out = lint::applyReplacements(text.substr(s, e - s), inside);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return out;
}

// ---------------------------------------------------------------- [SECTION] what to quote

// Where the phrase the reader should see starts: a rule with a lookbehind ("<{a|the}
// domestic") matches only "domestic", but "'a domestic'" is what was written.
std::size_t quoteStart(std::string_view text, const lint::Match& m) {
    bool behind = std::any_of(m.rule->patterns.begin(), m.rule->patterns.end(),
                              [](const std::string& p) { return p.starts_with("<"); });
    if (!behind || m.offset < 2 || text[m.offset - 1] != ' ') return m.offset;
    std::size_t k = m.offset - 1;
    while (k > 0 && std::isalpha(static_cast<unsigned char>(text[k - 1]))) --k;
    return k < m.offset - 1 ? k : m.offset;
}

std::string message(std::string_view text, const lint::Match& m) {
    std::string why = m.rule->why;
    while (!why.empty() && (why.back() == '.' || why.back() == ' ')) why.pop_back();
    std::size_t from = quoteStart(text, m);
    return fmt::format("'{}': {}; suggest: {}", text.substr(from, m.offset + m.length - from), why, m.rule->suggest);
}

// Quoted passages: "...", '...', and their curly forms. An apostrophe inside a word
// ("didn't", "Nicole's") neither opens nor closes one.
std::vector<std::pair<std::size_t, std::size_t>> quotedSpans(std::string_view t) {
    auto quoteAt = [&](std::size_t i) -> std::size_t {   // the quote's length in bytes, 0 if none
        if (t[i] == '"' || t[i] == '\'') return 1;
        if (t.substr(i, 3) == "\u2018" || t.substr(i, 3) == "\u2019" || t.substr(i, 3) == "\u201C" ||
            t.substr(i, 3) == "\u201D")
            return 3;
        return 0;
    };
    auto space = [&](std::size_t i) { return i >= t.size() || t[i] == ' ' || t[i] == '\n' || t[i] == '\t'; };
    auto closes = [&](std::size_t i) {
        return i >= t.size() || space(i) || std::string_view(".,;:!?)]").find(t[i]) != std::string_view::npos;
    };
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (std::size_t i = 0; i < t.size();) {
        std::size_t q = quoteAt(i);
        bool opens = q && (i == 0 || space(i - 1) || t[i - 1] == '(' || t[i - 1] == '[') && !space(i + q);
        if (!opens) {
            ++i;
            continue;
        }
        std::size_t j = i + q, end = std::string_view::npos;
        for (; j < t.size(); ++j)
            if (std::size_t c = quoteAt(j); c && !space(j - 1) && closes(j + c)) {
                end = j + c;
                break;
            }
        if (end == std::string_view::npos) {
            i += q;
            continue;
        }
        spans.emplace_back(i, end);
        i = end;
    }
    return spans;
}

// ---------------------------------------------------------------- [SECTION] the checker

class LanguageChecker {
public:
    LanguageChecker(const Case& c, const lint::RuleSet& rules, Diagnostics& d, const std::string* sourceText)
        : m_c(c), m_rules(rules), m_d(d), m_sourceText(sourceText) {
        for (const auto& p : m_c.people)
            if (isPerpetrator(p)) {
                m_perps.push_back(&p);
                addNames(p, m_allPerpNames);
            }
    }

    void run() {
        for (const auto& e : m_c.events) {
            lint::TextContext ctx = eventContext(e);
            // In an account from family, a friend, the victim or the perpetrator, quoted words are
            // theirs, recorded as said ("Nicole 'was pushing his buttons'", in Adam's account). An
            // agency's or the panel's quotes are the agency's own words and are checked.
            m_skipQuotes = e.source != Source::AgencyRecord && e.source != Source::Panel;
            item(e.what, "what", e.id, e.meta, ctx, keyAt(e.meta, "what"));
            item(e.action, "action", e.id, e.meta, ctx, keyAt(e.meta, "action"));
            item(e.analysis, "analysis", e.id, e.meta, ctx, keyAt(e.meta, "analysis"));
            item(e.missedOpportunity, "analysis", e.id, e.meta, ctx, keyAt(e.meta, "missed_opportunity"));
        }
        m_skipQuotes = false;
        for (const auto& p : m_c.people) {
            lint::TextContext ctx;
            ctx.perpetratorNames = m_allPerpNames;
            // A victim's or a perpetrator's notes are about the abuse; a grandparent's are not.
            ctx.namesPerpetrator = isPerpetrator(p) || p.hasRole(Role::Victim) ||
                                   p.hasCondition(Condition::DomesticAbuseVictim);
            if (isPerpetrator(p)) ctx.perpetratorPronouns = pronounsOf(p.sex);
            item(p.notes, "notes", p.id, p.meta, ctx, keyAt(p.meta, "notes"));
        }
        lint::TextContext plain;
        plain.perpetratorNames = m_allPerpNames;
        for (const auto& h : m_c.households) item(h.label, "notes", h.id, h.meta, plain, keyAt(h.meta, "label"));
        for (std::size_t ri = 0; ri < m_c.recommendations.size(); ++ri) {
            const auto& r = m_c.recommendations[ri];
            item(r.text, "recommendation", r.id, r.meta, plain, keyAt(r.meta, "text"));
            for (std::size_t ai = 0; ai < r.actions.size(); ++ai) {
                const auto& a = r.actions[ai];
                item(a.text, "action_text", a.id, a.meta, plain, keyAt(a.meta, "text"));
                for (std::size_t ui = 0; ui < a.updates.size(); ++ui)
                    item(a.updates[ui].text, "action_text", a.id, a.meta, plain, [&, ui] {
                        return a.meta.at(fmt::format("updates[{}].text", ui), "updates");
                    });
            }
        }
        unknownSuppressions();
    }

private:
    static std::function<SourceLoc()> keyAt(const Meta& meta, const char* key) {
        return [&meta, key] { return meta.at(key); };
    }

    const Case& m_c;
    const lint::RuleSet& m_rules;
    Diagnostics& m_d;
    std::vector<const Person*> m_perps;
    std::vector<std::string> m_allPerpNames;
    std::optional<langcheck::SourceText> m_src;
    bool m_srcTried = false;
    const std::string* m_sourceText = nullptr;
    bool m_skipQuotes = false;

    // Whose acts an event records, the names that mean him, and his pronouns when no
    // one else in the event shares them ("Kayden said he was scared" is about Kayden).
    lint::TextContext eventContext(const Event& e) const {
        lint::TextContext ctx;
        std::vector<const Person*> perps, others;
        for (const auto& id : e.people)
            if (const Person* p = m_c.person(id)) (isPerpetrator(*p) ? perps : others).push_back(p);
        if (perps.empty()) {
            ctx.perpetratorNames = m_allPerpNames;   // "Adam did not engage" is never victim blaming
            return ctx;
        }
        ctx.namesPerpetrator = true;
        for (const Person* p : perps) addNames(*p, ctx.perpetratorNames);
        Sex sex = perps.front()->sex;
        bool oneSex = std::all_of(perps.begin(), perps.end(), [&](const Person* p) { return p->sex == sex; });
        bool shared = std::any_of(others.begin(), others.end(), [&](const Person* p) {
            return p->sex == sex || p->sex == Sex::Unknown || p->sex == Sex::Other;
        });
        if (oneSex && !shared) ctx.perpetratorPronouns = pronounsOf(sex);
        return ctx;
    }

    const langcheck::SourceText* source() {
        if (!m_srcTried) {
            m_srcTried = true;
            if (m_sourceText) m_src.emplace(*m_sourceText);
        }
        return m_src ? &*m_src : nullptr;
    }

    // Lints one field; `start` gives where its scalar starts, asked only when there is a finding.
    void item(const std::string& text, const std::string& field, const std::string& id, const Meta& meta,
              const lint::TextContext& ctx0, const std::function<SourceLoc()>& start) {
        if (text.empty()) return;
        lint::TextContext ctx = ctx0;
        ctx.field = field;
        auto found = lint::lintText(m_rules, text, ctx);
        if (found.empty()) return;
        if (m_skipQuotes) {
            auto spans = quotedSpans(text);
            std::erase_if(found, [&](const lint::Match& m) {
                return std::any_of(spans.begin(), spans.end(), [&](const auto& sp) {
                    return sp.first <= m.offset && m.offset + m.length <= sp.second;
                });
            });
            if (found.empty()) return;
        }
        const SourceLoc from = start();
        for (const auto& m : found) {
            SourceLoc loc = locate(from, text, quoteStart(text, m));
            auto& diag = m_d.add(m.rule->severity == lint::Severity::Warning ? Severity::Warning : Severity::Note,
                                 Category::Language, m.rule->id, loc, message(text, m), id);
            diag.suggestion = rewordedSentence(text, m, found);
            for (const auto& li : meta.lintIgnore)
                if (li.rule == m.rule->id) {
                    diag.suppressed = true;
                    diag.suppressReason = li.reason;
                    break;
                }
        }
    }

    SourceLoc locate(SourceLoc start, const std::string& text, std::size_t offset) {
        if (const auto* src = source())
            if (auto loc = src->locate(start, text, offset)) return *loc;
        return langcheck::approximateLoc(start, text, offset);
    }

    // A misspelt rule in lint_ignore suppresses nothing: say so, or the chair believes it does.
    void unknownSuppressions() {
        auto check = [&](const Meta& meta, const std::string& id) {
            for (const auto& li : meta.lintIgnore)
                if (!m_rules.find(li.rule))
                    m_d.add(Severity::Warning, Category::Language, "unknown-lint-rule", meta.at("lint_ignore"),
                            fmt::format("lint_ignore names '{}', which is no language rule, so it suppresses nothing; "
                                        "use the rule id shown in brackets after a finding",
                                        li.rule),
                            id);
        };
        for (const auto& e : m_c.events) check(e.meta, e.id);
        for (const auto& p : m_c.people) check(p.meta, p.id);
        for (const auto& h : m_c.households) check(h.meta, h.id);
        for (const auto& r : m_c.recommendations) {
            check(r.meta, r.id);
            for (const auto& a : r.actions) check(a.meta, a.id);
        }
    }
};

}  // namespace

void checkLanguage(const Case& c, const CheckOptions& opt, Diagnostics& d) {
    auto rules = rulesFor(opt.rulesPath.empty() ? assetPath("language_rules.yaml") : opt.rulesPath);
    LanguageChecker(c, *rules, d, opt.sourceText).run();
}

}  // namespace genochron
