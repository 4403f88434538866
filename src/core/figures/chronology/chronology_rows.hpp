// The chronology table's content: page geometry, theme colours, type styles, the
// view's filters, and one table row per event.
#pragma once
#include "core/figures/chronology/chronology_table.hpp"
#include "core/figures/views.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace genochron::chron {

struct Geometry {
    double w = 841.89, h = 595.28;   // the scene is the whole page (A4 landscape by default)
    double u = 1;                    // scene units per printed point
    double margin = 36;
};
Geometry geometryFor(const PageSpec& ps);

struct Palette {
    Color text, muted, headerFill, headerText, rule, personalTint, personalMark, analysisFill, analysisText;
    Color moFill, moText, moNote, subheadingFill, subheadingText;
    bool print = false;   // greys only: meaning carried by glyphs, italic and words
};
Palette paletteFor(Theme t);

struct Styles {
    TextStyle body, bodyItalic, small, smallItalic, bold, analysis, moNote, moText, badge, tags;
};
Styles stylesFor(const Palette& p, double u);

struct Filter {
    std::set<std::string> tags, agencies;   // agencies may also name a kind of source ("family")
    std::string person;                     // a person id
    std::optional<Date> from, to;
    bool active() const { return !tags.empty() || !agencies.empty() || !person.empty() || from || to; }
    bool keep(const Event& e) const;
};
// Throws GenochronError for a filter that names nothing in the case.
Filter makeFilter(const Case& c, const ViewOptions& opt);
std::string describeFilter(const Case& c, const Filter& f, const ViewOptions& opt);

enum Col { kDate, kAgency, kSource, kWhat, kAction, kAnalysis, kFlags, kColumns };
std::vector<TableColumn> columnsFor(double width, const Palette& pal);

struct RowContext {
    const Case& c;
    const Styles& st;
    const Palette& pal;
    const std::map<std::string, int>& mo;   // Case::missedOpportunityNumbers(): as in the timeline
    double u;
    std::set<std::string>* tagsUsed;        // collects tags for the glossary
};
TableRow eventRow(const Event& e, const RowContext& ctx);
TableRow subheading(std::string text);

}  // namespace genochron::chron
