// Rows of the chronology table: palette, filters, and one table row per event.
// [SECTION] palette
// [SECTION] filters
// [SECTION] rows
#include "core/figures/chronology/chronology_rows.hpp"
#include "core/model/stages.hpp"

#include "core/figures/chronology/chronology_labels.hpp"
#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace genochron::chron {

// ---------------------------------------------------------------- [SECTION] palette

Palette paletteFor(Theme t) {
    Palette p;
    static_cast<table::Palette&>(p) = table::paletteFor(t);
    if (t == Theme::Print) {
        p.personalTint = Color::rgb(0xf2f2f2);
        p.personalMark = Color::rgb(0x000000);
        p.analysisFill = Color::rgb(0xe6e6e6);
        p.analysisText = Color::rgb(0x000000);
        p.moFill = Color::rgb(0xffffff);
        p.moText = Color::rgb(0x000000);
        p.moNote = Color::rgb(0x000000);
        return p;
    }
    p.personalTint = Color::rgb(0xfdf3dc);
    p.personalMark = Color::rgb(0xa8650f);
    p.analysisFill = Color::rgb(0xeaf0f6);
    p.analysisText = Color::rgb(0x1f3347);
    p.moFill = Color::rgb(0xb42318);
    p.moText = Color::rgb(0xffffff);
    p.moNote = Color::rgb(0x8f1d14);
    return p;
}

Styles stylesFor(const Palette& p, double u) {
    Styles s;
    s.body = {7.5 * u, FontWeight::Normal, false, p.text};
    s.bodyItalic = {7.5 * u, FontWeight::Normal, true, p.text};
    s.small = {6.5 * u, FontWeight::Normal, false, p.muted};
    s.smallItalic = {6.5 * u, FontWeight::Normal, true, p.muted};
    s.bold = {7.5 * u, FontWeight::Bold, false, p.text};
    s.analysis = {7.5 * u, FontWeight::Normal, false, p.analysisText};
    s.moNote = {7.5 * u, FontWeight::Bold, false, p.moNote};
    s.moText = {7.5 * u, FontWeight::Normal, false, p.moNote};
    s.badge = {7 * u, FontWeight::Bold, false, p.moText};
    s.tags = {6.5 * u, FontWeight::Normal, false, p.muted};
    s.subheading = {8 * u, FontWeight::Bold, false, p.bandText};
    return s;
}

// ---------------------------------------------------------------- [SECTION] filters

namespace {
std::string lower(std::string s) {
    for (auto& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}
}  // namespace

namespace {
// ASCII case-insensitive `needle` (already lower-case) in `hay`; enough for finding a word
// a chair types, without a copy per field.
bool containsFolded(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
    });
    return it != hay.end();
}
}  // namespace

bool Filter::keep(const Event& e) const {
    if (missedOnly && !e.isMissedOpportunity()) return false;
    if (!text.empty()) {
        bool found = containsFolded(e.id, text) || containsFolded(e.what, text) || containsFolded(e.action, text) ||
                     containsFolded(e.analysis, text) || containsFolded(e.missedOpportunity, text) ||
                     containsFolded(e.agency, text) || textAgencies.count(e.agency) ||
                     containsFolded(e.date.humanLabel(), text) || containsFolded(e.date.toString(), text);
        for (std::size_t i = 0; !found && i < e.tags.size(); ++i) found = containsFolded(e.tags[i], text);
        for (std::size_t i = 0; !found && i < e.people.size(); ++i)
            found = containsFolded(e.people[i], text) || textPeople.count(e.people[i]) > 0;
        if (!found) return false;
    }
    if (!tags.empty() && std::none_of(e.tags.begin(), e.tags.end(), [&](auto& t) { return tags.count(t) > 0; }))
        return false;
    if (!agencies.empty() && !agencies.count(e.agency) && !agencies.count(std::string(toString(e.source))))
        return false;
    if (!person.empty() && std::find(e.people.begin(), e.people.end(), person) == e.people.end()) return false;
    if ((from || to) && !e.date.known()) return false;
    if (from && from->known() && e.date.latestDay() < from->earliestDay()) return false;
    if (to && to->known() && e.date.earliestDay() > to->latestDay()) return false;
    return true;
}

