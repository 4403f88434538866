#include "core/io/assets.hpp"

#include <cstdlib>
#include <filesystem>

namespace genochron {

std::string assetPath(const std::string& name) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (const char* env = std::getenv("GENOCHRON_ASSETS"); env && *env) {
        fs::path p = fs::path(env) / name;
        if (fs::exists(p, ec)) return p.string();
    }
    for (const char* dir : {GENOCHRON_SOURCE_ASSETS_DIR, GENOCHRON_INSTALL_ASSETS_DIR}) {
        fs::path p = fs::path(dir) / name;
        if (fs::exists(p, ec)) return p.string();
    }
    return (fs::path(GENOCHRON_SOURCE_ASSETS_DIR) / name).string();
}

}  // namespace genochron
