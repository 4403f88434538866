// What the genogram and timeline views share: build the core Document from the case
// (named, or anonymised in preview), show its page on a FigureCanvas, select on click.
// Layout (Graphviz) runs here, on the main thread only: Graphviz is not thread-safe, and
// a rebuild waits until edits pause so typing never re-lays out on every keystroke.
#pragma once
#include "app/canvas.hpp"
#include "app/view.hpp"

#include <map>

namespace genochron::app {

class FigureView : public View {
public:
    FigureView(AppContext& ctx, ViewKind kind, const char* title);
    const char* title() const override { return m_title; }
    Slot slot() const override { return Slot::Centre; }
    void draw(AppContext& ctx) override;
    std::optional<ViewKind> figureKind() const override { return m_kind; }
    ViewOptions figureOptions(const AppContext& ctx) const override;
    bool animationReady(const AppContext&) const override { return !m_stale && m_canvas.painted(); }
    void animate(AppContext&, double t) override { m_canvas.setPose(animationPose(t)); }

protected:
    // The view's own toolbar controls (centre person, filters); call invalidate() when
    // they change what is built.
    virtual void drawOptions(AppContext& ctx) { (void)ctx; }
    virtual void adjustOptions(ViewOptions& o) const { (void)o; }
    void invalidate() { m_stale = true; m_staleSince = -1e9; }

private:
    void rebuild(AppContext& ctx);
    void drawToolbar(AppContext& ctx);

    ViewKind m_kind;
    const char* m_title;
    FigureCanvas m_canvas;
    Document m_doc;
    std::string m_error;
    bool m_stale = true;
    double m_staleSince = -1e9;
    bool m_builtAnon = false;
    Theme m_builtTheme = Theme::Colour;
    std::size_t m_page = 0;
    std::uint64_t m_sceneVersion = 0;
    double m_buildMs = 0;
    bool m_fitAfterBuild = true;
    std::map<std::string, std::string> m_toOpaque, m_toReal;   // anonymised preview only
};

}  // namespace genochron::app
