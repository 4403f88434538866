// Internal to the audit: what text each kind of output file holds, and its metadata.
#pragma once

#include "core/publish/audit.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace genochron::audit_detail {

struct Extracted {
    std::vector<std::pair<std::string, std::string>> texts;   // (where, text)
    std::vector<AuditFinding> metadata;                        // reported whatever the case
};

// Each throws GenochronError (no file name; the caller adds it) when the bytes are not that format.
Extracted extractPdf(std::string_view bytes);    // page text, Info entries, XMP, bookmarks, raw dictionaries
Extracted extractPng(std::string_view bytes);    // tEXt/iTXt/zTXt/tIME/eXIf chunks
Extracted extractSvg(std::string_view bytes);    // raw XML and its entity-decoded form, without data: URIs
Extracted extractJson(std::string_view bytes);   // raw text and every key and string
Extracted extractYaml(std::string_view bytes);   // raw text and every scalar
Extracted extractText(std::string_view bytes);   // raw text (CSV, TXT, anything else)

}  // namespace genochron::audit_detail
