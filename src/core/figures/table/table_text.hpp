// Text in the printed tables (the chronology, the action plan, the missed-opportunity
// index): one type style, one measuring cache keyed by the text itself, and the line
// breaker the tables use both to measure a cell and to draw it, so what is measured
// is what is drawn, line for line.
#pragma once
#include "core/scene/scene.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace genochron::table {

struct TextStyle {
    double sizePt = 7.5;
    FontWeight weight = FontWeight::Normal;
    bool italic = false;
    Color color{0, 0, 0, 1};
    bool operator==(const TextStyle&) const = default;
};

// measureText through one cache. The key is the text itself (with size, weight, slant and
// wrapping width): labels, dates, agency names and words repeat, and two different texts
// never share an entry. Figures are built on one thread (Pango's measuring context is shared).
TextExtent measure(std::string_view text, const TextStyle& st, double maxWidthPt = 0);

// The height of one line in this style.
double lineHeight(const TextStyle& st);

// Breaks text into lines no wider than `width`: at spaces, and inside a word only when the
// word alone is wider than the line. Keeps the text's own line breaks ('\n'). Widths are
// measured word by word (through the cache), so a paragraph costs one lookup per word.
std::vector<std::string> wrapLines(std::string_view text, const TextStyle& st, double width);

// A text item at `at` (top-left unless halign/valign say otherwise) in this style.
TextItem textItem(std::string text, Point at, const TextStyle& st, double maxWidthPt = 0, VAlign v = VAlign::Top);

}  // namespace genochron::table
