// The chronology tab: every event in one sortable, filterable table. The selected row's
// cells are editable in place (through edit commands); the inspector edits the rest.
// Rows are one line high so the list clipper keeps thousands of events cheap.
//
// [SECTION] filtering and sorting
// [SECTION] the table
// [SECTION] inspector: event and agency forms
#include "app/animation.hpp"
#include "app/view.hpp"
#include "app/widgets.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace genochron::app {

namespace {

enum Column { ColId, ColDate, ColAgency, ColPeople, ColWhat, ColTags, ColRisk, ColCount };

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& ch : r) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return r;
}

std::string joined(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string r;
    for (std::size_t i = 0; i < v.size(); ++i) r += (i ? sep : "") + v[i];
    return r;
}

std::string firstLine(const std::string& s) {
    auto n = s.find('\n');
    return n == std::string::npos ? s : s.substr(0, n) + " ...";
}

ImU32 riskColour(Risk r) {
    switch (r) {
    case Risk::High: return IM_COL32(190, 50, 50, 255);
    case Risk::Medium: return IM_COL32(200, 130, 30, 255);
    case Risk::Standard: return IM_COL32(70, 120, 90, 255);
    }
    return IM_COL32(100, 100, 100, 255);
}

class ChronologyView final : public View {
public:
    explicit ChronologyView(AppContext& ctx) {
        ctx.bus.subscribe<CaseChanged>([this](const CaseChanged&) { m_rowsDirty = true; });
        ctx.bus.subscribe<SelectItem>([this](const SelectItem& e) {
            if (e.kind == ItemKind::Event) m_scrollTo = e.id;
        });
    }
    const char* title() const override { return "Chronology"; }
    Slot slot() const override { return Slot::Centre; }
    std::optional<ViewKind> figureKind() const override { return ViewKind::Chronology; }
    ViewOptions figureOptions(const AppContext& ctx) const override {
        ViewOptions o = View::figureOptions(ctx);
        if (!m_agency.empty()) o.agencies = {m_agency};
        if (!m_tag.empty()) o.tags = {m_tag};
        return o;
    }
    void draw(AppContext& ctx) override;
    bool drawInspector(AppContext& ctx) override;
    void animate(AppContext&, double t) override { m_animScroll = animationScroll(t); }

private:
    // ---------------------------------------------------------- [SECTION] filtering and sorting
    bool passes(const Case& c, const Event& e) const {
        if (!m_agency.empty() && e.agency != m_agency) return false;
        if (!m_tag.empty() && !e.hasTag(m_tag)) return false;
        if (m_onlyMissed && !e.isMissedOpportunity()) return false;
        if (m_filter.empty()) return true;
        std::string needle = lower(m_filter);
        auto has = [&](std::string_view s) { return lower(s).find(needle) != std::string::npos; };
        if (has(e.id) || has(e.what) || has(e.action) || has(e.analysis) || has(e.agency) ||
            has(e.missedOpportunity) || has(e.date.humanLabel()) || has(e.date.toString()))
            return true;
        for (auto& t : e.tags)
            if (has(t)) return true;
        for (auto& p : e.people) {
            if (has(p)) return true;
            if (auto* person = c.person(p); person && has(person->name)) return true;
        }
        return false;
    }

    void rebuildRows(const Case& c, const ImGuiTableSortSpecs* specs) {
        m_rows.clear();
        for (std::size_t i = 0; i < c.events.size(); ++i)
            if (passes(c, c.events[i])) m_rows.push_back(i);
        int col = ColDate;
        bool asc = true;
        if (specs && specs->SpecsCount > 0) {
            col = int(specs->Specs[0].ColumnUserID);
            asc = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        }
        auto key = [&](const Event& a, const Event& b) -> bool {
            switch (col) {
            case ColId: return a.id < b.id;
            case ColAgency: return a.agency < b.agency;
            case ColRisk: return (a.risk ? int(*a.risk) + 1 : 0) < (b.risk ? int(*b.risk) + 1 : 0);
            case ColPeople: return a.people.size() < b.people.size();
            default:
                if (a.date < b.date) return true;
                if (b.date < a.date) return false;
                return a.time < b.time;
            }
        };
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](std::size_t x, std::size_t y) {
            return asc ? key(c.events[x], c.events[y]) : key(c.events[y], c.events[x]);
        });
        m_rowsDirty = false;
    }

    void drawFilters(AppContext& ctx);
    void drawEditableCells(AppContext& ctx, const Event& e, std::size_t index);

    std::string m_filter, m_agency, m_tag;
    bool m_onlyMissed = false;
    std::vector<std::size_t> m_rows;
    bool m_rowsDirty = true;
    std::string m_scrollTo;
    std::string m_dateBuffer, m_dateFor;
    bool m_dateEditing = false;
    double m_animScroll = -1;   // --animate: scroll to this fraction of the table
};

