// A pan-and-zoom canvas for one page of a figure (the genogram; any prepared scene).
// The page is shown as cached tiles that the figures worker paints with Cairo (see
// prepared_scene.hpp); the frame itself only draws textured quads, a grid and the
// selection outlines with ImGui's draw list, so panning and zooming never wait for a
// painter. While tiles of the new scale or position are being painted, the nearest
// coarser tiles (or the page overview) stand in, scaled. A new version of the page (an
// edit, a relayout) replaces the old one only once its visible tiles are ready.
#pragma once
#include "app/views/animation.hpp"
#include "app/platform/gl_util.hpp"
#include "app/views/prepared_scene.hpp"
#include "app/session/worker.hpp"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct ImDrawList;

namespace genochron::app {

class SceneCanvas {
public:
    struct Result {
        std::optional<std::string> clickedId;        // a left click (not a drag) on an item with a model id
        bool clickedEmpty = false;                   // a left click on nothing
        std::optional<std::string> contextId;        // a right click on an item
        bool contextEmpty = false;                   // a right click on nothing
        std::optional<std::string> hoveredId;        // under the pointer (for a tooltip)
    };

    explicit SceneCanvas(BackgroundWork& work) : m_work(work) {}
    SceneCanvas(const SceneCanvas&) = delete;
    SceneCanvas& operator=(const SceneCanvas&) = delete;

    // A new page (and its overview pixels, painted by the worker). `firstView`: a different
    // case or figure, so frame it afresh; otherwise the camera stays where it is.
    void setScene(std::shared_ptr<const PreparedScene> scene, Pixels overview, double overviewScale, bool firstView);
    void clear(std::string message);   // nothing to show, and why
    void setMessage(std::string text) { m_message = std::move(text); }   // over the page (e.g. "laying out...")
    // A vertical line across the page at `xPt` (page points) with a label at its top (the
    // timeline's mark of the genogram's as-of day); none when empty.
    void setMarker(std::optional<double> xPt, std::string label = {}) {
        m_markerX = xPt;
        m_markerLabel = std::move(label);
    }

    // Fills the rest of the window. `highlightIds` are outlined (the selection, the
    // people of a selected event); `focusId` gets the strong outline.
    Result draw(const char* id, const std::vector<std::string>& highlightIds, const std::string& focusId);

    void fitToView() { m_fitPending = FitKind::All; }
    void zoomBy(double factor);   // about the canvas centre
    double zoom() const { return m_zoom; }
    // Centres the view on an item if it is off screen (selection from elsewhere).
    void reveal(const std::string& modelId) { m_revealId = modelId; }
    void setPose(const CameraPose& pose);   // --animate
    // The page is on screen with every visible tile painted and nothing in flight.
    bool settled() const;
    // Seconds until the canvas needs a frame by itself (tiles waiting to be uploaded: 0; a
    // new page waiting to take over), or none: painted tiles wake the app when they come.
    std::optional<double> wakeIn() const;
    const PreparedScene* scene() const { return m_shown.scene.get(); }
    double lastTileMs() const { return m_lastTileMs; }

    // Where a point of the page is on screen, and back (screen pixels, for popups).
    Point toScreen(Point pagePt) const { return {m_originX + m_offX + pagePt.x * m_zoom, m_originY + m_offY + pagePt.y * m_zoom}; }

private:
    struct TileKey {
        std::uint64_t version;
        int level, tx, ty;
        auto operator<=>(const TileKey&) const = default;
    };
    struct Tile {
        gl::Texture tex;
        std::uint64_t lastUsed = 0;
    };
    struct Page {
        std::shared_ptr<const PreparedScene> scene;
        std::uint64_t version = 0;
        gl::Texture overview;
        double overviewScale = 0;
        explicit operator bool() const { return scene != nullptr; }
    };
    enum class FitKind { None, All, Readable };

    void applyFit(FitKind kind, double w, double h);
    int levelFor(double zoom) const;
    // Tiles of `page` at `level` meeting the canvas (plus `ring` tiles around it).
    void visibleTiles(const Page& page, int level, int ring, std::vector<TileKey>& out) const;
    void requestTiles(const Page& page, int level);
    void uploadStaged();
    void drawPage(const Page& page, int level, ImDrawList* dl, bool* complete);
    void evict();
    void zoomAbout(double factor, double cx, double cy);

    BackgroundWork& m_work;
    Page m_shown, m_pending;
    double m_pendingSince = 0;
    std::string m_message;
    std::optional<double> m_markerX;
    std::string m_markerLabel;

    // View transform: canvas pixel = offset + point * zoom.
    double m_zoom = 1, m_offX = 0, m_offY = 0;
    double m_originX = 0, m_originY = 0;
    FitKind m_fitPending = FitKind::Readable;
    int m_canvasW = 0, m_canvasH = 0;
    std::string m_revealId;
    bool m_dragging = false;

    std::map<TileKey, Tile> m_tiles;
    std::map<TileKey, std::shared_ptr<std::atomic<bool>>> m_inFlight;   // value: cancelled
    struct Staged {
        TileKey key;
        Pixels px;
    };
    std::shared_ptr<std::vector<Staged>> m_staged = std::make_shared<std::vector<Staged>>();
    std::uint64_t m_frame = 0;
    double m_lastTileMs = 0;
    bool m_complete = false;
};

}  // namespace genochron::app
