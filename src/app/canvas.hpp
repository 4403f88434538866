// A pan-and-zoom canvas for one page of a figure. The page is painted by Cairo (the
// same painter as the exports) into a texture; our shaders draw the grid, the page
// and the selection ring into an offscreen framebuffer that ImGui shows as an image.
// The texture is repainted only when the scene changes or the zoom has moved far from
// the scale it was painted at, and then only once the wheel has been still a moment.
#pragma once
#include "app/animation.hpp"
#include "app/gl_util.hpp"
#include "core/scene/scene.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace genochron::app {

class FigureCanvas {
public:
    struct Result {
        std::optional<std::string> clickedId;   // a click (not a drag) on an item with a model id
        bool clickedEmpty = false;              // a click on nothing
    };

    FigureCanvas() = default;
    FigureCanvas(const FigureCanvas&) = delete;
    FigureCanvas& operator=(const FigureCanvas&) = delete;

    // The scene to show (owned by the caller, must outlive the next draw) and its version:
    // a new version repaints. Null: nothing to show.
    void setScene(const Scene* scene, std::uint64_t version);
    // Text shown centred instead of the page (an error, "building...").
    void setMessage(std::string text) { m_message = std::move(text); }

    // Fills `size` (or the rest of the window) with the canvas. `highlightId` outlines
    // that item. `synchronous` repaints at once instead of after the debounce.
    Result draw(const char* id, const std::string& highlightId, double timeSec, bool synchronous);

    void fitToView() { m_fitPending = true; }
    void zoomBy(double factor);   // about the canvas centre
    double zoom() const { return m_zoom; }
    double lastPaintMs() const { return m_lastPaintMs; }
    int textureWidth() const { return m_texW; }
    int textureHeight() const { return m_texH; }
    // Centres the view on an item if it is off screen (selection from elsewhere).
    void reveal(const std::string& modelId) { m_revealId = modelId; }
    // --animate: put figure point (pose.x, pose.y) of the page at the canvas centre, at
    // pose.zoom times the fit zoom.
    void setPose(const CameraPose& pose);
    bool painted() const { return m_scene && m_pageTex; }

private:
    void ensureGl();
    void paint(double scale);
    void renderToFramebuffer(int w, int h, const std::string& highlightId);
    std::optional<Rect> itemBounds(const std::string& modelId) const;
    std::optional<std::string> hitTest(Point pt) const;
    void buildTargets() const;
    void zoomAbout(double factor, double cx, double cy);
    double wantedScale() const;

    const Scene* m_scene = nullptr;
    std::uint64_t m_version = 0, m_paintedVersion = ~0ull;
    std::string m_message;

    // View transform: canvas pixel = offset + point * zoom.
    double m_zoom = 1, m_offX = 0, m_offY = 0;
    bool m_fitPending = true;
    double m_lastZoomChange = -1e9;
    int m_canvasW = 0, m_canvasH = 0;
    std::string m_revealId;

    // The painted texture and the scale (pixels per point) it was painted at.
    gl::Texture m_pageTex;
    int m_texW = 0, m_texH = 0;
    double m_texScale = 0;
    double m_lastPaintMs = 0;
    int m_maxTextureSize = 4096;

    gl::Framebuffer m_fbo;
    gl::Texture m_fboTex;
    int m_fboW = 0, m_fboH = 0;
    gl::Program m_gridProgram, m_pageProgram;
    gl::VertexArray m_vao;
    bool m_glReady = false;
    std::string m_glError;

    bool m_dragging = false;

    // What the offscreen image was last drawn with: redraw only when it changes, so an
    // idle canvas costs nothing (llvmpipe shades every pixel in software).
    struct DrawKey {
        int w = 0, h = 0;
        double zoom = 0, offX = 0, offY = 0;
        std::uint64_t paintedVersion = 0;
        double texScale = 0;
        std::string highlight;
        bool dark = false;
        bool operator==(const DrawKey&) const = default;
    };
    DrawKey m_drawn;

    // Items with a model id and their bounds, in paint order (built lazily per scene).
    struct Target {
        Rect bounds;
        std::string id;
        bool shape;
    };
    mutable std::vector<Target> m_targets;
    mutable std::uint64_t m_targetsVersion = ~0ull;
    mutable const Scene* m_targetsScene = nullptr;
};

}  // namespace genochron::app
