// Excel and Word chronology import (the .xlsx/.xlsm and .docx readers): any XML as the parts of
// a workbook or a Word document. Mutating a zip's bytes mostly breaks its checksums, so the
// input is the parts themselves, zipped here with libzip: the first byte picks the format
// (even: workbook, odd: document), and the rest is split at "\n====\n" into
//   workbook: xl/workbook.xml, xl/worksheets/sheet1.xml, xl/sharedStrings.xml, xl/styles.xml
//   document: word/document.xml, word/styles.xml
// Only GenochronError (unreadable input, said with its place) may be thrown; a plan with no
// errors is applied, and the case must save and load again as the same case.
#include "core/import/chronology_csv.hpp"
#include "core/io/case_io.hpp"
#include "core/model/diagnostics.hpp"
#include "fuzz_support.hpp"

#include <cstdint>
#include <string>
#include <vector>
#include <zip.h>

using namespace genochron;

namespace {

const char* kBase = R"(format: genochron/1
case:
  title: "Domestic Homicide Review: Amy"
  reference_date: 2021-02-11
agencies:
  - {id: police, name: "Fernley Police", kind: police}
people:
  - {id: jo, name: "Joanna Fenwick", pseudonym: "Amy", sex: female, born: 1991-02-03, roles: [victim], index: true}
events:
  - {id: e001, date: 2017-08-14, agency: police, people: [jo], what: "Jo reported a sprained wrist."}
)";

const Case& baseCase() {
    static const Case c = [] {
        auto r = loadCaseString(kBase, "base.yaml");
        FUZZ_CHECK(r.ok(), "the harness's base case does not load");
        return *r.model;
    }();
    return c;
}

const std::string kTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

std::string rels(const std::string& target, const std::string& type) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
           "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
           "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + type + "\" Target=\"" + target +
           "\"/></Relationships>";
}

const std::string kWorkbookRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

std::string zipOf(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &ze);
    FUZZ_CHECK(src, "zip_source_buffer_create failed");
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    FUZZ_CHECK(z, "zip_open_from_source failed");
    for (auto& [name, data] : entries) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        FUZZ_CHECK(s && zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0, "zip_file_add failed");
    }
    FUZZ_CHECK(zip_close(z) == 0, "zip_close failed");
    std::string out;
    if (zip_source_open(src) == 0) {
        zip_source_seek(src, 0, SEEK_END);
        zip_int64_t size = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        out.resize(std::size_t(size > 0 ? size : 0));
        if (size > 0) zip_source_read(src, out.data(), zip_uint64_t(size));
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool docx = data[0] & 1;
    std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::vector<std::string> parts;
    for (std::size_t pos = 0;;) {
        std::size_t sep = rest.find("\n====\n", pos);
        parts.emplace_back(rest.substr(pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos));
        if (sep == std::string_view::npos || parts.size() == 4) break;
        pos = sep + 6;
    }
    std::vector<std::pair<std::string, std::string>> entries = {{"[Content_Types].xml", kTypes}};
    if (docx) {
        entries.push_back({"_rels/.rels", rels("word/document.xml", "officeDocument")});
        entries.push_back({"word/document.xml", parts[0]});
        if (parts.size() > 1) entries.push_back({"word/styles.xml", parts[1]});
    } else {
        entries.push_back({"_rels/.rels", rels("xl/workbook.xml", "officeDocument")});
        entries.push_back({"xl/_rels/workbook.xml.rels", kWorkbookRels});
        static const char* names[] = {"xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"};
        for (std::size_t i = 0; i < parts.size(); ++i) entries.push_back({names[i], parts[i]});
    }
    std::string bytes = zipOf(entries);
    ChronologyImportOptions opt;
    opt.agency = "police";
    ImportPlan plan;
    try {
        plan = planChronologyImport(baseCase(), bytes, docx ? "fuzz.docx" : "fuzz.xlsx", opt);
    } catch (const GenochronError&) {
        return 0;   // unreadable: a clear error, nothing imported
    }
    if (!plan.ok() || plan.added.empty()) return 0;
    Case c = baseCase();
    applyImportPlan(c, plan);
    std::string saved;
    try {
        saved = saveCaseToString(c);
    } catch (const std::exception& e) {
        FUZZ_CHECK(false, "an imported case could not be saved: %s", e.what());
    }
    LoadResult back = loadCaseString(saved, "saved.yaml");
    FUZZ_CHECK(back.model, "the case saved after the import does not load\n--- saved:\n%s", saved.c_str());
    auto diff = caseDifference(c, *back.model);
    FUZZ_CHECK(!diff, "the imported case reads back differently in %s\n--- saved:\n%s", diff ? diff->c_str() : "",
               saved.c_str());
    return 0;
}
