// The chronology tab: every event in one sortable, filterable table. The selected row's
// cells are editable in place (through edit commands); the inspector edits the rest.
// Rows show whole paragraphs, wrapped, so they have different heights: RowLayout keeps
// an estimate per row, measures a row exactly when it comes into view, and finds the
// visible rows by binary search; only those are drawn (spacer rows stand for the rest).
// The filters are core's (chron::Filter), so an export of this tab has the rows it shows.
//
// [SECTION] filtering and sorting
// [SECTION] the table
// [SECTION] inspector: event and agency forms
#include "app/views/animation.hpp"
#include "app/views/row_layout.hpp"
#include "app/views/view.hpp"
#include "app/views/widgets.hpp"
#include "core/figures/chronology/chronology_rows.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <unordered_map>

namespace genochron::app {

namespace {

enum Column { ColId, ColDate, ColAgency, ColPeople, ColWhat, ColTags, ColRisk, ColCount };

std::string joined(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string r;
    for (std::size_t i = 0; i < v.size(); ++i) r += (i ? sep : "") + v[i];
    return r;
}

ImU32 riskColour(Risk r) {
    switch (r) {
    case Risk::High: return IM_COL32(190, 50, 50, 255);
    case Risk::Medium: return IM_COL32(200, 130, 30, 255);
    case Risk::Standard: return IM_COL32(70, 120, 90, 255);
    }
    return IM_COL32(100, 100, 100, 255);
}

// What one row shows, made once per rebuild (not per frame).
struct RowText {
    std::string date, agency, people, tags, mo;
};

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
        o.missedOnly = m_onlyMissed;
        o.text = m_filter;
        return o;
    }
    void draw(AppContext& ctx) override;
    bool drawInspector(AppContext& ctx) override;
    void animate(AppContext&, double t) override { m_animScroll = animationScroll(t); }

private:
    // ---------------------------------------------------------- [SECTION] filtering and sorting
    void rebuildRows(const AppContext& ctx, const Case& c, const ImGuiTableSortSpecs* specs);
    void sizeColumns(const Case& c);
    void estimateHeights(const Case& c);
    float measureRow(const Case& c, std::size_t row) const;

    void drawFilters(AppContext& ctx, const Case& c);
    // Returns the bottom of the tallest cell (the text editor grows as it is typed in).
    float drawEditableCells(AppContext& ctx, const Event& e);

    std::string m_filter, m_agency, m_tag;
    bool m_onlyMissed = false;
    std::vector<std::size_t> m_rows;   // event indices, in table order
    std::vector<RowText> m_text;       // per row of m_rows
    bool m_rowsDirty = true;
    std::uint64_t m_builtRevision = ~0ull;
    bool m_builtAnon = false;
    std::string m_filterError;
    RowLayout m_layout;
    float m_colWidth[ColCount] = {};        // content widths of the cells, as drawn last frame
    float m_layoutWidth[ColCount] = {};     // the widths the layout was measured at
    float m_contentWidth[ColCount] = {};    // widest content of the fixed columns
    bool m_applyContentWidths = false;
    std::string m_scrollTo;
    int m_scrollTries = 0;
    std::string m_dateBuffer, m_dateFor;
    bool m_dateEditing = false;
    double m_animScroll = -1;   // --animate: scroll to this fraction of the table
    std::size_t m_grownRow = SIZE_MAX;   // the row whose editor made it taller
};

void ChronologyView::rebuildRows(const AppContext& ctx, const Case& c, const ImGuiTableSortSpecs* specs) {
    m_rows.clear();
    m_filterError.clear();
    try {
        chron::Filter f = chron::makeFilter(c, figureOptions(ctx));
        for (std::size_t i = 0; i < c.events.size(); ++i)
            if (f.keep(c.events[i])) m_rows.push_back(i);
    } catch (const std::exception& e) {
        m_filterError = e.what();   // a filter naming an agency the (anonymised) case lacks
    }
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
    // People by name (pseudonyms in the preview), not by id.
    std::unordered_map<std::string, const Person*> people;
    for (auto& p : c.people) people.emplace(p.id, &p);
    auto mo = c.missedOpportunityNumbers();
    m_text.assign(m_rows.size(), {});
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const Event& e = c.events[m_rows[r]];
        RowText& t = m_text[r];
        t.date = e.date.humanLabel();
        t.agency = e.agency.empty() ? std::string(toString(e.source)) : e.agency;
        for (std::size_t i = 0; i < e.people.size(); ++i) {
            auto it = people.find(e.people[i]);
            const Person* p = it == people.end() ? nullptr : it->second;
            t.people += (i ? ", " : "") + (p && !p->name.empty() ? p->name : e.people[i]);
        }
        t.tags = joined(e.tags);
        if (auto it = mo.find(e.id); it != mo.end()) t.mo = fmt::format("MO{}", it->second);
    }
    sizeColumns(c);
    estimateHeights(c);
    m_grownRow = SIZE_MAX;
    m_rowsDirty = false;
}

