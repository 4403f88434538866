// The figures genochron draws, each built as a Document of scenes from a ViewCase.
#pragma once
#include "core/paint/cairo_painter.hpp"
#include "core/model/date.hpp"
#include "core/scene/scene.hpp"
#include "core/anonymise/view_case.hpp"

#include <optional>
#include <string>
#include <vector>

namespace genochron {

enum class ViewKind { Genogram, Timeline, Chronology, Actions };
std::optional<ViewKind> viewFromString(std::string_view s);
std::string_view toString(ViewKind v);

struct ViewOptions {
    Theme theme = Theme::Colour;
    PageSpec page;                      // views that paginate (chronology) lay out for it
    std::string title;                  // overrides the default title
    std::string person;                 // genogram: centre; timeline: filter + highlight
    int depth = 2;                      // genogram: generations/steps around `person`
    std::vector<std::string> tags;      // timeline/chronology filters
    std::vector<std::string> agencies;
    std::optional<Date> from, to;
    long todayDays = 0;                 // "now" for overdue actions (days since 1970); 0 = system clock
    bool legend = true;
};

// Dispatches to the view's builder. Throws GenochronError for options that make no sense.
Document buildView(const ViewCase& c, ViewKind kind, const ViewOptions& opt);

Document buildGenogramView(const ViewCase& c, const ViewOptions& opt);     // genogram_view.cpp
Document buildTimelineView(const ViewCase& c, const ViewOptions& opt);     // timeline_view.cpp
Document buildChronologyView(const ViewCase& c, const ViewOptions& opt);   // chronology_view.cpp
Document buildActionsView(const ViewCase& c, const ViewOptions& opt);      // actions_view.cpp

long todayDays();   // the system date, days since 1970-01-01

}  // namespace genochron
