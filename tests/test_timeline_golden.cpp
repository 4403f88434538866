// Golden images of the timeline fixture, compared with a tolerance (anti-aliasing and font
// rasterising may differ slightly). Regenerate on purpose only:
//   GENOCHRON_UPDATE_GOLDEN=1 genochron_tests "[timeline][golden]"
#include "core/paint/cairo_painter.hpp"
#include "golden_support.hpp"
#include "test_timeline_support.hpp"

using namespace genochron;
using namespace genochron::test::tl;

namespace {

void checkGolden(const std::string& name, const ViewOptions& opt) {
    Case c = loadFixture("marks.yaml");
    PaintOptions po;
    po.dpi = 54;
    genochron::test::checkAgainstGolden(paintToBytes(buildTimelineView(ViewCase::named(c), opt), FileFormat::Png, po),
                                        name, 0.004);
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