// Fixed columns as wide as their widest content (measured on the longest strings only).
void ChronologyView::sizeColumns(const Case& c) {
    auto widest = [&](auto&& textOf) {
        std::size_t longest = 0;
        for (std::size_t r = 0; r < m_rows.size(); ++r) longest = std::max(longest, textOf(r).size());
        float w = 0;
        for (std::size_t r = 0; r < m_rows.size(); ++r) {
            const std::string& t = textOf(r);
            if (t.size() + 3 >= longest) w = std::max(w, ImGui::CalcTextSize(t.c_str()).x);
        }
        return w;
    };
    float pillPad = 12;
    float old[ColCount];
    std::copy(std::begin(m_contentWidth), std::end(m_contentWidth), old);
    m_contentWidth[ColId] = std::max(widest([&](std::size_t r) -> const std::string& { return c.events[m_rows[r]].id; }),
                                     widest([&](std::size_t r) -> const std::string& { return m_text[r].mo; }) + pillPad);
    m_contentWidth[ColDate] = widest([&](std::size_t r) -> const std::string& { return m_text[r].date; });
    m_contentWidth[ColAgency] = widest([&](std::size_t r) -> const std::string& { return m_text[r].agency; });
    m_contentWidth[ColRisk] = ImGui::CalcTextSize("standard").x + pillPad;
    float fs = ImGui::GetFontSize();
    m_contentWidth[ColId] = std::max(m_contentWidth[ColId], ImGui::CalcTextSize("Id").x) + 4;
    m_contentWidth[ColDate] = std::clamp(m_contentWidth[ColDate] + 4, ImGui::CalcTextSize("Date").x + fs, fs * 14);
    m_contentWidth[ColAgency] = std::clamp(m_contentWidth[ColAgency] + 4, ImGui::CalcTextSize("Agency").x + fs, fs * 10);
    if (!std::equal(std::begin(old), std::end(old), std::begin(m_contentWidth))) m_applyContentWidths = true;
}

void ChronologyView::estimateHeights(const Case& c) {
    float charPx = ImGui::CalcTextSize("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ").x / 37.f;
    float line = ImGui::GetTextLineHeight();
    float pad = ImGui::GetStyle().CellPadding.y * 2;
    std::vector<float> est(m_rows.size());
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const Event& e = c.events[m_rows[r]];
        std::vector<std::pair<std::size_t, float>> cols = {{e.what.size(), m_colWidth[ColWhat]},
                                                           {m_text[r].people.size(), m_colWidth[ColPeople]}};
        int newlines = int(std::count(e.what.begin(), e.what.end(), '\n'));
        est[r] = estimateRowHeight(cols, charPx, line, pad, m_text[r].mo.empty() ? 1 : 2) + float(newlines) * line;
    }
    m_layout.reset(std::move(est));
    std::copy(std::begin(m_colWidth), std::end(m_colWidth), m_layoutWidth);
}

// A row's exact height at the current column widths: what the table will draw.
float ChronologyView::measureRow(const Case& c, std::size_t row) const {
    const Event& e = c.events[m_rows[row]];
    const RowText& t = m_text[row];
    float line = ImGui::GetTextLineHeight();
    auto wrapped = [&](const std::string& s, int col) {
        if (s.empty() || m_colWidth[col] <= 0) return line;
        return ImGui::CalcTextSize(s.c_str(), s.c_str() + s.size(), false, m_colWidth[col]).y;
    };
    float h = std::max(ImGui::GetFrameHeight(), line);
    if (!t.mo.empty()) h = std::max(h, line + ImGui::GetStyle().ItemSpacing.y + line + 2);
    h = std::max({h, wrapped(t.people, ColPeople), wrapped(e.what, ColWhat)});
    if (ImGui::TableGetColumnFlags(ColTags) & ImGuiTableColumnFlags_IsEnabled) h = std::max(h, wrapped(t.tags, ColTags));
    return std::ceil(h + ImGui::GetStyle().CellPadding.y * 2);
}

// ------------------------------------------------------------------ [SECTION] the table

void ChronologyView::drawFilters(AppContext& ctx, const Case& c) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (ImGui::InputTextWithHint("##filter", "Filter events", &m_filter)) m_rowsDirty = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Words in what happened, action or analysis; ids; names; agencies; dates");
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
    bool editable = !ctx.settings.anonymisedPreview;
    ImGui::BeginDisabled(!editable);
    if (ImGui::Button("+ Event")) {
        const Case& real = ctx.session.model();
        Event e;
        e.id = real.nextEventId();
        e.source = Source::Panel;
        e.what = "New event";
        std::string id = e.id;
        if (ctx.session.execute(std::make_unique<AddItem<Event>>(std::move(e)))) ctx.bus.post(SelectItem{ItemKind::Event, id});
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("%zu of %zu events", m_rows.size(), c.events.size());
    if (!m_filterError.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.3f, 1), "%s", m_filterError.c_str());
    }
}

