// The scene: what a figure shows, as plain data, in points with y down.
// Views build it (genogram, timeline, chronology, actions); painters draw it
// (Cairo for PNG/SVG/PDF and the app's textures). What the user sees is what they export.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace genochron {

struct Point {
    double x = 0, y = 0;
    bool operator==(const Point&) const = default;
};

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    double right() const { return x + w; }
    double bottom() const { return y + h; }
    bool intersects(const Rect& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
    bool contains(Point p) const { return p.x >= x && p.x <= right() && p.y >= y && p.y <= bottom(); }
    Rect united(const Rect& o) const;
    Rect inflated(double d) const { return {x - d, y - d, w + 2 * d, h + 2 * d}; }
};

struct Color {
    double r = 0, g = 0, b = 0, a = 1;
    static Color rgb(unsigned hex, double alpha = 1.0) {
        return {((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, alpha};
    }
    Color grey() const;   // luminance, for the print theme
    bool operator==(const Color&) const = default;
};

// A fill pattern, so meaning never rests on colour alone (print theme).
enum class Hatch { None, Diagonal, Cross, Dots, Horizontal };

struct Paint {
    std::optional<Color> fill;
    Hatch hatch = Hatch::None;     // drawn over the fill in the stroke colour
    std::optional<Color> stroke;
    double lineWidth = 1.0;
    std::vector<double> dash;      // on/off lengths in points; empty = solid
    bool roundCaps = false;

    static Paint filled(Color c) {
        Paint p;
        p.fill = c;
        return p;
    }
    static Paint stroked(Color c, double width = 1.0, std::vector<double> dash = {}) {
        Paint p;
        p.stroke = c;
        p.lineWidth = width;
        p.dash = std::move(dash);
        return p;
    }
};

struct PathOp {
    enum Kind { Move, Line, Curve, Close } kind = Move;
    Point p[3];   // Curve: two control points and the end
};

class Path {
public:
    Path& moveTo(Point p);
    Path& lineTo(Point p);
    Path& curveTo(Point c1, Point c2, Point end);
    Path& close();
    static Path rect(const Rect& r);
    static Path roundedRect(const Rect& r, double radius);
    static Path ellipse(const Rect& r);
    static Path polyline(const std::vector<Point>& pts, bool closed = false);
    const std::vector<PathOp>& ops() const { return m_ops; }
    Rect bounds() const;
    bool empty() const { return m_ops.empty(); }

private:
    std::vector<PathOp> m_ops;
};

struct ShapeItem {
    Path path;
    Paint paint;
    std::string modelId;   // the person/event/... it shows: hit-testing and highlights in the app
};

enum class HAlign { Left, Center, Right };
enum class VAlign { Top, Middle, Baseline, Bottom };
enum class FontWeight { Normal, Bold };

struct TextItem {
    std::string text;       // UTF-8; may contain '\n'
    Point at;               // anchor, placed by halign/valign
    double sizePt = 9;
    FontWeight weight = FontWeight::Normal;
    bool italic = false;
    HAlign halign = HAlign::Left;
    VAlign valign = VAlign::Baseline;
    Color color;
    double maxWidthPt = 0;  // > 0: wrap at this width
    std::string modelId;
};

// Clip following items to a rectangle until the matching pop.
struct ClipPush { Rect rect; };
struct ClipPop {};

using SceneItem = std::variant<ShapeItem, TextItem, ClipPush, ClipPop>;

struct Scene {
    double widthPt = 0, heightPt = 0;
    std::optional<Color> background = Color{1, 1, 1, 1};
    std::vector<SceneItem> items;
    std::string pageLabel;   // e.g. "Page 2 of 5" (informational)

    void add(Path path, Paint paint, std::string modelId = {}) {
        items.emplace_back(ShapeItem{std::move(path), std::move(paint), std::move(modelId)});
    }
    void text(TextItem t) { items.emplace_back(std::move(t)); }
    Rect contentBounds() const;   // of shapes (text anchors included)
};

// The same scene scaled by `scale` and moved by `offset`, on a page of the given size:
// every coordinate, font size, line width, dash and clip is transformed, so a figure can
// be placed on a report page without a transform stack in the painters.
Scene placeScene(const Scene& s, double scale, Point offset, double pageWidthPt, double pageHeightPt);
// Fits a scene inside a page with margins (never enlarging past `maxScale`), centred.
Scene fitSceneToPage(const Scene& s, double pageWidthPt, double pageHeightPt, double marginPt, double maxScale = 1.0);

// One figure or a multi-page document (chronology tables, the report pack).
struct Document {
    std::vector<Scene> pages;
    std::string outlineTitle;                    // for the PDF outline; must not name anyone in anonymised mode
    std::vector<std::pair<int, std::string>> outline;   // page index -> bookmark
    // Drawn from an anonymised case: every export audits it before writing (figure_export.hpp).
    // Set by the figure builders from their ViewCase, never by the caller who exports.
    bool anonymised = false;
};

// The two themes of every figure.
enum class Theme { Colour, Print };

// Measuring text the same way every painter draws it (Pango, DejaVu Sans).
struct TextExtent {
    double widthPt = 0, heightPt = 0, baselinePt = 0;
};
TextExtent measureText(const std::string& text, double sizePt, FontWeight w = FontWeight::Normal,
                       bool italic = false, double maxWidthPt = 0);

}  // namespace genochron
