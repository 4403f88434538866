#include "core/publish/audit.hpp"

#include "core/anonymise/anonymise_dates.hpp"
#include "core/anonymise/anonymise_terms.hpp"
#include "core/io/atomic_file.hpp"
#include "core/publish/audit_formats.hpp"
#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace genochron {

namespace {

constexpr std::size_t kSnippetWords = 6;

std::string gramAt(const std::vector<std::string>& w, std::size_t i) {
    std::string g = w[i];
    for (std::size_t k = 1; k < kSnippetWords; ++k) g += " " + w[i + k];
    return g;
}

std::vector<std::string> grams(std::string_view text) {
    auto w = anon::foldedWords(text);
    std::vector<std::string> out;
    for (std::size_t i = 0; i + kSnippetWords <= w.size(); ++i) out.push_back(gramAt(w, i));
    return out;
}

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

// Runs of six words from unpublished events that appear in no published text of the
// case, in the words as written and as anonymise would rewrite them: if one turns up
// in an output, the unpublished event leaked.
struct Auditor::Snippets {
    std::unordered_map<std::string, std::string> grams;   // folded 6 words -> event id
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
    return s;
}

Auditor::Auditor(const Case& c) : m_secrets(std::make_unique<anon::CaseSecrets>(c)), m_snippets(std::make_unique<Snippets>()) {
    for (auto& e : c.events) {
        if (e.publish) continue;
        for (const std::string* t : {&e.what, &e.action, &e.analysis, &e.missedOpportunity, &e.sourceRef}) {
            for (auto& g : grams(*t)) m_snippets->grams.emplace(g, e.id);
            for (auto& g : grams(m_secrets->scrub(*t))) m_snippets->grams.emplace(g, e.id);
        }
    }
    if (m_snippets->grams.empty()) return;
    for (auto& f : anon::freeTextFields(c, false)) {
        for (auto& g : grams(f.text)) m_snippets->grams.erase(g);
        for (auto& g : grams(m_secrets->scrub(f.text))) m_snippets->grams.erase(g);
    }
}

Auditor::~Auditor() = default;

void Auditor::scanText(std::string_view text, const std::string& where, AuditReport& report) const {
    if (text.empty()) return;
    anon::FoldedText folded = anon::foldText(text);
    for (auto& m : m_secrets->findTerms(folded)) {
        const anon::Term& t = m_secrets->terms()[std::size_t(m.id)];
        std::string owners;
        for (auto& o : t.owners) owners += (owners.empty() ? "" : ", ") + o;
        addFinding(report, {std::string(anon::kindLabel(t.kind)), t.text, t.ownerKind + " " + owners, where, 1});
    }
    if (!m_secrets->days().empty())
        for (auto& dm : anon::findDateMentions(text))
            for (auto& d : m_secrets->days())
                if (dm.is(d.day))
                    addFinding(report, {d.what, anon::isoDay(d.day), d.personId.empty() ? "" : "person " + d.personId,
                                        where, 1});
    if (!m_snippets->grams.empty()) {
        auto words = anon::foldedWords(text);
        for (std::size_t i = 0; i + kSnippetWords <= words.size(); ++i) {
            auto it = m_snippets->grams.find(gramAt(words, i));
            if (it != m_snippets->grams.end())
                addFinding(report, {"unpublished text", it->first, "event " + it->second, where, 1});
        }
    }
}

AuditReport Auditor::audit(std::string_view bytes, AuditFormat fmt, const std::string& displayName) const {
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
    return r;
}

AuditReport auditBytes(std::string_view bytes, AuditFormat fmt, const Case& c, const std::string& displayName) {
    return Auditor(c).audit(bytes, fmt, displayName);
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
        r = auditBytes(bytes, auditFormatFor(path), c, path);
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
    for (auto& f : r.findings) msg += "\n  " + formatFinding("", f).substr(std::string("error: ").size());
    msg += "\n  (a pseudonym that is also someone's real name, or text copied from an unpublished event, "
           "is the usual cause: `genochron check` shows where)";
    throw GenochronError(msg, path);
}

}  // namespace genochron
