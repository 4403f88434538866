// Timeline benchmark: 20,000 generated events across 12 agencies over 8 years, built and
// painted to PNG and to PDF. Target: under 2 s each (median of 3).
// Usage: bench_timeline [OUT_DIR] [--dpi N]   (default /tmp, 300 dpi as the CLI's default)
#include "core/paint/cairo_painter.hpp"
#include "core/figures/views.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

using namespace genochron;

namespace {

// A small deterministic generator: the same case every run.
struct Lcg {
    std::uint64_t s = 0x9E3779B97F4A7C15ull;
    std::uint32_t next() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return std::uint32_t(s >> 33);
    }
    int below(int n) { return int(next() % std::uint32_t(n)); }
    bool chance(double p) { return next() < p * 4294967296.0 / 2; }   // next() is 31 bits
};

Case generate(int events, int agencies, int years) {
    Case c;
    c.info.title = "Benchmark: generated case";
    c.info.partnership = "Generated Community Safety Partnership";
    const long start = daysFromCivil(2013, 1, 1), span = long(years) * 365;
    c.info.scopeFrom = Date::fromDays(start);
    c.info.scopeTo = Date::fromDays(start + span - 1);
    c.info.referenceDate = Date::fromDays(start + span - 1);
    const AgencyKind kinds[] = {AgencyKind::Police, AgencyKind::Health, AgencyKind::Health, AgencyKind::MentalHealth,
                                AgencyKind::SubstanceMisuse, AgencyKind::Ambulance, AgencyKind::ChildrensSocialCare,
                                AgencyKind::Education, AgencyKind::Housing, AgencyKind::Probation, AgencyKind::Idva,
                                AgencyKind::Marac};
    for (int a = 0; a < agencies; ++a)
        c.agencies.push_back({"a" + std::to_string(a), "Generated agency " + std::to_string(a + 1),
                              kinds[a % 12], {}});
    c.people.push_back(Person{});
    c.people.back().id = "v";
    c.people.back().name = "Victim";
    c.people.back().roles = {Role::Victim};
    Lcg r;
    const Source side[] = {Source::Family, Source::Friend, Source::Colleague, Source::Victim, Source::Perpetrator};
    const char* words[] = {"attended", "called", "reported", "visited", "assessed", "referred", "noted", "phoned"};
    c.events.reserve(std::size_t(events));
    for (int i = 0; i < events; ++i) {
        Event e;
        e.id = "e" + std::to_string(i + 1);
        long day = start + r.below(int(span));
        CalendarDate cd = civilFromDays(day);
        int form = r.below(100);
        if (form < 75) e.date = Date::fromDays(day);
        else if (form < 87) e.date = Date::point({cd.year, cd.month, 0});
        else if (form < 92) e.date = Date::range(cd, civilFromDays(day + 3 + r.below(40)));
        else if (form < 95) e.date = Date::point(cd, true);
        else if (form < 96) e.date = Date::before(cd);
        else if (form < 97) e.date = Date::after(cd);
        else if (form < 98) { e.date = Date::fromDays(day); e.end = Date::fromDays(day + 5 + r.below(60)); }
        else if (form < 99) e.date = Date::point({cd.year, 0, 0});
        else e.date = Date();
        if (r.chance(0.86)) {
            e.agency = "a" + std::to_string(r.below(agencies));
        } else {
            e.source = side[r.below(5)];
        }
        e.people = {"v"};
        e.what = std::string("Generated event ") + std::to_string(i + 1) + ": someone " + words[r.below(8)] +
                 " and it was recorded in some detail for the review.";
        if (r.chance(0.02)) e.missedOpportunity = "A generated missed opportunity";
        if (r.chance(0.05)) e.risk = Risk(r.below(3));
        if (r.chance(0.05)) e.tags.push_back("referral");
        if (r.chance(0.01)) e.tags.push_back("marac");
        if (r.chance(0.03)) e.tags.push_back("information_not_shared");
        if (r.chance(0.10)) e.sharedWith.push_back("a" + std::to_string(r.below(agencies)));
        c.events.push_back(std::move(e));
    }
    return c;
}

// Process CPU time: on a shared machine wall time also counts other people's builds.
double cpuSeconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = "/tmp";
    double dpi = 300;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--dpi" && i + 1 < argc) dpi = std::stod(argv[++i]);
        else dir = a;
    }
    const Case c = generate(20000, 12, 8);
    ViewOptions opt;
    opt.todayDays = daysFromCivil(2024, 1, 1);
    std::size_t items = 0;
    for (const char* ext : {"png", "pdf"}) {
        std::vector<double> wall, cpu, build;
        for (int run = 0; run < 3; ++run) {
            auto t0 = std::chrono::steady_clock::now();
            double c0 = cpuSeconds();
            Document doc = buildView(ViewCase::named(c), ViewKind::Timeline, opt);
            double c1 = cpuSeconds();
            PaintOptions po;
            po.dpi = dpi;
            paintToFile(doc, dir + "/bench_timeline." + ext, po);
            auto t2 = std::chrono::steady_clock::now();
            build.push_back(c1 - c0);
            cpu.push_back(cpuSeconds() - c0);
            wall.push_back(std::chrono::duration<double>(t2 - t0).count());
            items = doc.pages[0].items.size();
        }
        std::string what = ext == std::string("png") ? std::to_string(int(dpi)) + " dpi" : "vector";
        std::printf("20000 events -> %s (%s): build %.3f s; build+paint %.3f s CPU, %.3f s wall; median of 3; "
                    "%zu scene items%s\n",
                    ext, what.c_str(), median(build), median(cpu), median(wall), items,
                    median(cpu) < 2.0 ? "" : "  (over the 2 s target)");
    }
    // Where PNG time goes: rasterising alone (no PNG encoding) at the same resolution.
    {
        Document doc = buildView(ViewCase::named(c), ViewKind::Timeline, opt);
        double c0 = cpuSeconds();
        Pixels px = paintToPixels(doc.pages[0], dpi / 72.0);
        std::printf("raster only at %d dpi (%dx%d px): %.3f s CPU; the rest of PNG time is encoding\n", int(dpi),
                    px.width, px.height, cpuSeconds() - c0);
    }
    return 0;
}
