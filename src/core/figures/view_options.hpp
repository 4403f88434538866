// What every figure builder takes besides the case: theme, paper, title, filters, "today".
#pragma once
#include "core/anonymise/view_case.hpp"
#include "core/model/date.hpp"
#include "core/scene/page.hpp"
#include "core/scene/scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace genochron {

struct ViewOptions {
    Theme theme = Theme::Colour;
    PageSpec page;                      // views that paginate (chronology) lay out for it
    std::string title;                  // overrides the default title
    std::string person;                 // genogram: centre; timeline: filter + highlight
    int depth = 2;                      // genogram: generations/steps around `person`
    std::vector<std::string> tags;      // timeline/chronology filters
    std::vector<std::string> agencies;
    std::optional<Date> from, to;
    bool missedOnly = false;            // chronology: missed opportunities only
    std::string text;                   // chronology: events whose text, ids, dates, tags or people's
                                        // names contain this (case-insensitive)
    long todayDays = 0;                 // "now" for overdue actions (days since 1970); 0 = system clock
    bool legend = true;
    std::optional<Date> asOf;           // genogram: the case was cut as of this date (caseAsOf); the key says so
    bool stages = false;                // timeline: Monckton Smith's eight stages as bands (timeline_stages.hpp)
};

}  // namespace genochron
