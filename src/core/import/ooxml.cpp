// Office Open XML packages: libzip over the bytes in memory, expat over each XML part.
#include "core/import/detail/ooxml.hpp"

#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <cctype>
#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

namespace genochron::ooxml {

namespace {

// An unpacked part bigger than this is refused: real chronologies are a few megabytes,
// a zip bomb is gigabytes.
constexpr std::size_t kMaxPartBytes = std::size_t(512) << 20;

}  // namespace

struct Package::Impl {
    std::string bytes;   // libzip reads from this copy for the archive's whole life
    zip_t* zip = nullptr;
    ~Impl() {
        if (zip) zip_discard(zip);
    }
};

Package::Package(std::string_view bytes, std::string displayName) : m_impl(std::make_unique<Impl>()), m_name(std::move(displayName)) {
    m_impl->bytes.assign(bytes);
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(m_impl->bytes.data(), m_impl->bytes.size(), 0, &err);
    if (!src) {
        zip_error_fini(&err);
        throw GenochronError("cannot read the file as a zip archive", m_name);
    }
    m_impl->zip = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!m_impl->zip) {
        std::string why = zip_error_strerror(&err);
        zip_source_free(src);
        zip_error_fini(&err);
        throw GenochronError(fmt::format("the file looks like an Office document but its zip cannot be opened ({}); "
                                         "open it in Excel or Word, save it again and import that copy",
                                         why),
                             m_name);
    }
    zip_error_fini(&err);
}

Package::~Package() = default;

namespace {

zip_int64_t locate(zip_t* z, const std::string& path) {
    zip_int64_t i = zip_name_locate(z, path.c_str(), 0);
    if (i < 0) i = zip_name_locate(z, path.c_str(), ZIP_FL_NOCASE);   // some writers vary the case
    return i;
}

}  // namespace

bool Package::has(const std::string& path) const { return locate(m_impl->zip, path) >= 0; }

std::optional<std::string> Package::read(const std::string& path) const {
    zip_int64_t i = locate(m_impl->zip, path);
    if (i < 0) return std::nullopt;
    zip_file_t* f = zip_fopen_index(m_impl->zip, zip_uint64_t(i), 0);
    if (!f)
        throw GenochronError(fmt::format("part '{}' cannot be unpacked ({}); save the file again and import that copy",
                                         path, zip_strerror(m_impl->zip)),
                             m_name);
    std::string out;
    char buf[65536];
    for (;;) {
        zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            std::string why = zip_file_strerror(f);
            zip_fclose(f);
            throw GenochronError(fmt::format("part '{}' is damaged ({}); save the file again and import that copy", path, why),
                                 m_name);
        }
        if (n == 0) break;
        if (out.size() + std::size_t(n) > kMaxPartBytes) {
            zip_fclose(f);
            throw GenochronError(fmt::format("part '{}' unpacks to more than {} MB; this is not an ordinary chronology "
                                             "(nothing was imported)",
                                             path, kMaxPartBytes >> 20),
                                 m_name);
        }
        out.append(buf, std::size_t(n));
    }
    zip_fclose(f);
    return out;
}

