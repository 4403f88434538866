#include "core/publish/audit.hpp"

#include "core/anonymise/anonymise_dates.hpp"
#include "core/anonymise/anonymise_terms.hpp"
#include "core/anonymise/text_reuse.hpp"
#include "core/io/atomic_file.hpp"
#include "core/publish/audit_formats.hpp"
#include "core/publish/audit_ocr.hpp"
#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace genochron {

namespace {

void addFinding(AuditReport& r, AuditFinding f) {
    for (auto& g : r.findings) {
        bool same = g.kind == f.kind && g.owner == f.owner && (f.kind == "unpublished text" || g.what == f.what);
        if (same) {
            g.count += f.count;
            return;
        }
    }
    r.findings.push_back(std::move(f));
}

}  // namespace

// Runs of words from unpublished text (publish:false events, notes), as written and as
// anonymise would rewrite them: if one turns up in an output, unpublished text leaked.
struct Auditor::Snippets {
    explicit Snippets(const Case& c, const anon::CaseSecrets& s) : reuse(c, &s) {
        // Where each run was copied into a published field, so a refusal can say where to reword.
        if (reuse.empty()) return;
        for (auto& f : anon::freeTextFields(c, false))
            for (auto& found : reuse.find(f.text))
                copiedInto.emplace(found.words, fmt::format("{} (line {}, column {})", f.where, f.loc.line, f.loc.column));
    }
    anon::ReuseFinder reuse;
    std::unordered_map<std::string, std::string> copiedInto;   // folded run -> published field
};

AuditFormat auditFormatFor(const std::string& path) {
    auto dot = path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "pdf") return AuditFormat::Pdf;
    if (ext == "svg") return AuditFormat::Svg;
    if (ext == "png") return AuditFormat::Png;
    if (ext == "json") return AuditFormat::Json;
    if (ext == "yaml" || ext == "yml") return AuditFormat::Yaml;
    return AuditFormat::Text;
}

std::string formatFinding(const std::string& file, const AuditFinding& f) {
    std::string s = fmt::format("{}{}error: found {} '{}'", file, file.empty() ? "" : ": ", f.kind, f.what);
    if (!f.owner.empty()) s += fmt::format(" ({})", f.owner);
    if (!f.where.empty()) s += fmt::format(" in {}", f.where);
    if (f.count > 1) s += fmt::format(", {} times", f.count);
    if (!f.source.empty()) s += fmt::format("; {}", f.source);
    return s;
}

Auditor::Auditor(const Case& c)
    : m_secrets(std::make_unique<anon::CaseSecrets>(c)), m_snippets(std::make_unique<Snippets>(c, *m_secrets)) {}

Auditor::~Auditor() = default;

void Auditor::scanText(std::string_view text, const std::string& where, AuditReport& report) const {
    if (text.empty()) return;
    for (auto& h : m_secrets->scan(text, true)) {
        if (h.use != anon::NameUse::Name) continue;   // a word, a place, a kept phrase: not a name here
        auto owners = [](const std::vector<std::string>& os) {
            std::string r;
            for (auto& o : os) r += (r.empty() ? "" : ", ") + o;
            return r;
        };
        using K = anon::Hit::Kind;
        switch (h.kind) {
        case K::Term:
        case K::Email:
        case K::Handle: {
            if (h.index < 0) break;
            const anon::Term& t = m_secrets->terms()[std::size_t(h.index)];
            std::string kind(anon::kindLabel(t.kind));
            if (h.kind == K::Email) kind += " in an e-mail address";
            if (h.kind == K::Handle) kind += " in a handle";
            addFinding(report, {kind, t.text, t.ownerKind + " " + owners(t.owners), where, 1, ""});
            break;
        }
        case K::Initials: {
            // PDF syntax is full of short capitalised keys (/CA, /SM, /BM): initials are only
            // looked for in text a reader sees.
            if (where == "PDF objects") break;
            const anon::Initials& in = m_secrets->initials()[std::size_t(h.index)];
            addFinding(report, {"initials", in.letters, "person " + owners(in.owners), where, 1, ""});
            break;
        }
        case K::Day:
        case K::Birthday: {
            const anon::SensitiveDay& d = m_secrets->days()[std::size_t(h.index)];
            addFinding(report, {h.kind == K::Birthday ? "birthday" : d.what, anon::isoDay(d.day),
                                d.personId.empty() ? "" : "person " + d.personId, where, 1, ""});
            break;
        }
        case K::Month: {
            const anon::SensitiveMonthOf& m = m_secrets->months()[std::size_t(h.index)];
            addFinding(report, {"month of death", fmt::format("{:04}-{:02}", m.month.year, m.month.month),
                                m.personId.empty() ? "" : "person " + m.personId, where, 1, ""});
            break;
        }
        case K::Time: {
            const anon::SensitiveTime& t = m_secrets->times()[std::size_t(h.index)];
            addFinding(report, {"time of death", fmt::format("{:02}:{:02}", t.hour, t.minute),
                                t.personId.empty() ? "" : "person " + t.personId, where, 1, ""});
            break;
        }
        }
    }
    for (auto& found : m_snippets->reuse.find(text)) {
        AuditFinding f{"unpublished text", found.words, found.source->where, where, 1, ""};
        if (auto it = m_snippets->copiedInto.find(found.words); it != m_snippets->copiedInto.end())
            f.source = "copied into " + it->second;
        addFinding(report, f);
    }
}

