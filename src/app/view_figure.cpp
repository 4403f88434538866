#include "app/view_figure.hpp"

#include "app/widgets.hpp"
#include "core/model/diagnostics.hpp"

#include <chrono>
#include <fmt/format.h>
#include <imgui.h>

namespace genochron::app {

namespace {
constexpr double kRebuildAfterSec = 0.35;   // edits this quiet before the layout reruns
}

FigureView::FigureView(AppContext& ctx, ViewKind kind, const char* title) : m_kind(kind), m_title(title) {
    ctx.bus.subscribe<CaseChanged>([this, &ctx](const CaseChanged& e) {
        m_stale = true;
        m_staleSince = ctx.timeSec;
        if (e.newFile) {
            m_fitAfterBuild = true;
            m_page = 0;
            m_staleSince = -1e9;
        }
    });
    ctx.bus.subscribe<SelectItem>([this](const SelectItem& e) {
        auto it = m_toOpaque.find(e.id);
        m_canvas.reveal(it != m_toOpaque.end() ? it->second : e.id);
    });
}

ViewOptions FigureView::figureOptions(const AppContext& ctx) const {
    ViewOptions o = View::figureOptions(ctx);
    adjustOptions(o);
    return o;
}

void FigureView::rebuild(AppContext& ctx) {
    auto t0 = std::chrono::steady_clock::now();
    m_stale = false;
    m_error.clear();
    m_builtAnon = ctx.settings.anonymisedPreview;
    m_builtTheme = ctx.settings.figureTheme;
    m_toOpaque.clear();
    m_toReal.clear();
    Document doc;
    try {
        if (m_builtAnon) {
            std::string why;
            const AnonymisedCase* anon = ctx.session.anonymised(&why);
            if (!anon) throw GenochronError("The anonymised preview is not available: " + why);
            // Selections are real ids; the preview's scene carries opaque ones.
            m_toOpaque = anon->idMap();
            for (auto& [real, opaque] : m_toOpaque) m_toReal[opaque] = real;
            doc = buildView(*anon, m_kind, figureOptions(ctx));
        } else {
            doc = buildView(ViewCase::named(ctx.session.model()), m_kind, figureOptions(ctx));
        }
        if (doc.pages.empty()) throw GenochronError("the view has nothing to draw for this case");
    } catch (const std::exception& e) {
        // Never lose the user's work over a layout failure: show why, keep editing.
        m_error = e.what();
        m_doc = Document{};
        m_canvas.setScene(nullptr, ++m_sceneVersion);
        m_canvas.setMessage(m_error);
        return;
    }
    m_doc = std::move(doc);
    if (m_page >= m_doc.pages.size()) m_page = 0;
    m_canvas.setScene(&m_doc.pages[m_page], ++m_sceneVersion);
    if (m_fitAfterBuild) {
        m_canvas.fitToView();
        m_fitAfterBuild = false;
    }
    m_buildMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void FigureView::drawToolbar(AppContext& ctx) {
    if (ImGui::Button("Fit")) m_canvas.fitToView();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fit the page to the canvas (or double-click the middle button)");
    ImGui::SameLine();
    if (ImGui::Button(" - ")) m_canvas.zoomBy(1 / 1.25);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%3.0f%%", m_canvas.zoom() * 100);
    ImGui::SameLine();
    if (ImGui::Button(" + ")) m_canvas.zoomBy(1.25);
    if (m_doc.pages.size() > 1) {
        ImGui::SameLine();
        int page = int(m_page) + 1;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::InputInt("##page", &page)) {
            page = std::clamp(page, 1, int(m_doc.pages.size()));
            m_page = std::size_t(page - 1);
            m_canvas.setScene(&m_doc.pages[m_page], ++m_sceneVersion);
        }
        ImGui::SameLine();
        ImGui::Text("of %zu", m_doc.pages.size());
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
    bool settingsChanged = m_builtAnon != ctx.settings.anonymisedPreview || m_builtTheme != ctx.settings.figureTheme;
    if (settingsChanged) invalidate();
    if (m_stale && (ctx.screenshotMode || ctx.timeSec - m_staleSince > kRebuildAfterSec)) rebuild(ctx);

    drawToolbar(ctx);
    std::string highlight = ctx.selection.id;
    if (auto it = m_toOpaque.find(highlight); it != m_toOpaque.end()) highlight = it->second;
    else if (ctx.settings.anonymisedPreview) highlight.clear();

    ImVec2 canvasMin = ImGui::GetCursorScreenPos();
    auto res = m_canvas.draw("##canvas", highlight, ctx.timeSec, ctx.screenshotMode);
    // Timings in the canvas corner: what layout and painting cost on this machine.
    if (m_error.empty() && !m_doc.pages.empty()) {
        std::string timing = fmt::format("layout {:.0f} ms   paint {:.0f} ms   {}x{} px", m_buildMs,
                                         m_canvas.lastPaintMs(), m_canvas.textureWidth(), m_canvas.textureHeight());
        ImVec2 mx = ImGui::GetItemRectMax();
        ImVec2 ts = ImGui::CalcTextSize(timing.c_str());
        ImVec2 at(std::max(canvasMin.x + 6, mx.x - ts.x - 10), mx.y - ts.y - 6);
        auto* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(at.x - 6, at.y - 2), ImVec2(at.x + ts.x + 6, at.y + ts.y + 2),
                          ImGui::GetColorU32(ImGuiCol_WindowBg, 0.8f), 4.f);
        dl->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), timing.c_str());
    }
    if (res.clickedId) {
        std::string id = *res.clickedId;
        if (auto it = m_toReal.find(id); it != m_toReal.end()) id = it->second;
        SelectItem sel = selectionForId(ctx.session.model(), id);
        if (sel.kind != ItemKind::None) ctx.bus.post(sel);
    } else if (res.clickedEmpty) {
        ctx.bus.post(SelectItem{});
    }
}

}  // namespace genochron::app
