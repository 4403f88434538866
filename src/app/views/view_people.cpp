// The people tab (left panel): people, partnerships, relations and households, and the
// case's own details; the inspector forms that edit them, all through edit commands.
//
// [SECTION] the list
// [SECTION] inspector: person
// [SECTION] inspector: partnership, relation, household
// [SECTION] inspector: case details and publication
#include "app/views/view.hpp"
#include "app/views/widgets.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace genochron::app {

namespace {

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& ch : r) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return r;
}

std::string joined(const std::vector<std::string>& v) {
    std::string r;
    for (std::size_t i = 0; i < v.size(); ++i) r += (i ? ", " : "") + v[i];
    return r;
}

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> r;
    std::string cur;
    auto flush = [&] {
        auto a = cur.find_first_not_of(" \t"), b = cur.find_last_not_of(" \t");
        if (a != std::string::npos) r.push_back(cur.substr(a, b - a + 1));
        cur.clear();
    };
    for (char ch : s) {
        if (ch == ',') flush();
        else cur += ch;
    }
    flush();
    return r;
}

// The genogram symbol of a person, small, for the list: square, circle or diamond;
// filled for the index person, crossed when dead.
void personGlyph(const Person& p, float size) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    ImVec2 c(pos.x + size / 2 + 1, pos.y + h / 2 + 1);
    auto* dl = ImGui::GetWindowDrawList();
    ImU32 line = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 fill = p.hasRole(Role::Victim) ? IM_COL32(200, 70, 70, 255)
                 : p.hasRole(Role::Perpetrator) ? IM_COL32(90, 90, 110, 255) : 0;
    float r = size / 2;
    if (p.isPregnancyNode()) {
        dl->AddTriangle(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y + r), ImVec2(c.x - r, c.y + r), line, 1.3f);
    } else if (p.sex == Sex::Male) {
        if (fill) dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill);
        dl->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), line, 0, 0, 1.3f);
    } else if (p.sex == Sex::Female) {
        if (fill) dl->AddCircleFilled(c, r, fill, 20);
        dl->AddCircle(c, r, line, 20, 1.3f);
    } else {
        ImVec2 pts[4] = {{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}};
        if (fill) dl->AddConvexPolyFilled(pts, 4, fill);
        dl->AddPolyline(pts, 4, line, ImDrawFlags_Closed, 1.3f);
    }
    if (p.died) dl->AddLine(ImVec2(c.x - r - 1, c.y + r + 1), ImVec2(c.x + r + 1, c.y - r - 1), line, 1.3f);
    if (p.index) dl->AddCircleFilled(ImVec2(c.x + r + 3, c.y - r), 2.2f, IM_COL32(230, 170, 40, 255));
    ImGui::Dummy(ImVec2(size + 6, h));
}

// Section headers quieter than selected rows, which use the accent.
bool section(const std::string& label, bool open) {
    auto& col = ImGui::GetStyle().Colors;
    ImGui::PushStyleColor(ImGuiCol_Header, col[ImGuiCol_FrameBg]);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, col[ImGuiCol_FrameBgHovered]);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, col[ImGuiCol_FrameBgActive]);
    bool shown = ImGui::CollapsingHeader(label.c_str(), open ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    ImGui::PopStyleColor(3);
    return shown;
}

std::string freshId(const Case& c, const char* stem) {
    for (int n = 1;; ++n) {
        std::string id = fmt::format("{}{}", stem, n);
        if (!c.person(id) && std::none_of(c.households.begin(), c.households.end(), [&](auto& h) { return h.id == id; }))
            return id;
    }
}

class PeopleView final : public View {
public:
    explicit PeopleView(AppContext& ctx) {
        ctx.bus.subscribe<SelectItem>([this](const SelectItem& e) { m_scrollTo = e; });
    }
    const char* title() const override { return "People"; }
    Slot slot() const override { return Slot::Left; }
    void draw(AppContext& ctx) override;
    bool drawInspector(AppContext& ctx) override;

private:
    bool listRow(AppContext& ctx, const char* id, bool selected, const SelectItem& sel);
    void drawPersonForm(AppContext& ctx, const Person& p);
    void drawPartnershipForm(AppContext& ctx, std::size_t i);
    void drawRelationForm(AppContext& ctx, std::size_t i);
    void drawHouseholdForm(AppContext& ctx, const Household& h);
    void drawCaseForm(AppContext& ctx);

