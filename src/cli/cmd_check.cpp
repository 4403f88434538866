// genochron check CASE [--json]: validation, consistency, language, publication, review.
#include "cli/command.hpp"
#include "core/check.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

namespace genochron::cli {

namespace {

struct CheckArgs {
    std::string path;
    bool json = false;
    bool fixSuggestions = false;
    bool quiet = false;
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

int run(const CheckArgs& a) {
    auto res = loadCaseFile(a.path);
    Diagnostics& d = res.diagnostics;
    bool invalid = !res.ok();
    if (res.model && !invalid) runChecks(*res.model, CheckOptions{}, d);
    int findings = 0, suppressed = 0, errors = 0;
    for (auto& x : d.items()) {
        if (x.suppressed) ++suppressed;
        else ++findings;
        if (x.severity == Severity::Error) ++errors;
    }
    if (a.json) {
        nlohmann::json j;
        j["findings"] = nlohmann::json::array();
        for (auto& x : d.items()) j["findings"].push_back(toJson(x));
        j["valid"] = !invalid;
        std::cout << j.dump(2) << "\n";
    } else {
        for (auto& x : d.items()) {
            std::cout << formatDiagnostic(x) << "\n";
            if (a.fixSuggestions && !x.suggestion.empty()) std::cout << "    suggested: " << x.suggestion << "\n";
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
                 app.add_flag("--json", a->json, "Findings as JSON on stdout");
                 app.add_flag("--fix-suggestions", a->fixSuggestions, "Print a reworded sentence where a rule has one");
                 app.add_flag("-q,--quiet", a->quiet, "No closing summary line");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
