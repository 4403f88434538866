// [SECTION] PDF through poppler-glib
// [SECTION] PNG chunks
// [SECTION] SVG, JSON, YAML, text
#include "core/publish/audit_formats.hpp"

#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <poppler.h>
#include <yaml-cpp/yaml.h>

namespace genochron::audit_detail {

namespace {

// ---------------------------------------------------------------- [SECTION] PDF

struct GFree {
    void operator()(void* p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFree>;
struct GUnref {
    void operator()(void* p) const { g_object_unref(p); }
};
struct BytesUnref {
    void operator()(GBytes* b) const { g_bytes_unref(b); }
};
struct IterFree {
    void operator()(PopplerIndexIter* i) const { poppler_index_iter_free(i); }
};
using IterPtr = std::unique_ptr<PopplerIndexIter, IterFree>;

std::string take(char* s) {
    GString owned(s);
    return s ? std::string(s) : std::string();
}

void outlineTitles(PopplerIndexIter* it, std::string& out, int depth) {
    if (!it || depth > 32) return;
    do {
        if (PopplerAction* a = poppler_index_iter_get_action(it)) {
            if (a->any.title) out += std::string(a->any.title) + "\n";
            poppler_action_free(a);
        }
        IterPtr child(poppler_index_iter_get_child(it));
        outlineTitles(child.get(), out, depth + 1);
    } while (poppler_index_iter_next(it));
}

// The PDF without its (compressed, binary) stream contents: dictionaries, the Info
// dictionary and any literal strings. Binary data would match two-letter names by chance.
std::string pdfWithoutStreams(std::string_view b) {
    std::string out;
    std::size_t at = 0;
    for (;;) {
        std::size_t s = b.find("stream", at);
        while (s != std::string_view::npos && s >= 3 && b.substr(s - 3, 3) == "end") s = b.find("stream", s + 6);
        if (s == std::string_view::npos) break;
        std::size_t e = b.find("endstream", s + 6);
        if (e == std::string_view::npos) break;
        out.append(b.substr(at, s - at));
        out.append("\n");
        at = e + 9;
    }
    out.append(b.substr(at));
    return out;
}

// ---------------------------------------------------------------- [SECTION] PNG

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

std::string latin1ToUtf8(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x80) out += char(c);
        else {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// ---------------------------------------------------------------- [SECTION] SVG, JSON, YAML

std::string decodeEntities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        std::size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        std::string_view ent = s.substr(i + 1, semi - i - 1);
        std::string rep;
        if (ent == "amp") rep = "&";
        else if (ent == "lt") rep = "<";
        else if (ent == "gt") rep = ">";
        else if (ent == "quot") rep = "\"";
        else if (ent == "apos") rep = "'";
        else if (ent.size() > 1 && ent[0] == '#') {
            unsigned long cp = 0;
            try {
                cp = (ent[1] == 'x' || ent[1] == 'X') ? std::stoul(std::string(ent.substr(2)), nullptr, 16)
                                                      : std::stoul(std::string(ent.substr(1)));
            } catch (...) {
                cp = 0;
            }
            if (cp > 0 && cp < 0x110000) {
                char buf[8];
                rep.assign(buf, std::size_t(g_unichar_to_utf8(gunichar(cp), buf)));
            }
        }
        if (rep.empty()) {
            out += s[i];
            continue;
        }
        out += rep;
        i = semi;
    }
    return out;
}

// Removes the payload of data: URIs (embedded images): base64 matches short names by chance.
std::string withoutDataUris(std::string_view s) {
    std::string out;
    std::size_t at = 0;
    for (;;) {
        std::size_t d = s.find("data:", at);
        if (d == std::string_view::npos) break;
        std::size_t end = s.find_first_of("\"')", d);
        if (end == std::string_view::npos) end = s.size();
        out.append(s.substr(at, d - at));
        out.append("data:");
        at = end;
    }
    out.append(s.substr(at));
    return out;
}

// Nesting deep enough to exhaust yaml-cpp's recursion is not something we write: refuse to parse it.
bool shallowEnough(std::string_view s) {
    int depth = 0, maxDepth = 0;
    for (char c : s) {
        if (c == '[' || c == '{') maxDepth = std::max(maxDepth, ++depth);
        else if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    return maxDepth < 64 && s.size() < (std::size_t(32) << 20);
}

void yamlScalars(const YAML::Node& n, std::string& out, int depth) {
    if (depth > 64) return;
    if (n.IsScalar()) out += n.Scalar() + "\n";
    else if (n.IsSequence())
        for (const auto& x : n) yamlScalars(x, out, depth + 1);
    else if (n.IsMap())
        for (const auto& kv : n) {
            yamlScalars(kv.first, out, depth + 1);
            yamlScalars(kv.second, out, depth + 1);
        }
}

}  // namespace

// The page's text rebuilt from where each glyph sits. Poppler's own page text joins labels
// that share a baseline ("Zoë Ní BhriainLiam Smith-Jones") and keeps a wrapped label's line
// break ("Smith-" / "Jones"), which whole-word matching cannot see through. Here a gap wider
// than a fifth of the glyph height becomes a space, a change of line a line break, except
// after a hyphen (a wrapped hyphenated name is rejoined). Audited beside Poppler's text, so
// this can only add findings.
std::string textByGlyphPositions(PopplerPage* page) {
    std::unique_ptr<char, GFree> text(poppler_page_get_text(page));
    PopplerRectangle* raw = nullptr;
    guint n = 0;
    if (!text || !poppler_page_get_text_layout(page, &raw, &n)) return {};
    std::unique_ptr<PopplerRectangle, GFree> rects(raw);
    std::string out;
    const char* p = text.get();
    const PopplerRectangle* prev = nullptr;
    char prevChar = 0;
    for (guint i = 0; i < n && *p; ++i) {
        const char* next = g_utf8_next_char(p);
        const PopplerRectangle& r = raw[i];
        const bool blank = (next - p == 1) && (*p == '\n' || *p == ' ' || *p == '\t' || *p == '\r');
        if (blank) {   // Poppler's own separators: decided by geometry below instead
            p = next;
            continue;
        }
        if (prev) {
            const double h = std::max(1.0, std::min(prev->y2 - prev->y1, r.y2 - r.y1));
            const bool sameLine = std::abs((prev->y1 + prev->y2) / 2 - (r.y1 + r.y2) / 2) < 0.5 * h;
            if (!sameLine) {
                if (prevChar != '-') out += '\n';
            } else if (r.x1 - prev->x2 > 0.2 * h || r.x2 < prev->x1) {
                out += ' ';
            }
        }
        out.append(p, std::size_t(next - p));
        prev = &r;
        prevChar = *p;
        p = next;
    }
    return out;
}

Extracted extractPdf(std::string_view bytes) {
    Extracted x;
    std::unique_ptr<GBytes, BytesUnref> gb(g_bytes_new(bytes.data(), bytes.size()));
    GError* err = nullptr;
    std::unique_ptr<PopplerDocument, GUnref> doc(poppler_document_new_from_bytes(gb.get(), nullptr, &err));
    if (!doc) {
        std::string why = err ? err->message : "unknown reason";
        if (err) g_error_free(err);
        throw GenochronError("not a readable PDF (" + why + ")");
    }
    int pages = poppler_document_get_n_pages(doc.get());
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<PopplerPage, GUnref> page(poppler_document_get_page(doc.get(), i));
        if (!page) continue;
        x.texts.emplace_back(fmt::format("page {}", i + 1), take(poppler_page_get_text(page.get())));
        x.texts.emplace_back(fmt::format("page {} (by glyph position)", i + 1), textByGlyphPositions(page.get()));
    }
    PopplerDocument* d = doc.get();
    x.texts.emplace_back("PDF title", take(poppler_document_get_title(d)));
    x.texts.emplace_back("PDF author", take(poppler_document_get_author(d)));
    x.texts.emplace_back("PDF subject", take(poppler_document_get_subject(d)));
    x.texts.emplace_back("PDF keywords", take(poppler_document_get_keywords(d)));
    x.texts.emplace_back("PDF creator", take(poppler_document_get_creator(d)));
    x.texts.emplace_back("PDF producer", take(poppler_document_get_producer(d)));
    x.texts.emplace_back("PDF XMP metadata", take(poppler_document_get_metadata(d)));
    std::string outline;
    IterPtr it(poppler_index_iter_new(d));
    outlineTitles(it.get(), outline, 0);
    x.texts.emplace_back("PDF bookmarks", outline);
    x.texts.emplace_back("PDF objects", pdfWithoutStreams(bytes));
    // A creation or modification date says when the document was made: never in a published figure.
    if (GDateTime* t = poppler_document_get_creation_date_time(d)) {
        x.metadata.push_back({"metadata", "CreationDate", "", "PDF info", 1, ""});
        g_date_time_unref(t);
    }
    if (GDateTime* t = poppler_document_get_modification_date_time(d)) {
        x.metadata.push_back({"metadata", "ModDate", "", "PDF info", 1, ""});
        g_date_time_unref(t);
    }
    return x;
}

Extracted extractPng(std::string_view bytes) {
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (bytes.size() < 8 || std::memcmp(bytes.data(), sig, 8) != 0) throw GenochronError("not a PNG image");
    Extracted x;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t at = 8;
    bool sawEnd = false;
    while (at + 12 <= bytes.size()) {
        std::uint32_t len = be32(p + at);
        std::string type(reinterpret_cast<const char*>(p + at + 4), 4);
        if (len > bytes.size() - at - 12) throw GenochronError("a damaged PNG (chunk '" + type + "' runs past the end)");
        std::string_view data(bytes.data() + at + 8, len);
        if (type == "tEXt" || type == "zTXt" || type == "iTXt") {
            std::size_t nul = data.find('\0');
            std::string keyword = latin1ToUtf8(data.substr(0, nul == std::string_view::npos ? data.size() : nul));
            x.metadata.push_back({"metadata", fmt::format("{} chunk '{}'", type, keyword), "", "PNG chunks", 1, ""});
            std::string text;
            if (nul != std::string_view::npos) {
                if (type == "tEXt") text = latin1ToUtf8(data.substr(nul + 1));
                else if (type == "iTXt" && nul + 3 <= data.size() && data[nul + 1] == 0) {
                    // compression flag 0: language tag \0 translated keyword \0 UTF-8 text
                    std::size_t l1 = data.find('\0', nul + 3);
                    std::size_t l2 = l1 == std::string_view::npos ? l1 : data.find('\0', l1 + 1);
                    if (l2 != std::string_view::npos) text = std::string(data.substr(l2 + 1));
                }
            }
            x.texts.emplace_back(fmt::format("PNG {} chunk", type), keyword + "\n" + text);
        } else if (type == "tIME" || type == "eXIf") {
            x.metadata.push_back({"metadata", type + " chunk", "", "PNG chunks", 1, ""});
        } else if (type == "IEND") {
            sawEnd = true;
            break;
        }
        at += 12 + len;
    }
    if (!sawEnd) throw GenochronError("a damaged PNG (no IEND chunk)");
    return x;
}

Extracted extractSvg(std::string_view bytes) {
    if (bytes.find("<svg") == std::string_view::npos) throw GenochronError("not an SVG image (no <svg> element)");
    Extracted x;
    std::string raw = withoutDataUris(bytes);
    x.texts.emplace_back("SVG", raw);
    x.texts.emplace_back("SVG (entities decoded)", decodeEntities(raw));
    return x;
}

Extracted extractJson(std::string_view bytes) {
    Extracted x;
    x.texts.emplace_back("text", std::string(bytes));
    // The parser's callback caps depth: nesting deeper than any output we write is skipped, not parsed.
    int depth = 0;
    bool tooDeep = false;
    auto cb = [&](int d, nlohmann::json::parse_event_t, nlohmann::json&) {
        depth = std::max(depth, d);
        if (d > 256) tooDeep = true;
        return !tooDeep;
    };
    nlohmann::json j = nlohmann::json::parse(bytes.begin(), bytes.end(), cb, false);
    if (j.is_discarded() || tooDeep) return x;
    std::string strings;
    std::vector<const nlohmann::json*> stack{&j};
    while (!stack.empty()) {
        const nlohmann::json* n = stack.back();
        stack.pop_back();
        if (n->is_string()) strings += n->get<std::string>() + "\n";
        else if (n->is_object())
            for (auto it = n->begin(); it != n->end(); ++it) {
                strings += it.key() + "\n";
                stack.push_back(&it.value());
            }
        else if (n->is_array())
            for (auto& v : *n) stack.push_back(&v);
    }
    x.texts.emplace_back("JSON strings", strings);
    return x;
}

Extracted extractYaml(std::string_view bytes) {
    Extracted x;
    x.texts.emplace_back("text", std::string(bytes));
    if (!shallowEnough(bytes)) return x;
    try {
        YAML::Node n = YAML::Load(std::string(bytes));
        std::string scalars;
        yamlScalars(n, scalars, 0);
        x.texts.emplace_back("YAML values", scalars);
    } catch (const std::exception&) {
        // Not valid YAML: the raw text was still searched.
    }
    return x;
}

Extracted extractText(std::string_view bytes) {
    Extracted x;
    x.texts.emplace_back("text", std::string(bytes));
    return x;
}

}  // namespace genochron::audit_detail
