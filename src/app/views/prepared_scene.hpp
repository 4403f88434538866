// A page of a figure made ready for the interactive canvas, on the figures worker:
// every item's bounds (text measured once with Pango), the items that answer to a model
// id (hit-testing, highlights, tooltips), a grid index for culling, and tile painting.
//
// Tiles are how the canvas stays smooth on big figures: the page is cut into squares of
// kTilePx pixels at power-of-two scales; each tile is painted by Cairo (the exporters'
// painter, so the screen shows what a file will hold) from only the items that touch it,
// and cached as a texture. A pan paints only the tiles coming into view, a zoom only the
// tiles of the new scale, and never on the UI thread. No GUI here: tests paint tiles too.
#pragma once
#include "core/paint/cairo_painter.hpp"
#include "core/scene/scene.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace genochron::app {

constexpr int kTilePx = 256;

struct HitTarget {
    Rect bounds;
    std::string id;
    bool shape = true;   // a shape (outlined when selected); text answers to clicks only
};

class PreparedScene {
public:
    explicit PreparedScene(Scene scene);

    const Scene& scene() const { return m_scene; }
    double widthPt() const { return m_scene.widthPt; }
    double heightPt() const { return m_scene.heightPt; }

    // The topmost target under `pt` (points), with `slackPt` around thin items; among
    // overlapping hits a much smaller one wins (a person inside a household outline).
    const HitTarget* hitTest(Point pt, double slackPt) const;
    // The union of the shapes that answer to `id` (text labels excluded), if any.
    std::optional<Rect> bounds(const std::string& id) const;
    const std::vector<HitTarget>& targets() const { return m_targets; }

    // Indices of the items whose bounds meet `r`, in paint order.
    std::vector<std::size_t> itemsIn(const Rect& r) const;

    // Tile (tx, ty) at `scale` pixels per point: kTilePx square BGRA pixels, transparent
    // off the page. Paints only the items that touch it.
    Pixels paintTile(double scale, int tx, int ty) const;
    // The whole page at a scale that keeps its longer side within maxSidePx.
    Pixels paintOverview(int maxSidePx, double* scaleOut) const;

private:
    Scene m_scene;
    std::vector<Rect> m_bounds;          // per item; clips: empty
    std::vector<HitTarget> m_targets;    // paint order
    // Grid index: cells of m_cellPt points, each listing item indices in paint order.
    double m_cellPt = 64;
    int m_cols = 1, m_rows = 1;
    std::vector<std::vector<std::uint32_t>> m_cells;
    std::vector<std::uint32_t> m_clips;   // ClipPush/ClipPop items, always kept
};

}  // namespace genochron::app
