// [SECTION] views and events
// [SECTION] panels
// [SECTION] status bar
// [SECTION] shortcuts
#include "app/shell/shell.hpp"
#include "core/model/as_of.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <imgui.h>

namespace genochron::app {

// ------------------------------------------------------------------ [SECTION] views and events

AppShell::AppShell(AppContext& ctx) : m_ctx(ctx) {
    m_views.push_back(makePeopleView(ctx));
    m_views.push_back(makeFindingsView(ctx));
    m_views.push_back(makeGenogramView(ctx));
    m_views.push_back(makeTimelineView(ctx));
    m_views.push_back(makeChronologyView(ctx));
    m_views.push_back(makeActionsView(ctx));
    m_views.push_back(makeKnowledgeView(ctx));
    subscribe();
}

void AppShell::subscribe() {
    auto& bus = m_ctx.bus;
    bus.subscribe<SelectItem>([this](const SelectItem& e) {
        m_ctx.selection = Selection{e.kind, e.id, e.index};
    });
    bus.subscribe<CaseChanged>([this](const CaseChanged& e) {
        if (e.newFile) m_ctx.selection = {};
        // An undo can take away the selected item: let go of it rather than show nothing.
        const Case& c = m_ctx.session.model();
        auto& s = m_ctx.selection;
        bool gone = (s.kind == ItemKind::Partnership && s.index >= c.partnerships.size()) ||
                    (s.kind == ItemKind::Relation && s.index >= c.relations.size()) ||
                    (!s.id.empty() && selectionForId(c, s.id).kind == ItemKind::None);
        if (gone) s = {};
    });
    bus.subscribe<ShowError>([this](const ShowError& e) { m_errors.push_back(e); });
    bus.subscribe<StatusNote>([this](const StatusNote& e) {
        m_note = e.text;
        m_noteTime = m_ctx.timeSec;
    });
    bus.subscribe<FindingsCounted>([this](const FindingsCounted& e) { m_counts = e; });
    bus.subscribe<OpenFile>([this](const OpenFile& e) { guardUnsaved(Pending::OpenPath, e.path); });
    bus.subscribe<AsOfChanged>([this](const AsOfChanged& e) { m_asOfShown = e.at ? asOfLabel(*e.at) : std::string(); });
    bus.subscribe<SwitchTab>([this](const SwitchTab& e) {
        for (auto& v : m_views) {
            std::string t = v->title();
            std::string want = e.title;
            auto low = [](std::string s) {
                for (auto& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
                return s;
            };
            // "timeline", "action plan" or "actions" from the command line all work.
            if (low(t) == low(want) || (low(want) == "actions" && low(t) == "action plan") ||
                (low(want) == "knowledge" && low(t) == "who knew what")) {
                (v->slot() == Slot::Centre ? m_switchCentre : m_switchLeft) = t;
            }
        }
    });
}

std::string AppShell::describeState() const {
    std::string s = "tab '" + m_centreTab + "'";
    const auto& sel = m_ctx.selection;
    if (sel.kind != ItemKind::None) s += ", selected " + std::string(toString(sel.kind)) + (sel.id.empty() ? "" : " " + sel.id);
    if (!m_asOfShown.empty()) s += ", genogram " + m_asOfShown;
    return s;
}

View* AppShell::currentCentre() const {
    for (auto& v : m_views)
        if (v->slot() == Slot::Centre && m_centreTab == v->title()) return v.get();
    return nullptr;
}

bool AppShell::animationReady() const {
    // Not while a tab asked for is still coming forward, nor with events undelivered.
    if (!m_switchCentre.empty() || !m_switchLeft.empty() || m_ctx.bus.pending()) return false;
    View* v = currentCentre();
    return v && v->animationReady(m_ctx);
}

void AppShell::animate(double t) {
    if (View* v = currentCentre()) v->animate(m_ctx, t);
}

std::string AppShell::windowTitle() const {
    return fmt::format("{}{} - genochron", m_ctx.session.displayName(), m_ctx.session.dirty() ? " *" : "");
}

void AppShell::frame() {
    m_ctx.bus.dispatch();
    shortcuts();
    for (auto& v : m_views) v->tick(m_ctx);
    if (auto note = m_ctx.session.tickAutosave()) {
        m_note = *note;
        m_noteTime = m_ctx.timeSec;
    }

    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                             // The frame loop clears to WindowBg instead: llvmpipe fills every
                             // pixel in software, and a full-window rectangle costs a few ms.
                             ImGuiWindowFlags_NoBackground;
    ImGui::Begin("genochron##main", nullptr, flags);
    ImGui::PopStyleVar(3);
    drawMenuBar();
    drawPanels();
    drawStatusBar();
    ImGui::End();
    drawModals();
}

// ------------------------------------------------------------------ [SECTION] panels

bool AppShell::splitter(const char* id, float& size, float minSize, float maxSize, float height, bool invert) {
    ImGui::SameLine(0, 0);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = 6;
    ImGui::InvisibleButton(id, ImVec2(w, height));
    bool active = ImGui::IsItemActive();
    if (ImGui::IsItemHovered() || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (active) {
        float d = ImGui::GetIO().MouseDelta.x * (invert ? -1.f : 1.f);
        size = std::clamp(size + d, minSize, maxSize);
    }
    ImU32 col = ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive
                                          : ImGui::IsItemHovered() ? ImGuiCol_SeparatorHovered : ImGuiCol_Separator);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x + w / 2, p.y), ImVec2(p.x + w / 2, p.y + height), col, 1.f);
    ImGui::SameLine(0, 0);
    return active;
}

