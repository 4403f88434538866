// The app's built-in shader copies must match shaders/*.glsl, or an installed app
// without its data folder would draw differently from a development build.
#include "core/io/atomic_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("the built-in shader copies match the shader files", "[app]") {
#ifndef GENOCHRON_EMBEDDED_SHADERS
    WARN("this build has no desktop app (GENOCHRON_BUILD_APP=OFF): skipped");
    return;
#else
    std::string root = GENOCHRON_SOURCE_DIR;
    std::string cpp = genochron::readFile(GENOCHRON_EMBEDDED_SHADERS);   // what canvas_shaders.cpp includes
    int n = 0;
    for (auto& entry : fs::directory_iterator(root + "/shaders")) {
        if (entry.path().extension() != ".glsl") continue;
        ++n;
        std::string name = entry.path().filename().string();
        std::string src = genochron::readFile(entry.path().string());
        INFO(name << " differs from its built-in copy; re-run cmake");
        CHECK(cpp.find("{\"" + name + "\", R\"glsl(" + src + ")glsl\"}") != std::string::npos);
        CHECK(src.rfind("#version 330 core", 0) == 0);
    }
    CHECK(n >= 4);
#endif
}