// ------------------------------------------------------------------ [SECTION] the table

void ChronologyView::drawFilters(AppContext& ctx) {
    const Case& c = ctx.session.model();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (ImGui::InputTextWithHint("##filter", "Filter events", &m_filter)) m_rowsDirty = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Words in what happened, action or analysis; ids; names; dates");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::BeginCombo("##agency", m_agency.empty() ? "all agencies" : m_agency.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable("all agencies", m_agency.empty())) { m_agency.clear(); m_rowsDirty = true; }
        for (auto& a : c.agencies)
            if (ImGui::Selectable((a.id + "  " + a.name).c_str(), a.id == m_agency)) { m_agency = a.id; m_rowsDirty = true; }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::BeginCombo("##tag", m_tag.empty() ? "all tags" : m_tag.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable("all tags", m_tag.empty())) { m_tag.clear(); m_rowsDirty = true; }
        for (auto t : knownEventTags())
            if (ImGui::Selectable(std::string(t).c_str(), t == m_tag)) { m_tag = std::string(t); m_rowsDirty = true; }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Checkbox("MOs", &m_onlyMissed)) m_rowsDirty = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Missed opportunities only");
    ImGui::SameLine();
    if (ImGui::Button("+ Event")) {
        Event e;
        e.id = c.nextEventId();
        e.source = Source::Panel;
        e.what = "New event";
        std::string id = e.id;
        if (ctx.session.execute(std::make_unique<AddItem<Event>>(std::move(e)))) {
            ctx.bus.post(SelectItem{ItemKind::Event, id});
        }
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu of %zu events", m_rows.size(), c.events.size());
}

void ChronologyView::drawEditableCells(AppContext& ctx, const Event& e, std::size_t index) {
    CaseSession& s = ctx.session;
    (void)index;
    // Date
    ImGui::TableSetColumnIndex(ColDate);
    {
        // The typed text lives here while the cell is being edited; a bad date is refused
        // with a message and the cell shows the model again.
        std::string text = e.date.known() ? e.date.toString() : "";
        if (m_dateFor != e.id || !m_dateEditing) {
            m_dateBuffer = text;
            m_dateFor = e.id;
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##date", &m_dateBuffer);
        m_dateEditing = ImGui::IsItemActive();
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            auto r = parseDate(m_dateBuffer);
            if (r.date && r.date->toString() != text) {
                Event copy = e;
                copy.date = *r.date;
                ui::replace(s, ItemRef::byId(e.id), copy, "date");
            } else if (!r.date) {
                ctx.bus.post(ShowError{"Not a date", fmt::format("'{}': {}", m_dateBuffer, r.error)});
            }
        }
    }
    // Agency
    ImGui::TableSetColumnIndex(ColAgency);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##agency", e.agency.empty() ? "-" : e.agency.c_str(), ImGuiComboFlags_HeightLarge)) {
        const Case& c = s.model();
        if (ImGui::Selectable("(none)", e.agency.empty()) && !e.agency.empty()) {
            Event copy = e;
            copy.agency.clear();
            ui::replace(s, ItemRef::byId(e.id), copy, "agency");
        }
        for (auto& a : c.agencies)
            if (ImGui::Selectable((a.id + "  " + a.name).c_str(), a.id == e.agency) && a.id != e.agency) {
                Event copy = e;
                copy.agency = a.id;
                ui::replace(s, ItemRef::byId(e.id), copy, "agency");
            }
        ImGui::EndCombo();
    }
    // What
    ImGui::TableSetColumnIndex(ColWhat);
    ImGui::SetNextItemWidth(-1);
    std::string what = e.what;
    if (ImGui::InputText("##what", &what)) {
        Event copy = e;
        copy.what = what;
        ui::replace(s, ItemRef::byId(e.id), copy, "what");
    }
    if (ImGui::IsItemDeactivated()) s.sealMerge();
    // Risk
    ImGui::TableSetColumnIndex(ColRisk);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##risk", e.risk ? std::string(toString(*e.risk)).c_str() : "-")) {
        if (ImGui::Selectable("-", !e.risk) && e.risk) {
            Event copy = e;
            copy.risk.reset();
            ui::replace(s, ItemRef::byId(e.id), copy, "risk");
        }
        for (auto name : EnumNames<Risk>::names) {
            Risk r = *enumFromString<Risk>(name);
            if (ImGui::Selectable(std::string(name).c_str(), e.risk == r) && e.risk != r) {
                Event copy = e;
                copy.risk = r;
                ui::replace(s, ItemRef::byId(e.id), copy, "risk");
            }
        }
        ImGui::EndCombo();
    }
}

