// The "Who knew what" tab: the core knowledge view (agencies down the side, risk indicators
// across) on the canvas. Hovering a cell says what it holds; clicking it lists its events,
// and choosing one (or the only one) selects it and brings the chronology forward at its row.
#include "app/views/view_figure.hpp"
#include "app/views/widgets.hpp"
#include "core/figures/knowledge/knowledge_matrix.hpp"

#include <fmt/format.h>
#include <imgui.h>

namespace genochron::app {

namespace {

class KnowledgeView final : public FigureView {
public:
    explicit KnowledgeView(AppContext& ctx) : FigureView(ctx, ViewKind::Knowledge, "Who knew what") {}

protected:
    bool onClick(AppContext& ctx, const std::string& id) override {
        auto at = cellOf(ctx, id);
        if (!at) return false;
        auto events = knowledge::cellEvents(m_matrix, at->first, at->second);
        if (events.empty()) return true;
        if (events.size() == 1) {
            jump(ctx, toReal(events.front()));
            return true;
        }
        m_popupEvents = std::move(events);
        m_popupTitle = cellTitle(at->first, at->second);
        ImGui::OpenPopup("knowledge-cell");
        return true;
    }

    void tooltip(AppContext& ctx, const std::string& id) override {
        auto at = cellOf(ctx, id);
        if (!at) {
            FigureView::tooltip(ctx, id);
            return;
        }
        const knowledge::Row& row = m_matrix.rows[at->first];
        const knowledge::Cell& cell = row.cells[at->second];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(cellTitle(at->first, at->second).c_str());
        if (!cell.held()) {
            ImGui::TextDisabled("Not in this agency's records");
        } else {
            if (auto f = cell.first()) ImGui::Text("First held %s", f->humanLabel().c_str());
            ImGui::Text("%zu own record%s, %zu received", cell.own.size(), cell.own.size() == 1 ? "" : "s",
                        cell.received.size());
            if (!cell.sharedWith.empty()) ImGui::Text("Shared with %s", names(cell.sharedWith).c_str());
            if (!cell.receivedFrom.empty()) ImGui::Text("Told by %s", names(cell.receivedFrom).c_str());
            if (cell.ownNotShared > 0) ImGui::Text("%d record%s passed to no one", cell.ownNotShared, cell.ownNotShared == 1 ? "" : "s");
            ImGui::TextDisabled("Click to go to its events in the chronology");
        }
        ImGui::EndTooltip();
    }

    void drawPopups(AppContext& ctx) override {
        if (!ImGui::BeginPopup("knowledge-cell")) return;
        ImGui::TextUnformatted(m_popupTitle.c_str());
        ImGui::Separator();
        for (auto& sceneId : m_popupEvents) {
            const Event* e = eventOf(sceneId);
            std::string label = e ? fmt::format("{}  {}  {}", e->date.humanLabel(), e->agency, ellipsis(e->what, 60))
                                  : sceneId;
            if (ImGui::Selectable((label + "##" + sceneId).c_str())) {
                jump(ctx, toReal(sceneId));
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndPopup();
    }

private:
    // The row and column of a cell id ("knowledge:<row>:<indicator>") in the matrix of the
    // case the figure was drawn from (the anonymised one in the preview).
    std::optional<std::pair<std::size_t, std::size_t>> cellOf(AppContext& ctx, const std::string& id) {
        const std::string prefix = "knowledge:";
        if (id.rfind(prefix, 0) != 0) return std::nullopt;
        auto last = id.rfind(':');
        if (last <= prefix.size()) return std::nullopt;
        std::string rowKey = id.substr(prefix.size(), last - prefix.size()), col = id.substr(last + 1);
        refresh(ctx);
        int r = m_matrix.rowOf(rowKey);
        if (r < 0) return std::nullopt;
        for (std::size_t i = 0; i < m_matrix.columns.size(); ++i)
            if (m_matrix.columns[i]->key == col) return std::make_pair(std::size_t(r), i);
        return std::nullopt;
    }

    void refresh(AppContext& ctx) {
        std::shared_ptr<const Case> named;
        std::shared_ptr<const AnonymisedCase> anon;
        if (builtAnonymised()) anon = ctx.snapshots.anonymised();
        else named = ctx.snapshots.current();
        const void* key = anon ? static_cast<const void*>(anon.get()) : named.get();
        if (key == m_matrixOf && key) return;
        m_matrixOf = key;
        m_anon = anon;
        m_named = named;
        m_matrix = knowledge::buildMatrix(anon ? anon->data() : *named);
    }

    const Case* builtCase() const { return m_anon ? &m_anon->data() : m_named.get(); }

    const Event* eventOf(const std::string& sceneId) const {
        const Case* c = builtCase();
        if (!c) return nullptr;
        for (auto& e : c->events)
            if (e.id == sceneId) return &e;
        return nullptr;
    }

    std::string names(const std::set<std::string>& keys) const {
        std::string out;
        for (auto& k : keys) {
            int r = m_matrix.rowOf(k);
            out += (out.empty() ? "" : ", ") + (r >= 0 ? m_matrix.rows[std::size_t(r)].label : k);
        }
        return out;
    }

    std::string cellTitle(std::size_t row, std::size_t col) const {
        return m_matrix.rows[row].label + ": " + m_matrix.columns[col]->label;
    }

    static std::string ellipsis(const std::string& s, std::size_t n) {
        if (s.size() <= n) return s;
        std::size_t cut = n;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;   // not inside a UTF-8 sequence
        return s.substr(0, cut) + "\u2026";
    }

    static void jump(AppContext& ctx, const std::string& realEventId) {
        ctx.bus.post(SelectItem{ItemKind::Event, realEventId});
        ctx.bus.post(SwitchTab{"Chronology"});
    }

    knowledge::Matrix m_matrix;
    const void* m_matrixOf = nullptr;
    std::shared_ptr<const AnonymisedCase> m_anon;
    std::shared_ptr<const Case> m_named;
    std::vector<std::string> m_popupEvents;
    std::string m_popupTitle;
};

}  // namespace

std::unique_ptr<View> makeKnowledgeView(AppContext& ctx) { return std::make_unique<KnowledgeView>(ctx); }

}  // namespace genochron::app
