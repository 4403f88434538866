// Reading Office Open XML packages (.xlsx, .docx): the zip with libzip, its XML parts with
// expat. Internals of the import readers.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genochron::ooxml {

// A zip archive held in memory. Entries are read whole, with a cap on their unpacked size
// (a zip bomb is an error, not an out-of-memory).
class Package {
public:
    Package(std::string_view bytes, std::string displayName);
    ~Package();
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    bool has(const std::string& path) const;
    // The entry's bytes; nullopt when it is absent. Throws GenochronError when it cannot be unpacked.
    std::optional<std::string> read(const std::string& path) const;
    const std::string& name() const { return m_name; }

    // Targets of a part's relationships (Id -> absolute part path) and their types.
    struct Relationship {
        std::string id, type, target;   // target resolved against the part's folder, no leading '/'
    };
    std::vector<Relationship> relationships(const std::string& partPath) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_name;
};

// One XML attribute list as expat gives it: name, value, name, value, ..., nullptr.
struct Attrs {
    const char** a = nullptr;
    // The value of the attribute whose local name (after any prefix) is `local`.
    std::optional<std::string_view> get(std::string_view local) const;
};

// Element callbacks with local names (namespace prefixes dropped: writers use w:, x:, or none).
struct SaxHandler {
    virtual ~SaxHandler() = default;
    virtual void start(std::string_view name, const Attrs& attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view s) = 0;
};

// Parses `xml` with expat. A document type declaration (never in OOXML; the way to entity
// attacks) and malformed XML are errors naming the part, line and column.
void parseXml(std::string_view xml, SaxHandler& h, const std::string& where);

// The local part of a name: "w:tbl" -> "tbl".
std::string_view localName(std::string_view qname);

// Excel escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return).
std::string unescapeOoxml(std::string_view s);

// The content type of the package's main part, from [Content_Types].xml ("" when none).
std::string mainContentType(const Package& p);

}  // namespace genochron::ooxml
