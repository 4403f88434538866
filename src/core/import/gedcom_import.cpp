// [SECTION] records: INDI and FAM read into plain structs, with their lines
// [SECTION] links: FAMC/FAMS against HUSB/WIFE/CHIL, reconciled and reported
// [SECTION] people: names, sex, dates, the family each child is drawn with, twins
// [SECTION] partnerships: MARR, ENGA, DIV (and separation) as status and history
// [SECTION] merging into the case: matching by gedcom_id, what is added or changed
#include "core/import/gedcom.hpp"

#include "core/model/validate.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <set>

namespace genochron {

namespace {

std::string lower(std::string s) {
    for (auto& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::string trim(std::string s) {
    auto sp = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
    while (!s.empty() && sp(s.back())) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && sp(s[i])) ++i;
    return s.substr(i);
}

bool contains(const std::string& hay, std::string_view needle) { return lower(hay).find(needle) != std::string::npos; }

// ---------------------------------------------------------------- [SECTION] records

struct ChildLink {
    std::string fam;
    std::optional<Parentage> pedi;   // as the link says (PEDI, _FREL/_MREL, ADOP)
    std::string pediText;            // as written, for the report
    int line = 0;
};

struct Indi {
    const GedcomNode* n = nullptr;
    std::string xref, name;
    std::vector<std::string> aliases;
    Sex sex = Sex::Unknown;
    std::optional<Date> born, died;
    std::vector<ChildLink> famc;   // from the INDI's FAMC lines
    std::vector<std::string> fams;
    std::vector<std::pair<std::string, bool>> twins;   // xref, identical
    std::string notes;
};

struct FamChild {
    std::string xref;
    std::optional<Parentage> pedi;
    std::string pediText;
    int line = 0;
};

struct Fam {
    const GedcomNode* n = nullptr;
    std::string xref, husb, wife;
    int husbLine = 0, wifeLine = 0;
    std::vector<FamChild> children;
};

class Importer {
public:
    Importer(const Case& c, const GedcomImportOptions& opt, GedcomPlan& plan)
        : m_in(c), m_opt(opt), m_plan(plan), m_d(plan.diagnostics) {}

    void run(const GedcomFile& f) {
        m_notesRecords.clear();
        for (auto& r : f.records)
            if ((r.tag == "NOTE" || r.tag == "SNOTE") && !r.xref.empty()) m_notesRecords[r.xref] = r.value;
        for (auto& r : f.records) {
            if (r.tag != "INDI" && r.tag != "FAM") continue;
            if (r.xref.empty()) {
                m_d.warning(Category::Validation, "gedcom-no-xref", {r.line, r.column},
                            fmt::format("a {} record with no @id@ cannot be linked to; it is left out", r.tag));
                continue;
            }
            auto dup = [&](auto& map) {
                if (auto it = map.find(r.xref); it != map.end()) {
                    m_d.error("gedcom-duplicate-id", {r.line, 1},
                              fmt::format("{} is defined twice (lines {} and {}); every record needs its own id", r.xref,
                                          it->second.n->line, r.line));
                    return true;
                }
                return false;
            };
            if (r.tag == "INDI") {
                if (!dup(m_indi)) m_indi[r.xref] = readIndi(r), m_indiOrder.push_back(r.xref);
            } else if (!dup(m_fam)) {
                m_fam[r.xref] = readFam(r), m_famOrder.push_back(r.xref);
            }
        }
        m_plan.individuals = int(m_indi.size());
        m_plan.families = int(m_fam.size());
        if (m_d.hasErrors()) return;
        reconcile();
        assignIds();
        buildPeople();
        buildPartnerships();
        merge();
    }

private:
    const Case& m_in;
    const GedcomImportOptions& m_opt;
    GedcomPlan& m_plan;
    Diagnostics& m_d;
    std::map<std::string, std::string> m_notesRecords;
    std::map<std::string, Indi> m_indi;
    std::map<std::string, Fam> m_fam;
    std::vector<std::string> m_indiOrder, m_famOrder;
    std::map<std::string, std::string> m_id;   // INDI xref -> case person id
    std::vector<Person> m_people;              // one per INDI, in file order
    std::vector<std::pair<std::string, Partnership>> m_partnerships;   // FAM xref -> partnership
    int m_undatedFamilies = 0;

    void dateWarning(const GedcomNode& at, const std::string& what, const std::string& value, const std::string& why,
                     const std::string& xref) {
        m_d.warning(Category::Validation, "gedcom-date", {at.line, at.column},
                    fmt::format("{}'s {} '{}' cannot be read: {}; imported without it", xref, what, value, why));
    }

    // The DATE under an event, as a case date; nullopt (with a warning) when it cannot be read.
    std::optional<Date> eventDate(const GedcomNode& ev, const std::string& what, const std::string& xref, bool* read = nullptr) {
        const GedcomNode* d = ev.child("DATE");
        if (read) *read = false;
        if (!d || trim(d->value).empty()) return std::nullopt;
        GedcomDate g = parseGedcomDate(d->value);
        if (!g.date) {
            dateWarning(*d, what, d->value, g.error, xref);
            return std::nullopt;
        }
        if (read) *read = true;
        if (!g.note.empty()) m_plan.notes.push_back(fmt::format("line {}: {}'s {} '{}': {}", d->line, xref, what, trim(d->value), g.note));
        return g.date;
    }

    static std::optional<Parentage> pediOf(const std::string& text, std::string* unknown) {
        std::string v = lower(trim(text));
        if (v.empty()) return std::nullopt;
        if (v == "birth" || v == "natural" || v == "biological" || v == "birth child") return Parentage::Biological;
        if (v.find("adopt") != std::string::npos) return Parentage::Adoptive;
        if (v.find("foster") != std::string::npos) return Parentage::Foster;
        if (v.find("step") != std::string::npos) return Parentage::Step;
        if (unknown) *unknown = text;
        return std::nullopt;
    }

    // PEDI (5.5.1 and 7.0, with 7.0's OTHER + PHRASE) under a FAMC.
    std::optional<Parentage> readPedi(const GedcomNode& famc, std::string& text) {
        const GedcomNode* p = famc.child("PEDI");
        if (!p) return std::nullopt;
        text = p->value;
        std::string v = lower(trim(p->value));
        if (v == "other" || v == "sealing") {
            if (auto* ph = p->child("PHRASE")) {
                text += " (" + ph->value + ")";
                std::string unknown;
                if (auto r = pediOf(ph->value, &unknown)) return r;
            }
            m_plan.notes.push_back(fmt::format("line {}: PEDI {} is read as a birth child", p->line, text));
            return Parentage::Biological;
        }
        std::string unknown;
        auto r = pediOf(p->value, &unknown);
        if (!r && !unknown.empty())
            m_plan.notes.push_back(fmt::format("line {}: PEDI '{}' is not known; read as a birth child", p->line, unknown));
        return r;
    }

    Indi readIndi(const GedcomNode& r) {
        Indi x;
        x.n = &r;
        x.xref = r.xref;
        bool first = true;
        for (auto* nm : r.all("NAME")) {
            std::string s = nm->value;
            if (trim(s).empty()) {
                std::string given, sur;
                if (auto* g = nm->child("GIVN")) given = g->value;
                if (auto* sn = nm->child("SURN")) sur = sn->value;
                s = given + " " + sur;
            }
            s.erase(std::remove(s.begin(), s.end(), '/'), s.end());
            std::string clean;
            for (char ch : s) {
                if ((ch == ' ' || ch == '\t' || ch == '\n') && (clean.empty() || clean.back() == ' ')) continue;
                clean += ch == '\t' || ch == '\n' ? ' ' : ch;
            }
            clean = trim(clean);
            if (clean.empty()) continue;
            if (first) x.name = clean, first = false;
            else if (std::find(x.aliases.begin(), x.aliases.end(), clean) == x.aliases.end()) x.aliases.push_back(clean);
            if (auto* nick = nm->child("NICK"); nick && !trim(nick->value).empty()) x.aliases.push_back(trim(nick->value));
        }
        if (x.name.empty()) x.name = "Unnamed " + x.xref;
        if (auto* s = r.child("SEX")) {
            std::string v = lower(trim(s->value));
            x.sex = v == "m" || v == "male" ? Sex::Male : v == "f" || v == "female" ? Sex::Female : v == "x" ? Sex::Other : Sex::Unknown;
        }
        // Birth: the first BIRT with a date that reads; else a baptism, as about then.
        for (auto* b : r.all("BIRT")) {
            if (auto d = eventDate(*b, "birth date", x.xref)) {
                x.born = d;
                break;
            }
        }
        if (!x.born && !r.child("BIRT")) {
            for (std::string_view tag : {"CHR", "BAPM"}) {
                if (auto* c = r.child(tag))
                    if (auto d = eventDate(*c, "baptism date", x.xref); d && d->kind() == Date::Kind::Point) {
                        x.born = Date::point(d->first(), true);
                        m_plan.notes.push_back(fmt::format("line {}: {} has no birth; born about their baptism ({})",
                                                           c->line, x.xref, d->humanLabel()));
                        break;
                    }
                if (x.born) break;
            }
        }
        if (auto* dt = r.child("DEAT")) {
            x.died = Date{};   // died, date not known
            for (auto* d : r.all("DEAT"))
                if (auto dd = eventDate(*d, "death date", x.xref)) {
                    x.died = dd;
                    break;
                }
            (void)dt;
        } else if (auto* bu = r.child("BURI")) {
            x.died = Date{};
            if (auto d = eventDate(*bu, "burial date", x.xref)) {
                x.died = d->kind() == Date::Kind::Point ? Date::point(d->first(), true) : *d;
                m_plan.notes.push_back(fmt::format("line {}: {} has no death; died about their burial ({})", bu->line,
                                                   x.xref, d->humanLabel()));
            }
        }
        for (auto* fc : r.all("FAMC")) {
            ChildLink l;
            l.fam = trim(fc->value);
            l.line = fc->line;
            l.pedi = readPedi(*fc, l.pediText);
            x.famc.push_back(l);
        }
        // An adoption event names the family that adopted.
        for (auto* ad : r.all("ADOP")) {
            auto* fc = ad->child("FAMC");
            if (!fc) continue;
            std::string fam = trim(fc->value);
            bool found = false;
            for (auto& l : x.famc)
                if (l.fam == fam) l.pedi = Parentage::Adoptive, l.pediText = "ADOP", found = true;
            if (!found) x.famc.push_back({fam, Parentage::Adoptive, "ADOP", fc->line});
        }
        for (auto* fs : r.all("FAMS")) x.fams.push_back(trim(fs->value));
        // Twins: ASSO @I@ with RELA (5.5.1) or ROLE/PHRASE (7.0) saying twin; or a _TWIN @I@.
        for (auto& c : r.children) {
            if (c.tag == "_TWIN" || c.tag == "_TWINS") {
                x.twins.push_back({trim(c.value), false});
                continue;
            }
            if (c.tag != "ASSO") continue;
            std::string rel;
            for (auto& s : c.children) {
                rel += " " + s.value;
                for (auto& ss : s.children) rel += " " + ss.value;
            }
            if (contains(rel, "twin"))
                x.twins.push_back({trim(c.value), contains(rel, "identical") || contains(rel, "monozyg")});
        }
        for (auto& c : r.children) {
            if (c.tag != "NOTE" && c.tag != "SNOTE") continue;
            std::string text = c.value;
            if (text.size() > 2 && text.front() == '@' && text.back() == '@') {
                auto it = m_notesRecords.find(text);
                text = it != m_notesRecords.end() ? it->second : "";
            }
            text = trim(text);
            if (!text.empty()) x.notes += (x.notes.empty() ? "" : "\n") + text;
        }
        return x;
    }

    Fam readFam(const GedcomNode& r) {
        Fam f;
        f.n = &r;
        f.xref = r.xref;
        for (auto& c : r.children) {
            if (c.tag == "HUSB" || c.tag == "WIFE") {
                std::string& slot = c.tag == "HUSB" ? f.husb : f.wife;
                if (!slot.empty()) {
                    m_d.warning(Category::Validation, "gedcom-two-partners", {c.line, c.column},
                                fmt::format("{} has a second {} ({}); only the first ({}) is read", f.xref, c.tag,
                                            trim(c.value), slot));
                    continue;
                }
                slot = trim(c.value);
                (c.tag == "HUSB" ? f.husbLine : f.wifeLine) = c.line;
            } else if (c.tag == "CHIL") {
                FamChild ch;
                ch.xref = trim(c.value);
                ch.line = c.line;
                // Family Tree Maker / Ancestry: _FREL and _MREL, the child's relation to each parent.
                std::optional<Parentage> fr, mr;
                std::string frt, mrt;
                if (auto* x = c.child("_FREL")) fr = pediOf(x->value, nullptr), frt = x->value;
                if (auto* x = c.child("_MREL")) mr = pediOf(x->value, nullptr), mrt = x->value;
                if (auto* x = c.child("PEDI")) fr = mr = pediOf(x->value, nullptr), frt = mrt = x->value;
                if (fr || mr) {
                    Parentage a = fr.value_or(Parentage::Biological), b = mr.value_or(Parentage::Biological);
                    ch.pedi = a != Parentage::Biological ? a : b;
                    ch.pediText = frt == mrt ? frt : fmt::format("father {}, mother {}", frt.empty() ? "-" : frt, mrt.empty() ? "-" : mrt);
                    if (a != b && a != Parentage::Biological && b != Parentage::Biological)
                        m_plan.notes.push_back(fmt::format("line {}: {} is {} to the father and {} to the mother of {}; "
                                                           "the case holds one parentage: {}",
                                                           c.line, ch.xref, frt, mrt, f.xref, toString(*ch.pedi)));
                }
                if (std::none_of(f.children.begin(), f.children.end(), [&](auto& o) { return o.xref == ch.xref; }))
                    f.children.push_back(ch);
            }
        }
        return f;
    }

    // ---------------------------------------------------------------- [SECTION] links

    void reconcile() {
        auto& rec = m_plan.reconciled;
        // Pointers to records that do not exist are dropped.
        for (auto& [xr, f] : m_fam) {
            for (std::string* slot : {&f.husb, &f.wife})
                if (!slot->empty() && !m_indi.count(*slot)) {
                    m_d.warning(Category::Validation, "gedcom-missing-record", {slot == &f.husb ? f.husbLine : f.wifeLine, 1},
                                fmt::format("{} names {} as a partner, but there is no such person; left out", xr, *slot));
                    slot->clear();
                }
            std::erase_if(f.children, [&](const FamChild& c) {
                if (m_indi.count(c.xref)) return false;
                m_d.warning(Category::Validation, "gedcom-missing-record", {c.line, 1},
                            fmt::format("{} names {} as a child, but there is no such person; left out", xr, c.xref));
                return true;
            });
        }
        for (auto& xr : m_indiOrder) {
            Indi& p = m_indi[xr];
            std::erase_if(p.famc, [&](const ChildLink& l) {
                if (m_fam.count(l.fam)) return false;
                m_d.warning(Category::Validation, "gedcom-missing-record", {l.line, 1},
                            fmt::format("{} is a child of {} (FAMC), but there is no such family; left out", xr, l.fam));
                return true;
            });
            std::erase_if(p.fams, [&](const std::string& fam) {
                if (m_fam.count(fam)) return false;
                m_d.warning(Category::Validation, "gedcom-missing-record", {p.n->line, 1},
                            fmt::format("{} is a partner in {} (FAMS), but there is no such family; left out", xr, fam));
                return true;
            });
        }
        // Spouses: a FAMS the family does not name fills a free HUSB/WIFE; a HUSB/WIFE with no
        // FAMS is kept (the family's record is the link).
        for (auto& xr : m_indiOrder) {
            Indi& p = m_indi[xr];
            for (auto& fam : p.fams) {
                Fam& f = m_fam[fam];
                if (f.husb == xr || f.wife == xr) continue;
                bool asHusb = f.husb.empty() && (p.sex != Sex::Female || !f.wife.empty());
                bool asWife = !asHusb && f.wife.empty();
                if (asHusb || asWife) {
                    (asHusb ? f.husb : f.wife) = xr;
                    rec.push_back(fmt::format("{} says it is a partner in {} (FAMS) but {} does not name it: taken as its {}", xr,
                                              fam, fam, asHusb ? "HUSB" : "WIFE"));
                } else {
                    rec.push_back(fmt::format("{} says it is a partner in {} (FAMS) but {} already has HUSB {} and WIFE {}: "
                                              "the FAMS is not followed",
                                              xr, fam, fam, f.husb, f.wife));
                }
            }
        }
        for (auto& fx : m_famOrder) {
            Fam& f = m_fam[fx];
            for (const std::string* slot : {&f.husb, &f.wife}) {
                if (slot->empty()) continue;
                Indi& p = m_indi[*slot];
                if (std::find(p.fams.begin(), p.fams.end(), fx) == p.fams.end())
                    rec.push_back(fmt::format("{} names {} as its {} but {} has no FAMS {}: kept", fx, *slot,
                                              slot == &f.husb ? "HUSB" : "WIFE", *slot, fx));
            }
            if (!f.husb.empty() && f.husb == f.wife) {
                rec.push_back(fmt::format("{} names {} as both partners: read as one partner", fx, f.husb));
                f.wife.clear();
            }
        }
        // Children: the union of CHIL and FAMC, each direction's missing half reported.
        for (auto& fx : m_famOrder) {
            Fam& f = m_fam[fx];
            for (auto& c : f.children) {
                Indi& p = m_indi[c.xref];
                auto it = std::find_if(p.famc.begin(), p.famc.end(), [&](auto& l) { return l.fam == fx; });
                if (it == p.famc.end()) {
                    rec.push_back(fmt::format("{} names {} as a child (CHIL) but {} has no FAMC {}: kept", fx, c.xref, c.xref, fx));
                    p.famc.push_back({fx, c.pedi, c.pediText, c.line});
                } else if (!it->pedi && c.pedi) {
                    it->pedi = c.pedi, it->pediText = c.pediText;
                }
            }
        }
        for (auto& xr : m_indiOrder) {
            Indi& p = m_indi[xr];
            for (auto& l : p.famc) {
                Fam& f = m_fam[l.fam];
                if (std::none_of(f.children.begin(), f.children.end(), [&](auto& c) { return c.xref == xr; })) {
                    rec.push_back(fmt::format("{} says it is a child of {} (FAMC) but {} has no CHIL {}: kept", xr, l.fam, l.fam, xr));
                    f.children.push_back({xr, l.pedi, l.pediText, l.line});
                }
            }
            // A child of the family it is a partner in: the child link cannot be right.
            std::erase_if(p.famc, [&](const ChildLink& l) {
                const Fam& f = m_fam[l.fam];
                if (f.husb != xr && f.wife != xr) return false;
                rec.push_back(fmt::format("{} is both a partner in and a child of {}: the child link is not followed", xr, l.fam));
                return true;
            });
        }
    }

    // ---------------------------------------------------------------- [SECTION] people

    static std::string idFromXref(const std::string& xref) {
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

    void assignIds() {
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

    static int pediRank(std::optional<Parentage> p) {
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

    std::vector<std::string> parentIds(const Fam& f) {
        std::vector<std::string> out;
        if (!f.husb.empty()) out.push_back(m_id.at(f.husb));
        if (!f.wife.empty()) out.push_back(m_id.at(f.wife));
        return out;
    }

    void buildPeople() {
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

    void buildPartnerships() {
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

    void merge() {
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
};

}  // namespace

Case newGedcomCase() {
    Case c;
    c.info.title = "Family history (imported from GEDCOM)";
    return c;
}

GedcomPlan planGedcomImport(const Case& c, std::string_view bytes, const GedcomImportOptions& opt) {
    GedcomPlan plan;
    plan.result = c;
    GedcomFile f = parseGedcom(bytes, opt.displayName);
    plan.version = f.version;
    plan.encoding = f.encoding;
    plan.notes = f.notes;
    plan.diagnostics = std::move(f.diagnostics);
    if (plan.diagnostics.hasErrors()) return plan;
    if (!f.version.empty() && f.version.rfind("5.5", 0) != 0 && f.version.rfind("7.", 0) != 0)
        plan.notes.push_back(fmt::format("GEDCOM {} is read as 5.5.1", f.version));
    Importer imp(c, opt, plan);
    imp.run(f);
    if (plan.ok()) {
        // The tree must make a valid case (a record that is its own ancestor does not).
        Diagnostics v(opt.displayName);
        validateCase(plan.result, v);
        for (auto& d : v.items())
            if (d.severity == Severity::Error) {
                std::string who = d.id;
                for (auto& p : plan.result.people)
                    if (p.id == d.id && !p.gedcomId.empty()) who = p.gedcomId;
                plan.diagnostics.error("gedcom-" + d.code, {}, fmt::format("after the import: {} ({})", d.message, who), d.id);
            }
    }
    if (!plan.ok()) plan.result = c, plan.changes.clear();
    return plan;
}

}  // namespace genochron
