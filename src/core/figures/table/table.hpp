// The paginating table of the printed annexes (the combined chronology, the action plan,
// the missed-opportunity index): rows of wrapped text cells on fixed pages, the header row
// on every page, never a line cut. A row that does not fit moves to the next page; a row
// taller than a whole page is split between lines, marked "continued" on both sides, and
// its later pieces repeat the row's identifying cells (date and agency, action and lead)
// where their own text has run out. Bands (a year, a recommendation) stay with the row
// under them, and a band can be named again on a page that resumes it ("R1 continued").
// Plain data in, scene items out; text is wrapped here, once, and drawn line by line.
#pragma once
#include "core/figures/table/table_text.hpp"
#include "core/scene/scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace genochron::table {

// A short label drawn in a box (an MO number) or a pill (an action's status).
struct Badge {
    std::optional<Color> fill, stroke;
    double strokeWidth = 0.8;
    std::vector<double> dash;
    double padX = 1.4, padY = 1.4;
    double radius = 1.5;   // < 0: a pill (half the height)
};

// One paragraph of a cell.
struct Para {
    std::string text;
    TextStyle style;
    double gapBefore = 0;   // space above it, when it is not the first in its cell (or piece)
    std::optional<Badge> badge;
};

struct Cell {
    std::vector<Para> paras;
};

struct Row {
    enum class Kind { Body, Band } kind = Kind::Body;
    // Body: one cell per column. Band: one cell spanning the table (a year, a recommendation).
    std::vector<Cell> cells;
    std::optional<Color> fill;        // behind the whole row (a band's own colour, a tinted row)
    std::optional<Color> leftBar;     // a bar down the left edge (missed opportunity, overdue)
    Hatch leftBarHatch = Hatch::None;
    // Body: shown on the later pieces of a split row in columns whose own text has run out,
    // so each page says whose entry continues (per column; may be empty).
    std::vector<Cell> carry;
    // Band: what a page that carries on under it shows at its top; empty: nothing.
    std::string continuedLabel;
    std::string modelId;              // the event, recommendation or action it shows
    std::string label;                // for the PDF outline (a band's "2019"); not drawn
};

struct Column {
    std::string title;
    double width = 0;
    std::optional<Color> fill;   // shading of the column's cells (the panel's analysis)
};

struct TableStyle {
    double padX = 3, padY = 2.5;
    TextStyle header, band, continued, continuedBand;
    Color headerFill{0.2, 0.25, 0.3, 1};
    Color bandFill{0.9, 0.9, 0.9, 1};
    Color rule{0.8, 0.8, 0.8, 1};
    double ruleWidth = 0.4;
    double barWidth = 2.5;         // the first column always leaves room for the bar
    std::size_t markColumn = 0;    // the column whose text the "continued" marks sit over
    std::string continuedBelow = "continued on the next page";
    std::string continuedAbove = "continued from the previous page";
};

// One wrapped line of a cell, or a badge.
struct Line {
    std::string text;
    TextStyle style;
    double gap = 0;    // above it
    double h = 0;      // its height, gap excluded
    std::optional<Badge> badge;
    std::size_t para = 0;   // which paragraph of the cell it comes from
};
using CellLines = std::vector<Line>;

// A row, or a piece of a row split between pages, placed on a page.
struct Fragment {
    std::size_t row = 0;              // index into the rows
    std::vector<CellLines> cells;     // what this piece shows, per column (one for a band)
    double y = 0, h = 0;              // top and height on the page
    bool continuedFromPrevious = false, continuesOnNext = false;
    bool bandResumed = false;         // the continuedLabel band of rows[row], not the band itself
};

struct TablePage {
    std::vector<Fragment> fragments;
    double bottom = 0;   // y below the last fragment
};

class Table {
public:
    Table(std::vector<Column> columns, TableStyle style);

    double width() const { return m_width; }
    double headerHeight() const { return m_headerH; }
    const std::vector<Column>& columns() const { return m_columns; }
    const TableStyle& style() const { return m_style; }

    // Lays the rows out from `firstTop` on the first page and `top` on the others,
    // down to `bottom` (the header row is drawn above each page's top).
    std::vector<TablePage> paginate(const std::vector<Row>& rows, double firstTop, double top, double bottom) const;

    // Draws the header row with its top at `headerTop`, then the page's fragments.
    void drawPage(Scene& s, const TablePage& page, const std::vector<Row>& rows, double x, double headerTop) const;

    // The height of a row as one piece.
    double rowHeight(const Row& r) const;
    // A cell's text as the table wraps it in column `col` (a band: the whole width).
    CellLines wrapCell(const Cell& c, double width) const;
    // Width for text in a column's cells, and its left inset (the first leaves room for the bar).
    double contentWidth(std::size_t col) const;
    double inset(std::size_t col) const;
    double bandContentWidth() const { return m_width - inset(0) - m_style.padX; }

private:
    struct Prepared;
    Prepared prepare(const Row& r) const;
    double linesHeight(const CellLines& lines) const;
    double markHeight() const;
    std::vector<std::vector<CellLines>> splitRow(const Prepared& p, double firstAvail, double fullAvail) const;
    void drawLines(Scene& s, const CellLines& lines, double x, double y, const std::string& id) const;

    std::vector<Column> m_columns;
    TableStyle m_style;
    double m_width = 0;
    double m_headerH = 0;
    std::vector<CellLines> m_header;
};

}  // namespace genochron::table
