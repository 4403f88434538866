// The layering of src/ as the README's "How it is built" writes it down: every #include of
// every source file is read and checked against the table of what each stage may use.
// CMake links each stage only to the stages it may use, so the build refuses a forbidden call;
// this test refuses the forbidden #include, and says which arrow and where.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Stage -> the stages it may include (besides itself). Arrows run one way:
// model <- io/import/anonymise/check <- figures <- publish; scene <- figures and paint.
const std::map<std::string, std::set<std::string>>& allowed() {
    static const std::map<std::string, std::set<std::string>> table = {
        {"core/model", {}},
        {"core/io", {"core/model"}},
        {"core/anonymise", {"core/model"}},
        {"core/import", {"core/model", "core/io"}},
        {"core/check", {"core/model", "core/io", "core/anonymise"}},
        {"core/scene", {}},
        {"core/figures", {"core/model", "core/anonymise", "core/scene"}},
        {"core/paint", {"core/model", "core/io", "core/scene"}},
        {"core/publish",
         {"core/model", "core/io", "core/anonymise", "core/figures", "core/paint", "core/scene"}},
        {"cli", {"core/model", "core/io", "core/import", "core/anonymise", "core/check", "core/scene",
                 "core/figures", "core/paint", "core/publish"}},
        // The app: platform (GL, screenshots, frame times) <- session (the open case, workers,
        // events) <- views (one per tab, and the widgets they share) <- shell (window, menus,
        // modals); src/app/main.cpp starts the shell.
        {"app/platform", {"core/model", "core/io", "core/import", "core/anonymise", "core/check", "core/scene",
                          "core/figures", "core/paint", "core/publish"}},
        {"app/session", {"core/model", "core/io", "core/import", "core/anonymise", "core/check", "core/scene",
                          "core/figures", "core/paint", "core/publish", "app/platform"}},
        {"app/views", {"core/model", "core/io", "core/import", "core/anonymise", "core/check", "core/scene",
                          "core/figures", "core/paint", "core/publish", "app/platform", "app/session"}},
        {"app/shell", {"core/model", "core/io", "core/import", "core/anonymise", "core/check", "core/scene",
                          "core/figures", "core/paint", "core/publish", "app/platform", "app/session", "app/views"}},
        {"app", {"core/model", "core/io", "core/import", "core/anonymise", "core/check", "core/scene",
                          "core/figures", "core/paint", "core/publish", "app/shell"}},
    };
    return table;
}

// Libraries only the desktop app may include: the command line and core never touch a display.
const std::vector<std::string> kGuiHeaders = {"imgui", "GLFW", "backends/", "epoxy", "GL/"};

// "src/core/figures/genogram/genogram_view.cpp" -> "core/figures"; "src/app/views/canvas.cpp"
// -> "app/views"; "src/app/main.cpp" -> "app".
std::string stageOf(const std::string& relPath) {
    std::string p = relPath.rfind("src/", 0) == 0 ? relPath.substr(4) : relPath;
    auto first = p.find('/');
    if (first == std::string::npos) return {};
    std::string top = p.substr(0, first);
    if (top != "core" && top != "app") return top;
    auto second = p.find('/', first + 1);
    return second == std::string::npos ? top : p.substr(0, second);
}

bool isDetail(const std::string& includePath) { return includePath.find("/detail/") != std::string::npos; }

// A stage's detail/ headers are its own, except where a neighbour is named here: the painter
// draws text with the very Pango set-up that scene/ measures it with.
bool mayUseDetail(const std::string& from, const std::string& to) { return from == "core/paint" && to == "core/scene"; }

struct Source {
    std::string path;   // relative to the project, e.g. src/core/io/case_reader.cpp
    std::string text;
};

// Every arrow the table forbids, as "FILE:LINE: STAGE may not include TARGET".
std::vector<std::string> violations(const std::vector<Source>& sources) {
    static const std::regex inc(R"re(^\s*#\s*include\s*([<"])([^">]+)[">])re");
    std::vector<std::string> out;
    for (const auto& s : sources) {
        const std::string from = stageOf(s.path);
        auto rule = allowed().find(from);
        std::istringstream in(s.text);
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            std::smatch m;
            if (!std::regex_search(line, m, inc)) continue;
            const std::string target = m[2];
            auto where = s.path + ":" + std::to_string(n) + ": ";
            if (from.rfind("app", 0) != 0)
                for (const auto& g : kGuiHeaders)
                    if (target.rfind(g, 0) == 0) out.push_back(where + from + " may not include the GUI header " + target);
            if (m[1] != "\"") continue;
            const std::string to = stageOf(target);
            if (to.empty()) {
                if (rule == allowed().end()) continue;
                // a quoted include that names no stage: only files beside it in the same folder
                if (target.find('/') == std::string::npos) continue;
                out.push_back(where + "'" + target + "' names no stage folder");
                continue;
            }
            if (rule == allowed().end()) {
                out.push_back(where + "'" + from + "' is not in the layering table");
                continue;
            }
            if (to == from) continue;
            if (!rule->second.count(to)) out.push_back(where + from + " may not include " + target + " (" + to + ")");
            else if (isDetail(target) && !mayUseDetail(from, to)) out.push_back(where + from + " may not include another stage's internal " + target);
        }
    }
    return out;
}

