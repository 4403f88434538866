// genochron render CASE --view V -o OUT.{png,svg,pdf}: one figure; the format follows the extension.
#include "cli/command.hpp"
#include "cli/day_arg.hpp"
#include "cli/person_arg.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/publish/figure_export.hpp"
#include "core/anonymise/as_of_view.hpp"
#include "core/model/as_of.hpp"
#include "core/model/diagnostics.hpp"
#include "core/figures/views.hpp"

#include <algorithm>
#include <iostream>
#include <optional>

namespace genochron::cli {

namespace {

struct RenderArgs {
    std::string path, out, view = "genogram", page = "fit", theme = "colour", person, title, from, to, asOf;
    bool anonymise = false, landscape = false, portrait = false, noLegend = false, stages = false;
    double dpi = 300;
    int depth = 2;
    std::vector<std::string> tags, agencies;
};

std::optional<Date> dateArg(const std::string& s, const char* flag) {
    if (s.empty()) return std::nullopt;
    auto r = parseDate(s);
    if (!r.date) throw GenochronError(std::string(flag) + ": " + r.error);
    return r.date;
}

// How large page 0 of `doc` prints on `page` (1 = full size).
double printScale(const Document& doc, const PageSpec& page) {
    if (doc.pages.empty()) return 1;
    const Scene& s = doc.pages[0];
    auto [w, h] = page.pagePt(s);
    if (s.widthPt <= 0 || s.heightPt <= 0) return 1;
    return std::min({1.0, (w - 2 * page.marginPt) / s.widthPt, (h - 2 * page.marginPt) / s.heightPt});
}

int run(const RenderArgs& a) {
    auto kind = viewFromString(a.view);
    if (!kind) throw GenochronError("--view must be genogram, timeline, chronology, actions or knowledge, not '" + a.view + "'");
    (void)formatForPath(a.out);   // refuse a bad extension before any work
    const std::optional<Date> asOf = dateArg(a.asOf, "--as-of");
    if (asOf && *kind != ViewKind::Genogram && *kind != ViewKind::Actions)
        throw GenochronError("--as-of draws the genogram as it was on a date, or the action plan's position on a day: use it with --view genogram or actions");
    if (asOf && !asOf->known()) throw GenochronError("--as-of: give a date, e.g. 2017-05 or 2017-05-20");
    auto c = loadForCommand(a.path);
    if (!c) return kExitInvalid;
    ViewOptions vo;
    vo.theme = a.theme == "print" ? Theme::Print : Theme::Colour;
    vo.page.size = a.page == "a4" ? PageSpec::Size::A4 : a.page == "a3" ? PageSpec::Size::A3 : PageSpec::Size::Fit;
    vo.page.landscape = a.landscape;
    vo.title = a.title;
    vo.person = a.person;
    vo.depth = a.depth;
    vo.tags = a.tags;
    vo.agencies = a.agencies;
    vo.from = dateArg(a.from, "--from");
    vo.to = dateArg(a.to, "--to");
    vo.legend = !a.noLegend;
    vo.stages = a.stages;
    // --as-of: the family as it was (genogram), or the day overdue is counted at (actions).
    if (asOf && *kind == ViewKind::Actions) vo.todayDays = dayArg(a.asOf, "--as-of");
    const std::optional<Date> familyAsOf = *kind == ViewKind::Genogram ? asOf : std::nullopt;
    PaintOptions po;
    po.page = vo.page;
    po.dpi = a.dpi;
    if (a.landscape && a.portrait) throw GenochronError("--landscape and --portrait: give one or neither");
    std::optional<AnonymisedCase> anon;
    std::optional<Case> named;   // the case as of --as-of (the real one otherwise)
    std::optional<Date> shownAt = familyAsOf;
    if (a.anonymise) {
        if (familyAsOf) {
            AnonymisedAsOf r = anonymiseAsOf(*c, *familyAsOf);   // cut on the published dates
            anon = std::move(r.anon);
            shownAt = r.at;
        } else {
            anon = anonymise(*c);
        }
        vo.person = publishedPersonId(a.person, *c, *anon);   // "adam" -> "p3"
    } else if (familyAsOf) {
        named = caseAsOf(*c, *familyAsOf);
    }
    vo.asOf = shownAt;
    if (shownAt && vo.title.empty()) {
        const std::string& t = anon ? anon->data().info.title : c->info.title;
        vo.title = (t.empty() ? std::string("Genogram") : t) + ", " + asOfLabel(*shownAt);
    }
    auto build = [&](const ViewOptions& o) {
        return anon ? buildView(*anon, *kind, o) : buildView(ViewCase::named(named ? *named : *c), *kind, o);
    };
    Document doc;
    if (vo.page.size != PageSpec::Size::Fit && !a.landscape && !a.portrait) {
        // No orientation asked for: tables and the timeline read along a time axis, so
        // landscape; a genogram goes the way that prints it larger (portrait on a tie).
        vo.page.landscape = true;
        if (*kind == ViewKind::Genogram) {
            Document wide = build(vo);
            ViewOptions tall = vo;
            tall.page.landscape = false;
            doc = build(tall);
            if (printScale(wide, vo.page) > printScale(doc, tall.page) + 1e-6) doc = std::move(wide);
            else vo.page.landscape = false;
        } else {
            doc = build(vo);
        }
    } else {
        doc = build(vo);
    }
    po.page = vo.page;
    // Anonymised: audited against the real case before anything is written (figure_export.hpp).
    const std::string note = exportFigure(doc, *c, a.out, po);
    if (!note.empty()) std::cerr << a.out << ": note: " << note << "\n";
    std::cerr << "wrote " << a.out << "\n";
    return kExitOk;
}

Register reg("render", "Draw one figure (genogram, timeline, chronology, actions, knowledge) as PNG, SVG or PDF",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<RenderArgs>();
                 app.add_option("CASE", a->path, "Case file (.yaml)")->required();
                 app.add_option("--view", a->view, "genogram | timeline | chronology | actions | knowledge")
                     ->check(CLI::IsMember({"genogram", "timeline", "chronology", "actions", "knowledge"}))
                     ->capture_default_str();
                 app.add_option("-o,--output", a->out, "Output file: .png, .svg or .pdf")->required();
                 app.add_flag("--anonymise,--anonymize", a->anonymise, "Publishable figure: pseudonyms, no date of death, ...");
                 app.add_option("--dpi", a->dpi, "PNG resolution")->check(CLI::Range(36.0, 1200.0))->capture_default_str();
                 app.add_option("--page", a->page, "a4 | a3 | fit")->check(CLI::IsMember({"a4", "a3", "fit"}))->capture_default_str();
                 app.add_flag("--landscape", a->landscape, "Landscape page (with --page a4|a3; by default the timeline and tables are landscape, a genogram the way it prints larger)");
                 app.add_flag("--portrait", a->portrait, "Portrait page (with --page a4|a3)");
                 app.add_option("--theme", a->theme, "colour | print (greyscale)")
                     ->check(CLI::IsMember({"colour", "color", "print"}))->capture_default_str();
                 app.add_option("--title", a->title, "Figure title");
                 app.add_option("--person", a->person, "Genogram: centre on this person; timeline: their events (the id in the case file; with --anonymise the published id works too)");
                 app.add_option("--depth", a->depth, "Genogram: steps of family around --person")->check(CLI::Range(1, 10))->capture_default_str();
                 app.add_option("--tag", a->tags, "Timeline/chronology: only events with this tag (repeatable)");
                 app.add_option("--agency", a->agencies, "Timeline/chronology: only this agency (repeatable)");
                 app.add_option("--from", a->from, "Timeline/chronology: from this date");
                 app.add_option("--to", a->to, "Timeline/chronology: up to this date");
                 app.add_flag("--no-legend", a->noLegend, "Leave the legend out");
                 app.add_option("--as-of", a->asOf, "Genogram: the family as it was on this date (who was born, partnerships and households then, ages then). Actions: the plan's position (what is overdue) on this day (YYYY-MM-DD), not today");
                 app.add_flag("--stages", a->stages, "Timeline: Monckton Smith's eight homicide timeline stages as bands (events' 'stage: 1..8')");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
