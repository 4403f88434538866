// The findings tab (left panel): validation, consistency, language, publication and
// review findings on the case as it is now, re-run when edits pause, plus what the
// loader said when the file was opened. Clicking a finding selects what it is about.
#include "app/views/view.hpp"
#include "app/views/widgets.hpp"
#include "core/check/check.hpp"
#include "core/model/validate.hpp"

#include <chrono>
#include <fmt/format.h>
#include <imgui.h>

namespace genochron::app {

namespace {

constexpr double kRecheckAfterSec = 0.6;

ImU32 severityColour(Severity s) {
    switch (s) {
    case Severity::Error: return IM_COL32(220, 70, 60, 255);
    case Severity::Warning: return IM_COL32(225, 160, 40, 255);
    case Severity::Note: return IM_COL32(90, 150, 220, 255);
    }
    return IM_COL32(150, 150, 150, 255);
}

class FindingsView final : public View {
public:
    explicit FindingsView(AppContext& ctx) {
        ctx.bus.subscribe<CaseChanged>([this, &ctx](const CaseChanged&) {
            m_stale = true;
            m_staleSince = ctx.timeSec;
        });
    }
    const char* title() const override { return "Findings"; }
    Slot slot() const override { return Slot::Left; }
    void draw(AppContext& ctx) override;
    void refresh(AppContext& ctx);
    // Findings are counted even while the tab is hidden: the status bar shows them.
    void tick(AppContext& ctx) override {
        if (!m_stale || m_checking) return;
        double due = m_staleSince + kRecheckAfterSec;
        if (ctx.screenshotMode || ctx.timeSec >= due) refresh(ctx);
        else ctx.wakeAt(due);
    }
    bool animationReady(const AppContext&) const override { return !m_stale && !m_checking; }

private:
    void row(AppContext& ctx, const Diagnostic& d, int n);

    std::vector<Diagnostic> m_findings;
    std::string m_checkError;
    bool m_stale = true, m_checking = false;
    double m_staleSince = -1e9;
    double m_checkMs = 0;
    bool m_show[3] = {true, true, true};
};

void FindingsView::refresh(AppContext& ctx) {
    // Checks on 20,000 events take a second or more: on the analysis thread, from a snapshot.
    m_stale = false;
    m_checking = true;
    auto model = ctx.snapshots.current();
    bool dirty = ctx.session.dirty();
    std::string name = ctx.session.displayName();
    UiQueue* ui = &ctx.work.ui;
    ctx.work.analysis.post([=, this, &ctx] {
        auto t0 = std::chrono::steady_clock::now();
        Diagnostics d(name);
        validateCase(*model, d);
        std::string error;
        try {
            runChecks(*model, CheckOptions{}, d);
        } catch (const std::exception& e) {
            error = e.what();
        }
        d.sort();
        // Locations describe the file as opened; after edits they may be off, so keep them
        // only while the case is unchanged.
        if (dirty)
            for (auto& x : d.items()) x.line = x.column = 0;
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        auto found = std::make_shared<std::vector<Diagnostic>>(std::move(d.items()));
        ui->post([this, found, error, ms, &ctx] {
            m_checking = false;
            m_checkError = error;
            m_findings = std::move(*found);
            m_checkMs = ms;
            FindingsCounted n;
            for (auto& x : m_findings) {
                if (x.suppressed) continue;
                if (x.severity == Severity::Error) ++n.errors;
                else if (x.severity == Severity::Warning) ++n.warnings;
                else ++n.notes;
            }
            ctx.bus.post(n);
        });
    });
}

void FindingsView::row(AppContext& ctx, const Diagnostic& d, int n) {
    ImGui::PushID(n);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    float r = h * 0.28f;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r + 2, p.y + h / 2 + 1), r,
                                                d.suppressed ? IM_COL32(120, 120, 120, 255) : severityColour(d.severity));
    ImGui::Dummy(ImVec2(r * 2 + 6, h));
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (d.suppressed) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(d.message.c_str());
    ImGui::PopTextWrapPos();
    if (d.suppressed) ImGui::PopStyleColor();
    std::string meta = fmt::format("{} {}", toString(d.category), d.code);
    if (!d.id.empty()) meta += "  -  " + d.id;
    if (d.line > 0) meta += fmt::format("  -  line {}", d.line);
    if (d.suppressed) meta += "  -  suppressed: " + d.suppressReason;
    ImGui::PushTextWrapPos(0);
    ui::muted(meta);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
    mn.x = p.x;
    mx.x = p.x + ImGui::GetContentRegionAvail().x;
    if (ImGui::IsMouseHoveringRect(mn, mx) && ImGui::IsWindowHovered()) {
        ImGui::GetWindowDrawList()->AddRectFilled(mn, mx, ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f), 3.f);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            SelectItem sel = selectionForId(ctx.session.model(), d.id);
            if (sel.kind != ItemKind::None) ctx.bus.post(sel);
        }
        if (!d.suggestion.empty()) ImGui::SetTooltip("Suggestion: %s", d.suggestion.c_str());
    }
    ImGui::Spacing();
    ImGui::PopID();
}

void FindingsView::draw(AppContext& ctx) {
    tick(ctx);
    int counts[3] = {0, 0, 0};
    for (auto& d : m_findings) ++counts[int(d.severity)];
    const char* names[3] = {"errors", "warnings", "notes"};
    // Compact toggles: a coloured pill per severity, dimmed when hidden.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(7, 2));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 9);
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, 5);
        ImVec4 c = ImGui::ColorConvertU32ToFloat4(severityColour(Severity(i)));
        ImVec4 off = ImGui::GetStyle().Colors[ImGuiCol_FrameBg];
        ImGui::PushStyleColor(ImGuiCol_Button, m_show[i] ? ImVec4(c.x * 0.75f, c.y * 0.75f, c.z * 0.75f, 1) : off);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(c.x, c.y, c.z, 0.85f));
        ImGui::PushStyleColor(ImGuiCol_Text, m_show[i] ? ImVec4(1, 1, 1, 1) : ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        if (ImGui::Button(fmt::format("{} {}", counts[i], names[i]).c_str())) m_show[i] = !m_show[i];
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(m_show[i] ? "Click to hide these" : "Click to show these");
        ImGui::PopStyleColor(3);
    }
    ImGui::PopStyleVar(2);
    ImGui::BeginChild("findings", ImVec2(0, 0), false);
    if (!m_checkError.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(230, 120, 100, 255));
        ImGui::TextWrapped("Some checks could not run: %s", m_checkError.c_str());
        ImGui::PopStyleColor();
    }
    int n = 0, shown = 0;
    for (auto& d : m_findings) {
        ++n;
        if (!m_show[int(d.severity)]) continue;
        row(ctx, d, n);
        ++shown;
    }
    if (m_findings.empty()) ui::muted("No findings on the case as it is now.");
    const auto& load = ctx.session.loadDiagnostics().items();
    if (!load.empty() && ImGui::CollapsingHeader(fmt::format("When the file was opened ({})", load.size()).c_str())) {
        for (auto& d : load) {
            ++n;
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", formatDiagnostic(d).c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::Spacing();
    ui::muted(fmt::format("checked in {:.0f} ms", m_checkMs));
    ImGui::EndChild();
}

}  // namespace

std::unique_ptr<View> makeFindingsView(AppContext& ctx) { return std::make_unique<FindingsView>(ctx); }

}  // namespace genochron::app