std::vector<Source> projectSources() {
    std::vector<Source> out;
    const fs::path root = GENOCHRON_SOURCE_DIR;
    for (const auto& e : fs::recursive_directory_iterator(root / "src")) {
        if (!e.is_regular_file()) continue;
        auto ext = e.path().extension().string();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
        std::ifstream f(e.path(), std::ios::binary);
        std::ostringstream ss;
        ss << f.rdbuf();
        out.push_back({fs::relative(e.path(), root).generic_string(), ss.str()});
    }
    std::sort(out.begin(), out.end(), [](const Source& a, const Source& b) { return a.path < b.path; });
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += x + "\n";
    return s;
}

}  // namespace

TEST_CASE("every #include in src/ follows the layering table", "[layering]") {
    auto sources = projectSources();
    REQUIRE(sources.size() > 100);   // the walk found the tree
    auto bad = violations(sources);
    INFO(joined(bad));
    CHECK(bad.empty());
}

TEST_CASE("the layering check refuses an arrow against the flow", "[layering]") {
    // A figure reaching up to the report pack, a model header including the parser, and
    // core including the app: each must be named with its file and line.
    std::vector<Source> planted = {
        {"src/core/figures/genogram/genogram_view.cpp", "#include \"core/model/model.hpp\"\n"
                                                         "#include \"core/publish/report_pack.hpp\"\n"},
        {"src/core/model/model.hpp", "#pragma once\n#include \"core/io/yaml_doc.hpp\"\n"},
        {"src/core/check/check.cpp", "#include \"app/app.hpp\"\n"},
        {"src/cli/main.cpp", "#include <GLFW/glfw3.h>\n"},
        {"src/core/figures/views.cpp", "#include \"core/scene/detail/pango_text.hpp\"\n"},
        {"src/app/views/view_people.cpp", "#include \"app/shell/shell.hpp\"\n"},
    };
    auto bad = violations(planted);
    INFO(joined(bad));
    REQUIRE(bad.size() == 6);
    CHECK(bad[0] == "src/core/figures/genogram/genogram_view.cpp:2: core/figures may not include "
                    "core/publish/report_pack.hpp (core/publish)");
    CHECK(bad[1] == "src/core/model/model.hpp:2: core/model may not include core/io/yaml_doc.hpp (core/io)");
    CHECK(bad[2].find("core/check may not include app/app.hpp") != std::string::npos);
    CHECK(bad[3].find("cli may not include the GUI header GLFW/glfw3.h") != std::string::npos);
    CHECK(bad[4].find("internal core/scene/detail/pango_text.hpp") != std::string::npos);
    CHECK(bad[5] == "src/app/views/view_people.cpp:1: app/views may not include app/shell/shell.hpp (app/shell)");
}

TEST_CASE("allowed arrows pass the layering check", "[layering]") {
    std::vector<Source> fine = {
        {"src/core/publish/report_pack.cpp", "#include \"core/figures/views.hpp\"\n#include <cairo.h>\n"},
        {"src/core/paint/cairo_painter.cpp", "#include \"core/scene/detail/pango_text.hpp\"\n"},
        {"src/app/views/canvas.cpp", "#include <GLFW/glfw3.h>\n#include \"core/figures/views.hpp\"\n"},
        {"src/app/shell/shell.hpp", "#include \"app/views/view.hpp\"\n#include \"app/session/session.hpp\"\n"},
    };
    auto bad = violations(fine);
    INFO(joined(bad));
    CHECK(bad.empty());
}

TEST_CASE("the command-line program links no GUI library", "[layering]") {
    // `genochron` runs on servers and in CI with no display: only genochron-app may bring
    // GLFW, OpenGL, libepoxy or Dear ImGui. (libX11 may appear: Debian's Cairo links it.)
    std::string cmd = std::string("ldd '") + GENOCHRON_BINARY + "' 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
    REQUIRE(pipe);
    std::string out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, pipe.get())) out += buf;
    INFO(out);
    REQUIRE(out.find("libc.so") != std::string::npos);   // ldd read the program
    for (const char* gui : {"libglfw", "libepoxy", "libGL.so", "libGLX", "libOpenGL", "libimgui", "libstb"})
        CHECK(out.find(gui) == std::string::npos);
}