AuditReport Auditor::audit(std::string_view bytes, AuditFormat fmt, const std::string& displayName,
                           const AuditOptions& options) const {
    audit_detail::Extracted x;
    switch (fmt) {
    case AuditFormat::Pdf: x = audit_detail::extractPdf(bytes); break;
    case AuditFormat::Png: x = audit_detail::extractPng(bytes); break;
    case AuditFormat::Svg: x = audit_detail::extractSvg(bytes); break;
    case AuditFormat::Json: x = audit_detail::extractJson(bytes); break;
    case AuditFormat::Yaml: x = audit_detail::extractYaml(bytes); break;
    case AuditFormat::Text: x = audit_detail::extractText(bytes); break;
    }
    AuditReport r;
    r.file = displayName;
    for (auto& m : x.metadata) addFinding(r, m);
    for (auto& [where, text] : x.texts) scanText(text, where, r);
    if (options.ocr && (fmt == AuditFormat::Png || fmt == AuditFormat::Svg)) {
        const bool svg = fmt == AuditFormat::Svg;
        audit_detail::OcrReading ocr = audit_detail::ocrImage(bytes, svg);
        // From a reading that is mostly guesses a hit may be a misreading ("HM" out of a smudge):
        // still refused, but said so, so the chair looks rather than hunts for a name.
        const std::string where = std::string(svg ? "the drawn SVG" : "the image") +
                                  (ocr.unreadable.empty() ? " (read by OCR)"
                                                          : " (read by OCR, which could read little of it: "
                                                            "this may be a misreading; look at the figure)");
        for (auto& t : ocr.texts) {
            scanText(t, where, r);
            if (!t.empty()) r.ocrText += t;
        }
        for (auto& w : ocr.words)
            if (w.confidence < audit_detail::kOcrWordConfidence)
                r.ocrGuesses += fmt::format("{}{} ({:.0f}%)", r.ocrGuesses.empty() ? "" : ", ", w.text, w.confidence);
        if (!ocr.unreadable.empty()) r.unverified.push_back(ocr.unreadable);
    }
    // A file's name travels with it (an e-mail attachment): "zoe-genogram.png" names her.
    if (!displayName.empty()) {
        auto slash = displayName.find_last_of('/');
        scanText(slash == std::string::npos ? displayName : displayName.substr(slash + 1), "the file name", r);
    }
    return r;
}

AuditReport auditBytes(std::string_view bytes, AuditFormat fmt, const Case& c, const std::string& displayName,
                       const AuditOptions& options) {
    return Auditor(c).audit(bytes, fmt, displayName, options);
}

AuditReport auditFile(const std::string& path, const Case& c) {
    std::string bytes = readFile(path);
    try {
        return auditBytes(bytes, auditFormatFor(path), c, path);
    } catch (const GenochronError& e) {
        if (!e.file().empty()) throw;
        throw GenochronError(e.what(), path);
    }
}

void writeAuditedAtomic(const std::string& path, std::string_view bytes, const Case& c) {
    AuditReport r;
    try {
        r = auditBytes(bytes, auditFormatFor(path), c, path, AuditOptions{.ocr = false});
    } catch (const GenochronError& e) {
        throw GenochronError(fmt::format("the output could not be audited ({}); nothing was written", e.what()), path);
    }
    if (r.clean()) {
        writeFileAtomic(path, bytes);
        return;
    }
    std::string msg = fmt::format(
        "refusing to write an anonymised output that still holds {} sensitive item(s); nothing was written:",
        r.findings.size());
    bool inName = false;
    for (auto& f : r.findings) {
        msg += "\n  " + formatFinding("", f).substr(std::string("error: ").size());
        inName = inName || f.where == "the file name";
    }
    if (inName)
        msg += "\n  (the file's own name carries it, and a file name travels with the file: "
               "name the output after the figure, e.g. genogram-anonymised.pdf)";
    else
        msg += "\n  (a pseudonym that is also someone's real name, or text copied from an unpublished event, "
               "is the usual cause: `genochron check` shows where)";
    throw GenochronError(msg, path);
}

}  // namespace genochron
