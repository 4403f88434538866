// Built-in copies of shaders/*.glsl, used when that folder is missing (an installed
// app without its data files). CMake writes embedded_shaders.inc from the files at configure
// time (and again whenever a shader changes), so the copies cannot drift.
#include "app/platform/gl_util.hpp"

namespace genochron::app::gl {

namespace {

struct Embedded {
    std::string_view name, source;
};

constexpr Embedded kShaders[] = {
#include "embedded_shaders.inc"
};

}  // namespace

std::string_view embeddedShader(std::string_view name) {
    for (auto& s : kShaders)
        if (s.name == name) return s.source;
    return {};
}

}  // namespace genochron::app::gl
