// McGoldrick's genogram symbols as scene items: people (sex, index, deceased, age,
// conditions, pregnancies), partnership lines by status, child lines by parentage,
// relation lines by kind. The genogram view and its legend draw with these same
// functions, so the legend always matches the figure.
#pragma once
#include "core/model/model.hpp"
#include "core/scene/scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace genochron::genogram {

// Colours of one theme. Print is greyscale: every meaning is also in a pattern,
// line style or position, never in colour alone.
struct Palette {
    bool print = false;
    Color ink, paper, muted;
    Color substance, mental;             // condition fills
    Color household;                     // the first household's outline (and the key's)
    std::vector<double> householdDash;   // empty: solid
    // Households are told apart by colour (colour theme) or line pattern (print), and
    // each is named on its outline; `i` counts the households drawn.
    Color householdColour(std::size_t i) const;
    std::vector<double> householdDashFor(std::size_t i) const;
    Color relation(RelationKind k) const;
};
Palette paletteFor(Theme t);

// What a person's symbol shows.
struct SymbolSpec {
    Sex sex = Sex::Unknown;
    std::optional<Pregnancy> pregnancy;
    bool index = false;
    bool deceased = false;
    std::vector<Condition> conditions;
    std::string age;                     // drawn inside; empty = none
};
SymbolSpec symbolSpecFor(const Person& p, std::string age);

// The kinds of condition fill a person shows (for the legend too).
enum class ConditionMark { None, SubstanceMisuse, MentalHealth, Both, InRecovery, Suspected };
std::vector<ConditionMark> conditionMarks(const std::vector<Condition>& c);

// Draws a symbol in `box` (the whole square the symbol fills).
void drawSymbol(Scene& s, const SymbolSpec& spec, const Rect& box, const Palette& pal, const std::string& modelId);

// The outline path of a person's symbol (square, circle, diamond; pregnancy triangle ...).
Path symbolOutline(const SymbolSpec& spec, const Rect& box);

// Partnership line styles. `base` is the status whose line is drawn (a divorced
// marriage: married), `slashes` the marks across it (separated 1, divorced 2).
struct PartnershipStyle {
    PartnershipStatus base = PartnershipStatus::Married;
    int slashes = 0;
};
PartnershipStyle partnershipStyle(const Partnership* pt);
// "m. 2016\ndiv. 2020", "cohab. 2011\nended 2015", "wid. 2016" ... empty when no dates.
std::string partnershipLabel(const Partnership& pt);

// Draws a partnership polyline; slashes near `markAt` (on the line).
void drawPartnership(Scene& s, const std::vector<Point>& pts, const PartnershipStyle& st, Point markAt,
                     const Palette& pal, const std::string& modelId);

// Descent, sibship and child lines. Child lines take the child's parentage.
void drawFamilyLine(Scene& s, const std::vector<Point>& pts, const Palette& pal, const std::string& modelId,
                    Parentage parentage = Parentage::Biological);

// Relation lines over the genogram: close (double), fused (triple), distant (dashed),
// hostile (zigzag), cut-off (gap and bars), and arrowed abuse lines, one pattern each.
// `headHalf` > 0: a narrower arrowhead (lanes arriving close together).
void drawRelation(Scene& s, const std::vector<Point>& pts, RelationKind k, const Palette& pal,
                  const std::string& modelId, double headHalf = 0);

// A polyline moved sideways by `d` points (left of the direction of travel is positive).
std::vector<Point> offsetPolyline(const std::vector<Point>& pts, double d);

}  // namespace genochron::genogram
