// Benchmark: importing a generated 5,000-row agency chronology (parse + plan, merge,
// save; then the same sheet again, all duplicates), and the chronology table of
// 20,000 events to PDF. Run: bench_import [rows] [events] [out-dir]
#include "core/io/atomic_file.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/io/case_io.hpp"
#include "core/import/chronology_csv.hpp"
#include "core/figures/views.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <string>

using namespace genochron;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// CPU time of this process: the machine may be shared, so wall time alone misleads.
double cpuMs() { return 1000.0 * double(std::clock()) / CLOCKS_PER_SEC; }

// Deterministic filler text: varied lengths, so rows wrap to 1-12 lines.
std::string sentence(unsigned seed, int words) {
    static const char* kWords[] = {"officers", "attended", "the", "address", "after", "a", "call", "from", "neighbour",
                                   "reporting", "shouting", "and", "she", "said", "he", "had", "taken", "her", "phone",
                                   "keys", "children", "were", "present", "referral", "made", "to", "services", "risk",
                                   "assessment", "completed", "graded", "medium", "advice", "given", "about", "support"};
    std::string s;
    for (int i = 0; i < words; ++i) {
        seed = seed * 1103515245u + 12345u;
        s += (i ? " " : "") + std::string(kWords[(seed >> 16) % std::size(kWords)]);
    }
    return s + ".";
}

std::string generateSheet(int rows) {
    std::string csv = "Start Date,Time,Source of Information,Event Details,Action Taken,Comment,People,Tags,DASH\r\n";
    for (int i = 0; i < rows; ++i) {
        CalendarDate d = civilFromDays(daysFromCivil(2012, 1, 1) + i % 3300);
        std::string date = fmt::format("{}{:02}/{:02}/{}", i % 97 == 0 ? "?" : "", d.day, d.month, d.year);
        std::string what = sentence(unsigned(i) * 7u + 1u, 12 + i % 60) + fmt::format(" (entry {})", i);
        csv += fmt::format("{},{:02}:{:02},Police IMR {}.{},\"{}\",\"{}\",\"{}\",{},{},{}\r\n", date, i % 24, i % 60,
                           i / 100, i % 100, what, sentence(unsigned(i) * 3u, 6 + i % 20),
                           i % 4 == 0 ? sentence(unsigned(i), 10 + i % 30) : "", i % 3 ? "Nicole; Adam" : "Nic",
                           i % 5 ? "incident" : "incident; physical_abuse", i % 7 == 0 ? "medium" : "");
    }
    return csv;
}

}  // namespace

int main(int argc, char** argv) {
    int rows = argc > 1 ? std::atoi(argv[1]) : 5000;
    int events = argc > 2 ? std::atoi(argv[2]) : 20000;
    std::filesystem::path dir = argc > 3 ? argv[3] : std::filesystem::temp_directory_path() / "genochron-bench-import";
    std::filesystem::create_directories(dir);
    auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_ASSETS_DIR) + "/../samples/ashford-dhr.yaml");
    if (!res.ok()) {
        std::fprintf(stderr, "cannot load the sample case\n");
        return 1;
    }
    Case c = *res.model;
    std::string csv = generateSheet(rows);
    std::string csvPath = (dir / "sheet.csv").string(), casePath = (dir / "case.yaml").string();
    writeFileAtomic(csvPath, csv);

    ChronologyImportOptions opt;
    opt.agency = "police";
    double c0 = cpuMs();
    auto t0 = Clock::now();
    ImportPlan plan = planChronologyImport(c, readFile(csvPath), csvPath, opt);
    double tPlan = msSince(t0);
    if (!plan.ok()) {
        for (auto& d : plan.diagnostics.items()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
        return 1;
    }
    t0 = Clock::now();
    applyImportPlan(c, plan);
    double tMerge = msSince(t0);
    t0 = Clock::now();
    saveCaseFile(c, casePath);
    double tSave = msSince(t0);
    double cImport = cpuMs() - c0;
    t0 = Clock::now();
    ImportPlan again = planChronologyImport(c, readFile(csvPath), csvPath, opt);
    double tAgain = msSince(t0);
    std::printf("import %d rows (%.1f MB): parse+plan %.0f ms, merge %.1f ms, save %.0f ms, total %.0f ms wall "
                "(%.0f ms CPU); re-import (all %d duplicates) %.0f ms\n",
                rows, double(csv.size()) / 1e6, tPlan, tMerge, tSave, tPlan + tMerge + tSave, cImport, again.duplicates,
                tAgain);

    // Chronology table of `events` events to PDF.
    Case big = *res.model;
    big.events.clear();
    for (int i = 0; i < events; ++i) {
        Event e;
        e.id = fmt::format("e{:05}", i + 1);
        e.date = Date::fromDays(daysFromCivil(2000, 1, 1) + i / 2);
        e.agency = big.agencies[std::size_t(i) % big.agencies.size()].id;
        e.sourceRef = fmt::format("IMR {}.{}", i / 50, i % 50);
        e.what = sentence(unsigned(i) * 11u + 5u, 10 + i % 70);
        e.action = sentence(unsigned(i) * 13u, 4 + i % 25);
        if (i % 3 == 0) e.analysis = sentence(unsigned(i) * 17u, 8 + i % 40);
        if (i % 9 == 0) e.source = Source::Family;
        if (i % 50 == 0) e.missedOpportunity = "Referral not made";
        e.tags = {"incident"};
        big.events.push_back(std::move(e));
    }
    c0 = cpuMs();
    t0 = Clock::now();
    Document doc = buildView(ViewCase::named(big), ViewKind::Chronology, ViewOptions{});
    double tLayout = msSince(t0), cLayout = cpuMs() - c0;
    c0 = cpuMs();
    std::string pdf = (dir / "chronology.pdf").string();
    t0 = Clock::now();
    paintToFile(doc, pdf, PaintOptions{});
    double tPaint = msSince(t0), cPaint = cpuMs() - c0;
    std::printf("chronology %d events: layout %.0f ms wall / %.0f ms CPU (%zu pages), PDF %.0f ms wall / %.0f ms CPU "
                "(%.1f MB)\n",
                events, tLayout, cLayout, doc.pages.size(), tPaint, cPaint,
                double(std::filesystem::file_size(pdf)) / 1e6);
    return 0;
}
