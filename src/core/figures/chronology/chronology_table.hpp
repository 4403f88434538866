// A paginated table for printed annexes: rows of wrapped text cells laid out on
// fixed pages, never split mid-line. A row that does not fit moves to the next page;
// a row taller than a whole page is split between lines, marked "continued" on both
// sides. The header row repeats on every page. Plain data in, scene items out.
#pragma once
#include "core/scene/scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace genochron::chron {

struct TextStyle {
    double sizePt = 7.5;
    FontWeight weight = FontWeight::Normal;
    bool italic = false;
    Color color{0, 0, 0, 1};
};

// One paragraph in a cell. A badge is a short label drawn in a box (an MO number).
struct Para {
    std::string text;
    TextStyle style;
    double gapBefore = 0;   // space above it, when it is not the cell's first
    std::optional<Color> badgeFill, badgeStroke;
    bool badge() const { return badgeFill || badgeStroke; }
};

struct Cell {
    std::vector<Para> paras;
};

struct TableRow {
    enum class Kind { Body, Subheading } kind = Kind::Body;
    std::vector<Cell> cells;          // Body: one per column
    std::string heading;              // Subheading: its text (a year, "Undated")
    std::optional<Color> fill;        // behind the whole row (accounts from family and friends)
    std::optional<Color> leftBar;     // a bar down the left edge (missed opportunities)
    // Shown on the later pieces of a split row in columns that have run out, so each
    // page says which event continues (per column; may be empty).
    std::vector<Cell> carry;
    std::string modelId;              // the event it shows
};

struct TableColumn {
    std::string title;
    double width = 0;
    std::optional<Color> fill;   // shading of the column's cells (the panel's analysis)
};

struct TableStyle {
    double padX = 3, padY = 2.5;
    TextStyle header, subheading, continued;
    Color headerFill{0.2, 0.25, 0.3, 1};
    Color subheadingFill{0.9, 0.9, 0.9, 1};
    Color rule{0.8, 0.8, 0.8, 1};
    double ruleWidth = 0.4;
    double barWidth = 2.5;
    double badgePad = 1.4;
    std::size_t markColumn = 0;   // the column whose text the "continued" marks sit over
    std::string continuedBelow = "continued on the next page";
    std::string continuedAbove = "continued from the previous page";
};

// A row, or a piece of a row split between pages, placed on a page.
struct Fragment {
    std::size_t row = 0;            // index into the rows
    std::vector<Cell> cells;        // what this piece shows (all of it, unless split)
    double y = 0, h = 0;            // top and height on the page
    bool continuedFromPrevious = false, continuesOnNext = false;
};

struct TablePage {
    std::vector<Fragment> fragments;
    double bottom = 0;   // y below the last fragment
};

class Table {
public:
    Table(std::vector<TableColumn> columns, TableStyle style);

    double width() const;
    double headerHeight() const { return m_headerH; }
    const std::vector<TableColumn>& columns() const { return m_columns; }

    // Lays the rows out from `firstTop` on the first page and `top` on the others,
    // down to `bottom` (the header row is drawn above each page's top).
    std::vector<TablePage> paginate(const std::vector<TableRow>& rows, double firstTop, double top,
                                    double bottom) const;

    // Draws the header row with its top at `headerTop`, and the page's fragments.
    void drawPage(Scene& s, const TablePage& page, const std::vector<TableRow>& rows, double x,
                  double headerTop) const;

    // The height of a row as one piece.
    double rowHeight(const TableRow& r) const;

private:
    double cellHeight(const Cell& c, double width) const;
    // Text width and left inset of a column's cells (the first column leaves room for the bar).
    double contentWidth(std::size_t col) const;
    double inset(std::size_t col) const;
    double paraHeight(const Para& p, double width) const;
    double markHeight() const;
    // Splits a row too tall for one page into pieces: the first fits `firstAvail`, the others `fullAvail`.
    std::vector<std::vector<Cell>> splitRow(const TableRow& r, double firstAvail, double fullAvail) const;
    void drawCell(Scene& s, const Cell& c, double x, double y, double w, const std::string& id) const;

    std::vector<TableColumn> m_columns;
    TableStyle m_style;
    double m_headerH = 0;
};

// Breaks text into lines no wider than `width` at spaces (inside over-long words if
// it must), measured as drawn. Keeps the text's own line breaks.
std::vector<std::string> wrapLines(const std::string& text, const TextStyle& st, double width);

// measureText with a cache: chronologies repeat agency names, labels and dates.
TextExtent measureCached(const std::string& text, const TextStyle& st, double maxWidth);

}  // namespace genochron::chron
