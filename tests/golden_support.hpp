// Golden-image comparison shared by the figure tests: PNG bytes against a stored image, with
// a tolerance (anti-aliasing and font rasterising may differ slightly). Regenerate on purpose
// only, after looking: GENOCHRON_UPDATE_GOLDEN=1 genochron_tests "[golden]"
#pragma once

#include <cairo.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace genochron::test {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

inline SurfacePtr readPng(const std::string& path) {
    SurfacePtr s(cairo_image_surface_create_from_png(path.c_str()));
    if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    return s;
}

// Share of pixels where any channel differs by more than `threshold` (0-255).
inline double differingShare(cairo_surface_t* a, cairo_surface_t* b, int threshold) {
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    const int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
    const unsigned char* pa = cairo_image_surface_get_data(a);
    const unsigned char* pb = cairo_image_surface_get_data(b);
    long differing = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int ch = 0; ch < 4; ++ch)
                if (std::abs(int(pa[y * sa + 4 * x + ch]) - int(pb[y * sb + 4 * x + ch])) > threshold) {
                    ++differing;
                    break;
                }
    return double(differing) / double(std::max(1, w * h));
}

// Compares PNG `bytes` with tests/golden/`name` (or rewrites it under GENOCHRON_UPDATE_GOLDEN=1).
// A differing image is kept in the temp folder to look at.
inline void checkAgainstGolden(const std::string& bytes, const std::string& name, double tolerance) {
    const std::string golden = std::string(GENOCHRON_SOURCE_DIR) + "/tests/golden/" + name;
    const char* update = std::getenv("GENOCHRON_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::filesystem::create_directories(std::filesystem::path(golden).parent_path());
        std::ofstream(golden, std::ios::binary) << bytes;
        WARN("updated " << golden);
        return;
    }
    auto expected = readPng(golden);
    if (!expected) FAIL("no golden image " << golden << "; create it with GENOCHRON_UPDATE_GOLDEN=1");
    const std::string actualPath = (std::filesystem::temp_directory_path() / ("genochron-actual-" + name)).string();
    std::ofstream(actualPath, std::ios::binary) << bytes;
    auto actual = readPng(actualPath);
    REQUIRE(actual);
    INFO("compare " << actualPath << " with " << golden);
    REQUIRE(cairo_image_surface_get_width(actual.get()) == cairo_image_surface_get_width(expected.get()));
    REQUIRE(cairo_image_surface_get_height(actual.get()) == cairo_image_surface_get_height(expected.get()));
    const double share = differingShare(actual.get(), expected.get(), 64);
    CHECK(share < tolerance);
    if (share < tolerance) std::filesystem::remove(actualPath);
}

}  // namespace genochron::test
