// genochron audit FILE... --case CASE: is anything in these outputs that must not be published?
// Exit 0 clean, 1 findings, 2 a file or the case could not be read.
#include "cli/command.hpp"
#include "core/io/atomic_file.hpp"
#include "core/publish/audit.hpp"
#include "core/model/diagnostics.hpp"

#include <iostream>

namespace genochron::cli {

namespace {

struct AuditArgs {
    std::vector<std::string> files;
    std::string casePath;
    bool quiet = false;
};

int run(const AuditArgs& a) {
    auto c = loadForCommand(a.casePath);
    if (!c) return kExitInvalid;
    Auditor auditor(*c);
    bool unreadable = false, found = false;
    for (auto& path : a.files) {
        try {
            AuditReport r = auditor.audit(readFile(path), auditFormatFor(path), path);
            // Not an error: PNG pixels and SVG glyph outlines cannot be read back as text.
            for (auto& f : r.findings) std::cout << formatFinding(path, f) << "\n";
            if (!r.clean()) found = true;
            else if (!a.quiet) {
                auto fmt = auditFormatFor(path);
                std::cerr << path << ": clean"
                          << (fmt == AuditFormat::Png   ? " (PNG: only its metadata chunks can be searched; audit the PDF of the same figure)"
                              : fmt == AuditFormat::Svg ? " (SVG: text is drawn as outlines; ids, titles and comments were searched; audit the PDF of the same figure)"
                                                        : "")
                          << "\n";
            }
        } catch (const GenochronError& e) {
            if (e.file().empty()) std::cerr << path << ": error: " << e.what() << "\n";
            else std::cerr << e.what() << "\n";
            unreadable = true;
        }
    }
    if (unreadable) return kExitInvalid;
    return found ? kExitFindings : kExitOk;
}

Register reg("audit", "Search produced files (PDF, SVG, PNG, CSV, JSON, YAML, text) for anything of the case that "
                      "must not be published (exit 0 clean, 1 findings, 2 unreadable)",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<AuditArgs>();
                 app.add_option("FILE", a->files, "Files to audit")->required();
                 app.add_option("--case", a->casePath, "The real case file the outputs were made from")->required();
                 app.add_flag("-q,--quiet", a->quiet, "Print findings only");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
