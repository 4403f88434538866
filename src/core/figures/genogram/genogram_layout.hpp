// Genogram geometry: who sits where, and every line of the family drawn as segments.
// Laid out with Graphviz dot (the recipe in DESIGN.md); nothing of Graphviz leaves
// this module: callers get plain structs in points, y down, origin at the top-left
// of everything drawn (symbols, label slots, lines).
//
// Geometry never depends on names: labels sit in fixed slots under the symbols and
// long names wrap, so a named and an anonymised figure have the same shape.
#pragma once
#include "core/model/enums.hpp"
#include "core/anonymise/view_case.hpp"
#include "core/model/model.hpp"
#include "core/scene/scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace genochron::genogram {

// Sizes shared by the layout and the drawing.
inline constexpr double kSymbolPt = 36;          // a person's square / circle / diamond
inline constexpr double kSmallSymbolPt = 20;     // pregnancy nodes
inline constexpr double kLabelSlotWPt = 70;      // names wrap at this width, centred under the symbol
inline constexpr double kLabelSlotHPt = 30;      // name (up to two lines) and role line
inline constexpr double kNameSlotWPt = 60;       // what lines keep clear of under a symbol (most names fit)
inline constexpr double kYearSlotHPt = 11;       // birth / death years above the symbol

struct PersonBox {
    std::string id;
    std::string label;           // data().name: the real name, or the pseudonym when anonymised
    Sex sex = Sex::Unknown;      // what is drawn
    Rect box;                    // the symbol
    int generation = 0;          // 0 = top row
    bool pregnancy = false;      // a small pregnancy node
    std::string age;             // drawn inside the symbol; empty = none (unknown, presumed dead, pregnancy)
    std::string born, died;      // years above the symbol ("1961", "c.1960"); empty = none
    Rect bornBox, diedBox;       // where they are written (w = 0: not written)
    Rect nameSlot;               // the room under the symbol for the name and roles (fixed size)
    Point centre() const { return {box.x + box.w / 2, box.y + box.h / 2}; }
};

// A partnership, a couple with children but no partnership record, or one known parent.
struct Union {
    std::vector<std::string> partners;   // one or two ids
    std::vector<std::string> children;   // birth order: oldest first
    Point at;                            // where the descent line starts
    int partnership = -1;                // index into Case::partnerships; -1 = none recorded
    std::string label;                   // the partnership's years ("m. 2016\ndiv. 2020"); empty = none
    Rect labelBox;                       // where the label is written (w = 0: not written)
    double labelPt = 7;                  // its text size
    Point markAt;                        // where separation / divorce slashes cross the line
    int slashes = 0;                     // 1 separated, 2 divorced
};

// A household at the date shown, outlined around its members only: the outline is a
// rectilinear shape (one or more closed loops, drawn with rounded corners) that bends
// around anyone who is not a member, so it can never take someone in.
struct HouseholdShape {
    std::string id, label;
    std::vector<std::string> members;           // the members drawn
    std::vector<std::vector<Point>> loops;      // closed polygons (corners), outer and inner edges
    Rect labelBox;                              // where its name is written (w = 0: none)
};

// Text the figure writes, as boxes: what no line may pass through.
enum class LabelKind { Name, Born, Died, Partnership, Household };
struct LabelSlot {
    LabelKind kind = LabelKind::Name;
    std::string owner;   // the person; the union index ("u3"); the household id
    Rect box;
};

enum class LineKind { Partnership, Descent, Sibship, Child, Relation };
std::string_view toString(LineKind k);

// One drawn line. from/to: partnership and descent: the union's partners (to is empty
// for one parent); sibship: first and last child; child: the union's first partner and
// the child; relation: the relation's from and to.
struct Line {
    LineKind kind = LineKind::Partnership;
    std::string from, to;
    std::vector<Point> points;   // a polyline
    int ref = -1;                // partnership / union / relation index it draws
    bool overTop = false;        // partnership drawn over an intervening partner (serial partners)
    double headPt = 0;           // relation: half-width of its arrowhead where lanes arrive close together (0 = usual)
};

// Measured on the drawn family lines (relation lines, drawn over the genogram, excluded),
// except relationCrossings, which measures the relation lines against the family.
struct Quality {
    int crossings = 0;           // pairs of segments that cross away from their ends, or overlap
    int partnerGap = 0;          // people strictly between partners on their row who are partners of neither
    int partnersOffRow = 0;      // partnerships whose partners are on different rows
    int siblingInversions = 0;   // sibling pairs drawn against their birth order
    int relationCrossings = 0;   // relation lines crossing a family line, or through someone else's symbol
    int linesThroughLabels = 0;  // (line, label) pairs where a drawn line passes through a name, years,
                                 // partnership label or household name (a partnership's own line excepted)
    int relationsOverPartnership = 0;   // relation lines running along a partnership line or over its slashes
    int householdStrangers = 0;  // people not in a household whose symbol its outline takes in or cuts
};

struct Layout {
    std::vector<PersonBox> people;
    std::vector<Union> unions;
    std::vector<Line> lines;
    std::vector<HouseholdShape> households;
    std::vector<LabelSlot> labels;   // every label written (see labelSlots)
    Rect bbox;                   // {0, 0, width, height}
    Quality quality;

    const PersonBox* person(std::string_view id) const;
};

struct LayoutOptions {
    std::string person;          // non-empty: only the family within `depth` steps of this person
    int depth = 2;               // steps via parents, children, partners, siblings
    long todayDays = 0;          // "now" for ages when the case has no reference date; 0 = the clock
};

// Lays out the genogram of `c` (a ViewCase's data()). Throws GenochronError when the
// person is unknown or Graphviz fails. Deterministic: the same case gives the same layout.
Layout layoutGenogram(const ViewCase& c, const LayoutOptions& opt = {});

// The people within `depth` steps of `id` (parents, children, partners, siblings), in case order.
std::vector<std::string> familyWithin(const Case& c, const std::string& id, int depth);

// Quality measures of a finished layout; `c` gives birth order. Exposed for tests.
Quality measureQuality(const Layout& l, const Case& c);

// Relation lines crossing family lines (or running along one), plus relation lines through
// the symbol of anyone but their own two people. Exposed for tests and the relation router.
int countRelationCrossings(const Layout& l);

// Every label the layout places (names, years, partnership labels, household names).
std::vector<LabelSlot> labelSlots(const Layout& l);

// Is `p` inside the household's outline (even-odd over its loops)?
bool insideOutline(const HouseholdShape& h, Point p);

// Birth order of children: born date, then birth_order, then their order in the file.
bool bornBefore(const Person& a, std::size_t aIndex, const Person& b, std::size_t bIndex);

}  // namespace genochron::genogram
