#include "app/views/view_figure.hpp"

#include "app/views/widgets.hpp"
#include "core/anonymise/as_of_view.hpp"
#include "core/model/as_of.hpp"
#include "core/model/diagnostics.hpp"

#include <chrono>
#include <fmt/format.h>
#include <imgui.h>

namespace genochron::app {

namespace {
constexpr double kRebuildAfterSec = 0.35;   // edits this quiet before the layout reruns
constexpr int kOverviewSidePx = 2048;

struct Built {
    std::shared_ptr<const Document> doc;
    std::shared_ptr<const PreparedScene> page;
    Pixels overview;
    double overviewScale = 0;
    double ms = 0;
    std::string error;
    std::optional<std::map<std::string, std::string>> map;   // the as-of preview's own id map
};
}  // namespace

std::string translateSceneId(const std::string& id, const std::map<std::string, std::string>& map) {
    auto one = [&](const std::string& s) {
        auto it = map.find(s);
        return it != map.end() ? it->second : s;
    };
    auto colon = id.find(':');
    if (colon == std::string::npos) return one(id);
    std::string prefix = id.substr(0, colon + 1), rest = id.substr(colon + 1);
    if (prefix == "relation:") return id;   // an index, the same in both
    std::string out = prefix;
    std::size_t start = 0;
    for (;;) {
        auto plus = rest.find('+', start);
        out += one(rest.substr(start, plus == std::string::npos ? std::string::npos : plus - start));
        if (plus == std::string::npos) break;
        out += '+';
        start = plus + 1;
    }
    return out;
}

FigureView::FigureView(AppContext& ctx, ViewKind kind, const char* title)
    : m_kind(kind), m_title(title), m_canvas(ctx.work) {
    ctx.bus.subscribe<CaseChanged>([this, &ctx](const CaseChanged& e) {
        m_stale = true;
        m_staleSince = ctx.timeSec;
        if (e.newFile) {
            m_firstView = true;
            m_page = 0;
            m_staleSince = -1e9;
        }
    });
    ctx.bus.subscribe<SelectItem>([this](const SelectItem& e) {
        if (!e.id.empty()) m_canvas.reveal(toScene(e.id));
    });
    ctx.bus.subscribe<AnonymisedReady>([this, &ctx](const AnonymisedReady&) {
        if (ctx.settings.anonymisedPreview) invalidate();
    });
}

std::string FigureView::toScene(const std::string& realId) const {
    return m_builtAnon ? translateSceneId(realId, m_toOpaque) : realId;
}

std::string FigureView::toReal(const std::string& sceneId) const {
    return m_builtAnon ? translateSceneId(sceneId, m_toReal) : sceneId;
}

ViewOptions FigureView::figureOptions(const AppContext& ctx) const {
    ViewOptions o = View::figureOptions(ctx);
    adjustOptions(o);
    return o;
}

void FigureView::startBuild(AppContext& ctx) {
    bool anon = ctx.settings.anonymisedPreview;
    std::shared_ptr<const Case> model;
    std::shared_ptr<const AnonymisedCase> anonCase;
    if (anon) {
        std::string why;
        std::uint64_t madeFrom = 0;
        anonCase = ctx.snapshots.anonymised(&why, &madeFrom);
        if (!ctx.snapshots.anonymisedCurrent()) {
            m_canvas.setMessage("Preparing the anonymised preview...");
            return;   // AnonymisedReady brings us back
        }
        if (!anonCase) {
            m_stale = false;
            m_builtAnon = true;
            m_error = "The anonymised preview is not available: " + why;
            m_canvas.clear(m_error);
            return;
        }
    }
    const std::optional<Date> at = asOf();
    if (!anon || at) model = ctx.snapshots.current();   // an anonymised as-of cut starts from the real case
    m_stale = false;
    m_building = true;
    m_wantAnon = anon;
    m_builtTheme = ctx.settings.figureTheme;
    ViewOptions opt = figureOptions(ctx);
    ViewKind kind = m_kind;
    std::size_t page = m_page;
    auto map = anonCase ? anonCase->idMap() : std::map<std::string, std::string>{};
    UiQueue* ui = &ctx.work.ui;
    bool firstView = m_firstView;
    ctx.work.figures.post([=, this] {
        auto t0 = std::chrono::steady_clock::now();
        auto built = std::make_shared<Built>();
        try {
            Document doc;
            if (at) {
                ViewOptions o = opt;
                if (anon) {
                    AnonymisedAsOf r = anonymiseAsOf(*model, *at);   // cut on the published dates
                    o.asOf = r.at;
                    o.title = (r.anon.data().info.title.empty() ? std::string("Genogram") : r.anon.data().info.title) +
                              ", " + asOfLabel(r.at);
                    built->map = r.anon.idMap();
                    doc = buildView(r.anon, kind, o);
                } else {
                    o.asOf = at;
                    o.title = (model->info.title.empty() ? std::string("Genogram") : model->info.title) + ", " +
                              asOfLabel(*at);
                    doc = buildView(ViewCase::named(caseAsOf(*model, *at)), kind, o);
                }
            } else {
                doc = anonCase ? buildView(*anonCase, kind, opt) : buildView(ViewCase::named(*model), kind, opt);
            }
            if (doc.pages.empty()) throw GenochronError("the view has nothing to draw for this case");
            std::size_t p = page < doc.pages.size() ? page : 0;
            built->page = std::make_shared<const PreparedScene>(doc.pages[p]);
            built->overview = built->page->paintOverview(kOverviewSidePx, &built->overviewScale);
            built->doc = std::make_shared<const Document>(std::move(doc));
        } catch (const std::exception& e) {
            // Never lose the user's work over a layout failure: show why, keep editing.
            built->error = e.what();
        }
        built->ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        ui->post([this, built, map, anon, firstView] {
            m_building = false;
            m_buildMs = built->ms;
            m_error = built->error;
            if (!built->error.empty()) {
                if (m_canvas.scene()) m_canvas.setMessage("The last change could not be drawn: " + built->error);
                else m_canvas.clear(built->error);
                return;
            }
            m_builtAnon = anon;
            m_toOpaque = built->map ? *built->map : map;
            m_toReal.clear();
            for (auto& [real, opaque] : m_toOpaque) m_toReal[opaque] = real;
            m_doc = built->doc;
            if (m_page >= m_doc->pages.size()) m_page = 0;
            m_canvas.setScene(built->page, std::move(built->overview), built->overviewScale, firstView);
            m_firstView = false;
        });
    });
}

void FigureView::showPage(AppContext& ctx, std::size_t page, bool firstView) {
    if (!m_doc || page >= m_doc->pages.size()) return;
    m_page = page;
    auto doc = m_doc;
    UiQueue* ui = &ctx.work.ui;
    ctx.work.figures.post([=, this] {
        auto prepared = std::make_shared<const PreparedScene>(doc->pages[page]);
        double scale = 0;
        Pixels ov = prepared->paintOverview(kOverviewSidePx, &scale);
        ui->post([this, prepared, scale, firstView, ov = std::move(ov)]() mutable {
            m_canvas.setScene(prepared, std::move(ov), scale, firstView);
        });
    });
}

std::vector<std::string> FigureView::highlightsFor(const AppContext& ctx) const {
    if (ctx.selection.id.empty()) return {};
    return {toScene(ctx.selection.id)};
}

void FigureView::tooltip(AppContext& ctx, const std::string& realId) {
    (void)ctx;
    ImGui::SetTooltip("%s", realId.c_str());
}

void FigureView::drawToolbar(AppContext& ctx) {
    if (ImGui::Button("Fit")) m_canvas.fitToView();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the whole figure (or double-click the middle button)");
    ImGui::SameLine();
    if (ImGui::Button(" - ")) m_canvas.zoomBy(1 / 1.25);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%3.0f%%", m_canvas.zoom() * 100);
    ImGui::SameLine();
    if (ImGui::Button(" + ")) m_canvas.zoomBy(1.25);
    if (m_doc && m_doc->pages.size() > 1) {
        ImGui::SameLine();
        int page = int(m_page) + 1;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::InputInt("##page", &page)) showPage(ctx, std::size_t(std::clamp(page, 1, int(m_doc->pages.size())) - 1), false);
        ImGui::SameLine();
        ImGui::Text("of %zu", m_doc->pages.size());
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    drawOptions(ctx);
    if (ctx.settings.anonymisedPreview) {
        ImGui::SameLine();
        ui::pill("ANONYMISED PREVIEW", IM_COL32(150, 95, 20, 255), IM_COL32(255, 245, 225, 255));
    }
}

void FigureView::draw(AppContext& ctx) {
    bool settingsChanged = m_wantAnon != ctx.settings.anonymisedPreview || m_builtTheme != ctx.settings.figureTheme;
    if (settingsChanged && !m_building) invalidate();
    if (m_stale && !m_building) {
        double due = m_staleSince + kRebuildAfterSec;
        if (ctx.screenshotMode || ctx.timeSec >= due) startBuild(ctx);
        else ctx.wakeAt(due);
    }

    drawToolbar(ctx);
    drawAbove(ctx);
    std::vector<std::string> highlight;
    std::string focus;
    if (m_builtAnon == ctx.settings.anonymisedPreview) {
        highlight = highlightsFor(ctx);
        if (!ctx.selection.id.empty()) focus = toScene(ctx.selection.id);
    }
    ImVec2 canvasMin = ImGui::GetCursorScreenPos();
    auto res = m_canvas.draw("##canvas", highlight, focus);
    if (auto w = m_canvas.wakeIn()) ctx.wakeAt(ctx.timeSec + *w);
    // Timings in the canvas corner: what layout and painting cost on this machine.
    if (m_canvas.scene()) {
        std::string timing = fmt::format("{}layout {:.0f} ms   tile {:.0f} ms", m_building ? "laying out...   " : "",
                                         m_buildMs, m_canvas.lastTileMs());
        ImVec2 mx = ImGui::GetItemRectMax();
        ImVec2 ts = ImGui::CalcTextSize(timing.c_str());
        ImVec2 at(std::max(canvasMin.x + 6, mx.x - ts.x - 10), mx.y - ts.y - 6);
        auto* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(at.x - 6, at.y - 2), ImVec2(at.x + ts.x + 6, at.y + ts.y + 2),
                          ImGui::GetColorU32(ImGuiCol_WindowBg, 0.8f), 4.f);
        dl->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), timing.c_str());
    }
    const Case& c = ctx.session.model();
    if (res.hoveredId && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) tooltip(ctx, toReal(*res.hoveredId));
    if (res.clickedId && onClick(ctx, toReal(*res.clickedId))) {
        // handled by the view
    } else if (res.clickedId) {
        SelectItem sel = selectionForId(c, toReal(*res.clickedId));
        if (sel.kind != ItemKind::None) ctx.bus.post(sel);
    } else if (res.clickedEmpty) {
        ctx.bus.post(SelectItem{});
    }
    if (res.contextId || res.contextEmpty) {
        std::string real = res.contextId ? toReal(*res.contextId) : std::string();
        SelectItem sel = selectionForId(c, real);
        ctx.bus.post(sel);
        onContext(ctx, sel.kind == ItemKind::None ? std::string() : real);
    }
    drawPopups(ctx);
}

}  // namespace genochron::app