float ChronologyView::drawEditableCells(AppContext& ctx, const Event& e) {
    CaseSession& s = ctx.session;
    float bottom = 0;
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
    // What: the whole paragraph, wrapped while typing; Enter commits, Shift+Enter a new line.
    ImGui::TableSetColumnIndex(ColWhat);
    std::string what = e.what;
    if (ui::wrappedEditor("##what", what, ImGui::GetContentRegionAvail().x, 1)) {
        s.sealMerge();
        Event copy = e;
        copy.what = what;
        ui::replace(s, ItemRef::byId(e.id), copy, "what");
        s.sealMerge();
    }
    bottom = ImGui::GetItemRectMax().y;
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) ImGui::SetTooltip("Enter keeps the text; Shift+Enter starts a new line");
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
    return bottom;
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
    if (m_builtRevision != ctx.session.revision() || m_builtAnon != bool(anon)) m_rowsDirty = true;

    drawFilters(ctx, c);
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable |
                            ImGuiTableFlags_Hideable | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("events", ColCount, flags)) return;
    float fs = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    // Tags start hidden: the table is read at a glance; right-click the header to show them.
    ImGui::TableSetupColumn("Id", ImGuiTableColumnFlags_WidthFixed, fs * 2.6f, ColId);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort, fs * 6.2f, ColDate);
    ImGui::TableSetupColumn("Agency", ImGuiTableColumnFlags_WidthFixed, fs * 4.8f, ColAgency);
    ImGui::TableSetupColumn("People", ImGuiTableColumnFlags_WidthFixed, fs * 8.f, ColPeople);
    ImGui::TableSetupColumn("What happened", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 0, ColWhat);
    ImGui::TableSetupColumn("Tags", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_DefaultHide, fs * 8, ColTags);
    ImGui::TableSetupColumn("Risk", ImGuiTableColumnFlags_WidthFixed, fs * 4.2f, ColRisk);
    if (m_applyContentWidths) {
        // Columns sized to what they hold, once per change of content (the reader may
        // then drag them); before the first row, while the layout is open.
        for (int col : {ColId, ColDate, ColAgency, ColRisk})
            if (ImGui::TableGetColumnFlags(col) & ImGuiTableColumnFlags_IsEnabled)
                ImGui::TableSetColumnWidth(col, m_contentWidth[col]);   // content width, padding apart
        m_applyContentWidths = false;
    }
    ImGui::TableHeadersRow();
    // The cells' widths as laid out this frame (the header row's cells).
    for (int col = 0; col < ColCount; ++col) {
        if (!(ImGui::TableGetColumnFlags(col) & ImGuiTableColumnFlags_IsEnabled)) continue;
        ImGui::TableSetColumnIndex(col);
        m_colWidth[col] = ImGui::GetContentRegionAvail().x;
    }

    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs && specs->SpecsDirty) {
        m_rowsDirty = true;
        specs->SpecsDirty = false;
    }
    if (m_rowsDirty) {
        rebuildRows(ctx, c, specs);
        m_builtRevision = ctx.session.revision();
        m_builtAnon = bool(anon);
        if (m_applyContentWidths) ctx.requestFrame();   // applied next frame, before the rows
    }
    if (m_colWidth[ColWhat] != m_layoutWidth[ColWhat] || m_colWidth[ColPeople] != m_layoutWidth[ColPeople] ||
        m_colWidth[ColTags] != m_layoutWidth[ColTags])
        estimateHeights(c);   // wrapped heights depend on the widths

    if (!m_scrollTo.empty()) {
        // A scroll asked for in the frame the table first shows is clamped to the height it
        // had before (none): ask again until the row is in view, for a few frames.
        bool inView = true;
        for (std::size_t r = 0; r < m_rows.size(); ++r)
            if (c.events[m_rows[r]].id == m_scrollTo) {
                m_layout.setMeasured(r, measureRow(c, r));
                float y = m_layout.top(r), h = m_layout.height(r);
                float visible = ImGui::GetWindowHeight() - ImGui::GetFrameHeight() * 2;
                if (y < ImGui::GetScrollY() || y + h > ImGui::GetScrollY() + visible) {
                    ImGui::SetScrollY(std::max(0.f, y - visible / 3));
                    inView = false;
                }
            }
        if (inView || ++m_scrollTries > 5) {
            m_scrollTo.clear();
            m_scrollTries = 0;
        } else {
            ctx.requestFrame();
        }
    }
    if (m_animScroll >= 0) {
        ImGui::SetScrollY(float(m_animScroll) * std::max(0.f, m_layout.total() - ImGui::GetWindowHeight()));
        m_animScroll = -1;
    }

    // The visible rows, measured exactly (a few rounds: measuring can shrink rows and let
    // more in). Rows above the view are measured only when they come into it, so what
    // the reader looks at does not move.
    float headerH = ImGui::GetFrameHeight();
    float y0 = ImGui::GetScrollY(), y1 = y0 + ImGui::GetWindowHeight() - headerH;
    std::pair<std::size_t, std::size_t> vis{0, 0};
    for (int round = 0; round < 4; ++round) {
        vis = m_layout.visible(y0, y1);
        bool changed = false;
        for (std::size_t r = vis.first; r < vis.second; ++r)
            if (!m_layout.measured(r)) changed |= m_layout.setMeasured(r, measureRow(c, r)) != 0;
        if (!changed) break;
    }

    // Who is selected, to light up their rows.
    std::string person = ctx.selection.kind == ItemKind::Person ? ctx.selection.id : std::string();
    if (anon && !person.empty()) {
        auto it = anon->idMap().find(person);
        person = it == anon->idMap().end() ? std::string() : it->second;
    }
    ImU32 stripe = ImGui::GetColorU32(ImGuiCol_TableRowBgAlt);
    ImU32 personBg = IM_COL32(230, 170, 40, 70);

    if (vis.first > 0) {
        ImGui::TableNextRow(0, m_layout.top(vis.first));   // the rows above the view
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, 0);
    }
    for (std::size_t r = vis.first; r < vis.second; ++r) {
        std::size_t idx = m_rows[r];
        const Event& e = c.events[idx];
        const RowText& t = m_text[r];
        bool selected = editable && ctx.selection.is(ItemKind::Event, e.id);
        float rowH = m_layout.height(r);
        ImGui::TableNextRow(0, rowH);
        bool lit = !person.empty() && std::find(e.people.begin(), e.people.end(), person) != e.people.end();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, lit ? personBg : (r % 2 ? stripe : 0));
        ImGui::PushID(e.id.c_str());
        ImGui::TableSetColumnIndex(ColId);
        float rowTop = ImGui::GetCursorScreenPos().y;
        ImVec2 cell = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable(e.id.c_str(), selected,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(0, rowH - ImGui::GetStyle().CellPadding.y * 2)) &&
            editable)
            ctx.bus.post(SelectItem{ItemKind::Event, e.id});
        if (!t.mo.empty()) {
            ImGui::SetCursorScreenPos(ImVec2(cell.x, cell.y + ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.y));
            ui::pill(t.mo, IM_COL32(170, 60, 40, 255), IM_COL32(255, 240, 235, 255));
        }
        float bottom = rowTop;
        if (selected) {
            bottom = std::max(bottom, drawEditableCells(ctx, e));
        } else {
            ImGui::TableSetColumnIndex(ColDate);
            ImGui::TextUnformatted(t.date.c_str());
            if (!e.time.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s at %s", t.date.c_str(), e.time.c_str());
            ImGui::TableSetColumnIndex(ColAgency);
            ImGui::TextUnformatted(t.agency.c_str());
            if (ImGui::IsItemHovered())
                if (auto* a = c.agency(e.agency)) ImGui::SetTooltip("%s", a->name.c_str());
            ImGui::TableSetColumnIndex(ColWhat);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(e.what.c_str(), e.what.c_str() + e.what.size());
            ImGui::PopTextWrapPos();
            ImGui::TableSetColumnIndex(ColRisk);
            if (e.risk) ui::pill(std::string(toString(*e.risk)), riskColour(*e.risk), IM_COL32_WHITE);
        }
        ImGui::TableSetColumnIndex(ColPeople);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(t.people.c_str(), t.people.c_str() + t.people.size());
        ImGui::PopTextWrapPos();
        ImGui::TableSetColumnIndex(ColTags);
        ImGui::PushTextWrapPos(0);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(t.tags.c_str(), t.tags.c_str() + t.tags.size());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        if (selected) {
            // The row being edited grows with its editor: keep its height as drawn.
            float h = std::ceil(bottom - rowTop + ImGui::GetStyle().CellPadding.y * 2);
            if (h > rowH && m_layout.setMeasured(r, h) != 0) ctx.requestFrame();
            m_grownRow = r;
        } else if (m_grownRow == r) {
            m_layout.setMeasured(r, measureRow(c, r));   // no longer edited: its text's height again
            m_grownRow = SIZE_MAX;
            ctx.requestFrame();
        }
        ImGui::PopID();
    }
    if (vis.second < m_rows.size()) {
        ImGui::TableNextRow(0, m_layout.total() - m_layout.top(vis.second));   // the rows below
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, 0);
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