    std::string m_filter;
    SelectItem m_scrollTo;
};

// ------------------------------------------------------------------ [SECTION] the list

bool PeopleView::listRow(AppContext& ctx, const char* label, bool selected, const SelectItem& sel) {
    bool clicked = ImGui::Selectable(label, selected, ImGuiSelectableFlags_AllowItemOverlap);
    if (clicked) ctx.bus.post(sel);
    bool wanted = m_scrollTo.kind == sel.kind && m_scrollTo.id == sel.id && m_scrollTo.index == sel.index;
    if (wanted) {
        if (!ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.3f);
        m_scrollTo = {};
    }
    return clicked;
}

void PeopleView::draw(AppContext& ctx) {
    const Case& c = ctx.session.model();
    CaseSession& s = ctx.session;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", "Filter people", &m_filter);
    ImGui::BeginChild("people-list", ImVec2(0, 0), false);
    std::string needle = lower(m_filter);

    listRow(ctx, "Case details and publication", ctx.selection.kind == ItemKind::CaseInfo,
            SelectItem{ItemKind::CaseInfo, {}});
    ImGui::Spacing();

    if (section(fmt::format("People ({})###people", c.people.size()), true)) {
        for (auto& p : c.people) {
            if (!needle.empty() && lower(p.name).find(needle) == std::string::npos &&
                lower(p.id).find(needle) == std::string::npos && lower(p.pseudonym).find(needle) == std::string::npos)
                continue;
            ImGui::PushID(p.id.c_str());
            personGlyph(p, ImGui::GetFontSize() * 0.75f);
            ImGui::SameLine();
            std::string label = p.name.empty() ? p.id : p.name;
            listRow(ctx, label.c_str(), ctx.selection.is(ItemKind::Person, p.id), SelectItem{ItemKind::Person, p.id});
            std::string roles;
            for (auto r : p.roles) roles += (roles.empty() ? "" : ", ") + std::string(toString(r));
            // Roles right-aligned, only where the name leaves room for them.
            float nameEnd = ImGui::GetItemRectMin().x - ImGui::GetWindowPos().x + ImGui::CalcTextSize(label.c_str()).x;
            float w = ImGui::CalcTextSize(roles.c_str()).x;
            float x = ImGui::GetWindowContentRegionMax().x - w;
            if (!roles.empty() && x > nameEnd + 12) {
                ImGui::SameLine(x);
                ImGui::TextDisabled("%s", roles.c_str());
            }
            ImGui::PopID();
        }
        if (ImGui::SmallButton("+ Person")) {
            Person p;
            p.id = freshId(c, "person");
            p.name = "New person";
            std::string id = p.id;
            if (s.execute(std::make_unique<AddItem<Person>>(std::move(p)))) ctx.bus.post(SelectItem{ItemKind::Person, id});
        }
    }
    if (section(fmt::format("Partnerships ({})###partnerships", c.partnerships.size()), false)) {
        for (std::size_t i = 0; i < c.partnerships.size(); ++i) {
            auto& p = c.partnerships[i];
            ImGui::PushID(int(i));
            std::string label = fmt::format("{} + {}  ({})", p.partners[0], p.partners[1], toString(p.status));
            listRow(ctx, label.c_str(), ctx.selection.isIndex(ItemKind::Partnership, i),
                    SelectItem{ItemKind::Partnership, {}, i});
            ImGui::PopID();
        }
        if (ImGui::SmallButton("+ Partnership") && c.people.size() >= 2) {
            Partnership p;
            std::string a = ctx.selection.kind == ItemKind::Person ? ctx.selection.id : c.people[0].id;
            std::string b = c.people[0].id == a ? c.people[1].id : c.people[0].id;
            p.partners = {a, b};
            p.status = PartnershipStatus::Dating;
            if (s.execute(std::make_unique<AddItem<Partnership>>(p)))
                ctx.bus.post(SelectItem{ItemKind::Partnership, {}, s.model().partnerships.size() - 1});
        }
    }
    if (section(fmt::format("Relations ({})###relations", c.relations.size()), false)) {
        for (std::size_t i = 0; i < c.relations.size(); ++i) {
            auto& r = c.relations[i];
            ImGui::PushID(int(i));
            std::string label = fmt::format("{} {} {}  ({})", r.from, r.directed() ? "->" : "--", r.to, toString(r.kind));
            if (r.isAbuse()) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(235, 120, 110, 255));
            listRow(ctx, label.c_str(), ctx.selection.isIndex(ItemKind::Relation, i), SelectItem{ItemKind::Relation, {}, i});
            if (r.isAbuse()) ImGui::PopStyleColor();
            ImGui::PopID();
        }
        if (ImGui::SmallButton("+ Relation") && c.people.size() >= 2) {
            Relation r;
            r.from = ctx.selection.kind == ItemKind::Person ? ctx.selection.id : c.people[0].id;
            r.to = c.people[0].id == r.from ? c.people[1].id : c.people[0].id;
            r.kind = RelationKind::Close;
            if (s.execute(std::make_unique<AddItem<Relation>>(r)))
                ctx.bus.post(SelectItem{ItemKind::Relation, {}, s.model().relations.size() - 1});
        }
    }
    if (section(fmt::format("Households ({})###households", c.households.size()), false)) {
        for (auto& h : c.households) {
            ImGui::PushID(h.id.c_str());
            std::string label = h.label.empty() ? h.id : h.label;
            listRow(ctx, label.c_str(), ctx.selection.is(ItemKind::Household, h.id), SelectItem{ItemKind::Household, h.id});
            ImGui::PopID();
        }
        if (ImGui::SmallButton("+ Household")) {
            Household h;
            h.id = freshId(c, "h");
            h.label = "New household";
            std::string id = h.id;
            if (s.execute(std::make_unique<AddItem<Household>>(std::move(h))))
                ctx.bus.post(SelectItem{ItemKind::Household, id});
        }
    }
    if (section(fmt::format("Agencies ({})###agencies", c.agencies.size()), false)) {
        for (auto& a : c.agencies) {
            ImGui::PushID(a.id.c_str());
            listRow(ctx, a.name.c_str(), ctx.selection.is(ItemKind::Agency, a.id), SelectItem{ItemKind::Agency, a.id});
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

// ------------------------------------------------------------------ [SECTION] inspector: person

void PeopleView::drawPersonForm(AppContext& ctx, const Person& person) {
    CaseSession& s = ctx.session;
    const Case& c = s.model();
    Person p = person;
    auto ref = ItemRef::byId(person.id);
    std::string sub = person.pseudonym.empty() ? "" : "Published as " + person.pseudonym;
    if (person.born) {
        std::optional<int> age = person.born->ageAt(person.died ? *person.died : Date::fromDays(todayDays()));
        if (age) sub += fmt::format("{}{} {}", sub.empty() ? "" : "  -  ", person.died ? "died aged" : "age", *age);
    }
    ui::inspectorHeading("Person", person.id, sub);
    if (!ui::beginForm("person")) return;
    if (ui::text(s, "Name", p.name)) ui::replace(s, ref, p, "name");
    if (ui::text(s, "Pseudonym", p.pseudonym)) ui::replace(s, ref, p, "pseudonym");
    std::string aliases = joined(p.aliases);
    if (ui::text(s, "Aliases", aliases, "comma separated")) {
        p.aliases = splitList(aliases);
        ui::replace(s, ref, p, "aliases");
    }
    if (ui::enumCombo("Sex", p.sex)) ui::replace(s, ref, p, "sex");
    if (ui::date("Born", p.born)) ui::replace(s, ref, p, "born");
    if (ui::date("Died", p.died)) ui::replace(s, ref, p, "died");
    if (ui::enumSet("Roles", p.roles)) ui::replace(s, ref, p, "roles");
    if (ui::checkbox("Index person", p.index)) ui::replace(s, ref, p, "index");
    if (ui::idList("Parents", p.parents, ui::peopleChoices(c), 2)) ui::replace(s, ref, p, "parents");
    if (!p.parents.empty() && ui::enumCombo("Parentage", p.parentage)) ui::replace(s, ref, p, "parentage");
    if (ui::idCombo("Twin of", p.twin, ui::peopleChoices(c))) ui::replace(s, ref, p, "twin");
    ui::formLabel("Birth order", "Among siblings born the same day (twins): 1 is the elder");
    int order = p.birthOrder.value_or(0);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputInt("##birthorder", &order)) {
        p.birthOrder = order > 0 ? std::optional<int>(order) : std::nullopt;
        ui::replace(s, ref, p, "birth order");
    }
    if (ui::enumSet("Conditions", p.conditions)) ui::replace(s, ref, p, "conditions");
    std::vector<std::pair<std::string, std::string>> aces;
    for (auto a : knownAces()) aces.emplace_back(std::string(a), std::string(a));
    if (ui::idList("ACEs", p.aces, aces)) ui::replace(s, ref, p, "aces");
    if (ui::optionalEnumCombo("Pregnancy", p.pregnancy)) ui::replace(s, ref, p, "pregnancy");
    if (ui::multiline(s, "Notes", p.notes, 4)) ui::replace(s, ref, p, "notes");
    ui::endForm();

    // What this person is part of, each a link that selects it.
    ImGui::Spacing();
    ui::muted("Appears in");
    int shown = 0;
    for (std::size_t i = 0; i < c.partnerships.size(); ++i) {
        auto& ps = c.partnerships[i];
        if (ps.partners[0] != person.id && ps.partners[1] != person.id) continue;
        std::string other = ps.partners[0] == person.id ? ps.partners[1] : ps.partners[0];
        ImGui::PushID(int(i));
        if (ImGui::SmallButton(fmt::format("partner of {} ({})", other, toString(ps.status)).c_str()))
            ctx.bus.post(SelectItem{ItemKind::Partnership, {}, i});
        ImGui::PopID();
        ++shown;
    }
    int events = 0;
    for (auto& e : c.events)
        if (std::find(e.people.begin(), e.people.end(), person.id) != e.people.end()) ++events;
    if (events) ImGui::TextDisabled("%d events in the chronology", events);
    else if (!shown) ImGui::TextDisabled("nothing yet");

    ImGui::Spacing();
    if (ImGui::Button("Remove person")) {
        if (s.execute(std::make_unique<RemoveItem<Person>>(ref))) ctx.bus.post(SelectItem{});
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Refused while partnerships, relations, events or households name this person");
}

// ------------------------------------------------------------------ [SECTION] inspector: links

void PeopleView::drawPartnershipForm(AppContext& ctx, std::size_t i) {
    CaseSession& s = ctx.session;
    const Case& c = s.model();
    Partnership p = c.partnerships[i];
    auto ref = ItemRef::at(i);
    ui::inspectorHeading("Partnership", fmt::format("{} + {}", p.partners[0], p.partners[1]));
    if (ui::beginForm("partnership")) {
        auto people = ui::peopleChoices(c);
        if (ui::idCombo("Partner", p.partners[0], people, false)) ui::replace(s, ref, p, "partners");
        if (ui::idCombo("Partner ", p.partners[1], people, false)) ui::replace(s, ref, p, "partners");
        if (ui::enumCombo("Status", p.status)) ui::replace(s, ref, p, "status");
        if (ui::date("From", p.from)) ui::replace(s, ref, p, "from");
        if (ui::date("To", p.to)) ui::replace(s, ref, p, "to");
        ui::endForm();
    }
    if (!p.history.empty()) {
        ui::muted("Earlier statuses");
        for (auto& h : p.history)
            ImGui::BulletText("%s from %s", std::string(toString(h.status)).c_str(),
                              h.from ? h.from->humanLabel().c_str() : "?");
    }
    if (ImGui::Button("Remove partnership")) {
        if (s.execute(std::make_unique<RemoveItem<Partnership>>(ref))) ctx.bus.post(SelectItem{});
    }
}

void PeopleView::drawRelationForm(AppContext& ctx, std::size_t i) {
    CaseSession& s = ctx.session;
    const Case& c = s.model();
    Relation r = c.relations[i];
    auto ref = ItemRef::at(i);
    ui::inspectorHeading("Relation", fmt::format("{} {} {}", r.from, r.directed() ? "->" : "--", r.to));
    if (ui::beginForm("relation")) {
        auto people = ui::peopleChoices(c);
        if (ui::idCombo("From", r.from, people, false)) ui::replace(s, ref, r, "from");
        if (ui::idCombo("To", r.to, people, false)) ui::replace(s, ref, r, "to");
        if (ui::enumCombo("Kind", r.kind)) ui::replace(s, ref, r, "kind");
        if (ui::date("Since", r.fromDate)) ui::replace(s, ref, r, "from date");
        if (ui::date("Until", r.toDate)) ui::replace(s, ref, r, "to date");
        ui::endForm();
    }
    if (ImGui::Button("Remove relation")) {
        if (s.execute(std::make_unique<RemoveItem<Relation>>(ref))) ctx.bus.post(SelectItem{});
    }
}

void PeopleView::drawHouseholdForm(AppContext& ctx, const Household& household) {
    CaseSession& s = ctx.session;
    Household h = household;
    auto ref = ItemRef::byId(h.id);
    ui::inspectorHeading("Household", h.id);
    if (ui::beginForm("household")) {
        if (ui::text(s, "Label", h.label)) ui::replace(s, ref, h, "label");
        if (ui::text(s, "Address", h.address)) ui::replace(s, ref, h, "address");
        if (ui::idList("Members", h.members, ui::peopleChoices(s.model()))) ui::replace(s, ref, h, "members");
        if (ui::date("From", h.from)) ui::replace(s, ref, h, "from");
        if (ui::date("To", h.to)) ui::replace(s, ref, h, "to");
        ui::endForm();
    }
    if (ImGui::Button("Remove household")) {
        if (s.execute(std::make_unique<RemoveItem<Household>>(ref))) ctx.bus.post(SelectItem{});
    }
}

// ------------------------------------------------------------------ [SECTION] inspector: case

void PeopleView::drawCaseForm(AppContext& ctx) {
    CaseSession& s = ctx.session;
    const Case& c = s.model();
    ui::inspectorHeading("Case", s.displayName());
    CaseInfo info = c.info;
    if (ui::beginForm("case")) {
        if (ui::text(s, "Title", info.title)) s.execute(std::make_unique<SetCaseInfo>(info, "title"));
        if (ui::text(s, "Partnership", info.partnership)) s.execute(std::make_unique<SetCaseInfo>(info, "partnership"));
        if (ui::enumCombo("Kind", info.kind)) s.execute(std::make_unique<SetCaseInfo>(info, "kind"));
        if (ui::date("Reference", info.referenceDate)) s.execute(std::make_unique<SetCaseInfo>(info, "reference date"));
        if (ui::date("Scope from", info.scopeFrom)) s.execute(std::make_unique<SetCaseInfo>(info, "scope"));
        if (ui::date("Scope to", info.scopeTo)) s.execute(std::make_unique<SetCaseInfo>(info, "scope"));
        ui::endForm();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ui::muted("Publication (what the anonymised outputs hide)");
    Publication pub = c.publicationOrDefault();
    auto set = [&](const char* field) { s.execute(std::make_unique<SetPublication>(pub, field)); };
    if (ui::beginForm("publication")) {
        if (ui::enumCombo("Dates to", pub.datePrecision)) set("date precision");
        if (ui::checkbox("Hide death date", pub.hideDeathDate)) set("hide death date");
        if (ui::checkbox("Hide child sex", pub.hideChildSex)) set("hide child sex");
        if (ui::checkbox("Hide addresses", pub.hideAddresses)) set("hide addresses");
        ui::formLabel("Child under");
        int age = pub.childAge;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::InputInt("##childage", &age) && age >= 0 && age <= 25) {
            pub.childAge = age;
            set("child age");
        }
        if (ui::enumCombo("Professionals", pub.professionalNames)) set("professional names");
        ui::endForm();
    }
}

bool PeopleView::drawInspector(AppContext& ctx) {
    const Case& c = ctx.session.model();
    const Selection& sel = ctx.selection;
    ImGui::PushID(static_cast<int>(sel.kind));
    ImGui::PushID(sel.id.c_str());
    ImGui::PushID(int(sel.index == ItemRef::kNoIndex ? -1 : int(sel.index)));
    bool shown = true;
    if (sel.kind == ItemKind::Person && c.person(sel.id)) drawPersonForm(ctx, *c.person(sel.id));
    else if (sel.kind == ItemKind::Partnership && sel.index < c.partnerships.size()) drawPartnershipForm(ctx, sel.index);
    else if (sel.kind == ItemKind::Relation && sel.index < c.relations.size()) drawRelationForm(ctx, sel.index);
    else if (sel.kind == ItemKind::CaseInfo) drawCaseForm(ctx);
    else if (sel.kind == ItemKind::Household) {
        auto it = std::find_if(c.households.begin(), c.households.end(), [&](auto& h) { return h.id == sel.id; });
        if (it != c.households.end()) drawHouseholdForm(ctx, *it);
        else shown = false;
    } else shown = false;
    ImGui::PopID();
    ImGui::PopID();
    ImGui::PopID();
    return shown;
}

}  // namespace

std::unique_ptr<View> makePeopleView(AppContext& ctx) { return std::make_unique<PeopleView>(ctx); }

}  // namespace genochron::app
