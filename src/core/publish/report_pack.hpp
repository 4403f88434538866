// The report pack: one PDF a review chair can attach to the report as it is. A cover with
// the contents, the genogram, the multi-agency timeline, the combined chronology, the
// index of missed opportunities, the action plan annex (tracker, milestones, every update),
// and external PDFs (the QA Panel's letter, an executive summary) as annexes at the end.
// Every page has printable margins and one running header and footer: the review's title,
// the protective marking (`publication.marking`) and "Page i of n" over the whole pack.
//
//   buildReportPack()   the pages, as scenes (report_pack.cpp, report_pack_pages.cpp)
//   writeReportPack()   paints, tags and finishes the PDF, audits it, writes it (report_pack_write.cpp)
#pragma once
#include "core/figures/views.hpp"
#include "core/paint/cairo_painter.hpp"

#include <functional>
#include <string>
#include <vector>

namespace genochron {

// An external PDF appended as an annex: its pages are placed, as vectors with their text,
// inside the pack's margins under the pack's header and footer.
struct PackAnnex {
    std::string path;
    std::string title;       // empty: the PDF's own title, else "Annex A", ...
    // Filled in by readAnnex (report_pack_pdf.hpp): each page's size in points.
    std::vector<std::pair<double, double>> pageSizes;
};

struct PackOptions {
    Theme theme = Theme::Colour;
    bool landscape = true;          // A4 landscape pages (figures may take an A3 fold-out page)
    long todayDays = 0;             // the date the action plan's position is given at; 0 = today
    std::vector<PackAnnex> annexes;
    // Called before each section is built, for progress ("Genogram", 1, 6).
    std::function<void(const std::string& section, int index, int total)> progress;
};

struct PackSection {
    std::string title;
    int firstPage = 0;       // 0-based
    int pages = 0;
    std::string note;        // said in the contents: "A3 fold-out", "split over 2 A3 pages"
    std::string problem;     // non-empty: the section could not be built (said on its page)
    bool annex = false;
};

// Where an annex's page goes on a pack page, for the PDF finishing step.
struct AnnexPlacement {
    int packPage = 0;        // 0-based page of the pack
    std::size_t annex = 0;   // index into PackOptions::annexes
    int annexPage = 0;       // 0-based page of the annex PDF
    Rect box;                // in the pack page's points, y down
};

struct Pack {
    Document document;
    std::vector<PackSection> sections;
    std::vector<AnnexPlacement> annexPages;
    std::vector<std::string> figureAlt;   // alternative text of each figure, in page order
    std::vector<std::vector<StructTag>> tags;   // each page's PDF structure (PaintOptions::tags)
    std::string title, language = "en-GB";
};

// Builds every page. Annexes must have been read (readAnnex) so their pages can be numbered.
Pack buildReportPack(const ViewCase& c, const PackOptions& opt);

}  // namespace genochron
