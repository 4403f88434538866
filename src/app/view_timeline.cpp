// The timeline tab: events on a time axis by agency, as the core timeline view draws
// them, with the person and agency filters the CLI's render offers.
#include "app/view_figure.hpp"
#include "app/widgets.hpp"

#include <algorithm>
#include <imgui.h>

namespace genochron::app {

namespace {

class TimelineView final : public FigureView {
public:
    explicit TimelineView(AppContext& ctx) : FigureView(ctx, ViewKind::Timeline, "Timeline") {}

protected:
    void drawOptions(AppContext& ctx) override {
        const Case& c = ctx.session.model();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Person");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        std::string shown = m_person.empty() ? std::string("everyone") : m_person;
        if (ImGui::BeginCombo("##person", shown.c_str(), ImGuiComboFlags_HeightLarge)) {
            if (ImGui::Selectable("everyone", m_person.empty()) && !m_person.empty()) {
                m_person.clear();
                invalidate();
            }
            for (auto& p : c.people)
                if (ImGui::Selectable((p.id + "  (" + p.name + ")").c_str(), p.id == m_person) && p.id != m_person) {
                    m_person = p.id;
                    invalidate();
                }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        std::string agencies = m_agencies.empty() ? std::string("all agencies")
                                                  : std::to_string(m_agencies.size()) + " agencies";
        if (ImGui::BeginCombo("##agencies", agencies.c_str(), ImGuiComboFlags_HeightLarge)) {
            for (auto& a : c.agencies) {
                bool on = std::find(m_agencies.begin(), m_agencies.end(), a.id) != m_agencies.end();
                if (ImGui::Checkbox((a.id + "  " + a.name).c_str(), &on)) {
                    if (on) m_agencies.push_back(a.id);
                    else m_agencies.erase(std::find(m_agencies.begin(), m_agencies.end(), a.id));
                    invalidate();
                }
            }
            ImGui::EndCombo();
        }
    }

    void adjustOptions(ViewOptions& o) const override {
        o.person = m_person;
        o.agencies = m_agencies;
    }

private:
    std::string m_person;
    std::vector<std::string> m_agencies;
};

}  // namespace

std::unique_ptr<View> makeTimelineView(AppContext& ctx) { return std::make_unique<TimelineView>(ctx); }

}  // namespace genochron::app
