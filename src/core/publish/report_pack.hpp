// The report pack: one PDF with a cover, the genogram, the timeline, the chronology table,
// the action plan and a note on reading the figures, with PDF bookmarks.
#pragma once
#include "core/figures/views.hpp"

#include <functional>
#include <string>

namespace genochron {

struct PackOptions {
    Theme theme = Theme::Colour;
    bool landscape = true;          // A4 landscape pages
    long todayDays = 0;
    // Called before each section is built, for progress ("genogram", 1, 5).
    std::function<void(const std::string& section, int index, int total)> progress;
};

struct PackSection {
    std::string title;
    int firstPage = 0;   // 0-based
    int pages = 0;
    std::string problem;   // non-empty: the section could not be built (said on its page)
};

struct Pack {
    Document document;
    std::vector<PackSection> sections;
};

// Every page is an A4 page; figures larger than a page are scaled to fit it.
Pack buildReportPack(const ViewCase& c, const PackOptions& opt);

}  // namespace genochron
