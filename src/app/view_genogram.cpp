// The genogram tab: the family drawn by the core genogram view, centred on a person.
#include "app/view_figure.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace genochron::app {

namespace {

class GenogramView final : public FigureView {
public:
    explicit GenogramView(AppContext& ctx) : FigureView(ctx, ViewKind::Genogram, "Genogram") {}

protected:
    void drawOptions(AppContext& ctx) override {
        const Case& c = ctx.session.model();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Centre");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        std::string shown = m_person.empty() ? std::string("whole family") : m_person;
        if (ImGui::BeginCombo("##centre", shown.c_str(), ImGuiComboFlags_HeightLarge)) {
            if (ImGui::Selectable("whole family", m_person.empty())) set(m_person, {});
            for (auto& p : c.people)
                if (ImGui::Selectable((p.id + "  (" + p.name + ")").c_str(), p.id == m_person)) set(m_person, p.id);
            ImGui::EndCombo();
        }
        if (!m_person.empty()) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
            int depth = m_depth;
            if (ImGui::SliderInt("##depth", &depth, 1, 6, "depth %d") && depth != m_depth) {
                m_depth = depth;
                invalidate();
            }
        }
    }

    void adjustOptions(ViewOptions& o) const override {
        o.person = m_person;
        o.depth = m_depth;
    }

private:
    void set(std::string& field, std::string v) {
        if (field == v) return;
        field = std::move(v);
        invalidate();
    }

    std::string m_person;
    int m_depth = 2;
};

}  // namespace

std::unique_ptr<View> makeGenogramView(AppContext& ctx) { return std::make_unique<GenogramView>(ctx); }

}  // namespace genochron::app
