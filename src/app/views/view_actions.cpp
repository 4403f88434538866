// The action plan tab: every recommendation with its actions, status set from a combo,
// overdue actions highlighted; the inspector edits recommendations and actions.
#include "app/views/view.hpp"
#include "app/views/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace genochron::app {

namespace {

ImU32 statusColour(ActionStatus s) {
    switch (s) {
    case ActionStatus::Complete: return IM_COL32(50, 130, 80, 255);
    case ActionStatus::InProgress: return IM_COL32(40, 100, 170, 255);
    case ActionStatus::NotStarted: return IM_COL32(110, 110, 120, 255);
    case ActionStatus::Dropped: return IM_COL32(90, 80, 80, 255);
    }
    return IM_COL32(110, 110, 120, 255);
}

// A status change keeps `completed` consistent with it, so the edit adds no warning.
Action withStatus(Action a, ActionStatus s, long today) {
    a.status = s;
    if (s == ActionStatus::Complete && !a.completed) a.completed = Date::fromDays(today);
    if (s != ActionStatus::Complete) a.completed.reset();
    return a;
}

class ActionsView final : public View {
public:
    explicit ActionsView(AppContext&) {}
    const char* title() const override { return "Action plan"; }
    Slot slot() const override { return Slot::Centre; }
    std::optional<ViewKind> figureKind() const override { return ViewKind::Actions; }
    void draw(AppContext& ctx) override;
    bool drawInspector(AppContext& ctx) override;

private:
    bool statusCombo(const char* id, ActionStatus& s);
    bool m_onlyOpen = false;
    std::string m_updateText;
};

bool ActionsView::statusCombo(const char* id, ActionStatus& s) {
    bool changed = false;
    ImGui::PushStyleColor(ImGuiCol_FrameBg, statusColour(s));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(id, ui::humanise(toString(s)).c_str())) {
        for (auto name : EnumNames<ActionStatus>::names) {
            auto v = *enumFromString<ActionStatus>(name);
            if (ImGui::Selectable(ui::humanise(name).c_str(), v == s) && v != s) {
                s = v;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleColor();
    return changed;
}

void ActionsView::draw(AppContext& ctx) {
    CaseSession& s = ctx.session;
    const Case& c = s.model();
    long today = todayDays();

    // Summary: one line a chair reads at a glance in a panel meeting.
    int counts[4] = {0, 0, 0, 0}, overdue = 0, total = 0;
    for (auto& r : c.recommendations)
        for (auto& a : r.actions) {
            ++counts[int(a.status)];
            ++total;
            if (a.overdue(today)) ++overdue;
        }
    float done = total ? float(counts[int(ActionStatus::Complete)]) / float(total) : 0.f;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::ProgressBar(done, ImVec2(ImGui::GetFontSize() * 10, 0),
                       fmt::format("{} of {} complete", counts[int(ActionStatus::Complete)], total).c_str());
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d in progress   %d not started   %d dropped", counts[int(ActionStatus::InProgress)],
                counts[int(ActionStatus::NotStarted)], counts[int(ActionStatus::Dropped)]);
    if (overdue) {
        ImGui::SameLine();
        ui::pill(fmt::format("{} overdue", overdue), IM_COL32(180, 50, 45, 255), IM_COL32_WHITE);
    }
    ImGui::SameLine();
    ImGui::Checkbox("Open actions only", &m_onlyOpen);

    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("actions", 6, flags)) return;
    float fs = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthFixed, fs * 3.5f);
    ImGui::TableSetupColumn("What will be done", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Lead", ImGuiTableColumnFlags_WidthFixed, fs * 5);
    ImGui::TableSetupColumn("Target", ImGuiTableColumnFlags_WidthFixed, fs * 6.5f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, fs * 7.5f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, fs * 6);
    ImGui::TableHeadersRow();

    for (auto& r : c.recommendations) {
        ImGui::PushID(r.id.c_str());
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        ImGui::TableSetColumnIndex(0);
        ImGui::AlignTextToFramePadding();
        if (ImGui::Selectable(r.id.c_str(), ctx.selection.is(ItemKind::Recommendation, r.id),
                              ImGuiSelectableFlags_SpanAllColumns))
            ctx.bus.post(SelectItem{ItemKind::Recommendation, r.id});
        ImGui::TableSetColumnIndex(1);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(r.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TableSetColumnIndex(2);
        ImGui::TextDisabled("%s", std::string(toString(r.scope)).c_str());
        for (auto& a : r.actions) {
            if (m_onlyOpen && (a.status == ActionStatus::Complete || a.status == ActionStatus::Dropped)) continue;
            ImGui::PushID(a.id.c_str());
            bool late = a.overdue(today);
            ImGui::TableNextRow(0, ImGui::GetFrameHeight());
            if (late) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(150, 40, 35, 70));
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::Indent(fs * 0.6f);
            if (ImGui::Selectable(a.id.c_str(), ctx.selection.is(ItemKind::Action, a.id),
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
                ctx.bus.post(SelectItem{ItemKind::Action, a.id});
            ImGui::Unindent(fs * 0.6f);
            ImGui::TableSetColumnIndex(1);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(a.text.c_str());
            ImGui::PopTextWrapPos();
            if (!a.owner.empty()) ImGui::TextDisabled("%s", a.owner.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(a.lead.c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(a.target ? a.target->humanLabel().c_str() : "-");
            ImGui::TableSetColumnIndex(4);
            ActionStatus st = a.status;
            if (statusCombo("##status", st))
                ui::replace(s, ItemRef::byId(a.id), withStatus(a, st, today), "status");
            ImGui::TableSetColumnIndex(5);
            if (late) ui::pill("overdue", IM_COL32(190, 50, 45, 255), IM_COL32_WHITE);
            else if (a.completed) ImGui::TextDisabled("%s", a.completed->humanLabel().c_str());
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

bool ActionsView::drawInspector(AppContext& ctx) {
    CaseSession& s = ctx.session;
    const Case& c = s.model();
    const Selection& sel = ctx.selection;
    if (sel.kind == ItemKind::Recommendation) {
        auto it = std::find_if(c.recommendations.begin(), c.recommendations.end(), [&](auto& r) { return r.id == sel.id; });
        if (it == c.recommendations.end()) return false;
        Recommendation r = *it;
        auto ref = ItemRef::byId(r.id);
        ImGui::PushID(r.id.c_str());
        ui::inspectorHeading("Recommendation", r.id);
        if (ui::beginForm("rec")) {
            if (ui::multiline(s, "Text", r.text, 5)) ui::replace(s, ref, r, "text");
            if (ui::enumCombo("Scope", r.scope)) ui::replace(s, ref, r, "scope");
            std::vector<std::pair<std::string, std::string>> events;
            for (auto* e : c.eventsByDate()) events.emplace_back(e->id, e->date.humanLabel());
            if (ui::idList("Addresses", r.addresses, events)) ui::replace(s, ref, r, "addresses");
            ui::endForm();
        }
        if (ImGui::Button("+ Action")) {
            Action a;
            for (int n = int(r.actions.size()) + 1;; ++n) {
                a.id = fmt::format("{}.{}", r.id, n);
                bool used = false;
                for (auto& rr : c.recommendations)
                    for (auto& aa : rr.actions) used = used || aa.id == a.id;
                if (!used) break;
            }
            a.text = "New action";
            std::string id = a.id;
            if (s.execute(std::make_unique<AddItem<Action>>(a, std::nullopt, r.id)))
                ctx.bus.post(SelectItem{ItemKind::Action, id});
        }
        ImGui::SameLine();
        if (ImGui::Button("Remove recommendation")) {
            if (s.execute(std::make_unique<RemoveItem<Recommendation>>(ref))) ctx.bus.post(SelectItem{});
        }
        ImGui::PopID();
        return true;
    }
    if (sel.kind != ItemKind::Action) return false;
    const Action* found = nullptr;
    for (auto& r : c.recommendations)
        for (auto& a : r.actions)
            if (a.id == sel.id) found = &a;
    if (!found) return false;
    Action a = *found;
    auto ref = ItemRef::byId(a.id);
    long today = todayDays();
    ImGui::PushID(a.id.c_str());
    ui::inspectorHeading("Action", a.id, a.overdue(today) ? "Overdue: past its target and not complete" : "");
    if (ui::beginForm("action")) {
        if (ui::multiline(s, "Text", a.text, 4)) ui::replace(s, ref, a, "text");
        if (ui::idCombo("Lead", a.lead, ui::agencyChoices(c))) ui::replace(s, ref, a, "lead");
        if (ui::text(s, "Owner", a.owner, "a role, not a name")) ui::replace(s, ref, a, "owner");
        if (ui::date("Target", a.target)) ui::replace(s, ref, a, "target");
        ui::formLabel("Status");
        ActionStatus st = a.status;
        if (statusCombo("##status", st)) ui::replace(s, ref, withStatus(a, st, today), "status");
        if (ui::date("Completed", a.completed)) ui::replace(s, ref, a, "completed");
        ui::endForm();
    }
    ImGui::Spacing();
    ui::muted("Updates");
    for (auto& u : a.updates) {
        ImGui::TextDisabled("%s", u.date.humanLabel().c_str());
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(u.text.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
    ImGui::InputTextWithHint("##update", "Progress note", &m_updateText);
    ImGui::SameLine();
    if (ImGui::Button("Add") && !m_updateText.empty()) {
        a.updates.push_back({Date::fromDays(today), m_updateText});
        if (ui::replace(s, ref, a, "updates")) m_updateText.clear();
    }
    ImGui::Spacing();
    if (ImGui::Button("Remove action")) {
        if (s.execute(std::make_unique<RemoveItem<Action>>(ref))) ctx.bus.post(SelectItem{});
    }
    ImGui::PopID();
    return true;
}

}  // namespace

std::unique_ptr<View> makeActionsView(AppContext& ctx) { return std::make_unique<ActionsView>(ctx); }

}  // namespace genochron::app