void ChronologyView::draw(AppContext& ctx) {
    std::string anonError;
    auto anonHeld = ctx.settings.anonymisedPreview ? ctx.snapshots.anonymised(&anonError) : nullptr;
    const AnonymisedCase* anon = anonHeld.get();
    if (ctx.settings.anonymisedPreview && !anon) {
        ImGui::TextWrapped("The anonymised preview is not available: %s", anonError.c_str());
        return;
    }
    // In the preview the table shows what would be published, read-only.
    const Case& c = anon ? anon->data() : ctx.session.model();
    bool editable = !anon;

    drawFilters(ctx);
    auto mo = c.missedOpportunityNumbers();
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("events", ColCount, flags)) return;
    float fs = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    // Tags start hidden: the table is read at a glance; right-click the header to show them.
    ImGui::TableSetupColumn("Id", ImGuiTableColumnFlags_WidthFixed, fs * 2.6f, ColId);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort, fs * 6.2f, ColDate);
    ImGui::TableSetupColumn("Agency", ImGuiTableColumnFlags_WidthFixed, fs * 4.8f, ColAgency);
    ImGui::TableSetupColumn("People", ImGuiTableColumnFlags_WidthFixed, fs * 6.5f, ColPeople);
    ImGui::TableSetupColumn("What happened", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 0, ColWhat);
    ImGui::TableSetupColumn("Tags", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_DefaultHide, fs * 8, ColTags);
    ImGui::TableSetupColumn("Risk", ImGuiTableColumnFlags_WidthFixed, fs * 4.2f, ColRisk);
    ImGui::TableHeadersRow();

    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs && specs->SpecsDirty) {
        m_rowsDirty = true;
        specs->SpecsDirty = false;
    }
    if (m_rowsDirty || anon) rebuildRows(c, specs);

    float rowH = ImGui::GetFrameHeight();
    if (!m_scrollTo.empty()) {
        for (std::size_t r = 0; r < m_rows.size(); ++r)
            if (c.events[m_rows[r]].id == m_scrollTo) {
                float y = float(r) * (rowH + ImGui::GetStyle().CellPadding.y * 2);
                float visible = ImGui::GetWindowHeight() - rowH * 2;
                if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + visible) ImGui::SetScrollY(y - visible / 3);
            }
        m_scrollTo.clear();
    }

    if (m_animScroll >= 0) {
        ImGui::SetScrollY(float(m_animScroll) * ImGui::GetScrollMaxY());
        m_animScroll = -1;
    }
    ImGuiListClipper clipper;
    clipper.Begin(int(m_rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            std::size_t idx = m_rows[std::size_t(r)];
            const Event& e = c.events[idx];
            bool selected = editable && ctx.selection.is(ItemKind::Event, e.id);
            ImGui::TableNextRow(0, rowH);
            ImGui::PushID(e.id.c_str());
            ImGui::TableSetColumnIndex(ColId);
            ImGui::AlignTextToFramePadding();
            if (ImGui::Selectable(e.id.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(0, rowH)) &&
                editable)
                ctx.bus.post(SelectItem{ItemKind::Event, e.id});
            if (selected) {
                drawEditableCells(ctx, e, idx);
            } else {
                ImGui::TableSetColumnIndex(ColDate);
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(e.date.humanLabel().c_str());
                if (!e.time.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s at %s", e.date.humanLabel().c_str(), e.time.c_str());
                ImGui::TableSetColumnIndex(ColAgency);
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(e.agency.empty() ? std::string(toString(e.source)).c_str() : e.agency.c_str());
                ImGui::TableSetColumnIndex(ColWhat);
                ImGui::AlignTextToFramePadding();
                if (auto it = mo.find(e.id); it != mo.end()) {
                    ui::pill(fmt::format("MO{}", it->second), IM_COL32(170, 60, 40, 255), IM_COL32(255, 240, 235, 255), true);
                    ImGui::SameLine();
                }
                ImGui::TextUnformatted(firstLine(e.what).c_str());
                if (ImGui::IsItemHovered() && e.what.size() > 60) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(fs * 30);
                    ImGui::TextUnformatted(e.what.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                ImGui::TableSetColumnIndex(ColRisk);
                if (e.risk) ui::pill(std::string(toString(*e.risk)), riskColour(*e.risk), IM_COL32_WHITE, true);
            }
            ImGui::TableSetColumnIndex(ColPeople);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(joined(e.people).c_str());
            ImGui::TableSetColumnIndex(ColTags);
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s", joined(e.tags).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

// ------------------------------------------------------------------ [SECTION] inspector

bool ChronologyView::drawInspector(AppContext& ctx) {
    CaseSession& s = ctx.session;
    const Case& c = s.model();
    if (ctx.selection.kind == ItemKind::Agency) {
        const Agency* a = c.agency(ctx.selection.id);
        if (!a) return false;
        ImGui::PushID(a->id.c_str());
        ui::inspectorHeading("Agency", a->id);
        Agency copy = *a;
        auto ref = ItemRef::byId(a->id);
        if (ui::beginForm("agency")) {
            if (ui::text(s, "Name", copy.name)) ui::replace(s, ref, copy, "name");
            if (ui::enumCombo("Kind", copy.kind)) ui::replace(s, ref, copy, "kind");
            ui::endForm();
        }
        ImGui::PopID();
        return true;
    }
    if (ctx.selection.kind != ItemKind::Event) return false;
    const Event* ev = c.event(ctx.selection.id);
    if (!ev) return false;
    ImGui::PushID(ev->id.c_str());
    auto mo = c.missedOpportunityNumbers();
    std::string sub = ev->date.humanLabel() + (ev->agency.empty() ? "" : "  -  " + ev->agency);
    if (auto it = mo.find(ev->id); it != mo.end()) sub += fmt::format("  -  missed opportunity MO{}", it->second);
    ui::inspectorHeading("Event", ev->id, sub);
    Event e = *ev;
    auto ref = ItemRef::byId(ev->id);
    if (ui::beginForm("event")) {
        if (ui::date("Date", e.date)) ui::replace(s, ref, e, "date");
        if (ui::text(s, "Time", e.time, "HH:MM")) ui::replace(s, ref, e, "time");
        if (ui::date("Ends", e.end)) ui::replace(s, ref, e, "end");
        if (ui::idCombo("Agency", e.agency, ui::agencyChoices(c))) ui::replace(s, ref, e, "agency");
        if (ui::enumCombo("Source", e.source)) ui::replace(s, ref, e, "source");
        if (ui::text(s, "Reference", e.sourceRef)) ui::replace(s, ref, e, "source ref");
        if (ui::idList("People", e.people, ui::peopleChoices(c))) ui::replace(s, ref, e, "people");
        if (ui::multiline(s, "What", e.what, 5)) ui::replace(s, ref, e, "what");
        if (ui::multiline(s, "Action", e.action, 3)) ui::replace(s, ref, e, "action");
        if (ui::multiline(s, "Analysis", e.analysis, 4)) ui::replace(s, ref, e, "analysis");
        std::vector<std::pair<std::string, std::string>> tags;
        for (auto t : knownEventTags()) tags.emplace_back(std::string(t), std::string(t));
        if (ui::idList("Tags", e.tags, tags)) ui::replace(s, ref, e, "tags");
        if (ui::optionalEnumCombo("Risk", e.risk)) ui::replace(s, ref, e, "risk");
        if (ui::multiline(s, "Missed opp.", e.missedOpportunity, 2)) ui::replace(s, ref, e, "missed opportunity");
        if (ui::idList("Shared with", e.sharedWith, ui::agencyChoices(c))) ui::replace(s, ref, e, "shared with");
        if (ui::checkbox("Publish", e.publish)) ui::replace(s, ref, e, "publish");
        ui::endForm();
    }
    ImGui::Spacing();
    if (ImGui::Button("Delete event")) {
        if (s.execute(std::make_unique<RemoveItem<Event>>(ref))) ctx.bus.post(SelectItem{});
    }
    ImGui::PopID();
    return true;
}

}  // namespace

std::unique_ptr<View> makeChronologyView(AppContext& ctx) { return std::make_unique<ChronologyView>(ctx); }

}  // namespace genochron::app
