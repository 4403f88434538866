// The canary matrix: every view x every format, plus the chronology CSV and layout JSON.
// Named output of tests/data/canary.yaml must fail the audit (the audit can fail);
// anonymised output must pass it.
//
// PNG pixels and Cairo's SVG glyph outlines hold no searchable text, so for those two the
// "named" direction is asserted on the PDF of the same document, and the PNG/SVG files
// are asserted clean of metadata, ids and comments in both modes.
//
// Every view, format and subcommand exists: one that is missing or says "not built yet" fails.
#include "core/io/atomic_file.hpp"
#include "core/publish/audit.hpp"
#include "core/publish/audit_scene.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/io/case_io.hpp"
#include "core/figures/views.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace genochron;
namespace fs = std::filesystem;

namespace {

Case canaryCase() {
    auto res = loadCaseFile(std::string(GENOCHRON_TEST_DATA) + "/canary.yaml");
    REQUIRE(res.ok());
    return *res.model;
}

std::string dump(const AuditReport& r) {
    std::string s;
    for (auto& f : r.findings) s += formatFinding(r.file, f) + "\n";
    return s;
}

bool namesSomeone(const AuditReport& r) {
    for (auto& f : r.findings)
        if (f.owner.rfind("person ", 0) == 0) return true;
    return false;
}

std::set<std::string> kinds(const AuditReport& r) {
    std::set<std::string> k;
    for (auto& f : r.findings) k.insert(f.kind);
    return k;
}

// A stand-in view that draws every string and date a ViewCase holds: if anonymise left
// anything behind, this shows it, whatever the real views choose to draw.
Document drawEverything(const ViewCase& v) {
    const Case& c = v.data();
    std::vector<std::string> lines = {c.info.title, c.info.partnership};
    auto date = [&](const std::optional<Date>& d) {
        if (d) {
            lines.push_back(d->toString());
            lines.push_back(d->humanLabel());
        }
    };
    date(c.info.referenceDate);
    date(c.info.scopeFrom);
    date(c.info.scopeTo);
    for (auto& a : c.agencies) lines.push_back(a.id + " " + a.name);
    for (auto& p : c.people) {
        lines.push_back(p.id + " " + p.name + " " + p.pseudonym + " " + std::string(toString(p.sex)));
        for (auto& a : p.aliases) lines.push_back(a);
        lines.push_back(p.notes);
        date(p.born);
        date(p.died);
    }
    for (auto& h : c.households) {
        lines.push_back(h.id + " " + h.label);
        lines.push_back(h.address);
    }
    for (auto& e : c.events) {
        lines.push_back(e.id + " " + e.date.toString() + " " + e.date.humanLabel() + " " + e.time);
        for (auto* t : {&e.what, &e.action, &e.analysis, &e.missedOpportunity, &e.sourceRef}) lines.push_back(*t);
    }
    for (auto& r : c.recommendations) {
        lines.push_back(r.id + " " + r.text);
        for (auto& a : r.actions) lines.push_back(a.id + " " + a.text + " " + a.owner);
    }
    Document doc;
    Scene s;
    s.widthPt = 700;
    double y = 20;
    for (auto& l : lines) {
        if (l.empty()) continue;
        TextItem t;
        t.text = l;
        t.at = {10, y};
        t.valign = VAlign::Top;
        t.maxWidthPt = 680;
        s.text(t);
        y += measureText(l, t.sizePt, FontWeight::Normal, false, 680).heightPt + 4;
    }
    s.heightPt = y + 20;
    doc.pages.push_back(s);
    doc.outlineTitle = c.info.title;
    return doc;
}

struct CliResult {
    int code = -1;
    std::string out, err;
};

fs::path tempDir() {
    fs::path d = fs::temp_directory_path() / ("genochron-matrix-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

CliResult runCli(const std::string& args) {
    fs::path d = tempDir();
    std::string out = (d / "cli.out").string(), err = (d / "cli.err").string();
    std::string cmd = std::string("'") + GENOCHRON_BINARY + "' " + args + " > '" + out + "' 2> '" + err + "'";
    int st = std::system(cmd.c_str());
    CliResult r;
    r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.out = readFile(out);
    r.err = readFile(err);
    return r;
}

bool hasSubcommand(const std::string& name) {
    CliResult h = runCli("--help");
    return h.out.find("\n  " + name + " ") != std::string::npos || h.out.find("  " + name + "\n") != std::string::npos ||
           h.out.find(" " + name + "  ") != std::string::npos;
}

const std::string kCanary = std::string(GENOCHRON_TEST_DATA) + "/canary.yaml";

}  // namespace

TEST_CASE("canary matrix: a view that draws everything in every format", "[audit][anonymise]") {
    Case c = canaryCase();
    Auditor auditor(c);
    AnonymisedCase anon = anonymise(c);
    Document named = drawEverything(ViewCase::named(c));
    Document published = drawEverything(anon);
    PaintOptions po;
    po.dpi = 72;

    AuditReport n = auditor.audit(paintToBytes(named, FileFormat::Pdf, po), AuditFormat::Pdf, "named.pdf");
    INFO(dump(n));
    for (const char* k : {"name", "first name", "last name", "alias", "short name", "id", "address", "postcode",
                          "birth date", "date of death", "unpublished text"})
        CHECK(kinds(n).count(k));
    for (auto fmt : {FileFormat::Pdf, FileFormat::Svg, FileFormat::Png}) {
        AuditFormat af = fmt == FileFormat::Pdf ? AuditFormat::Pdf : fmt == FileFormat::Svg ? AuditFormat::Svg : AuditFormat::Png;
        // PNG/SVG: the file's own text and metadata here (at 72 dpi); their pixels are read
        // by OCR in the CLI matrix below and in test_audit.cpp.
        const AuditOptions noOcr{.ocr = false};
        AuditReport a = auditor.audit(paintToBytes(published, fmt, po), af, "published", noOcr);
        for (auto& f : a.findings) FAIL_CHECK(formatFinding("published", f));
        if (fmt != FileFormat::Pdf) {
            // Named PNG/SVG: no metadata, ids or comments carry case data (text is pixels/outlines).
            AuditReport m = auditor.audit(paintToBytes(named, fmt, po), af, "named", noOcr);
            for (auto& f : m.findings) FAIL_CHECK(formatFinding("named", f));
        }
    }
}

TEST_CASE("canary matrix: every view as PNG SVG and PDF", "[audit][anonymise]") {
    Case c = canaryCase();
    Auditor auditor(c);
    AnonymisedCase anon = anonymise(c);
    PaintOptions po;
    po.dpi = 72;
    for (auto kind : {ViewKind::Genogram, ViewKind::Timeline, ViewKind::Chronology, ViewKind::Actions, ViewKind::Knowledge}) {
        std::string view(toString(kind));
        ViewOptions vo;
        vo.todayDays = daysFromCivil(2024, 1, 1);
        Document named, published;
        try {
            named = buildView(ViewCase::named(c), kind, vo);
            published = buildView(anon, kind, vo);
        } catch (const GenochronError& e) {
            FAIL("canary matrix: the " << view << " view could not be built (" << e.what() << ")");
        }
        // Named: the PDF shows the canaries, so the audit can fail on this view.
        AuditReport n = auditor.audit(paintToBytes(named, FileFormat::Pdf, po), AuditFormat::Pdf, view + ".pdf");
        INFO(view << " named PDF:\n" << dump(n));
        CHECK(namesSomeone(n));
        for (auto fmt : {FileFormat::Png, FileFormat::Svg, FileFormat::Pdf}) {
            AuditFormat af = fmt == FileFormat::Pdf ? AuditFormat::Pdf : fmt == FileFormat::Svg ? AuditFormat::Svg : AuditFormat::Png;
            std::string name = view + (fmt == FileFormat::Pdf ? ".pdf" : fmt == FileFormat::Svg ? ".svg" : ".png");
            const AuditOptions noOcr{.ocr = false};   // metadata; OCR: the CLI matrix below
            AuditReport a = auditor.audit(paintToBytes(published, fmt, po), af, "anonymised " + name, noOcr);
            for (auto& f : a.findings) FAIL_CHECK(formatFinding("anonymised " + name, f));
            if (fmt != FileFormat::Pdf) {
                AuditReport m = auditor.audit(paintToBytes(named, fmt, po), af, "named " + name, noOcr);
                for (auto& f : m.findings) FAIL_CHECK(formatFinding("named " + name, f));
            }
        }
    }
}

TEST_CASE("canary matrix: render --anonymise writes only audited files", "[audit][anonymise][cli]") {
    fs::path d = tempDir();
    for (const char* view : {"genogram", "timeline", "chronology", "actions", "knowledge"})
        for (const char* ext : {"png", "svg", "pdf"}) {
            std::string out = (d / (std::string(view) + "-anon." + ext)).string();
            fs::remove(out);
            CliResult r = runCli(std::string("render '") + kCanary + "' --view " + view + " --anonymise --dpi 72 -o '" + out + "'");
            INFO(r.err);
            REQUIRE(r.code == 0);
            // 72 dpi is too small to read back: the file's text and metadata only, and an image
            // is then never called clean (exit 3), only "not verified".
            CliResult a = runCli(std::string("audit --no-ocr '") + out + "' --case '" + kCanary + "'");
            INFO(a.out << a.err);
            CHECK(a.code == (std::string(ext) == "pdf" ? 0 : 3));
        }
}

TEST_CASE("canary matrix: render --anonymise refuses a figure that would name someone", "[audit][anonymise][cli]") {
    // Rhian's pseudonym is the real first name of another person: the figure would print it.
    std::string yaml = readFile(kCanary);
    auto at = yaml.find("pseudonym: \"Rhian\"");
    REQUIRE(at != std::string::npos);
    yaml.replace(at, std::string("pseudonym: \"Rhian\"").size(), "pseudonym: \"Petra\"");
    fs::path d = tempDir();
    std::string casePath = (d / "collide.yaml").string();
    writeFileAtomic(casePath, yaml);
    std::string out = (d / "collide.pdf").string();
    fs::remove(out);
    CliResult r = runCli("render '" + casePath + "' --view genogram --anonymise -o '" + out + "'");
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find("refusing") != std::string::npos);
    CHECK(r.err.find("'Petra'") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("canary matrix: chronology CSV and layout JSON", "[audit][anonymise][cli]") {
    fs::path d = tempDir();
    REQUIRE(hasSubcommand("export"));
    {
        std::string named = (d / "named.csv").string(), anon = (d / "anon.csv").string();
        CliResult n = runCli("export chronology '" + kCanary + "' -o '" + named + "'");
        INFO(n.err);
        REQUIRE(n.code == 0);
        CliResult na = runCli("audit '" + named + "' --case '" + kCanary + "'");
        CHECK(na.code == 1);
        CHECK(na.out.find("(person zoe)") != std::string::npos);
        CliResult a = runCli("export chronology '" + kCanary + "' -o '" + anon + "' --anonymise");
        INFO(a.err);
        REQUIRE(a.code == 0);
        CliResult aa = runCli("audit '" + anon + "' --case '" + kCanary + "'");
        INFO(aa.out);
        CHECK(aa.code == 0);
    }
    REQUIRE(hasSubcommand("layout"));
    {
        for (bool anonymised : {false, true}) {
            CliResult l = runCli("layout '" + kCanary + "'" + (anonymised ? " --anonymise" : ""));
            INFO(l.err);
            REQUIRE(l.code == 0);
            std::string json = (d / (anonymised ? "anon.json" : "named.json")).string();
            writeFileAtomic(json, l.out);
            CliResult a = runCli("audit '" + json + "' --case '" + kCanary + "'");
            INFO(a.out);
            CHECK(a.code == (anonymised ? 0 : 1));
        }
    }
}

// The whole matrix through the CLI, as a user runs it: every view x every format, the
// chronology CSV, the layout JSON and the report pack, each written plainly and with
// --anonymise. The plain output must fail the audit with the canaries it carries (so the
// audit is proven able to fail on that output); the anonymised output must pass.
// PNG pixels and SVG glyph outlines are read back by OCR (PNG drawn at 150 dpi): the
// anonymised image must be verified clean, the plain one must fail with canaries that the
// figure draws (auditDocument, which render --anonymise runs before painting, is asserted in
// both directions too).
// GENOCHRON_PRINT_MATRIX=1 prints the matrix.
namespace {

// The canaries and how the audit names them.
const std::vector<std::pair<std::string, std::string>> kCanaries = {
    {"non-ASCII name", "'Zoë"},
    {"pseudonym inside a real name", "(person joanne)"},   // Joanne Kerrigan -> "Kerri"
    {"real name inside a pseudonym", "(person a7)"},       // Ann Doyle -> "Annabel"
    {"alias", "alias 'Zozo'"},
    {"date of death", "found date of death"},
    {"unpublished event", "found unpublished text"},
    {"address", "(household wrenfield)"},
};

std::set<std::string> canariesIn(const std::string& auditOut) {
    std::set<std::string> found;
    for (auto& [name, marker] : kCanaries)
        if (auditOut.find(marker) != std::string::npos) found.insert(name);
    return found;
}

std::string joined(const std::set<std::string>& s) {
    std::string r;
    for (auto& x : s) r += (r.empty() ? "" : ", ") + x;
    return r.empty() ? "-" : r;
}

std::string reportText(const AuditReport& r) {
    std::string s;
    for (auto& f : r.findings) s += formatFinding(r.file, f) + "\n";
    return s;
}

}  // namespace

namespace {

auto cliAudit(const std::string& file) { return runCli("audit '" + file + "' --case '" + kCanary + "'"); }

// One view's row of the matrix: rendered plain and anonymised as PDF, SVG and PNG through the
// CLI and audited. Returns the canaries the plain outputs were found to hold.
std::set<std::string> matrixRow(const char* view, std::string& matrix) {
    fs::path d = tempDir();
    Case c = canaryCase();
    Auditor auditor(c);
    AnonymisedCase anon = anonymise(c);
    std::set<std::string> everywhere;
    ViewKind kind = *viewFromString(view);
    ViewOptions vo;
    Document namedDoc = buildView(ViewCase::named(c), kind, vo);
    Document anonDoc = buildView(anon, kind, vo);
    AuditReport drawnNamed = auditDocument(auditor, namedDoc, std::string("named ") + view);
    AuditReport drawnAnon = auditDocument(auditor, anonDoc, std::string("anonymised ") + view);
    std::set<std::string> drawn = canariesIn(reportText(drawnNamed));
    INFO(reportText(drawnNamed) << reportText(drawnAnon));
    CHECK_FALSE(drawn.empty());
    CHECK(drawnAnon.clean());
    for (const char* ext : {"pdf", "svg", "png"}) {
        std::string cell = std::string(view) + " ." + ext;
        INFO(cell);
        std::string plain = (d / (std::string(view) + "-plain." + ext)).string();
        std::string pub = (d / (std::string(view) + "-anon." + ext)).string();
        fs::remove(plain);
        fs::remove(pub);
        CliResult rp = runCli(std::string("render '") + kCanary + "' --view " + view + " --dpi 150 -o '" + plain + "'");
        CliResult ra = runCli(std::string("render '") + kCanary + "' --view " + view + " --anonymise --dpi 150 -o '" + pub + "'");
        INFO(rp.err << ra.err);
        REQUIRE(rp.code == 0);
        REQUIRE(ra.code == 0);
        CliResult ap = cliAudit(plain), aa = cliAudit(pub);
        INFO("plain audit:\n" << ap.out << ap.err << "anonymised audit:\n" << aa.out << aa.err);
        CHECK(aa.code == 0);
        CHECK(ap.code == 1);
        std::set<std::string> found = canariesIn(ap.out);
        CHECK_FALSE(found.empty());
        std::string how;
        if (std::string(ext) == "pdf") {
            // Poppler's page text can glue a name to the run beside it ("Smith-JonesAnn"),
            // so the file audit may see fewer canaries than the figure draws; the drawn
            // text is audited too (render --anonymise refuses on either).
            for (auto& f : found) CHECK(drawn.count(f));
            how = "file; drawn: " + joined(drawn);
        } else {
            // Read by OCR: it finds names the figure draws (OCR may miss a few; the drawn
            // text is audited before painting, so render --anonymise refuses on either).
            for (auto& f : found) CHECK(drawn.count(f));
            CHECK(aa.err.find("clean (text read back by OCR)") != std::string::npos);
            how = "OCR; drawn: " + joined(drawn);
        }
        everywhere.insert(found.begin(), found.end());
        matrix += cell + " | " + joined(found) + " [" + how + "] | " + (aa.code == 0 && drawnAnon.clean() ? "clean" : "LEAK") + "\n";
    }
    return everywhere;
}

void printMatrix(const std::string& matrix) {
    if (const char* p = std::getenv("GENOCHRON_PRINT_MATRIX"); p && *p) WARN("\noutput | plain: the audit finds | anonymised\n" << matrix);
}

}  // namespace

// One test per view, so ctest runs them side by side (each renders and OCRs six files).
TEST_CASE("canary matrix through the CLI: genogram, plain and anonymised", "[audit][anonymise][cli][matrix]") {
    std::string m;
    matrixRow("genogram", m);
    printMatrix(m);
}
TEST_CASE("canary matrix through the CLI: timeline, plain and anonymised", "[audit][anonymise][cli][matrix]") {
    std::string m;
    matrixRow("timeline", m);
    printMatrix(m);
}
TEST_CASE("canary matrix through the CLI: chronology, plain and anonymised", "[audit][anonymise][cli][matrix]") {
    std::string m;
    matrixRow("chronology", m);
    printMatrix(m);
}
TEST_CASE("canary matrix through the CLI: actions, plain and anonymised", "[audit][anonymise][cli][matrix]") {
    std::string m;
    matrixRow("actions", m);
    printMatrix(m);
}
TEST_CASE("canary matrix through the CLI: knowledge, plain and anonymised", "[audit][anonymise][cli][matrix]") {
    std::string m;
    matrixRow("knowledge", m);
    printMatrix(m);
}

// The chronology CSV, the layout JSON and the report pack; and every canary is found in some
// plain output (the figures' PDFs, read as text, and these), so none is invisible to the audit.
TEST_CASE("canary matrix through the CLI: CSV, layout JSON and pack, and every canary found", "[audit][anonymise][cli][matrix]") {
    fs::path d = tempDir();
    std::string matrix;
    std::set<std::string> everywhere;
    for (const char* view : {"genogram", "timeline", "chronology", "actions", "knowledge"}) {
        std::string plain = (d / (std::string(view) + "-plain.pdf")).string();
        fs::remove(plain);
        CliResult rp = runCli(std::string("render '") + kCanary + "' --view " + view + " -o '" + plain + "'");
        INFO(view << ": " << rp.err);
        REQUIRE(rp.code == 0);
        CliResult ap = cliAudit(plain);
        CHECK(ap.code == 1);
        auto found = canariesIn(ap.out);
        everywhere.insert(found.begin(), found.end());
    }
    std::string csvP = (d / "m-plain.csv").string(), csvA = (d / "m-anon.csv").string();
    std::string packP = (d / "m-plain.pdf").string(), packA = (d / "m-anon.pdf").string();
    std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string>> others = {
        {"chronology .csv", "export chronology '" + kCanary + "' -o '" + csvP + "'",
         "export chronology '" + kCanary + "' --anonymise -o '" + csvA + "'", csvP, csvA},
        {"layout .json", "layout '" + kCanary + "'", "layout '" + kCanary + "' --anonymise", (d / "m-plain.json").string(),
         (d / "m-anon.json").string()},
        {"pack .pdf", "pack '" + kCanary + "' --quiet -o '" + packP + "'", "pack '" + kCanary + "' --quiet --anonymise -o '" + packA + "'",
         packP, packA},
    };
    for (auto& [name, plainArgs, anonArgs, plainFile, anonFile] : others) {
        INFO(name);
        fs::remove(plainFile);
        fs::remove(anonFile);
        CliResult rp = runCli(plainArgs), ra = runCli(anonArgs);
        INFO(rp.err << ra.err);
        REQUIRE(rp.code == 0);
        REQUIRE(ra.code == 0);
        if (name == "layout .json") {   // on stdout
            writeFileAtomic(plainFile, rp.out);
            writeFileAtomic(anonFile, ra.out);
        }
        CliResult ap = cliAudit(plainFile), aa = cliAudit(anonFile);
        INFO("plain audit:\n" << ap.out << ap.err << "anonymised audit:\n" << aa.out << aa.err);
        CHECK(ap.code == 1);
        CHECK(aa.code == 0);
        std::set<std::string> found = canariesIn(ap.out);
        CHECK_FALSE(found.empty());
        everywhere.insert(found.begin(), found.end());
        matrix += name + " | " + joined(found) + " [file] | " + (aa.code == 0 ? "clean" : "LEAK") + "\n";
    }
    // Every canary is found in some plain output: none of them is invisible to the audit.
    for (auto& [canary, marker] : kCanaries) {
        INFO("canary: " << canary);
        CHECK(everywhere.count(canary));
    }
    printMatrix(matrix);
}
