// Benchmark: importing an agency chronology as a 5,000-row Excel workbook (title rows above
// the header, real date cells; made here with libxlsxwriter), and a generated 2,000-person
// GEDCOM family tree (import, save, re-import matching every gedcom_id, genogram layout).
// Run: bench_import_formats [rows] [people] [out-dir]
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/import/chronology_csv.hpp"
#include "core/import/gedcom.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <xlsxwriter.h>

using namespace genochron;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }
double cpuMs() { return 1000.0 * double(std::clock()) / CLOCKS_PER_SEC; }

unsigned g_seed = 12345;
unsigned rnd(unsigned n) {
    g_seed = g_seed * 1103515245u + 12345u;
    return (g_seed >> 16) % n;
}

std::string sentence(int words) {
    static const char* kWords[] = {"officers", "attended", "the", "address", "after", "a", "call", "from", "neighbour",
                                   "reporting", "shouting", "and", "she", "said", "he", "had", "taken", "her", "phone",
                                   "referral", "made", "to", "services", "risk", "assessment", "completed", "support"};
    std::string s;
    for (int i = 0; i < words; ++i) s += (i ? " " : "") + std::string(kWords[rnd(std::size(kWords))]);
    return s + ".";
}

void writeWorkbook(const std::string& path, int rows) {
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Chronology");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    worksheet_write_string(ws, 0, 0, "Fernley Police - IMR chronology", nullptr);
    worksheet_write_string(ws, 1, 0, "Prepared for the review panel. Restricted.", nullptr);
    const char* head[] = {"Date", "Source of Information", "Event Details", "Action Taken", "Comment", "Officer"};
    for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 3, lxw_col_t(c), head[c], nullptr);
    for (int r = 0; r < rows; ++r) {
        lxw_datetime dt = {2016 + r / 1200, 1 + (r / 100) % 12, 1 + r % 28, 0, 0, 0};
        lxw_row_t row = lxw_row_t(4 + r);
        worksheet_write_datetime(ws, row, 0, &dt, date);
        worksheet_write_string(ws, row, 1, fmt::format("Incident log {}/{}", 44, r).c_str(), nullptr);
        worksheet_write_string(ws, row, 2, sentence(8 + int(rnd(60))).c_str(), nullptr);
        worksheet_write_string(ws, row, 3, sentence(4 + int(rnd(20))).c_str(), nullptr);
        if (r % 3 == 0) worksheet_write_string(ws, row, 4, sentence(10).c_str(), nullptr);
        worksheet_write_string(ws, row, 5, fmt::format("PC {}", 4000 + r % 90).c_str(), nullptr);
    }
    workbook_close(wb);
}

// A tree of `people` people: founding couples, each family 1-4 children, children partnering
// people from outside the tree, a few second marriages, adoptions and approximate dates.
std::string makeGedcom(int people) {
    std::string out = "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n";
    struct P { int id, born; char sex; std::vector<int> famc, fams; };
    struct F { int id, h, w, marr; std::vector<int> ch; };
    std::vector<P> ps;
    std::vector<F> fs;
    auto add = [&](int born, char sex) { ps.push_back({int(ps.size()) + 1, born, sex, {}, {}}); return int(ps.size()) - 1; };
    std::vector<int> open;   // people who may still marry
    for (int i = 0; i < 20 && int(ps.size()) < people; ++i) {
        int h = add(1700 + int(rnd(30)), 'M'), w = add(1700 + int(rnd(30)), 'F');
        fs.push_back({int(fs.size()) + 1, h, w, 1725 + int(rnd(10)), {}});
        ps[std::size_t(h)].fams.push_back(fs.back().id), ps[std::size_t(w)].fams.push_back(fs.back().id);
    }
    for (std::size_t fi = 0; fi < fs.size() && int(ps.size()) < people; ++fi) {
        int n = 1 + int(rnd(4));
        for (int k = 0; k < n && int(ps.size()) < people; ++k) {
            int c = add(fs[fi].marr + 1 + 2 * k, rnd(2) ? 'M' : 'F');
            fs[fi].ch.push_back(c);
            ps[std::size_t(c)].famc.push_back(fs[fi].id);
            if (ps[std::size_t(c)].born < 1990) open.push_back(c);
        }
        while (!open.empty() && int(ps.size()) < people) {
            int a = open.front();
            open.erase(open.begin());
            int b = add(ps[std::size_t(a)].born + int(rnd(5)) - 2, ps[std::size_t(a)].sex == 'M' ? 'F' : 'M');
            int h = ps[std::size_t(a)].sex == 'M' ? a : b, w = h == a ? b : a;
            fs.push_back({int(fs.size()) + 1, h, w, ps[std::size_t(a)].born + 20 + int(rnd(8)), {}});
            ps[std::size_t(h)].fams.push_back(fs.back().id), ps[std::size_t(w)].fams.push_back(fs.back().id);
            if (rnd(10) == 0) break;
        }
    }
    for (auto& p : ps) {
        out += fmt::format("0 @I{}@ INDI\n1 NAME Person{} /Family{}/\n1 SEX {}\n1 BIRT\n2 DATE {}{}\n", p.id, p.id, p.id % 97,
                           p.sex, p.id % 5 == 0 ? "ABT " : "", p.born);
        if (p.born < 1900) out += fmt::format("1 DEAT\n2 DATE BET {} AND {}\n", p.born + 50, p.born + 70);
        for (int f : p.famc) out += fmt::format("1 FAMC @F{}@\n{}", f, p.id % 41 == 0 ? "2 PEDI adopted\n" : "");
        for (int f : p.fams) out += fmt::format("1 FAMS @F{}@\n", f);
    }
    for (auto& f : fs) {
        out += fmt::format("0 @F{}@ FAM\n1 HUSB @I{}@\n1 WIFE @I{}@\n", f.id, f.h + 1, f.w + 1);
        for (int c : f.ch) out += fmt::format("1 CHIL @I{}@\n", c + 1);
        out += fmt::format("1 MARR\n2 DATE {}\n", f.marr);
    }
    return out + "0 TRLR\n";
}

}  // namespace

