// The audit: every output format, metadata, refusing to write, the `audit` command.
#include "core/io/atomic_file.hpp"
#include "core/publish/audit.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/io/case_io.hpp"
#include "core/anonymise/view_case.hpp"
#include "core/figures/views.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace genochron;
namespace fs = std::filesystem;

namespace {

Case canary() {
    auto res = loadCaseFile(std::string(GENOCHRON_TEST_DATA) + "/canary.yaml");
    REQUIRE(res.ok());
    return *res.model;
}

std::string canaryPath() { return std::string(GENOCHRON_TEST_DATA) + "/canary.yaml"; }

fs::path tempDir() {
    fs::path d = fs::temp_directory_path() / ("genochron-audit-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

Document textDocument(const std::vector<std::string>& lines, const std::string& outline = {}) {
    Document doc;
    Scene s;
    s.widthPt = 500;
    s.heightPt = 40 + 14.0 * double(lines.size());
    double y = 20;
    for (auto& l : lines) {
        TextItem t;
        t.text = l;
        t.at = {10, y};
        t.valign = VAlign::Top;
        s.text(t);
        y += 14;
    }
    doc.pages.push_back(s);
    doc.outlineTitle = outline;
    return doc;
}

bool hasKind(const AuditReport& r, const std::string& kind) {
    for (auto& f : r.findings)
        if (f.kind == kind) return true;
    return false;
}

bool hasWhat(const AuditReport& r, const std::string& what) {
    for (auto& f : r.findings)
        if (f.what == what) return true;
    return false;
}

std::string dump(const AuditReport& r) {
    std::string s;
    for (auto& f : r.findings) s += formatFinding(r.file, f) + "\n";
    return s;
}

// Inserts a PNG chunk after IHDR (the CRC is not checked by the audit, so it is left zero).
std::string withChunk(const std::string& png, const std::string& type, const std::string& data) {
    std::string chunk;
    auto n = std::uint32_t(data.size());
    chunk += char(n >> 24);
    chunk += char(n >> 16);
    chunk += char(n >> 8);
    chunk += char(n);
    chunk += type + data + std::string(4, '\0');
    return png.substr(0, 33) + chunk + png.substr(33);
}

struct CliResult {
    int code = -1;
    std::string out, err;
};

CliResult runCli(const std::string& args, const std::string& env = {}) {
    fs::path d = tempDir();
    std::string out = (d / "cli.out").string(), err = (d / "cli.err").string();
    std::string cmd = env + "'" + GENOCHRON_BINARY + "' " + args + " > '" + out + "' 2> '" + err + "'";
    int st = std::system(cmd.c_str());
    CliResult r;
    r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.out = readFile(out);
    r.err = readFile(err);
    return r;
}

}  // namespace

TEST_CASE("audit: PDF page text, title and bookmarks", "[audit]") {
    Case c = canary();
    Document doc = textDocument({"Zoë called police", "Mr Smith-Jones was there", "on 14 June 2021"},
                                "Genogram of Zoe Ni Bhriain");
    doc.outline.push_back({0, "Liam"});
    std::string pdf = paintToBytes(doc, FileFormat::Pdf, {});
    AuditReport r = auditBytes(pdf, AuditFormat::Pdf, c, "x.pdf");
    INFO(dump(r));
    CHECK(hasWhat(r, "Zoë"));
    CHECK(hasWhat(r, "Smith-Jones"));
    CHECK(hasKind(r, "date of death"));
    bool title = false, bookmark = false;
    for (auto& f : r.findings) {
        title |= f.where == "PDF title" && f.kind == "name";
        bookmark |= f.where == "PDF bookmarks" && f.what == "Liam";
    }
    CHECK(title);
    CHECK(bookmark);
    // The painter writes no creation date (it would say when the figure was made).
    CHECK_FALSE(hasWhat(r, "CreationDate"));
    CHECK(pdf.find("CreationDate") == std::string::npos);
}

TEST_CASE("audit: text drawn under a box or in white is still text", "[audit]") {
    Case c = canary();
    Document doc = textDocument({"Annabel and Rhian", "Siobhán O'Neill"});
    auto& s = doc.pages[0];
    // A box over the text, not the whole page (Cairo drops what a full-page opaque fill covers).
    s.add(Path::rect({5, 5, 300, 50}), Paint{Color{0, 0, 0, 1}, Hatch::None, std::nullopt, 1.0, {}, false});
    std::get<TextItem>(s.items[1]).color = Color{1, 1, 1, 1};
    AuditReport r = auditBytes(paintToBytes(doc, FileFormat::Pdf, {}), AuditFormat::Pdf, c);
    INFO(dump(r));
    CHECK(hasKind(r, "name"));
    CHECK_FALSE(hasWhat(r, "Annabel"));   // a pseudonym is not a finding
}

TEST_CASE("audit: small text on a scaled-down page reads back whole", "[audit]") {
    // A wide figure fitted to A4 draws its labels at a few points. With Pango's default rounding
    // of glyph positions, PDF readers split such words ("Pau lin e") and the audit missed them.
    Case c = canary();
    for (double width : {800.0, 1500.0, 2200.0})
        for (double size : {5.0, 6.0, 7.0, 9.0}) {
            Document doc = textDocument({"Petra Nováková and Joanne Kerrigan", "Siobhán O'Neill", "Maisie Smith-Jones"});
            doc.pages[0].widthPt = width;
            for (auto& item : doc.pages[0].items) std::get<TextItem>(item).sizePt = size;
            PaintOptions po;
            po.page.size = PageSpec::Size::A4;
            if (width > 2000) {   // scaled by the caller instead (the report pack fits scenes itself)
                po.page.size = PageSpec::Size::Fit;
                for (auto& item : doc.pages[0].items) std::get<TextItem>(item).sizePt = size / 2;
            }
            AuditReport r = auditBytes(paintToBytes(doc, FileFormat::Pdf, po), AuditFormat::Pdf, c);
            INFO("width " << width << " size " << size << "\n" << dump(r));
            CHECK(hasWhat(r, "Petra Nováková"));
            CHECK(hasWhat(r, "Joanne Kerrigan"));
            CHECK(hasWhat(r, "Siobhán O'Neill"));
            CHECK(hasWhat(r, "Maisie Smith-Jones"));
        }
}

TEST_CASE("audit: labels side by side on one line are read as separate words", "[audit]") {
    // A genogram row puts names on one baseline. Poppler's page text joins such labels
    // ("Zoë Ní BhriainLiam Smith-JonesAnn Doyle") and breaks wrapped ones ("Smith-" / "Jones"),
    // so whole-word matching missed whole names in a plain genogram PDF.
    Case c = canary();
    ViewOptions opt;
    opt.todayDays = daysFromCivil(2024, 1, 1);
    Document doc = buildView(ViewCase::named(c), ViewKind::Genogram, opt);
    AuditReport r = auditBytes(paintToBytes(doc, FileFormat::Pdf, PaintOptions{}), AuditFormat::Pdf, c);
    INFO(dump(r));
    for (const auto& p : c.people)
        if (!p.name.empty() && !p.isPregnancyNode() && !p.hasRole(Role::Professional))   // professionals are not drawn
            CHECK(hasWhat(r, p.name));
}

TEST_CASE("audit: a PDF with a creation date is reported", "[audit]") {
    Case c = canary();
    // A minimal hand-written PDF with an Info dictionary.
    std::string pdf =
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >> endobj\n"
        "4 0 obj << /CreationDate (D:20240101120000Z) /Author (Zozo) >> endobj\n"
        "trailer << /Root 1 0 R /Info 4 0 R /Size 5 >>\n%%EOF\n";
    AuditReport r = auditBytes(pdf, AuditFormat::Pdf, c);
    INFO(dump(r));
    CHECK(hasWhat(r, "CreationDate"));
    CHECK(hasWhat(r, "Zozo"));
}

TEST_CASE("audit: SVG text is outlines - ids, titles, comments and entities are searched", "[audit]") {
    Case c = canary();
    const AuditOptions kNoOcr{.ocr = false};   // the file's own text; OCR is tested below
    std::string svg = paintToBytes(textDocument({"Zoë Ní Bhriain", "Liam Smith-Jones"}), FileFormat::Svg, {});
    // Cairo draws text as glyph outlines: the names are not in the file as text at all,
    // which is why the PDF of the same figure is what proves the audit can fail.
    CHECK(svg.find("Liam") == std::string::npos);
    CHECK(auditBytes(svg, AuditFormat::Svg, c, {}, kNoOcr).clean());
    std::string tampered = svg;
    tampered.insert(tampered.find("<svg") + 4, " id=\"person-liam\"");
    tampered += "<!-- drawn for Zo&#235; -->";
    AuditReport r = auditBytes(tampered, AuditFormat::Svg, c, {}, kNoOcr);
    INFO(dump(r));
    CHECK(hasWhat(r, "Liam"));   // the id "person-liam"
    CHECK(hasWhat(r, "Zoë"));
    CHECK_THROWS_AS(auditBytes("not svg", AuditFormat::Svg, c), GenochronError);
}

TEST_CASE("audit: every PNG text chunk is reported", "[audit]") {
    Case c = canary();
    const AuditOptions kNoOcr{.ocr = false};   // the chunks; the pixels are read by OCR below
    std::string png = paintToBytes(textDocument({"Zoë Ní Bhriain"}), FileFormat::Png, PaintOptions{{}, 72, 14000});
    CHECK(auditBytes(png, AuditFormat::Png, c, {}, kNoOcr).clean());   // IHDR, IDAT, IEND only
    AuditReport r = auditBytes(withChunk(png, "tEXt", std::string("Title\0Zozo's family", 19)), AuditFormat::Png, c, {}, kNoOcr);
    INFO(dump(r));
    CHECK(hasWhat(r, "tEXt chunk 'Title'"));
    CHECK(hasWhat(r, "Zozo"));
    CHECK(hasWhat(auditBytes(withChunk(png, "tIME", std::string(7, '\1')), AuditFormat::Png, c, {}, kNoOcr), "tIME chunk"));
    CHECK_FALSE(auditBytes(withChunk(png, "zTXt", std::string("Comment\0\0x", 10)), AuditFormat::Png, c, {}, kNoOcr).clean());
    CHECK_THROWS_AS(auditBytes("GIF89a", AuditFormat::Png, c), GenochronError);
    CHECK_THROWS_AS(auditBytes(png.substr(0, 40), AuditFormat::Png, c), GenochronError);
}

TEST_CASE("audit: CSV, JSON and YAML", "[audit]") {
    Case c = canary();
    AuditReport csv = auditBytes("date,what\n2019-03,\"Shiv said \"\"no\"\"\"\n", AuditFormat::Text, c);
    CHECK(hasWhat(csv, "Shiv"));
    // JSON may escape non-ASCII: the parsed strings are searched too.
    AuditReport json = auditBytes(R"({"people":[{"id":"p1","label":"Zo\u00eb"}]})", AuditFormat::Json, c);
    CHECK(hasWhat(json, "Zoë"));
    AuditReport jsonKey = auditBytes(R"({"joanne":{"x":1}})", AuditFormat::Json, c);
    CHECK_FALSE(jsonKey.clean());
    AuditReport yaml = auditBytes("label: \"Siobh\\xE1n\"\n", AuditFormat::Yaml, c);
    CHECK(hasWhat(yaml, "Siobhán"));
    CHECK(auditBytes(R"({"people":[{"id":"p1","label":"Rhian","sex":"unknown"}]})", AuditFormat::Json, c).clean());
}

TEST_CASE("audit: dates in every common form, and only the sensitive ones", "[audit]") {
    Case c = canary();
    for (const char* t : {"2021-06-14", "14/06/2021", "14 Jun 2021", "June 14, 2021", "14th June 2021"})
        CHECK(hasKind(auditBytes(t, AuditFormat::Text, c), "date of death"));
    CHECK(hasKind(auditBytes("3 Feb 1990", AuditFormat::Text, c), "birth date"));
    CHECK(auditBytes("Feb 1990, 1990, 15 Jun 2021, 2021, May 2021", AuditFormat::Text, c).clean());
    // With the date of death hidden, its month is sensitive too (published as the year).
    CHECK(hasKind(auditBytes("Jun 2021", AuditFormat::Text, c), "month of death"));
    CHECK(hasKind(auditBytes("2021-06", AuditFormat::Text, c), "month of death"));
    c.publication->hideDeathDate = false;
    CHECK(auditBytes("Jun 2021, 2021-06", AuditFormat::Text, c).clean());
}

TEST_CASE("audit: text of an unpublished event", "[audit]") {
    Case c = canary();
    AuditReport r = auditBytes("... described a purple caravan parked behind the allotments ...", AuditFormat::Text, c);
    INFO(dump(r));
    REQUIRE(hasKind(r, "unpublished text"));
    CHECK(r.findings[0].owner == "events[e003].what");
    // Shorter than six words, or words that published text also uses: not a finding.
    CHECK(auditBytes("a purple caravan", AuditFormat::Text, c).clean());
}

TEST_CASE("audit: whole words only - pseudonyms and generated labels are clean", "[audit]") {
    Case c = canary();
    CHECK(auditBytes("Annabel, Annual, Kerri, Rhian, Dale, Child 1, Professional 1, Adult A, [name removed]",
                     AuditFormat::Text, c).clean());
    CHECK_FALSE(auditBytes("ann", AuditFormat::Text, c).clean());
}

TEST_CASE("audit: writeAuditedAtomic refuses and writes nothing", "[audit]") {
    Case c = canary();
    fs::path d = tempDir();
    std::string bad = (d / "bad.csv").string(), good = (d / "good.csv").string();
    fs::remove(bad);
    try {
        writeAuditedAtomic(bad, "date,what\n2019-03,Zozo called\n", c);
        FAIL("did not refuse");
    } catch (const GenochronError& e) {
        std::string msg = e.what();
        CHECK(msg.find("refusing") != std::string::npos);
        CHECK(msg.find("alias 'Zozo'") != std::string::npos);
        CHECK(msg.find("nothing was written") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(bad));
    for (auto& e : fs::directory_iterator(d)) CHECK(e.path().filename().string().find("bad") == std::string::npos);
    writeAuditedAtomic(good, "date,what\n2019-03,Rhian called\n", c);
    CHECK(fs::exists(good));
    // An unreadable output is not written either.
    std::string broken = (d / "broken.pdf").string();
    CHECK_THROWS_AS(writeAuditedAtomic(broken, "not a pdf", c), GenochronError);
    CHECK_FALSE(fs::exists(broken));
}

TEST_CASE("audit command: findings, exit codes, unreadable files", "[audit][cli]") {
    fs::path d = tempDir();
    std::string named = (d / "named.txt").string(), clean = (d / "clean.txt").string();
    writeFileAtomic(named, "Zoë called on 14/06/2021 from 7 Wrenfield Mews\n");
    writeFileAtomic(clean, "Rhian called in 2021\n");
    CliResult r = runCli("audit '" + named + "' --case '" + canaryPath() + "'");
    CHECK(r.code == 1);
    CHECK(r.out.find(named + ": error: found first name 'Zoë' (person zoe)") != std::string::npos);
    CHECK(r.out.find("date of death '2021-06-14' (person zoe)") != std::string::npos);
    CHECK(r.out.find("address '7 Wrenfield Mews' (household wrenfield)") != std::string::npos);
    CliResult ok = runCli("audit '" + clean + "' --case '" + canaryPath() + "'");
    CHECK(ok.code == 0);
    CHECK(ok.out.empty());
    CliResult missing = runCli("audit '" + (d / "none.pdf").string() + "' --case '" + canaryPath() + "'");
    CHECK(missing.code == 2);
    std::string fake = (d / "fake.pdf").string();
    writeFileAtomic(fake, "hello");
    CliResult garbage = runCli("audit '" + fake + "' --case '" + canaryPath() + "'");
    CHECK(garbage.code == 2);
    CHECK(garbage.err.find(fake + ": error: not a readable PDF") != std::string::npos);
    CliResult both = runCli("audit '" + clean + "' '" + named + "' --case '" + canaryPath() + "'");
    CHECK(both.code == 1);
}

// ---------------------------------------------------------------- OCR of PNG and SVG

namespace {

Document genogramOf(const ViewCase& vc) {
    ViewOptions vo;
    return buildView(vc, ViewKind::Genogram, vo);
}

}  // namespace

TEST_CASE("audit: the names a PNG draws are read back by OCR - the anonymised one is verified clean", "[audit][ocr]") {
    Case c = canary();
    Auditor auditor(c);
    PaintOptions po;
    po.dpi = 150;
    AuditReport named = auditor.audit(paintToBytes(genogramOf(ViewCase::named(c)), FileFormat::Png, po), AuditFormat::Png, "g.png");
    INFO(dump(named) << "OCR read:\n" << named.ocrText);
    CHECK(named.verified());
    std::set<std::string> people;
    for (auto& f : named.findings) {
        CHECK(f.where == "the image (read by OCR)");
        people.insert(f.owner);
    }
    // Every person the genogram draws, whole or in part, with its diacritics (Zoë, Nováková).
    for (const char* p : {"person zoe", "person joanne", "person liam", "person a7", "person siobhan", "person petra"})
        CHECK(people.count(p));

    AnonymisedCase anon = anonymise(c);
    AuditReport pub = auditor.audit(paintToBytes(genogramOf(anon), FileFormat::Png, po), AuditFormat::Png, "g.png");
    INFO(dump(pub) << "OCR read:\n" << pub.ocrText);
    CHECK(pub.clean());
    CHECK(pub.verified());
    CHECK(pub.ocrText.find("Rhian") != std::string::npos);   // it did read the figure
}

TEST_CASE("audit: an SVG is drawn and read by OCR", "[audit][ocr]") {
    Case c = canary();
    std::string svg = paintToBytes(textDocument({"Statement from Zoë Ní Bhriain's sister", "Liam Smith-Jones moved out"}),
                                   FileFormat::Svg, {});
    AuditReport r = auditBytes(svg, AuditFormat::Svg, c);
    INFO(dump(r) << r.ocrText);
    CHECK(hasWhat(r, "Zoë Ní Bhriain"));
    CHECK(hasWhat(r, "Liam Smith-Jones"));
    CHECK(r.findings.at(0).where == "the drawn SVG (read by OCR)");
    CHECK(auditBytes(paintToBytes(textDocument({"Statement from Rhian's sister"}), FileFormat::Svg, {}), AuditFormat::Svg, c)
              .clean());
}

TEST_CASE("audit: an image OCR cannot read well is not verified, and the command exits 3", "[audit][ocr][cli]") {
    Case c = canary();
    fs::path d = tempDir();
    // An anonymised genogram drawn at 36 dpi: letters a few pixels high, read only as guesses.
    std::string tiny = (d / "tiny.png").string();
    PaintOptions po;
    po.dpi = 36;
    writeFileAtomic(tiny, paintToBytes(genogramOf(anonymise(c)), FileFormat::Png, po));
    AuditReport r = auditBytes(readFile(tiny), AuditFormat::Png, c);
    INFO(dump(r) << r.ocrText);
    CHECK(r.clean());
    CHECK_FALSE(r.verified());
    CliResult cli = runCli("audit '" + tiny + "' --case '" + canaryPath() + "'");
    CHECK(cli.code == 3);
    CHECK(cli.err.find("not verified") != std::string::npos);
    // --no-ocr: an image is never called clean without its text being read.
    std::string svg = (d / "plain.svg").string();
    writeFileAtomic(svg, paintToBytes(textDocument({"Rhian"}), FileFormat::Svg, {}));
    CliResult fast = runCli("audit --no-ocr '" + svg + "' --case '" + canaryPath() + "'");
    CHECK(fast.code == 3);
    CliResult read = runCli("audit '" + svg + "' --case '" + canaryPath() + "' --show-ocr");
    INFO(read.out << read.err);
    CHECK(read.code == 0);
    CHECK(read.out.find("Rhian") != std::string::npos);
    // Without the OCR engine's data nothing is vouched for either.
    CliResult noData = runCli("audit '" + svg + "' --case '" + canaryPath() + "'", "TESSDATA_PREFIX=/nonexistent ");
    INFO(noData.err);
    CHECK(noData.code == 3);
    CHECK(noData.err.find("tesseract-ocr-eng") != std::string::npos);
}

TEST_CASE("audit: the output's file name is searched", "[audit]") {
    Case c = canary();
    AuditReport r = auditBytes("Rhian called in 2021\n", AuditFormat::Text, c, "/tmp/out/zoe-chronology.csv");
    INFO(dump(r));
    REQUIRE_FALSE(r.clean());
    CHECK(r.findings.at(0).where == "the file name");
    CHECK(auditBytes("Rhian called in 2021\n", AuditFormat::Text, c, "/tmp/zoe/rhian-chronology.csv").clean());
    fs::path d = tempDir();
    std::string out = (d / "Zoe Ni Bhriain genogram.csv").string();
    CHECK_THROWS_AS(writeAuditedAtomic(out, "Rhian\n", c), GenochronError);
    CHECK_FALSE(fs::exists(out));
}
