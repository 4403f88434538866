// The action plan's table: recommendation bands, each followed by its action rows,
// laid out on fixed pages. Text is wrapped here, line by line, so a page break can
// fall between lines of an over-tall row and nothing is ever dropped. The header row
// repeats on every page, and a recommendation that runs on to a new page repeats its
// id there ("R1 continued"). Plain data in, scene items out.
#pragma once
#include "core/scene/scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace genochron::actions {

struct TextStyle {
    double sizePt = 7.5;
    FontWeight weight = FontWeight::Normal;
    bool italic = false;
    Color color{0, 0, 0, 1};
};

// One line of a cell, already wrapped; or a pill: a short label in a rounded box.
struct Line {
    std::string text;
    TextStyle style;
    double h = 0;   // its height, gap above included
    double gap = 0;
    bool pill = false;
    std::optional<Color> pillFill, pillStroke;
    double pillStrokeWidth = 0.8;
    std::vector<double> pillDash;
};

struct Cell {
    std::vector<Line> lines;
    double height() const;
};

struct Row {
    enum class Kind { Group, Item } kind = Kind::Item;
    std::vector<Cell> cells;         // Item: one per column; Group: one cell spanning the table
    std::optional<Color> fill;       // behind the row
    std::optional<Color> leftBar;    // a bar down the left edge (overdue)
    Hatch leftBarHatch = Hatch::None;
    std::string modelId;             // the recommendation or action it shows
    std::string continuedLabel;      // Group: what a page that resumes it shows ("R1 continued")
};

struct Column {
    std::string title;
    double width = 0;
};

struct TableStyle {
    double padX = 3, padY = 2.5;
    TextStyle header, continued;
    Color headerFill{0.2, 0.25, 0.3, 1};
    Color groupFill{0.93, 0.94, 0.96, 1};
    Color rule{0.8, 0.8, 0.8, 1};
    double ruleWidth = 0.4;
    double barWidth = 3;
    double pillPadX = 3, pillPadY = 1.2;
};

// Where one row, or a piece of it, sits on a page.
struct Placed {
    std::size_t row = 0;
    std::vector<Cell> cells;   // what this piece shows
    double y = 0, h = 0;
    bool continuation = false;       // a "R1 continued" band, not the row itself
    bool continuesOnNext = false;    // a piece of a split row
};

struct Page {
    std::vector<Placed> placed;
    double bottom = 0;
};

// Breaks text into lines no wider than `width`, at spaces (inside a word only if it must).
std::vector<Line> wrap(const std::string& text, const TextStyle& st, double width, double gapBefore = 0);
// A pill line: the label in a rounded box.
Line pill(const std::string& text, const TextStyle& st, std::optional<Color> fill, std::optional<Color> stroke,
          const TableStyle& ts);
// measureText with a cache: labels, dates and agency names repeat.
TextExtent measure(const std::string& text, const TextStyle& st);

class Table {
public:
    Table(std::vector<Column> columns, TableStyle style);

    double width() const;
    double headerHeight() const { return m_headerH; }
    const std::vector<Column>& columns() const { return m_columns; }
    double rowHeight(const Row& r) const;

    // Lays rows out from `firstTop` on the first page, `top` on the others, down to `bottom`.
    std::vector<Page> paginate(const std::vector<Row>& rows, double firstTop, double top, double bottom) const;
    // The header row with its top at `headerTop`, then the page's rows.
    void drawPage(Scene& s, const Page& page, const std::vector<Row>& rows, double x, double headerTop) const;

private:
    double continuationHeight(const Row& group) const;
    std::vector<std::vector<Cell>> split(const Row& r, double firstAvail, double fullAvail) const;
    void drawCell(Scene& s, const Cell& c, double x, double y, const std::string& id) const;

    std::vector<Column> m_columns;
    TableStyle m_style;
    double m_headerH = 0;
};

}  // namespace genochron::actions
