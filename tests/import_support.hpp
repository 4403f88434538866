// Test helpers for the importers: Excel workbooks made with libxlsxwriter, Word documents
// and edited zips made with libzip, so every fixture is built from code a reader can check.
#pragma once
#include "support.hpp"

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>
#include <xlsxwriter.h>
#include <zip.h>

namespace genochron::test {

inline std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Builds a workbook at `path` with `fill` and returns its bytes.
inline std::string makeXlsx(const std::string& path, const std::function<void(lxw_workbook*)>& fill,
                            bool constantMemory = false) {
    lxw_workbook_options opt{};
    opt.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;   // constant memory writes inline strings
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
    if (!wb) throw std::runtime_error("workbook_new failed");
    fill(wb);
    if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("workbook_close failed");
    return readBytes(path);
}

// Writes a zip of (name, content) entries at `path` and returns its bytes.
inline std::string makeZip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) throw std::runtime_error("zip_open failed");
    for (auto& [name, content] : entries) {
        zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
        if (!s || zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) < 0) throw std::runtime_error("zip_file_add failed");
    }
    if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
    return readBytes(path);
}

// Every entry of the zip at `path`, in order.
inline std::vector<std::pair<std::string, std::string>> unzipAll(const std::string& path) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (!z) throw std::runtime_error("zip_open failed");
    std::vector<std::pair<std::string, std::string>> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, zip_uint64_t(i), 0, &st);
        zip_file_t* f = zip_fopen_index(z, zip_uint64_t(i), 0);
        std::string data(st.size, '\0');
        zip_fread(f, data.data(), st.size);
        zip_fclose(f);
        out.emplace_back(st.name, std::move(data));
    }
    zip_discard(z);
    return out;
}

// Rewrites one entry of an existing zip (e.g. to set the 1904 date system, which
// libxlsxwriter does not write) and returns the new bytes.
inline std::string editZip(const std::string& path, const std::string& entry,
                           const std::function<std::string(std::string)>& edit) {
    auto entries = unzipAll(path);
    for (auto& [n, c] : entries)
        if (n == entry) c = edit(c);
    return makeZip(path, entries);
}

inline std::string xmlEscape(const std::string& s) {
    std::string r;
    for (char c : s) {
        if (c == '&') r += "&amp;";
        else if (c == '<') r += "&lt;";
        else if (c == '>') r += "&gt;";
        else if (c == '"') r += "&quot;";
        else r += c;
    }
    return r;
}

// A Word paragraph of plain text (line breaks become <w:br/>).
inline std::string wPara(const std::string& text) {
    std::string runs;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n') continue;
        if (start > 0) runs += "<w:r><w:br/></w:r>";
        runs += "<w:r><w:t xml:space=\"preserve\">" + xmlEscape(text.substr(start, i - start)) + "</w:t></w:r>";
        start = i + 1;
    }
    return "<w:p>" + runs + "</w:p>";
}

// A cell: paragraphs separated by '\f' in `text`; `props` goes into <w:tcPr>.
inline std::string wCell(const std::string& text, const std::string& props = "") {
    std::string paras;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\f') continue;
        paras += wPara(text.substr(start, i - start));
        start = i + 1;
    }
    return "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/>" + props + "</w:tcPr>" + paras + "</w:tc>";
}

inline std::string wRow(const std::vector<std::string>& cells, bool header = false) {
    std::string r = "<w:tr>";
    if (header) r += "<w:trPr><w:tblHeader/></w:trPr>";
    for (auto& c : cells) r += c.rfind("<w:tc>", 0) == 0 ? c : wCell(c);
    return r + "</w:tr>";
}

inline std::string wTable(const std::vector<std::string>& rows, int gridCols) {
    std::string t = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>";
    for (int i = 0; i < gridCols; ++i) t += "<w:gridCol w:w=\"2000\"/>";
    t += "</w:tblGrid>";
    for (auto& r : rows) t += r;
    return t + "</w:tbl>";
}

// A .docx at `path` whose body is `bodyXml` (paragraphs and tables), as Word lays one out.
inline std::string makeDocx(const std::string& path, const std::string& bodyXml) {
    std::string types =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        "</Types>";
    std::string rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>";
    std::string doc =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
        "<w:body>" +
        bodyXml + "<w:sectPr/></w:body></w:document>";
    return makeZip(path, {{"[Content_Types].xml", types}, {"_rels/.rels", rels}, {"word/document.xml", doc}});
}

}  // namespace genochron::test
