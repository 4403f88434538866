// The genogram tab: the family drawn by the core genogram view, centred on a person.
#include "app/views/view_figure.hpp"
#include "app/views/widgets.hpp"
#include "core/model/as_of.hpp"

#include <algorithm>
#include <imgui.h>

namespace genochron::app {

namespace {

class GenogramView final : public FigureView {
public:
    explicit GenogramView(AppContext& ctx) : FigureView(ctx, ViewKind::Genogram, "Genogram") {
        // Linked both ways with the timeline: an event selected anywhere moves the slider to
        // its day (when the slider is on); the slider tells the timeline which day to mark.
        ctx.bus.subscribe<SelectItem>([this, &ctx](const SelectItem& e) {
            if (!m_asOfOn || e.kind != ItemKind::Event) return;
            for (auto& ev : ctx.session.model().events)
                if (ev.id == e.id && ev.date.known()) setDay(ctx, ev.date.latestDay());
        });
        ctx.bus.subscribe<CaseChanged>([this](const CaseChanged& e) {
            if (e.newFile) m_asOfOn = false;
        });
        ctx.bus.subscribe<ShowAsOf>([this, &ctx](const ShowAsOf& e) {
            m_asOfOn = true;
            m_day = e.at.latestDay();
            invalidate();
            post(ctx);
        });
    }

protected:
    std::optional<Date> asOf() const override {
        if (!m_asOfOn) return std::nullopt;
        return Date::fromDays(m_day);
    }

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

    // Under the toolbar: "As of" and a slider over the case's dates (its events, scope and
    // reference date: the span the review looks at), with steps from event
    // to event. Dragging rebuilds once the slider rests; the old picture stays meanwhile.
    void drawAsOf(AppContext& ctx) {
        const Case& c = ctx.session.model();
        long lo = 0, hi = 0;
        range(c, lo, hi);
        ImGui::AlignTextToFramePadding();
        bool on = m_asOfOn;
        if (ImGui::Checkbox("As of", &on)) {
            m_asOfOn = on;
            if (on && (m_day < lo || m_day > hi)) m_day = firstEventDay(c, lo);
            invalidate();
            post(ctx);
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Draw the family as it was on a day: who was born, the partnerships and households "
                              "as they were then, ages at that day");
        if (!m_asOfOn) return;
        ImGui::SameLine();
        if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) step(ctx, c, -1);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The previous event's day");
        ImGui::SameLine();
        std::string label = asOfLabel(Date::fromDays(m_day));
        ImGui::SetNextItemWidth(std::max(120.f, ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 8));
        int day = int(m_day);
        if (ImGui::SliderInt("##asof", &day, int(lo), int(hi), label.c_str(), ImGuiSliderFlags_AlwaysClamp) &&
            day != m_day)
            setDay(ctx, day);
        ImGui::SameLine();
        if (ImGui::ArrowButton("##next", ImGuiDir_Right)) step(ctx, c, +1);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The next event's day");
    }

    void drawAbove(AppContext& ctx) override { drawAsOf(ctx); }

    void adjustOptions(ViewOptions& o) const override {
        o.person = m_person;
        o.depth = m_depth;
    }

private:
    void setDay(AppContext& ctx, long day) {
        if (day == m_day) return;
        m_day = day;
        invalidate();
        post(ctx);
    }
    void post(AppContext& ctx) {
        ctx.bus.post(AsOfChanged{m_asOfOn ? std::optional<Date>(Date::fromDays(m_day)) : std::nullopt});
    }
    static void range(const Case& c, long& lo, long& hi) {
        lo = 0x7fffffff, hi = -0x7fffffff;
        auto take = [&](const std::optional<Date>& d) {
            if (!d || !d->known()) return;
            lo = std::min(lo, d->earliestDay());
            hi = std::max(hi, d->latestDay());
        };
        for (auto& e : c.events) take(e.date);
        take(c.info.referenceDate);
        take(c.info.scopeFrom);
        take(c.info.scopeTo);
        if (lo > hi) lo = hi = todayDays();
    }
    static long firstEventDay(const Case& c, long fallback) {
        long best = 0x7fffffff;
        for (auto& e : c.events)
            if (e.date.known()) best = std::min(best, e.date.latestDay());
        return best == 0x7fffffff ? fallback : best;
    }
    // To the previous (-1) or next (+1) day on which an event happened.
    void step(AppContext& ctx, const Case& c, int dir) {
        long best = dir < 0 ? -0x7fffffff : 0x7fffffff;
        for (auto& e : c.events) {
            if (!e.date.known()) continue;
            long d = e.date.latestDay();
            if (dir < 0 && d < m_day) best = std::max(best, d);
            if (dir > 0 && d > m_day) best = std::min(best, d);
        }
        if (std::abs(best) != 0x7fffffff) setDay(ctx, best);
    }

    bool m_asOfOn = false;
    long m_day = 0;

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
