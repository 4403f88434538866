// What every view gets (AppContext) and what every view is (View). One view_*.cpp per
// view; each registers nothing global and never calls another view: it reads the
// session, posts events, and subscribes to the events it cares about.
#pragma once
#include "app/session/events.hpp"
#include "app/session/session.hpp"
#include "app/session/snapshots.hpp"
#include "app/session/worker.hpp"
#include "core/figures/views.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace genochron::app {

// The current selection, as the shell last set it from a SelectItem.
struct Selection {
    ItemKind kind = ItemKind::None;
    std::string id;
    std::size_t index = ItemRef::kNoIndex;
    bool is(ItemKind k, std::string_view i) const { return kind == k && id == i; }
    bool isIndex(ItemKind k, std::size_t i) const { return kind == k && index == i; }
};

// Settings the View menu changes; views read them.
struct UiSettings {
    Theme figureTheme = Theme::Colour;
    bool anonymisedPreview = false;
    bool darkUi = true;
};

struct AppContext {
    CaseSession& session;
    EventBus& bus;
    BackgroundWork& work;         // the figures and analysis threads
    Snapshots& snapshots;         // immutable copies of the case for them
    Selection selection;
    UiSettings settings;
    double timeSec = 0;           // seconds (glfwGetTime), for debouncing
    bool screenshotMode = false;  // no debounce: build at once, so a screenshot shows the work
    double frameMs = 0;           // CPU+GPU time of recent frames (smoothed), for the status bar

    // Frames are drawn only when something happens (input, a finished job): a view that
    // needs one more frame, or one later (a debounce), says so here during its draw.
    void requestFrame() { frameWanted = true; }
    void wakeAt(double t) { nextWake = std::min(nextWake, t); }
    bool frameWanted = false;
    double nextWake = 1e300;
};

enum class Slot { Left, Centre };

class View {
public:
    virtual ~View() = default;
    virtual const char* title() const = 0;
    virtual Slot slot() const = 0;
    // The view's tab. Called only while its tab is visible.
    virtual void draw(AppContext& ctx) = 0;
    // Every frame, visible or not (counting findings for the status bar, say).
    virtual void tick(AppContext& ctx) { (void)ctx; }
    // The right-hand inspector for the current selection, when it is this view's kind
    // of item. Returns false when it is not.
    virtual bool drawInspector(AppContext& ctx) { (void)ctx; return false; }
    // The figure this view exports (File > Export figure), if any.
    virtual std::optional<ViewKind> figureKind() const { return std::nullopt; }
    // The options the figure is built with (person centre, filters): exports match the screen.
    virtual ViewOptions figureOptions(const AppContext& ctx) const;
    // `open --animate`: whether the tab has what it shows (its figure built), and driving it
    // to progress t in [0, 1] (pan and zoom a canvas, scroll a table) before its draw.
    // Also what screenshot mode waits for: the view shows its finished work.
    virtual bool animationReady(const AppContext& ctx) const { (void)ctx; return true; }
    virtual void animate(AppContext& ctx, double t) { (void)ctx; (void)t; }
};

// Each view_*.cpp makes its view; the shell owns them.
std::unique_ptr<View> makePeopleView(AppContext& ctx);
std::unique_ptr<View> makeFindingsView(AppContext& ctx);
std::unique_ptr<View> makeGenogramView(AppContext& ctx);
std::unique_ptr<View> makeTimelineView(AppContext& ctx);
std::unique_ptr<View> makeChronologyView(AppContext& ctx);
std::unique_ptr<View> makeActionsView(AppContext& ctx);
std::unique_ptr<View> makeKnowledgeView(AppContext& ctx);

// Resolves a scene's or a finding's model id to the item it names: people first, then
// events, households, recommendations, actions, agencies.
SelectItem selectionForId(const Case& c, const std::string& id);

}  // namespace genochron::app
