// Where a phrase inside a YAML scalar is in the file: the loader records where each
// scalar starts; a language finding wants the line and column of the phrase itself.
// This re-reads the scalar from the source text (plain, 'single', "double" quoted,
// | literal and > folded blocks, over several lines) and maps a byte offset in its
// value back to a 1-based line and a column counted in characters, as libyaml counts.
// It checks as it goes that the source decodes to the value the case holds, so a
// stale or edited source never gives a wrong position: it says it does not know.
#pragma once
#include "core/model/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genochron::langcheck {

class SourceText {
public:
    explicit SourceText(std::string text);
    // The position of byte `offset` of `value`, the scalar that starts at `start`; nullopt
    // when the source there does not decode to `value` (up to `offset + 1` bytes).
    std::optional<SourceLoc> locate(SourceLoc start, std::string_view value, std::size_t offset) const;
    const std::string& text() const { return m_text; }

private:
    std::optional<std::size_t> byteAt(SourceLoc loc) const;   // 1-based line, column in characters
    SourceLoc locOf(std::size_t byte) const;
    std::string m_text;
    std::vector<std::size_t> m_lineStarts;
};

// Without source text: the start, moved along by the characters before `offset` when the
// value is one line (a plain scalar, the common case).
SourceLoc approximateLoc(SourceLoc start, std::string_view value, std::size_t offset);

// Characters (UTF-8 code points) in the first `bytes` bytes of `s`.
int utf8Chars(std::string_view s, std::size_t bytes);

}  // namespace genochron::langcheck