namespace {

// "xl/workbook.xml" + "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml"; "/xl/x.xml" -> "xl/x.xml".
std::string resolveTarget(const std::string& partPath, std::string_view target) {
    std::string base;
    if (!target.empty() && target.front() == '/') target.remove_prefix(1);
    else if (auto slash = partPath.rfind('/'); slash != std::string::npos) base = partPath.substr(0, slash);
    std::vector<std::string> parts;
    auto push = [&](std::string_view p) {
        std::size_t start = 0;
        for (std::size_t i = 0; i <= p.size(); ++i) {
            if (i < p.size() && p[i] != '/') continue;
            std::string_view seg = p.substr(start, i - start);
            start = i + 1;
            if (seg.empty() || seg == ".") continue;
            if (seg == "..") {
                if (!parts.empty()) parts.pop_back();
                continue;
            }
            parts.emplace_back(seg);
        }
    };
    push(base);
    push(target);
    std::string r;
    for (auto& p : parts) r += (r.empty() ? "" : "/") + p;
    return r;
}

struct RelsHandler : SaxHandler {
    std::string partPath;
    std::vector<Package::Relationship> out;
    void start(std::string_view name, const Attrs& a) override {
        if (name != "Relationship") return;
        if (a.get("TargetMode") == std::optional<std::string_view>("External")) return;
        auto id = a.get("Id"), type = a.get("Type"), target = a.get("Target");
        if (!id || !target) return;
        out.push_back({std::string(*id), std::string(type.value_or("")), resolveTarget(partPath, *target)});
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

}  // namespace

std::vector<Package::Relationship> Package::relationships(const std::string& partPath) const {
    std::string relsPath;
    if (auto slash = partPath.rfind('/'); slash != std::string::npos)
        relsPath = partPath.substr(0, slash) + "/_rels/" + partPath.substr(slash + 1) + ".rels";
    else
        relsPath = "_rels/" + partPath + ".rels";
    auto xml = read(relsPath);
    if (!xml) return {};
    RelsHandler h;
    h.partPath = partPath;
    parseXml(*xml, h, m_name + ":" + relsPath);
    return h.out;
}

std::optional<std::string_view> Attrs::get(std::string_view local) const {
    if (!a) return std::nullopt;
    for (const char** p = a; p[0] && p[1]; p += 2)
        if (localName(p[0]) == local) return std::string_view(p[1]);
    return std::nullopt;
}

std::string_view localName(std::string_view q) {
    auto colon = q.rfind(':');
    return colon == std::string_view::npos ? q : q.substr(colon + 1);
}

namespace {

struct ExpatState {
    XML_Parser parser = nullptr;
    SaxHandler* handler = nullptr;
    bool doctype = false;
};

void XMLCALL onStart(void* ud, const XML_Char* name, const XML_Char** atts) {
    auto* s = static_cast<ExpatState*>(ud);
    s->handler->start(localName(name), Attrs{atts});
}
void XMLCALL onEnd(void* ud, const XML_Char* name) { static_cast<ExpatState*>(ud)->handler->end(localName(name)); }
void XMLCALL onText(void* ud, const XML_Char* s, int len) {
    static_cast<ExpatState*>(ud)->handler->text(std::string_view(s, std::size_t(len)));
}
void XMLCALL onDoctype(void* ud, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* s = static_cast<ExpatState*>(ud);
    s->doctype = true;
    XML_StopParser(s->parser, XML_FALSE);
}

struct ParserOwner {
    XML_Parser p;
    ~ParserOwner() { XML_ParserFree(p); }
};

}  // namespace

void parseXml(std::string_view xml, SaxHandler& h, const std::string& where) {
    ParserOwner owner{XML_ParserCreate("UTF-8")};
    if (!owner.p) throw GenochronError("cannot start the XML parser", where);
    ExpatState st{owner.p, &h, false};
    XML_SetUserData(owner.p, &st);
    XML_SetElementHandler(owner.p, onStart, onEnd);
    XML_SetCharacterDataHandler(owner.p, onText);
    XML_SetStartDoctypeDeclHandler(owner.p, onDoctype);
    // Fed in slices: expat takes an int length.
    constexpr std::size_t kSlice = std::size_t(1) << 24;
    std::size_t pos = 0;
    do {
        std::size_t n = std::min(kSlice, xml.size() - pos);
        bool last = pos + n >= xml.size();
        if (XML_Parse(owner.p, xml.data() + pos, int(n), last ? XML_TRUE : XML_FALSE) == XML_STATUS_ERROR) {
            if (st.doctype)
                throw GenochronError("the part declares a document type, which Office files never do; it is refused "
                                     "(nothing was imported)",
                                     where, int(XML_GetCurrentLineNumber(owner.p)), int(XML_GetCurrentColumnNumber(owner.p)) + 1);
            throw GenochronError(fmt::format("the XML is damaged ({}); open the file in Excel or Word, save it again and "
                                             "import that copy",
                                             XML_ErrorString(XML_GetErrorCode(owner.p))),
                                 where, int(XML_GetCurrentLineNumber(owner.p)), int(XML_GetCurrentColumnNumber(owner.p)) + 1);
        }
        pos += n;
    } while (pos < xml.size());
}

std::string unescapeOoxml(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string r;
    r.reserve(s.size());
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t i = 0; i < s.size();) {
        if (i + 7 <= s.size() && s[i] == '_' && s[i + 1] == 'x' && hex(s[i + 2]) && hex(s[i + 3]) && hex(s[i + 4]) &&
            hex(s[i + 5]) && s[i + 6] == '_') {
            unsigned cp = unsigned(std::stoul(std::string(s.substr(i + 2, 4)), nullptr, 16));
            if (cp == 0x0D) {   // CR before LF is dropped; a lone CR is a line break
                if (!(i + 7 < s.size() && s[i + 7] == '\n')) r.push_back('\n');
            } else if (cp == 0x09 || cp == 0x0A) {
                r.push_back(char(cp));
            } else if (cp < 0x20 || (cp >= 0xD800 && cp < 0xE000) || cp == 0xFFFE || cp == 0xFFFF) {
                // control characters and lone surrogates are dropped
            } else if (cp < 0x80) {
                r.push_back(char(cp));
            } else if (cp < 0x800) {
                r.push_back(char(0xC0 | (cp >> 6)));
                r.push_back(char(0x80 | (cp & 0x3F)));
            } else {
                r.push_back(char(0xE0 | (cp >> 12)));
                r.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
                r.push_back(char(0x80 | (cp & 0x3F)));
            }
            i += 7;
        } else {
            r.push_back(s[i++]);
        }
    }
    return r;
}

namespace {

struct ContentTypesHandler : SaxHandler {
    std::vector<std::pair<std::string, std::string>> overrides;   // part name (no '/') -> type
    void start(std::string_view name, const Attrs& a) override {
        if (name != "Override") return;
        auto part = a.get("PartName"), type = a.get("ContentType");
        if (!part || !type) return;
        std::string_view p = *part;
        if (!p.empty() && p.front() == '/') p.remove_prefix(1);
        overrides.emplace_back(std::string(p), std::string(*type));
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

}  // namespace

std::string mainContentType(const Package& p) {
    auto xml = p.read("[Content_Types].xml");
    if (!xml) return {};
    ContentTypesHandler h;
    parseXml(*xml, h, p.name() + ":[Content_Types].xml");
    std::string main;
    for (auto& r : p.relationships(""))
        if (r.type.size() >= 14 && r.type.compare(r.type.size() - 14, 14, "officeDocument") == 0) main = r.target;
    for (auto& [part, type] : h.overrides)
        if (!main.empty() && part == main) return type;
    for (auto& [part, type] : h.overrides)
        if (type.find(".main+xml") != std::string::npos) return type;
    return {};
}

}  // namespace genochron::ooxml
