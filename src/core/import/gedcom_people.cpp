// The GEDCOM importer's second half: the case's people (names, sex, dates, the family each child
// is drawn with, twins), partnerships (MARR, ENGA, DIV and separation as status and history), and
// merging into the case (matching by gedcom_id; what is added or changed).
// [SECTION] people
// [SECTION] partnerships
// [SECTION] merging
#include "core/import/detail/gedcom_importer.hpp"

#include "core/model/validate.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <set>

namespace genochron::gedcom_detail {

// ---------------------------------------------------------------- [SECTION] people

std::string Importer::idFromXref(const std::string& xref) {
    std::string s;
    for (char ch : xref)
        if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-') s += char(std::tolower(static_cast<unsigned char>(ch)));
    // Ids are treated as sensitive, but a record's id could be a name ("@JohnSmith@"): only a
    // short prefix and a number are taken as they are.
    std::size_t letters = 0;
    while (letters < s.size() && std::isalpha(static_cast<unsigned char>(s[letters]))) ++letters;
    bool neutral = !s.empty() && letters <= 3 && letters < s.size() &&
                   std::all_of(s.begin() + std::ptrdiff_t(letters), s.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
    if (!neutral) return "";
    if (letters == 0) s = "i" + s;
    return s;
}

void Importer::assignIds() {
    std::set<std::string> used;
    std::map<std::string, std::string> byGedcom;
    for (auto& p : m_in.people) {
        used.insert(p.id);
        if (!p.gedcomId.empty()) byGedcom[p.gedcomId] = p.id;
    }
    int n = 0;
    for (auto& xr : m_indiOrder)
        if (auto it = byGedcom.find(xr); it != byGedcom.end()) m_id[xr] = it->second;
    for (auto& xr : m_indiOrder) {
        if (m_id.count(xr)) continue;
        std::string id = idFromXref(xr);
        if (id.empty()) {
            do id = fmt::format("g{}", ++n);
            while (used.count(id));
        }
        if (used.count(id)) {
            int k = 2;
            while (used.count(fmt::format("{}-{}", id, k))) ++k;
            id = fmt::format("{}-{}", id, k);
        }
        used.insert(id);
        m_id[xr] = id;
    }
}

int Importer::pediRank(std::optional<Parentage> p) {
    // The family a child is drawn with when it has several: the adopting family, then
    // the birth family, then a step family, then a foster family.
    switch (p.value_or(Parentage::Biological)) {
    case Parentage::Adoptive: return 0;
    case Parentage::Biological: return 1;
    case Parentage::Step: return 2;
    case Parentage::Foster: return 3;
    }
    return 4;
}

std::vector<std::string> Importer::parentIds(const Fam& f) {
    std::vector<std::string> out;
    if (!f.husb.empty()) out.push_back(m_id.at(f.husb));
    if (!f.wife.empty()) out.push_back(m_id.at(f.wife));
    return out;
}

void Importer::buildPeople() {
    for (auto& xr : m_indiOrder) {
        Indi& x = m_indi[xr];
        Person p;
        p.id = m_id.at(xr);
        p.gedcomId = xr;
        p.name = x.name;
        p.aliases = x.aliases;
        p.sex = x.sex;
        p.born = x.born;
        p.died = x.died;
        p.notes = x.notes;
        // The family to draw the child with; the others are said in the notes.
        std::vector<ChildLink> links = x.famc;
        std::erase_if(links, [&](auto& l) { return m_fam[l.fam].husb.empty() && m_fam[l.fam].wife.empty(); });
        std::stable_sort(links.begin(), links.end(), [](auto& a, auto& b) { return pediRank(a.pedi) < pediRank(b.pedi); });
        if (!links.empty()) {
            const Fam& f = m_fam[links.front().fam];
            p.parents = parentIds(f);
            p.parentage = links.front().pedi.value_or(Parentage::Biological);
            for (std::size_t i = 1; i < links.size(); ++i) {
                const Fam& o = m_fam[links[i].fam];
                auto ids = parentIds(o);
                std::string who;
                for (auto& id : ids) who += (who.empty() ? "" : " and ") + id;
                std::string rel(toString(links[i].pedi.value_or(Parentage::Biological)));
                std::string line = fmt::format("GEDCOM: also a {} child of {} ({})", rel, who, links[i].fam);
                p.notes += (p.notes.empty() ? "" : "\n") + line;
                m_plan.notes.push_back(fmt::format("{} ({}) is a child of {} families; drawn with {} ({}), the {} family "
                                                   "{} is in their notes",
                                                   p.id, xr, links.size(), links.front().fam,
                                                   toString(p.parentage), rel, links[i].fam));
            }
        }
        m_people.push_back(std::move(p));
    }
    // Twins: both ways, children of the same parents.
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < m_people.size(); ++i) at[m_people[i].gedcomId] = i;
    for (auto& xr : m_indiOrder) {
        for (auto& [other, identical] : m_indi[xr].twins) {
            auto it = at.find(other);
            Person& a = m_people[at[xr]];
            if (it == at.end() || other == xr) {
                m_plan.notes.push_back(fmt::format("{}: the twin {} is not a person in the file; not read", xr, other));
                continue;
            }
            Person& b = m_people[it->second];
            if (a.parents.empty() || a.parents != b.parents) {
                m_plan.notes.push_back(fmt::format("{} and {} are marked twins but are not children of the same parents "
                                                   "here; not read as twins",
                                                   xr, other));
                continue;
            }
            if ((!a.twin.empty() && a.twin != b.id) || (!b.twin.empty() && b.twin != a.id)) {
                m_plan.notes.push_back(fmt::format("{} and {}: a person has one twin in the case; the first kept", xr, other));
                continue;
            }
            a.twin = b.id, b.twin = a.id;
            a.identicalTwin = b.identicalTwin = a.identicalTwin || b.identicalTwin || identical;
        }
    }
    // Same parents and the same day of birth, not marked: say so (twins only where given).
    std::map<std::pair<std::vector<std::string>, std::string>, std::vector<std::size_t>> sameDay;   // parents, day
    for (std::size_t i = 0; i < m_people.size(); ++i) {
        const Person& a = m_people[i];
        if (!a.parents.empty() && a.born && a.born->exactDay()) sameDay[{a.parents, a.born->toString()}].push_back(i);
    }
    for (auto& [key, group] : sameDay)
        for (std::size_t gi = 0; gi < group.size(); ++gi)
            for (std::size_t gj = gi + 1; gj < group.size(); ++gj) {
            const Person &a = m_people[group[gi]], &b = m_people[group[gj]];
            if (a.twin == b.id) continue;
            m_plan.notes.push_back(fmt::format("{} and {} have the same parents and birth date ({}) but are not marked "
                                               "twins; set twin: where they are",
                                               a.id, b.id, a.born->humanLabel()));
        }
}

// ---------------------------------------------------------------- [SECTION] partnerships

void Importer::buildPartnerships() {
    for (auto& fx : m_famOrder) {
        const Fam& f = m_fam[fx];
        if (f.husb.empty() || f.wife.empty()) continue;
        const GedcomNode& r = *f.n;
        struct Stage {
            PartnershipStatus status;
            std::optional<Date> from;
            int order;
        };
        std::vector<Stage> stages;
        auto add = [&](std::string_view tag, PartnershipStatus st, int order) {
            for (auto* ev : r.all(tag)) {
                stages.push_back({st, eventDate(*ev, lower(std::string(tag)) + " date", fx), order});
                break;
            }
        };
        add("ENGA", PartnershipStatus::Engaged, 0);
        add("MARR", PartnershipStatus::Married, 1);
        add("_SEPR", PartnershipStatus::Separated, 2);
        add("_SEP", PartnershipStatus::Separated, 2);
        for (auto* ev : r.all("EVEN"))
            if (auto* t = ev->child("TYPE"); t && contains(t->value, "separat"))
                stages.push_back({PartnershipStatus::Separated, eventDate(*ev, "separation date", fx), 2});
        add("DIV", PartnershipStatus::Divorced, 3);
        add("ANUL", PartnershipStatus::Divorced, 3);
        bool unmarried = false;
        if (auto* s = r.child("_STAT")) unmarried = contains(s->value, "partner") || contains(s->value, "unmarried") || contains(s->value, "never");
        if (auto* t = r.child("TYPE")) unmarried = unmarried || contains(t->value, "partner") || contains(t->value, "unmarried");
        Partnership pt;
        pt.partners = {m_id.at(f.husb), m_id.at(f.wife)};
        if (stages.empty() || (unmarried && std::none_of(stages.begin(), stages.end(), [](auto& s) { return s.status == PartnershipStatus::Married; }))) {
            if (unmarried) stages.insert(stages.begin(), Stage{PartnershipStatus::Cohabiting, std::nullopt, 1});
            else {
                ++m_undatedFamilies;
                stages.push_back({PartnershipStatus::Married, std::nullopt, 1});
            }
        }
        // In the order they happened: by date where both have one, else by their usual order.
        std::stable_sort(stages.begin(), stages.end(), [](const Stage& a, const Stage& b) { return a.order < b.order; });
        pt.status = stages.back().status;
        pt.from = stages.back().from;
        for (std::size_t i = 0; i + 1 < stages.size(); ++i) {
            StatusPeriod h;
            h.status = stages[i].status;
            h.from = stages[i].from;
            h.to = stages[i + 1].from;
            pt.history.push_back(h);
        }
        m_partnerships.emplace_back(fx, std::move(pt));
    }
    if (m_undatedFamilies)
        m_plan.notes.push_back(fmt::format("{} famil{} with no marriage, engagement or divorce record: read as married "
                                           "(change status: where they were not)",
                                           m_undatedFamilies, m_undatedFamilies == 1 ? "y" : "ies"));
}

// ---------------------------------------------------------------- [SECTION] merging

static std::string dateText(const std::optional<Date>& d) { return d ? d->toString() : "none"; }

void Importer::merge() {
    Case& out = m_plan.result;
    out = m_in;
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < out.people.size(); ++i) at[out.people[i].id] = i;
    for (auto& np : m_people) {
        auto it = at.find(np.id);
        if (it == at.end()) {
            out.people.push_back(np);
            m_plan.changes.push_back({GedcomChange::Kind::AddPerson, np.id, np.gedcomId, {}});
            continue;
        }
        Person& p = out.people[it->second];
        std::vector<std::string> what;
        auto set = [&](auto& field, const auto& value, const std::string& name, const std::string& from, const std::string& to) {
            if (field == value) return;
            what.push_back(fmt::format("{}: {} -> {}", name, from, to));
            field = value;
        };
        auto joined = [](const std::vector<std::string>& v) {
            std::string s;
            for (auto& x : v) s += (s.empty() ? "" : ", ") + x;
            return s.empty() ? std::string("none") : s;
        };
        set(p.name, np.name, "name", "(the name before)", "(the name in the file)");   // names stay out of reports
        set(p.sex, np.sex, "sex", std::string(toString(p.sex)), std::string(toString(np.sex)));
        set(p.born, np.born, "born", dateText(p.born), dateText(np.born));
        if (np.died || p.died) set(p.died, np.died, "died", p.died ? (p.died->known() ? p.died->toString() : "unknown") : "none",
                                   np.died ? (np.died->known() ? np.died->toString() : "unknown") : "none");
        if (!np.parents.empty()) {
            set(p.parents, np.parents, "parents", joined(p.parents), joined(np.parents));
            set(p.parentage, np.parentage, "parentage", std::string(toString(p.parentage)), std::string(toString(np.parentage)));
        }
        if (!np.twin.empty()) {
            set(p.twin, np.twin, "twin", p.twin.empty() ? "none" : p.twin, np.twin);
            set(p.identicalTwin, np.identicalTwin, "identical_twin", p.identicalTwin ? "true" : "false", np.identicalTwin ? "true" : "false");
        }
        for (auto& a : np.aliases)
            if (std::find(p.aliases.begin(), p.aliases.end(), a) == p.aliases.end()) {
                p.aliases.push_back(a);
                what.push_back("an alias added");
            }
        if (!what.empty()) m_plan.changes.push_back({GedcomChange::Kind::ChangePerson, p.id, np.gedcomId, what});
    }
    for (auto& [fx, np] : m_partnerships) {
        auto it = std::find_if(out.partnerships.begin(), out.partnerships.end(), [&](const Partnership& q) {
            return (q.partners[0] == np.partners[0] && q.partners[1] == np.partners[1]) ||
                   (q.partners[0] == np.partners[1] && q.partners[1] == np.partners[0]);
        });
        std::string id = np.partners[0] + "+" + np.partners[1];
        if (it == out.partnerships.end()) {
            out.partnerships.push_back(np);
            m_plan.changes.push_back({GedcomChange::Kind::AddPartnership, id, fx, {}});
            continue;
        }
        std::vector<std::string> what;
        if (it->status != np.status) what.push_back(fmt::format("status: {} -> {}", toString(it->status), toString(np.status)));
        if (it->from != np.from) what.push_back(fmt::format("from: {} -> {}", dateText(it->from), dateText(np.from)));
        if (it->history != np.history) what.push_back("history updated");
        if (what.empty()) continue;
        it->status = np.status, it->from = np.from, it->history = np.history;
        m_plan.changes.push_back({GedcomChange::Kind::ChangePartnership, id, fx, what});
    }
}

}  // namespace genochron::gedcom_detail
