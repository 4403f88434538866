// What the genogram tab (and any figure shown as its page) is built on: the core Document
// built from a snapshot of the case (named, or anonymised in the preview) on the figures
// worker, shown on a SceneCanvas, selecting on click. Layout (Graphviz) never runs on the
// UI thread; a rebuild waits until edits pause, and the old picture stays up until the new
// one is ready. At most one build per view is in flight; edits during it start the next.
#pragma once
#include "app/views/canvas.hpp"
#include "app/views/view.hpp"

#include <map>
#include <memory>

namespace genochron::app {

class FigureView : public View {
public:
    FigureView(AppContext& ctx, ViewKind kind, const char* title);
    const char* title() const override { return m_title; }
    Slot slot() const override { return Slot::Centre; }
    void draw(AppContext& ctx) override;
    std::optional<ViewKind> figureKind() const override { return m_kind; }
    ViewOptions figureOptions(const AppContext& ctx) const override;
    bool animationReady(const AppContext&) const override { return !m_stale && !m_building && m_canvas.settled(); }
    void animate(AppContext&, double t) override { m_canvas.setPose(animationPose(t)); }

protected:
    // The view's own toolbar controls (centre person, filters); call invalidate() when
    // they change what is built.
    virtual void drawOptions(AppContext& ctx) { (void)ctx; }
    virtual void adjustOptions(ViewOptions& o) const { (void)o; }
    // A line under the toolbar, above the canvas (the genogram's time slider).
    virtual void drawAbove(AppContext& ctx) { (void)ctx; }
    // The ids (as the scene names them: real ids, or opaque ones in the preview) to outline
    // for the current selection.
    virtual std::vector<std::string> highlightsFor(const AppContext& ctx) const;
    // A right click on an item (real id, already selected) or on empty canvas (id empty):
    // open a popup; drawPopups() is called every frame to draw it.
    virtual void onContext(AppContext& ctx, const std::string& realId) { (void)ctx; (void)realId; }
    virtual void drawPopups(AppContext& ctx) { (void)ctx; }
    // The tooltip for a hovered item (real id).
    virtual void tooltip(AppContext& ctx, const std::string& realId);
    // A left click on an item the view handles itself (a knowledge cell): true when handled.
    virtual bool onClick(AppContext& ctx, const std::string& realId) { (void)ctx; (void)realId; return false; }
    // The genogram as of a date (its time slider): the case is cut with caseAsOf, or
    // anonymiseAsOf in the preview, on the figures worker.
    virtual std::optional<Date> asOf() const { return std::nullopt; }
    void invalidate() { m_stale = true; m_staleSince = -1e9; }

    // Scene ids <-> model ids: the same in the named view; opaque in the preview.
    std::string toScene(const std::string& realId) const;
    std::string toReal(const std::string& sceneId) const;
    bool builtAnonymised() const { return m_builtAnon; }
    SceneCanvas& canvas() { return m_canvas; }

private:
    void startBuild(AppContext& ctx);
    void showPage(AppContext& ctx, std::size_t page, bool firstView);
    void drawToolbar(AppContext& ctx);

    ViewKind m_kind;
    const char* m_title;
    SceneCanvas m_canvas;
    std::shared_ptr<const Document> m_doc;
    std::string m_error;
    bool m_stale = true, m_building = false;
    double m_staleSince = -1e9;
    bool m_builtAnon = false, m_wantAnon = false;
    Theme m_builtTheme = Theme::Colour;
    std::size_t m_page = 0;
    double m_buildMs = 0;
    bool m_firstView = true;
    std::map<std::string, std::string> m_toOpaque, m_toReal;   // anonymised preview only
};

// "partnership:a+b" -> "partnership:" + map(a) + "+" + map(b): the compound ids scenes use
// (partnership:, union:, household:) translated part by part; unknown parts unchanged.
std::string translateSceneId(const std::string& id, const std::map<std::string, std::string>& map);

}  // namespace genochron::app