void AppShell::drawPanels() {
    float statusH = ImGui::GetFrameHeight() + 2;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float h = avail.y - statusH;
    float minCentre = 320;
    m_leftW = std::clamp(m_leftW, 180.f, std::max(180.f, avail.x - m_rightW - minCentre));
    m_rightW = std::clamp(m_rightW, 220.f, std::max(220.f, avail.x - m_leftW - minCentre));
    float centreW = avail.x - m_leftW - m_rightW - 12;

    drawLeft(m_leftW, h);
    splitter("##split-left", m_leftW, 180, avail.x - m_rightW - minCentre, h, false);
    drawCentre(centreW, h);
    splitter("##split-right", m_rightW, 220, avail.x - m_leftW - minCentre, h, true);
    drawInspector(m_rightW, h);
}

void AppShell::drawLeft(float w, float h) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
    ImGui::BeginChild("left", ImVec2(w, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (ImGui::BeginTabBar("left-tabs")) {
        for (auto& v : m_views) {
            if (v->slot() != Slot::Left) continue;
            ImGuiTabItemFlags f = m_switchLeft == v->title() ? ImGuiTabItemFlags_SetSelected : 0;
            std::string label = v->title();
            if (std::string(v->title()) == "Findings" && (m_counts.errors + m_counts.warnings) > 0)
                label = fmt::format("Findings ({})###Findings", m_counts.errors + m_counts.warnings);
            else label += std::string("###") + v->title();
            if (ImGui::BeginTabItem(label.c_str(), nullptr, f)) {
                m_leftTab = v->title();
                v->draw(m_ctx);
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    m_switchLeft.clear();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void AppShell::drawCentre(float w, float h) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::BeginChild("centre", ImVec2(w, h), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar |
                          ImGuiWindowFlags_NoScrollWithMouse);
    if (ImGui::BeginTabBar("centre-tabs")) {
        for (auto& v : m_views) {
            if (v->slot() != Slot::Centre) continue;
            ImGuiTabItemFlags f = m_switchCentre == v->title() ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(v->title(), nullptr, f)) {
                m_centreTab = v->title();
                v->draw(m_ctx);
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    // ImGui 1.86 can let a tab request go by (one made in the frame a popup closed): ask
    // again until the tab shows, for a few frames.
    if (m_switchCentre.empty() || m_switchCentre == m_centreTab || ++m_switchTries > 4) {
        m_switchCentre.clear();
        m_switchTries = 0;
    } else {
        m_ctx.requestFrame();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void AppShell::drawInspector(float w, float h) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
    ImGui::BeginChild("inspector", ImVec2(w, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::TextDisabled("INSPECTOR");
    ImGui::Spacing();
    bool shown = false;
    for (auto& v : m_views)
        if (!shown && m_ctx.selection.kind != ItemKind::None) shown = v->drawInspector(m_ctx);
    if (!shown) {
        const Case& c = m_ctx.session.model();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(c.info.title.empty() ? m_ctx.session.displayName().c_str() : c.info.title.c_str());
        ImGui::PopTextWrapPos();
        if (c.info.partnership.empty()) ImGui::TextDisabled("%s", std::string(toString(c.info.kind)).c_str());
        else ImGui::TextDisabled("%s  -  %s", std::string(toString(c.info.kind)).c_str(), c.info.partnership.c_str());
        ImGui::Separator();
        int actions = 0;
        for (auto& r : c.recommendations) actions += int(r.actions.size());
        ImGui::Text("%zu people, %zu partnerships, %zu relations", c.people.size(), c.partnerships.size(),
                    c.relations.size());
        ImGui::Text("%zu events from %zu agencies", c.events.size(), c.agencies.size());
        ImGui::Text("%zu missed opportunities", m_ctx.snapshots.index()->moNumbers.size());
        ImGui::Text("%zu recommendations, %d actions", c.recommendations.size(), actions);
        if (c.info.scopeFrom || c.info.scopeTo)
            ImGui::Text("Scope %s to %s", c.info.scopeFrom ? c.info.scopeFrom->humanLabel().c_str() : "?",
                        c.info.scopeTo ? c.info.scopeTo->humanLabel().c_str() : "?");
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("Select a person, relationship, event or action (in a list, a table or on a figure) "
                            "to edit it here. Every edit can be undone.");
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// ------------------------------------------------------------------ [SECTION] status bar

void AppShell::drawStatusBar() {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetFrameHeight() + 2;
    float w = ImGui::GetWindowWidth();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_MenuBarBg));
    dl->AddLine(p, ImVec2(p.x + w, p.y), ImGui::GetColorU32(ImGuiCol_Border));
    ImGui::SetCursorScreenPos(ImVec2(p.x + 10, p.y + 2));
    ImGui::AlignTextToFramePadding();
    auto& s = m_ctx.session;
    ImGui::TextUnformatted(s.hasFile() ? s.path().c_str() : "Untitled (not saved yet)");
    ImGui::SameLine(0, 16);
    if (s.dirty()) ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1), "modified");
    else ImGui::TextDisabled(s.hasFile() ? "saved" : "new");
    ImGui::SameLine(0, 16);
    ImVec4 red(0.92f, 0.35f, 0.3f, 1), amber(0.9f, 0.65f, 0.2f, 1);
    if (m_counts.errors) ImGui::TextColored(red, "%d errors", m_counts.errors);
    else ImGui::TextDisabled("0 errors");
    ImGui::SameLine();
    if (m_counts.warnings) ImGui::TextColored(amber, "%d warnings", m_counts.warnings);
    else ImGui::TextDisabled("0 warnings");
    ImGui::SameLine();
    ImGui::TextDisabled("%d notes", m_counts.notes);
    if (m_ctx.settings.anonymisedPreview) {
        ImGui::SameLine(0, 16);
        ImGui::TextColored(amber, "anonymised preview");
    }
    std::string right = fmt::format("frame {:.1f} ms", m_ctx.frameMs);
    if (!m_note.empty() && m_ctx.timeSec - m_noteTime < 8) {
        right = m_note + "     " + right;
        m_ctx.wakeAt(m_noteTime + 8.05);   // to take the note away
    }
    float rw = ImGui::CalcTextSize(right.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, w - rw - 12));
    ImGui::TextDisabled("%s", right.c_str());
}

// ------------------------------------------------------------------ [SECTION] shortcuts

void AppShell::shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    if (pressed(GLFW_KEY_S)) {
        if (io.KeyShift) chooseSaveAs();
        else saveNow();
    } else if (pressed(GLFW_KEY_O)) {
        guardUnsaved(Pending::OpenDialog);
    } else if (pressed(GLFW_KEY_Q)) {
        requestQuit();
    } else if (pressed(GLFW_KEY_E)) {
        chooseExport(false);
    } else if (!io.WantTextInput) {
        // A text field has its own undo while it is being typed into.
        if (pressed(GLFW_KEY_Z) && !io.KeyShift) m_ctx.session.undo();
        else if (pressed(GLFW_KEY_Y) || (pressed(GLFW_KEY_Z) && io.KeyShift)) m_ctx.session.redo();
        const char* tabs[] = {"Genogram", "Timeline", "Chronology", "Action plan", "Who knew what"};
        for (int i = 0; i < 5; ++i)
            if (pressed(GLFW_KEY_1 + i)) m_switchCentre = tabs[i];
    }
}

}  // namespace genochron::app
