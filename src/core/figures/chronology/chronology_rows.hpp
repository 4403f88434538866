// The chronology table's content: theme colours, type styles, the view's filters, and
// one table row per event (laid out by the table engine, figures/table).
#pragma once
#include "core/figures/table/table.hpp"
#include "core/figures/table/table_page.hpp"
#include "core/figures/view_options.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace genochron::chron {

using table::Cell;
using table::Para;
using table::TextStyle;

// The tables' palette and the chronology's own colours.
struct Palette : table::Palette {
    Color personalTint, personalMark, analysisFill, analysisText, moFill, moText, moNote;
};
Palette paletteFor(Theme t);

struct Styles {
    TextStyle body, bodyItalic, small, smallItalic, bold, analysis, moNote, moText, badge, tags, subheading;
};
Styles stylesFor(const Palette& p, double u);

struct Filter {
    std::set<std::string> tags, agencies;   // agencies may also name a kind of source ("family")
    std::string person;                     // a person id
    std::optional<Date> from, to;
    bool missedOnly = false;
    std::string text;                       // lower-cased; empty = any
    std::set<std::string> textPeople, textAgencies;   // whose names contain `text`
    bool active() const {
        return !tags.empty() || !agencies.empty() || !person.empty() || from || to || missedOnly || !text.empty();
    }
    bool keep(const Event& e) const;
};
// Throws GenochronError for a filter that names nothing in the case.
Filter makeFilter(const Case& c, const ViewOptions& opt);
std::string describeFilter(const Case& c, const Filter& f, const ViewOptions& opt);

enum Col { kDate, kAgency, kSource, kWhat, kAction, kAnalysis, kFlags, kColumns };
std::vector<table::Column> columnsFor(double width, const Palette& pal);

struct RowContext {
    const Case& c;
    const Styles& st;
    const Palette& pal;
    const std::map<std::string, int>& mo;   // Case::missedOpportunityNumbers(): as in the timeline
    double u;
    std::set<std::string>* tagsUsed;        // collects tags for the glossary
};
table::Row eventRow(const Event& e, const RowContext& ctx);

// The chronology laid out on pages of the given geometry: for `render` (geometryFor(opt.page))
// and for the report pack (its own page body, its own header and footer).
Document buildChronologyDocument(const ViewCase& vc, const ViewOptions& opt, const table::PageGeometry& g);
// A year (or "Undated") band over the rows under it.
table::Row subheading(std::string text, const Styles& st, const Palette& pal);

}  // namespace genochron::chron
