// Findings and errors in the style of a compiler: FILE:LINE:COL: error: message.
#pragma once
#include "core/model/source_loc.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace genochron {

enum class Severity { Error, Warning, Note };
enum class Category { Validation, Consistency, Language, Publication, Review };

std::string_view toString(Severity s);
std::string_view toString(Category c);

struct Diagnostic {
    Severity severity = Severity::Error;
    Category category = Category::Validation;
    std::string code;      // stable short name, e.g. "unknown-person"
    std::string message;   // what is wrong and what to do, for a review chair
    std::string file;
    int line = 0, column = 0;
    std::string place;     // when set, shown instead of LINE:COL ("Sheet1!C7", "table 2, row 7, column 3")
    std::string id;        // the person / event / recommendation it concerns
    std::string suggestion;   // optional rewording (language), shown with --fix-suggestions
    bool suppressed = false;  // lint_ignore'd: reported as suppressed, not hidden
    std::string suppressReason;
};

// "case.yaml:14:9: error: message [code]"
std::string formatDiagnostic(const Diagnostic& d);

class Diagnostics {
public:
    explicit Diagnostics(std::string file = {}) : m_file(std::move(file)) {}
    Diagnostic& add(Severity s, Category c, std::string code, SourceLoc at, std::string message,
                    std::string id = {});
    Diagnostic& error(std::string code, SourceLoc at, std::string message, std::string id = {}) {
        return add(Severity::Error, Category::Validation, std::move(code), at, std::move(message), std::move(id));
    }
    Diagnostic& warning(Category c, std::string code, SourceLoc at, std::string message, std::string id = {}) {
        return add(Severity::Warning, c, std::move(code), at, std::move(message), std::move(id));
    }
    void append(const std::vector<Diagnostic>& more) { m_items.insert(m_items.end(), more.begin(), more.end()); }
    bool hasErrors() const;
    const std::vector<Diagnostic>& items() const { return m_items; }
    std::vector<Diagnostic>& items() { return m_items; }
    const std::string& file() const { return m_file; }
    // Order by file position, errors first on the same line.
    void sort();

private:
    std::string m_file;
    std::vector<Diagnostic> m_items;
};

// An error a user can act on, with where it is; thrown by I/O and the CLI's steps.
class GenochronError : public std::runtime_error {
public:
    explicit GenochronError(const std::string& message, std::string file = {}, int line = 0, int column = 0);
    const std::string& file() const { return m_file; }
    int line() const { return m_line; }
    int column() const { return m_column; }
private:
    std::string m_file;
    int m_line, m_column;
};

}  // namespace genochron
