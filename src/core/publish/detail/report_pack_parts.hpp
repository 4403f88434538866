// Inside the report pack: paper, the page body inside the margins and the running header
// and footer, and the figures placed on pack pages (report_pack_figures.cpp).
#pragma once
#include "core/figures/views.hpp"
#include "core/scene/scene.hpp"

#include <string>
#include <vector>

namespace genochron::pack {

// Printable margins: 36 pt (12.7 mm) on every side, then a band for the running header
// above the body and one for the footer below it.
constexpr double kMarginPt = 36, kHeadBandPt = 22, kFootBandPt = 24;
// At print size no genogram text is smaller than this.
constexpr double kMinGenogramTextPt = 7;

struct Paper {
    double w = 0, h = 0;
    bool a3 = false;
};
Paper a4(bool landscape);
Paper a3(bool landscape);

// The page's body: inside the margins, under the header, over the footer.
Rect bodyOf(double w, double h);
Scene blankPage(const Paper& p);

// A figure on pack pages, and what the contents says about how it was placed.
struct FigurePages {
    std::vector<Scene> pages;   // page-sized, the figure inside bodyOf(page)
    std::string note;           // "A3 fold-out", "split over 2 A3 pages", "" for an ordinary page
};

// The smallest text a scene draws, in its own units (0 when it draws none).
double smallestText(const Scene& s);

// The genogram at a size where no text is under 7 pt: one A4 page when it fits, else an A3
// fold-out page, else split over A3 pages between people (never through a symbol or a label),
// each cut edge marked with the page it continues on. `firstPage` is the 0-based pack page of
// the first of them (for those marks).
FigurePages genogramPages(const Scene& figure, bool landscape, int firstPage);

// The timeline on one page whenever it can be (A4, else an A3 fold-out page), so no arrow
// between lanes and no label is cut and the key stays with it; only a timeline too tall for A3
// is split between its lanes, as the timeline itself splits them.
FigurePages timelinePages(const ViewCase& vc, const ViewOptions& base, bool landscape);

// A figure scene scaled by `k` and placed with its top-left at `at` on a blank page.
Scene placeOn(const Scene& figure, const Paper& p, double k, Point at);

// The pack's own tables on its pages (report_pack_tables.cpp): the index of missed
// opportunities, and the action plan annex (outcome, evidence, milestones, every update, the
// "live document" note) at the position on `today`.
std::vector<Scene> missedOpportunityPages(const ViewCase& vc, Theme theme, const Paper& paper);
std::vector<Scene> actionAnnexPages(const ViewCase& vc, Theme theme, const Paper& paper, long today);

// Alternative text for the figures, from the case the pack draws (anonymised when publishing).
std::string genogramAlt(const Case& c, const std::string& placement);
std::string timelineAlt(const Case& c);

}  // namespace genochron::pack