// Checks the options against what the case holds; a filter naming nothing would
// silently show an empty table.
Filter makeFilter(const Case& c, const ViewOptions& opt) {
    Filter f;
    f.from = opt.from;
    f.to = opt.to;
    std::vector<std::string_view> agencyIds;
    for (auto& a : c.agencies) agencyIds.push_back(a.id);
    for (auto& a : opt.agencies) {
        bool ok = c.agency(a) || enumFromString<Source>(a);
        if (!ok) {
            auto n = nearest(a, agencyIds);
            throw GenochronError(fmt::format("--agency: no agency '{}' in the case{}", a,
                                             n ? fmt::format("; did you mean '{}'?", *n) : ""));
        }
        f.agencies.insert(a);
    }
    std::set<std::string> used;
    for (auto& e : c.events) used.insert(e.tags.begin(), e.tags.end());
    for (auto& t : opt.tags) {
        auto& known = knownEventTags();
        if (!used.count(t) && std::find(known.begin(), known.end(), t) == known.end()) {
            auto n = nearest(t, known);
            throw GenochronError(fmt::format("--tag: '{}' is not a tag{}", t, n ? fmt::format("; did you mean '{}'?", *n) : ""));
        }
        f.tags.insert(t);
    }
    if (!opt.person.empty()) {
        for (auto& p : c.people)
            if (p.id == opt.person || (!p.name.empty() && lower(p.name) == lower(opt.person)) ||
                (!p.pseudonym.empty() && lower(p.pseudonym) == lower(opt.person)))
                f.person = p.id;
        if (f.person.empty()) throw GenochronError(fmt::format("--person: no person '{}' in the case", opt.person));
    }
    f.missedOnly = opt.missedOnly;
    f.text = lower(opt.text);
    if (!f.text.empty()) {
        for (auto& p : c.people)
            if (containsFolded(p.name, f.text) || containsFolded(p.pseudonym, f.text)) f.textPeople.insert(p.id);
        for (auto& a : c.agencies)
            if (containsFolded(a.name, f.text)) f.textAgencies.insert(a.id);
    }
    return f;
}

std::string describeFilter(const Case& c, const Filter& f, const ViewOptions& opt) {
    std::vector<std::string> parts;
    if (!f.agencies.empty()) {
        std::string s;
        for (auto& a : opt.agencies) {
            const Agency* ag = c.agency(a);
            s += (s.empty() ? "" : ", ") + (ag ? ag->name : std::string(sourceLabel(*enumFromString<Source>(a))));
        }
        parts.push_back("sources: " + s);
    }
    if (!f.tags.empty()) {
        std::string s;
        for (auto& t : opt.tags) s += (s.empty() ? "" : ", ") + tagMeaning(t);
        parts.push_back("tagged: " + s);
    }
    if (!f.person.empty()) {
        const Person* p = c.person(f.person);
        parts.push_back("concerning " + (p && !p->name.empty() ? p->name : p && !p->pseudonym.empty() ? p->pseudonym : f.person));
    }
    if (f.from) parts.push_back("from " + f.from->humanLabel());
    if (f.to) parts.push_back("to " + f.to->humanLabel());
    if (f.missedOnly) parts.push_back("missed opportunities only");
    if (!f.text.empty()) parts.push_back("containing \u201c" + opt.text + "\u201d");
    std::string r;
    for (auto& p : parts) r += (r.empty() ? "" : "; ") + p;
    return r;
}

// ---------------------------------------------------------------- [SECTION] rows

std::vector<table::Column> columnsFor(double width, const Palette& pal) {
    // Relative widths tuned on A4 landscape; free text gets the room.
    const double weights[kColumns] = {62, 76, 84, 212, 148, 132, 56};
    const char* titles[kColumns] = {"Date", "Agency", "Source", "What happened", "Action taken", "Panel analysis", "Flags"};
    double total = 0;
    for (double w : weights) total += w;
    std::vector<table::Column> cols;
    for (int i = 0; i < kColumns; ++i) {
        table::Column c;
        c.title = titles[i];
        c.width = width * weights[i] / total;
        if (i == kAnalysis) c.fill = pal.analysisFill;
        cols.push_back(std::move(c));
    }
    return cols;
}

namespace {
Para para(std::string text, const TextStyle& s, double gap = 0) {
    Para p;
    p.text = std::move(text);
    p.style = s;
    p.gapBefore = gap;
    return p;
}
}  // namespace

