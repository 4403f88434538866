// What the printed tables share besides the engine: one palette for both themes, the page
// they are laid out on, and the page furniture (running heading, footer, "Page i of N").
#pragma once
#include "core/figures/table/table.hpp"
#include "core/scene/scene.hpp"

#include <string>

namespace genochron {
struct PageSpec;
}

namespace genochron::table {

// The colours every table uses. The figures add their own (a status's pill, an MO badge).
struct Palette {
    bool print = false;   // greys only: meaning carried by glyphs, italic and words
    Color text, muted, rule, headerFill, headerText, bandFill, bandText;
};
Palette paletteFor(Theme t);

// The page a table figure is laid out on, in scene units.
struct PageGeometry {
    double w = 841.89, h = 595.28;   // the scene is the whole page (A4 landscape unless a page is given)
    double u = 1;                    // scene units per printed point
    Rect body{36, 36, 841.89 - 72, 595.28 - 72};   // where the figure's content goes
    bool ownFooter = true;           // false: the report pack draws the page's header and footer
};
// For `render`: with --page a4/a3 the painter shrinks the whole scene into the page's margins,
// so the layout is in units of 1/scale and the printed type keeps its size.
PageGeometry geometryFor(const PageSpec& ps);

// The page furniture of a paginated table figure.
struct Furniture {
    std::string heading;     // "Combined chronology": the first page's title, "(continued)" on the others
    std::string footLeft;    // the review's title
    std::string footMid;     // "Anonymised for publication" or a warning that it is not
    TextStyle title, running, foot;
    Color rule;
    double u = 1;
};

// Where the parts of each page go, from the geometry and the furniture.
struct PageFrame {
    double top = 0;              // the first page's title
    double otherHeaderTop = 0;   // the header row on later pages (under the running heading)
    double footerTop = 0;        // the footer's rule
    double bottom = 0;           // the lowest a row may reach
};
PageFrame frameFor(const PageGeometry& g, const Furniture& f);

// The footer (unless the pack draws its own) and, on pages after the first, the running heading.
// Sets the scene's pageLabel to "Page i of N".
void drawFurniture(Scene& s, const PageGeometry& g, const PageFrame& fr, const Furniture& f, std::size_t page,
                   std::size_t pages);

}  // namespace genochron::table
