// Golden images of the genogram fixtures at 72 dpi, compared with a tolerance (anti-aliasing
// and font rasterising may differ slightly). Regenerate on purpose only:
//   GENOCHRON_UPDATE_GOLDEN=1 genochron_tests "[genogram][golden]"
#include "core/paint/cairo_painter.hpp"
#include "golden_support.hpp"
#include "test_genogram_support.hpp"

using namespace genochron;
using namespace genochron::test::geno;

namespace {

void checkGolden(const Case& c, const std::string& name, Theme theme = Theme::Colour) {
    ViewOptions opt;
    opt.theme = theme;
    opt.todayDays = daysFromCivil(2024, 1, 1);
    PaintOptions po;
    po.dpi = 72;
    genochron::test::checkAgainstGolden(paintToBytes(buildGenogramView(ViewCase::named(c), opt), FileFormat::Png, po),
                                        "genogram_" + name + ".png", 0.005);
}

}  // namespace

TEST_CASE("each fixture family's genogram matches its golden image", "[genogram][golden]") {
    for (auto& name : fixtureNames()) {
        INFO(name);
        checkGolden(loadFamily(name), name);
    }
}

TEST_CASE("the sample case's genogram matches its golden images in both themes", "[genogram][golden]") {
    Case c = loadSample("ashford-dhr.yaml");
    checkGolden(c, "ashford");
    checkGolden(c, "ashford_print", Theme::Print);
}