table::Row eventRow(const Event& e, const RowContext& ctx) {
    const Case& c = ctx.c;
    const Styles& st = ctx.st;
    const double gap = 2.5 * ctx.u;
    const bool personal = isPersonalAccount(e.source);
    table::Row row;
    row.modelId = e.id;
    row.cells.resize(kColumns);

    auto& date = row.cells[kDate].paras;
    if (e.date.known()) date.push_back(para(e.date.humanLabel(), st.body));
    else date.push_back(para("Date unknown", st.bodyItalic));
    if (!e.time.empty()) date.push_back(para(e.time, st.body));
    if (e.end && e.end->known()) date.push_back(para("to " + e.end->humanLabel(), st.body));
    date.push_back(para(e.id, st.small, gap));

    auto& agency = row.cells[kAgency].paras;
    const Agency* ag = c.agency(e.agency);
    if (e.source == Source::AgencyRecord) {
        if (ag) agency.push_back(para(ag->name, st.body));
        else agency.push_back(para("Agency not recorded", st.smallItalic));
    } else {
        TextStyle s = personal ? st.bodyItalic : st.body;
        s.weight = FontWeight::Bold;
        agency.push_back(para(std::string(sourceLabel(e.source)), s));
        if (ag) agency.push_back(para("recorded by " + ag->name, st.smallItalic, 1 * ctx.u));
    }

    auto& source = row.cells[kSource].paras;
    if (personal) {
        // The marker glyph and italic carry the distinction in print, where tints are faint.
        TextStyle s = st.bodyItalic;
        source.push_back(para("\u25C6 " + (e.sourceRef.empty() ? std::string(sourceLabel(e.source)) : e.sourceRef), s));
    } else {
        source.push_back(para(e.sourceRef.empty() ? "\u2014" : e.sourceRef, e.sourceRef.empty() ? st.small : st.body));
    }

    auto& what = row.cells[kWhat].paras;
    what.push_back(para(e.what, personal ? st.bodyItalic : st.body));
    if (!e.people.empty()) {
        std::string names;
        for (auto& id : e.people) {
            const Person* p = c.person(id);
            std::string n = p ? (!p->name.empty() ? p->name : !p->pseudonym.empty() ? p->pseudonym : id) : id;
            names += (names.empty() ? "" : ", ") + n;
        }
        what.push_back(para("People: " + names, st.small, gap));
    }
    if (!e.disputedBy.empty()) {
        std::string who;
        for (auto& d : e.disputedBy) {
            const Agency* a = c.agency(d);
            const Person* p = c.person(d);
            auto src = enumFromString<Source>(d);
            who += (who.empty() ? "" : ", ") +
                   (a ? a->name : p ? (!p->name.empty() ? p->name : p->pseudonym) : src ? lower(std::string(sourceLabel(*src))) : d);
        }
        what.push_back(para("Disputed by " + who, st.smallItalic, gap));
    }

    auto& action = row.cells[kAction].paras;
    if (!e.action.empty()) action.push_back(para(e.action, st.body));
    if (!e.sharedWith.empty()) {
        std::string with;
        for (auto& s : e.sharedWith) {
            const Agency* a = c.agency(s);
            with += (with.empty() ? "" : ", ") + (a ? a->name : s);
        }
        action.push_back(para("Shared with " + with, st.small, action.empty() ? 0 : gap));
    }

    auto& analysis = row.cells[kAnalysis].paras;
    if (!e.analysis.empty()) analysis.push_back(para(e.analysis, st.analysis));
    auto mo = ctx.mo.find(e.id);
    if (mo != ctx.mo.end()) {
        analysis.push_back(para(fmt::format("Missed opportunity {}", mo->second), st.moNote, analysis.empty() ? 0 : gap));
        analysis.push_back(para(e.missedOpportunity, st.moText, 0.5 * ctx.u));
        row.leftBar = ctx.pal.moNote;
    }

    auto& flags = row.cells[kFlags].paras;
    if (mo != ctx.mo.end()) {
        Para b = para(fmt::format("MO{}", mo->second), st.badge);
        table::Badge badge;
        badge.fill = ctx.pal.moFill;
        if (ctx.pal.print) badge.stroke = Color::rgb(0x000000);
        badge.padX = 1.9 * ctx.u;
        badge.padY = 1.4 * ctx.u;
        badge.radius = 1.5 * ctx.u;
        badge.strokeWidth = 0.8 * ctx.u;
        b.badge = badge;
        flags.push_back(std::move(b));
    }
    if (e.risk) {
        TextStyle s = *e.risk == Risk::High ? st.bold : st.body;
        flags.push_back(para(fmt::format("DASH {}", toString(*e.risk)), s, flags.empty() ? 0 : 2 * ctx.u));
    }
    if (auto stage = stageOf(e))   // Monckton Smith's homicide timeline
        flags.push_back(para(fmt::format("Stage {}: {}", *stage, stageShortName(*stage)), st.bold, flags.empty() ? 0 : 2 * ctx.u));
    if (!e.publish) flags.push_back(para("Not for publication", st.smallItalic, flags.empty() ? 0 : 2 * ctx.u));
    if (!e.tags.empty()) {
        std::string t;
        for (auto& tag : e.tags) {
            t += (t.empty() ? "" : " \u00B7 ") + tagAbbreviation(tag);
            ctx.tagsUsed->insert(tag);
        }
        flags.push_back(para(t, st.tags, flags.empty() ? 0 : 2 * ctx.u));
    }
    if (personal) row.fill = ctx.pal.personalTint;
    // What a page carrying on a long entry repeats, muted, so it is clear whose entry it is.
    row.carry.resize(kColumns);
    row.carry[kDate].paras.push_back(para(e.date.known() ? e.date.humanLabel() : "Date unknown", st.smallItalic));
    row.carry[kDate].paras.push_back(para(e.id, st.small));
    row.carry[kAgency].paras.push_back(para(
        e.source == Source::AgencyRecord ? (ag ? ag->name : "") : std::string(sourceLabel(e.source)), st.smallItalic));
    return row;
}

table::Row subheading(std::string text, const Styles& st, const Palette& pal) {
    table::Row r;
    r.kind = table::Row::Kind::Band;
    r.fill = pal.bandFill;
    r.cells.push_back(Cell{{para(text, st.subheading)}});
    r.label = std::move(text);
    return r;
}

}  // namespace genochron::chron
