// genochron audit FILE... --case CASE: is anything in these outputs that must not be published?
// Exit 0 clean, 1 findings, 2 a file or the case could not be read, 3 nothing found but a file
// could not be verified (an image OCR could not read well enough, or --no-ocr on a PNG/SVG).
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
    bool noOcr = false;
    bool showOcr = false;
};

int run(const AuditArgs& a) {
    auto c = loadForCommand(a.casePath);
    if (!c) return kExitInvalid;
    Auditor auditor(*c);
    bool unreadable = false, found = false, unverified = false;
    for (auto& path : a.files) {
        try {
            auto fmt = auditFormatFor(path);
            const bool image = fmt == AuditFormat::Png || fmt == AuditFormat::Svg;
            if (image && !a.quiet && !a.noOcr) std::cerr << path << ": reading the image's text (OCR)...\n";
            AuditReport r = auditor.audit(readFile(path), fmt, path, AuditOptions{.ocr = !a.noOcr});
            if (image && a.noOcr)
                r.unverified.push_back("its drawn text was not read (--no-ocr): only metadata, ids and comments "
                                       "were searched");
            if (a.showOcr && image)
                std::cout << "--- " << path << ": text read by OCR\n"
                          << r.ocrText << "--- read only as guesses: " << (r.ocrGuesses.empty() ? "none" : r.ocrGuesses)
                          << "\n";
            for (auto& f : r.findings) std::cout << formatFinding(path, f) << "\n";
            for (auto& why : r.unverified)
                std::cerr << path << ": not verified: " << why
                          << "; audit the PDF of the same figure, or look at it yourself\n";
            if (!r.clean()) found = true;
            else if (!r.verified()) unverified = true;
            else if (!a.quiet) std::cerr << path << ": clean" << (image ? " (text read back by OCR)" : "") << "\n";
        } catch (const GenochronError& e) {
            if (e.file().empty()) std::cerr << path << ": error: " << e.what() << "\n";
            else std::cerr << e.what() << "\n";
            unreadable = true;
        }
    }
    if (unreadable) return kExitInvalid;
    if (found) return kExitFindings;
    return unverified ? kExitUnverified : kExitOk;
}

Register reg("audit", "Search produced files (PDF, SVG, PNG, CSV, JSON, YAML, text) for anything of the case that "
                      "must not be published; PNG and SVG text is read back by OCR (exit 0 clean, 1 findings, 2 unreadable, "
                      "3 not verified)",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<AuditArgs>();
                 app.add_option("FILE", a->files, "Files to audit")->required();
                 app.add_option("--case", a->casePath, "The real case file the outputs were made from")->required();
                 app.add_flag("-q,--quiet", a->quiet, "Print findings only");
                 app.add_flag("--no-ocr", a->noOcr, "Do not read PNG/SVG text by OCR (fast; such files are then "
                                                    "reported not verified, exit 3)");
                 app.add_flag("--show-ocr", a->showOcr, "Print the text OCR read in each PNG/SVG");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
