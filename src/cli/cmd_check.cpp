// genochron check CASE: validation, consistency, language, publication and review
// findings, compiler style; --summary for the QA Panel's checklist on one screen.
#include "cli/command.hpp"
#include "core/check/check.hpp"
#include "core/check/review_check.hpp"
#include "core/figures/views.hpp"

#include <fmt/format.h>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace genochron::cli {

namespace {

struct CheckArgs {
    std::string path;
    bool json = false;
    bool fixSuggestions = false;
    bool quiet = false;
    bool summary = false;
    std::vector<std::string> categories;
    bool noLanguage = false, noReview = false, noPublication = false;
    std::string rules;
    std::string today;
};

nlohmann::json toJson(const Diagnostic& d) {
    nlohmann::json j = {{"severity", std::string(toString(d.severity))},
                        {"category", std::string(toString(d.category))},
                        {"code", d.code},
                        {"message", d.message},
                        {"file", d.file},
                        {"line", d.line},
                        {"column", d.column},
                        {"id", d.id}};
    if (!d.suggestion.empty()) j["suggestion"] = d.suggestion;
    if (d.suppressed) {
        j["suppressed"] = true;
        j["reason"] = d.suppressReason;
    }
    return j;
}

long parseToday(const std::string& s) {
    auto r = parseDate(s);
    if (!r.date || !r.date->exactDay())
        throw GenochronError(fmt::format("--today '{}' is not a day; write it as YYYY-MM-DD", s));
    return r.date->earliestDay();
}

// One screen: the checklist point by point, findings per category, the overdue actions.
void printSummary(const std::string& path, const Case& c, const std::vector<const Diagnostic*>& shown, long today) {
    const auto items = reviewChecklist(c, today);
    std::cout << (c.info.title.empty() ? path : c.info.title + " (" + path + ")") << "\n\n";
    std::cout << "QA Panel checklist\n";
    std::size_t width = 0;
    for (const auto& it : items) width = std::max(width, it.title.size());
    int met = 0, applicable = 0;
    for (const auto& it : items) {
        const char* mark = !it.applicable ? "-" : it.met ? "\u2713" : "\u2717";
        if (it.applicable) {
            ++applicable;
            if (it.met) ++met;
        }
        std::cout << fmt::format("  {} {:<{}}  {}{}\n", mark, it.title, width, it.applicable ? "" : "not applicable: ",
                                 it.detail);
    }
    std::cout << fmt::format("  {} of {} points met{}\n\n", met, applicable,
                             applicable < int(items.size()) ? fmt::format(", {} not applicable", items.size() - std::size_t(applicable)) : "");

    std::map<Category, std::pair<int, int>> counts;   // open, suppressed
    for (const Diagnostic* d : shown) (d->suppressed ? counts[d->category].second : counts[d->category].first)++;
    std::cout << "Findings by category\n";
    for (Category cat : {Category::Validation, Category::Consistency, Category::Language, Category::Publication,
                         Category::Review}) {
        auto [open, sup] = counts[cat];
        std::cout << fmt::format("  {:<12} {:>3}{}\n", toString(cat), open, sup ? fmt::format("  ({} suppressed)", sup) : "");
    }

    std::vector<const Action*> overdue;
    for (const auto& r : c.recommendations)
        for (const auto& a : r.actions)
            if (a.overdue(today)) overdue.push_back(&a);
    std::cout << "\nOverdue actions: " << (overdue.empty() ? "none" : std::to_string(overdue.size())) << "\n";
    for (const Action* a : overdue) {
        const Agency* lead = c.agency(a->lead);
        std::cout << fmt::format("  {:<6} target {}; {}{}\n", a->id, a->target->humanLabel(),
                                 a->owner.empty() ? "no owner named" : a->owner,
                                 lead ? " (" + lead->name + ")" : "");
    }
    std::cout << "\n";
}

int run(const CheckArgs& a) {
    CheckOptions opt;
    opt.language = !a.noLanguage;
    opt.review = !a.noReview;
    opt.publication = !a.noPublication;
    opt.rulesPath = a.rules;
    opt.todayDays = a.today.empty() ? 0 : parseToday(a.today);

    auto res = loadCaseFile(a.path);
    Diagnostics& d = res.diagnostics;
    bool invalid = !res.ok();
    opt.sourceText = &res.source;
    if (res.model && !invalid) runChecks(*res.model, opt, d);

    std::set<std::string> wanted(a.categories.begin(), a.categories.end());
    std::vector<const Diagnostic*> shown;
    for (const auto& x : d.items())
        // Errors always show: a filter must never hide why the file cannot be read.
        if (wanted.empty() || wanted.count(std::string(toString(x.category))) || x.severity == Severity::Error)
            shown.push_back(&x);

    int findings = 0, suppressed = 0, errors = 0;
    for (const Diagnostic* x : shown) {
        if (x->suppressed) ++suppressed;
        else ++findings;
        if (x->severity == Severity::Error) ++errors;
    }
    if (a.json) {
        nlohmann::json j;
        j["findings"] = nlohmann::json::array();
        for (const Diagnostic* x : shown) j["findings"].push_back(toJson(*x));
        j["valid"] = !invalid;
        if (a.summary && res.model && !invalid) {
            j["checklist"] = nlohmann::json::array();
            for (const auto& it : reviewChecklist(*res.model, opt.todayDays))
                j["checklist"].push_back({{"code", it.code}, {"title", it.title}, {"met", it.met},
                                          {"applicable", it.applicable}, {"detail", it.detail}});
        }
        std::cout << j.dump(2) << "\n";
    } else if (a.summary && res.model && !invalid) {
        printSummary(a.path, *res.model, shown, opt.todayDays ? opt.todayDays : todayDays());
        std::cout << a.path << ": " << findings << " finding(s)"
                  << (suppressed ? ", " + std::to_string(suppressed) + " suppressed" : "") << "\n";
    } else {
        for (const Diagnostic* x : shown) {
            std::cout << formatDiagnostic(*x) << "\n";   // suppressed ones say so, with the reason
            if (a.fixSuggestions && !x->suggestion.empty()) std::cout << "    suggested: " << x->suggestion << "\n";
        }
        if (!a.quiet) {
            if (invalid) std::cout << a.path << ": invalid: " << errors << " error(s); fix them first\n";
            else std::cout << a.path << ": " << findings << " finding(s)"
                           << (suppressed ? ", " + std::to_string(suppressed) + " suppressed" : "") << "\n";
        }
    }
    if (invalid) return kExitInvalid;
    return findings ? kExitFindings : kExitOk;
}

Register reg("check", "Validate a case and report consistency, language, publication and review findings "
                      "(exit 0 clean, 1 findings, 2 invalid)",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<CheckArgs>();
                 app.add_option("CASE", a->path, "Case file (.yaml)")->required();
                 app.add_flag("--json", a->json, "Findings as JSON on stdout (with --summary: the checklist too)");
                 app.add_flag("--fix-suggestions", a->fixSuggestions, "Print a reworded sentence where a rule has one");
                 app.add_flag("--summary", a->summary,
                              "The QA Panel's checklist on one screen: each point met or not, findings per category, "
                              "overdue actions");
                 app.add_option("--category", a->categories,
                                "Only findings of this category (repeatable): validation, consistency, language, "
                                "publication, review")
                     ->check(CLI::IsMember({"validation", "consistency", "language", "publication", "review"}));
                 app.add_flag("--no-language", a->noLanguage, "Skip the language checks");
                 app.add_flag("--no-review", a->noReview, "Skip the QA Panel checklist and the action tracker");
                 app.add_flag("--no-publication", a->noPublication, "Skip the publication checks");
                 app.add_option("--rules", a->rules, "Language rules file (default: the bundled language_rules.yaml)");
                 app.add_option("--as-of,--today", a->today, "Count actions overdue on this day (YYYY-MM-DD) instead of today");
                 app.add_flag("-q,--quiet", a->quiet, "No closing summary line");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
