#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace genochron {

std::string_view toString(Severity s) {
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    return "error";
}

std::string_view toString(Category c) {
    switch (c) {
    case Category::Validation: return "validation";
    case Category::Consistency: return "consistency";
    case Category::Language: return "language";
    case Category::Publication: return "publication";
    case Category::Review: return "review";
    }
    return "validation";
}

std::string formatDiagnostic(const Diagnostic& d) {
    std::string where = d.file;
    if (!d.place.empty()) where += ":" + d.place;
    else if (d.line > 0) where += fmt::format(":{}:{}", d.line, d.column > 0 ? d.column : 1);
    std::string s = fmt::format("{}{}{}: {}", where, where.empty() ? "" : ": ", toString(d.severity), d.message);
    if (!d.code.empty()) s += fmt::format(" [{}]", d.code);
    if (d.suppressed) s += fmt::format(" (suppressed: {})", d.suppressReason);
    return s;
}

Diagnostic& Diagnostics::add(Severity s, Category c, std::string code, SourceLoc at, std::string message,
                             std::string id) {
    Diagnostic d;
    d.severity = s;
    d.category = c;
    d.code = std::move(code);
    d.message = std::move(message);
    d.file = m_file;
    d.line = at.line;
    d.column = at.column;
    d.id = std::move(id);
    m_items.push_back(std::move(d));
    return m_items.back();
}

bool Diagnostics::hasErrors() const {
    return std::any_of(m_items.begin(), m_items.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

void Diagnostics::sort() {
    std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.line != b.line) return a.line < b.line;
        if (a.column != b.column) return a.column < b.column;
        return int(a.severity) < int(b.severity);
    });
}

GenochronError::GenochronError(const std::string& message, std::string file, int line, int column)
    : std::runtime_error(file.empty() ? message
                         : line > 0 ? fmt::format("{}:{}:{}: error: {}", file, line, column > 0 ? column : 1, message)
                                    : fmt::format("{}: error: {}", file, message)),
      m_file(std::move(file)), m_line(line), m_column(column) {}

}  // namespace genochron
