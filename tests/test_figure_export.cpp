// exportFigure: the one path by which the CLI and the app write a figure. Anonymised figures
// are audited (drawn text, then the file) and refused, writing nothing, when they name someone.
#include "core/paint/cairo_painter.hpp"
#include "core/io/atomic_file.hpp"
#include "core/publish/audit.hpp"
#include "core/io/case_io.hpp"
#include "core/model/diagnostics.hpp"
#include "core/publish/figure_export.hpp"
#include "core/publish/report_pack.hpp"
#include "core/anonymise/view_case.hpp"
#include "core/figures/views.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace genochron;
using namespace genochron::test;

namespace {

Case canaryCase() {
    auto res = loadCaseFile(std::string(GENOCHRON_TEST_DATA) + "/canary.yaml");
    REQUIRE(res.ok());
    return *res.model;
}

}  // namespace

TEST_CASE("exportFigure writes a clean anonymised figure in every format", "[audit][export]") {
    Case c = canaryCase();
    AnonymisedCase anon = anonymise(c);
    TempDir dir("figure-export");
    for (auto kind : {ViewKind::Genogram, ViewKind::Timeline, ViewKind::Chronology, ViewKind::Actions, ViewKind::Knowledge})
        for (const char* ext : {".png", ".svg", ".pdf"}) {
            const std::string path = dir.file(std::string(toString(kind)) + ext);
            INFO(path);
            Document doc = buildView(anon, kind, ViewOptions{});
            exportFigure(doc, c, path, PaintOptions{});
            REQUIRE(std::filesystem::exists(path));
            // The file's text and metadata (an image's drawn text was audited before painting;
            // its OCR read-back is in the CLI matrix, test_audit_matrix.cpp).
            CHECK(auditBytes(readFile(path), auditFormatFor(path), c, path, AuditOptions{.ocr = false}).findings.empty());
        }
}

TEST_CASE("exportFigure refuses an anonymised figure that draws a real name, and writes nothing", "[audit][export]") {
    Case c = canaryCase();
    AnonymisedCase anon = anonymise(c);
    TempDir dir("figure-export-refuse");
    for (const char* ext : {".png", ".svg", ".pdf"}) {
        const std::string path = dir.file(std::string("leak") + ext);
        INFO(path);
        Document doc = buildView(anon, ViewKind::Genogram, ViewOptions{});
        // A view with a bug: it draws a real name small, in white, under a box.
        TextItem t;
        t.text = "Joanne Kerrigan";
        t.at = {5, 5};
        t.sizePt = 2;
        t.color = Color{1, 1, 1, 1};
        doc.pages[0].text(t);
        CHECK_THROWS_AS(exportFigure(doc, c, path, PaintOptions{}), GenochronError);
        CHECK_FALSE(std::filesystem::exists(path));
        // An earlier good export at the same path is left as it was.
        writeFileAtomic(path, "earlier");
        CHECK_THROWS_AS(exportFigure(doc, c, path, PaintOptions{}), GenochronError);
        CHECK(readFile(path) == "earlier");
    }
    // Not anonymised: the named figure is what was asked for, so it is written.
    Document named = buildView(ViewCase::named(c), ViewKind::Genogram, ViewOptions{});
    CHECK_FALSE(named.anonymised);
    exportFigure(named, c, dir.file("named.pdf"), PaintOptions{});
    CHECK_FALSE(auditFile(dir.file("named.pdf"), c).findings.empty());
}

TEST_CASE("every figure drawn from an anonymised case is marked so, and the export audits it", "[audit][export]") {
    // The gate is in the types: a builder marks its document from the ViewCase it was given,
    // so a caller of exportFigure cannot skip the audit by passing the wrong flag.
    Case c = canaryCase();
    AnonymisedCase anon = anonymise(c);
    for (auto kind : {ViewKind::Genogram, ViewKind::Timeline, ViewKind::Chronology, ViewKind::Actions,
                      ViewKind::Knowledge}) {
        INFO(toString(kind));
        CHECK(buildView(anon, kind, ViewOptions{}).anonymised);
        CHECK_FALSE(buildView(ViewCase::named(c), kind, ViewOptions{}).anonymised);
    }
    CHECK(buildGenogramView(anon, ViewOptions{}).anonymised);
    CHECK(buildTimelineView(anon, ViewOptions{}).anonymised);
    CHECK(buildChronologyView(anon, ViewOptions{}).anonymised);
    CHECK(buildActionsView(anon, ViewOptions{}).anonymised);
    PackOptions po;
    CHECK(buildReportPack(anon, po).document.anonymised);
    CHECK_FALSE(buildReportPack(ViewCase::named(c), po).document.anonymised);

    // A figure from the anonymised case with a real name planted in it is refused by the one
    // export path with no flag passed at all.
    TempDir dir("figure-export-gate");
    Document doc = buildView(anon, ViewKind::Timeline, ViewOptions{});
    TextItem t;
    t.text = "Joanne Kerrigan";
    t.at = {5, 5};
    t.sizePt = 6;
    doc.pages[0].text(t);
    CHECK_THROWS_AS(exportFigure(doc, c, dir.file("leak.svg"), PaintOptions{}), GenochronError);
    CHECK_FALSE(std::filesystem::exists(dir.file("leak.svg")));
}