int main(int argc, char** argv) {
    int rows = argc > 1 ? std::atoi(argv[1]) : 5000;
    int people = argc > 2 ? std::atoi(argv[2]) : 2000;
    std::filesystem::path dir = argc > 3 ? argv[3] : std::filesystem::temp_directory_path() / "genochron-bench-formats";
    std::filesystem::create_directories(dir);

    const std::string base = "format: genochron/1\ncase:\n  title: \"Bench\"\nagencies:\n  - {id: police, name: \"Fernley Police\", kind: police}\n";
    Case c = *loadCaseString(base, "bench.yaml").model;

    std::string xlsx = (dir / "police.xlsx").string();
    writeWorkbook(xlsx, rows);
    std::string bytes = readFile(xlsx);
    ChronologyImportOptions opt;
    opt.agency = "police";
    auto w0 = Clock::now();
    double c0 = cpuMs();
    ImportPlan plan = planChronologyImport(c, bytes, xlsx, opt);
    double planMs = cpuMs() - c0, planWall = msSince(w0);
    if (!plan.ok() || int(plan.added.size()) != rows) {
        std::fprintf(stderr, "workbook import failed: %zu added\n", plan.added.size());
        for (auto& d : plan.diagnostics.items()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
        return 1;
    }
    c0 = cpuMs();
    applyImportPlan(c, plan);
    saveCaseFile(c, (dir / "case.yaml").string());
    double saveMs = cpuMs() - c0;
    c0 = cpuMs();
    ImportPlan again = planChronologyImport(c, bytes, xlsx, opt);
    double againMs = cpuMs() - c0;
    std::printf("workbook: %d rows, %.1f MB: read + plan %.0f ms CPU (%.0f ms wall), merge + save %.0f ms; re-import (%d "
                "duplicates) %.0f ms\n",
                rows, double(bytes.size()) / 1e6, planMs, planWall, saveMs, again.duplicates, againMs);

    std::string ged = makeGedcom(people);
    c0 = cpuMs();
    w0 = Clock::now();
    GedcomImportOptions gopt;
    gopt.displayName = "tree.ged";
    GedcomPlan gp = planGedcomImport(newGedcomCase(), ged, gopt);
    double gMs = cpuMs() - c0, gWall = msSince(w0);
    if (!gp.ok()) {
        for (auto& d : gp.diagnostics.items()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
        return 1;
    }
    c0 = cpuMs();
    saveCaseFile(gp.result, (dir / "tree.yaml").string());
    double gSave = cpuMs() - c0;
    c0 = cpuMs();
    GedcomPlan gAgain = planGedcomImport(gp.result, ged, gopt);
    double gAgainMs = cpuMs() - c0;
    c0 = cpuMs();
    auto layout = genogram::layoutGenogram(ViewCase::named(gp.result));
    double layoutMs = cpuMs() - c0;
    std::printf("gedcom: %d people, %d families, %.1f MB: parse + plan %.0f ms CPU (%.0f ms wall), save %.0f ms; "
                "re-import %.0f ms (%zu changes); genogram layout %.0f ms (%zu symbols)\n",
                gp.individuals, gp.families, double(ged.size()) / 1e6, gMs, gWall, gSave, gAgainMs, gAgain.changes.size(),
                layoutMs, layout.people.size());
    return 0;
}
