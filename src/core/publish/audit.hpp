// The audit: reads a file genochron (or anyone) produced and reports every sensitive
// string of the case found in it: names, aliases, name-like ids, addresses, postcodes,
// exact birth dates, the date of death, text of unpublished events, and identifying
// metadata (PDF dates, PNG text chunks). It searches for the same strings anonymise()
// removes (anonymise_terms.hpp), matched the same way: whole words, any case, any accent.
//
//   genochron audit out.pdf --case case.yaml        (cmd_audit.cpp)
//   writeAuditedAtomic(path, bytes, realCase)        (anonymised render/export: refuse, never write)
//
// Text drawn as pixels (PNG) or glyph outlines (Cairo's SVG) is read back by OCR
// (audit_ocr.hpp; an SVG is drawn first) and searched the same way. Where OCR cannot read an
// image well enough, the report says the file is not verified (`unverified`): the audit
// never vouches for what it could not read. The file's own name is searched too.
#pragma once

#include "core/model/model.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace genochron {

namespace anon { class CaseSecrets; }

enum class AuditFormat { Pdf, Svg, Png, Json, Yaml, Text };
// From the extension (.pdf .svg .png .json .yaml/.yml; anything else is read as text).
AuditFormat auditFormatFor(const std::string& path);

struct AuditFinding {
    std::string kind;    // "name", "first name", "last name", "alias", "short name", "id", "address",
                         // "postcode", "birth date", "date of death", "unpublished text", "metadata"
    std::string what;    // the sensitive string as the case writes it (or the metadata entry)
    std::string owner;   // "person zoe", "household h1", "event e003"; empty for metadata
    std::string where;   // "page 2", "PDF title", "PNG tEXt chunk", "text"
    int count = 1;
    std::string source;  // where in the case it comes from, when known: "copied into events[e004].what (line 88, column 11)"
};

struct AuditReport {
    std::string file;
    std::vector<AuditFinding> findings;
    std::vector<std::string> unverified;   // why (part of) the file could not be checked
    std::string ocrText;                   // what OCR read in an image, for `audit --show-ocr`
    std::string ocrGuesses;                // the words it read only as guesses, with their confidence
    bool clean() const { return findings.empty(); }
    bool verified() const { return unverified.empty(); }
};

struct AuditOptions {
    // Read PNG and SVG text back by OCR (seconds per image). Off where the drawn text was
    // audited before painting (exportFigure: refuseIfDrawn), so every export is not slowed.
    bool ocr = true;
};

// "out.pdf: error: found first name 'Zoë' (person zoe) on page 1, 3 times"
std::string formatFinding(const std::string& file, const AuditFinding& f);

// Built once per case; audits any number of files.
class Auditor {
public:
    explicit Auditor(const Case& realCase);
    ~Auditor();
    Auditor(const Auditor&) = delete;
    Auditor& operator=(const Auditor&) = delete;

    // Throws GenochronError when the bytes are not a readable file of that format.
    AuditReport audit(std::string_view bytes, AuditFormat fmt, const std::string& displayName = {},
                      const AuditOptions& options = {}) const;
    // Searches one piece of text (already extracted), adding to `report`.
    void scanText(std::string_view text, const std::string& where, AuditReport& report) const;

private:
    struct Snippets;
    std::unique_ptr<anon::CaseSecrets> m_secrets;
    std::unique_ptr<Snippets> m_snippets;
};

AuditReport auditBytes(std::string_view bytes, AuditFormat fmt, const Case& realCase, const std::string& displayName = {},
                       const AuditOptions& options = {});
// Throws GenochronError naming the file if it cannot be read.
AuditReport auditFile(const std::string& path, const Case& realCase);

// Audits `bytes` as the file `path` would be read, and writes them atomically only if
// nothing sensitive is found (in its text, metadata and file name; no OCR: an image's drawn
// text is audited before it is painted). Otherwise throws GenochronError listing the
// findings and nothing is written. For every anonymised output.
void writeAuditedAtomic(const std::string& path, std::string_view bytes, const Case& realCase);

}  // namespace genochron
