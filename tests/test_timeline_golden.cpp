// Golden images of the timeline fixture, compared with a tolerance (anti-aliasing and font
// rasterising may differ slightly). Regenerate on purpose only:
//   GENOCHRON_UPDATE_GOLDEN=1 genochron_tests "[timeline][golden]"
#include "test_timeline_support.hpp"

#include <cairo.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

using namespace genochron;
using namespace genochron::test::tl;

namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

SurfacePtr readPng(const std::string& path) {
    SurfacePtr s(cairo_image_surface_create_from_png(path.c_str()));
    if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    return s;
}

// Share of pixels whose channels differ by more than `threshold` (0-255).
double differingShare(cairo_surface_t* a, cairo_surface_t* b, int threshold) {
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
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

void checkGolden(const std::string& name, const ViewOptions& opt) {
    Case c = loadFixture("marks.yaml");
    PaintOptions po;
    po.dpi = 54;
    std::string bytes = paintToBytes(buildTimelineView(ViewCase::named(c), opt), FileFormat::Png, po);
    std::string golden = std::string(GENOCHRON_SOURCE_DIR) + "/tests/golden/" + name;
    const char* update = std::getenv("GENOCHRON_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::filesystem::create_directories(std::filesystem::path(golden).parent_path());
        std::ofstream(golden, std::ios::binary) << bytes;
        WARN("updated " << golden);
        return;
    }
    auto expected = readPng(golden);
    if (!expected) FAIL("no golden image " << golden << "; create it with GENOCHRON_UPDATE_GOLDEN=1");
    std::string actualPath = (std::filesystem::temp_directory_path() / ("genochron-actual-" + name)).string();
    std::ofstream(actualPath, std::ios::binary) << bytes;
    auto actual = readPng(actualPath);
    REQUIRE(actual);
    INFO("compare " << actualPath << " with " << golden);
    REQUIRE(cairo_image_surface_get_width(actual.get()) == cairo_image_surface_get_width(expected.get()));
    REQUIRE(cairo_image_surface_get_height(actual.get()) == cairo_image_surface_get_height(expected.get()));
    const double share = differingShare(actual.get(), expected.get(), 64);
    CHECK(share < 0.004);
    if (share < 0.004) std::filesystem::remove(actualPath);   // kept to look at when it differs
}

}  // namespace

TEST_CASE("the fixture's timeline matches its golden image (colour)", "[timeline][golden]") {
    checkGolden("timeline_marks.png", {});
}

TEST_CASE("the fixture's timeline matches its golden image (print)", "[timeline][golden]") {
    ViewOptions opt;
    opt.theme = Theme::Print;
    checkGolden("timeline_marks_print.png", opt);
}
