// Reading a GEDCOM family tree into a case. (People, partnerships and merging: gedcom_people.cpp.)
// [SECTION] records: INDI and FAM read into plain structs, with their lines
// [SECTION] links: FAMC/FAMS against HUSB/WIFE/CHIL, reconciled and reported
// [SECTION] the import: parse, import, validate
#include "core/import/detail/gedcom_importer.hpp"

#include "core/model/validate.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <set>

namespace genochron::gedcom_detail {

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

void Importer::run(const GedcomFile& f) {
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

void Importer::dateWarning(const GedcomNode& at, const std::string& what, const std::string& value, const std::string& why, const std::string& xref) {
    m_d.warning(Category::Validation, "gedcom-date", {at.line, at.column},
                fmt::format("{}'s {} '{}' cannot be read: {}; imported without it", xref, what, value, why));
}

std::optional<Date> Importer::eventDate(const GedcomNode& ev, const std::string& what, const std::string& xref, bool* read) {
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

std::optional<Parentage> Importer::pediOf(const std::string& text, std::string* unknown) {
    std::string v = lower(trim(text));
    if (v.empty()) return std::nullopt;
    if (v == "birth" || v == "natural" || v == "biological" || v == "birth child") return Parentage::Biological;
    if (v.find("adopt") != std::string::npos) return Parentage::Adoptive;
    if (v.find("foster") != std::string::npos) return Parentage::Foster;
    if (v.find("step") != std::string::npos) return Parentage::Step;
    if (unknown) *unknown = text;
    return std::nullopt;
}

std::optional<Parentage> Importer::readPedi(const GedcomNode& famc, std::string& text) {
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

Indi Importer::readIndi(const GedcomNode& r) {
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

Fam Importer::readFam(const GedcomNode& r) {
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

void Importer::reconcile() {
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

}  // namespace genochron::gedcom_detail

namespace genochron {

using gedcom_detail::Importer;

// ---------------------------------------------------------------- [SECTION] the import

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
