// The timeline tab: events on a time axis by agency, as the core timeline view draws
// them, with the person and agency filters the CLI's render offers.
#include "app/views/view_figure.hpp"
#include "app/views/widgets.hpp"
#include "core/model/as_of.hpp"

#include <algorithm>
#include <imgui.h>
#include <unordered_map>

namespace genochron::app {

namespace {

class TimelineView final : public FigureView {
public:
    explicit TimelineView(AppContext& ctx) : FigureView(ctx, ViewKind::Timeline, "Timeline") {
        ctx.bus.subscribe<AsOfChanged>([this](const AsOfChanged& e) {
            m_markAt = e.at;
            m_markScene = nullptr;   // place it again
        });
    }

    // The genogram's as-of day as a line across the timeline, placed by the events drawn
    // on either side of it (the axis is whatever the figure drew: no second copy of its scale).
    void draw(AppContext& ctx) override {
        const PreparedScene* sc = canvas().scene();
        if (sc != m_markScene) {
            m_markScene = sc;
            std::optional<double> x;
            if (sc && m_markAt) x = placeDay(ctx, *sc, m_markAt->midDay());
            canvas().setMarker(x, m_markAt ? "genogram " + asOfLabel(*m_markAt) : std::string());
        }
        FigureView::draw(ctx);
    }

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
    std::optional<double> placeDay(AppContext& ctx, const PreparedScene& sc, double day) {
        std::shared_ptr<const AnonymisedCase> anon;
        if (builtAnonymised()) anon = ctx.snapshots.anonymised();
        const Case& c = anon ? anon->data() : ctx.session.model();
        std::unordered_map<std::string, double> dayOf;   // scene id -> the middle of its date
        for (auto& e : c.events)
            if (e.date.known()) dayOf[e.id] = e.date.midDay();
        std::vector<std::pair<double, double>> pts;   // (day, x)
        for (auto& t : sc.targets()) {
            if (!t.shape) continue;
            auto it = dayOf.find(t.id);
            if (it != dayOf.end()) pts.emplace_back(it->second, t.bounds.x + t.bounds.w / 2);
        }
        if (pts.size() < 2) return std::nullopt;
        std::sort(pts.begin(), pts.end());
        auto hi = std::lower_bound(pts.begin(), pts.end(), std::make_pair(day, -1e300));
        if (hi == pts.begin()) hi = pts.begin() + 1;
        if (hi == pts.end()) hi = pts.end() - 1;
        auto lo = hi - 1;
        // Widen the pair until the two days differ (several marks on one day).
        while (lo != pts.begin() && lo->first == hi->first) --lo;
        while (hi + 1 != pts.end() && lo->first == hi->first) ++hi;
        if (lo->first == hi->first) return lo->second;
        double t = (day - lo->first) / (hi->first - lo->first);
        double x = lo->second + t * (hi->second - lo->second);
        return std::clamp(x, 0.0, sc.widthPt());
    }

    std::optional<Date> m_markAt;
    const PreparedScene* m_markScene = nullptr;
    std::string m_person;
    std::vector<std::string> m_agencies;
};

}  // namespace

std::unique_ptr<View> makeTimelineView(AppContext& ctx) { return std::make_unique<TimelineView>(ctx); }

}  // namespace genochron::app
