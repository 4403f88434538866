// Draws scenes with Cairo and Pango: PNG, SVG and PDF files, and raw pixels for the app.
#pragma once
#include "core/scene/page.hpp"
#include "core/scene/scene.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace genochron {

enum class FileFormat { Png, Svg, Pdf };
// From the extension (.png/.svg/.pdf, any case); throws GenochronError naming the path otherwise.
FileFormat formatForPath(const std::string& path);

// A run of a page's items that makes one element of a tagged PDF's structure ("H1", "P",
// "Figure", "Sect"): items [first, last). Tags nest; outer ones come first. Painted through
// Cairo's tag API; PNG and SVG ignore them.
struct StructTag {
    std::string name;
    std::size_t first = 0, last = 0;
};

struct PaintOptions {
    PageSpec page;
    double dpi = 300;          // PNG only
    int maxPixels = 14000;     // per side; larger PNGs are drawn at a lower dpi (reported)
    // PDF only: the structure tags of each page (index = page), e.g. the report pack's.
    const std::vector<std::vector<StructTag>>* tags = nullptr;
};

// Paints every page. PNG: a single image (pages stacked top to bottom).
// Returns the file's bytes; nothing is written. Throws GenochronError on a Cairo failure.
std::string paintToBytes(const Document& doc, FileFormat fmt, const PaintOptions& opt, std::string* note = nullptr);

// Paints and writes atomically (never half a file).
void paintToFile(const Document& doc, const std::string& path, const PaintOptions& opt, std::string* note = nullptr);

// Raw BGRA pixels (Cairo ARGB32, premultiplied) of one page at `scale` pixels per point:
// the app uploads these as a texture.
struct Pixels {
    int width = 0, height = 0, stride = 0;
    std::vector<std::uint8_t> data;
};
Pixels paintToPixels(const Scene& scene, double scale);

}  // namespace genochron
