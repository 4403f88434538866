#include "app/platform/gl_util.hpp"

#include "core/io/atomic_file.hpp"
#include "core/model/diagnostics.hpp"

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <vector>

namespace genochron::app::gl {

void deleteTexture(GLuint id) { glDeleteTextures(1, &id); }
void deleteFramebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
void deleteVertexArray(GLuint id) { glDeleteVertexArrays(1, &id); }
void deleteProgram(GLuint id) { glDeleteProgram(id); }

std::string shaderSource(const std::string& name, std::string* origin) {
    namespace fs = std::filesystem;
    std::vector<fs::path> dirs;
    // GENOCHRON_SHADERS: a folder to read shaders from first, or "builtin" for the copies built in.
    const char* env = std::getenv("GENOCHRON_SHADERS");
    const bool builtinOnly = env && std::string_view(env) == "builtin";
    if (env && *env && !builtinOnly) dirs.emplace_back(env);
#ifdef GENOCHRON_SHADERS_DIR
    if (!builtinOnly) dirs.emplace_back(GENOCHRON_SHADERS_DIR);
#endif
    for (auto& d : dirs) {
        std::error_code ec;
        fs::path p = d / name;
        if (!fs::is_regular_file(p, ec)) continue;
        try {
            std::string s = readFile(p.string(), 1 << 20);
            if (origin) *origin = p.string();
            return s;
        } catch (const GenochronError&) {
            // unreadable: fall back to the built-in copy below
        }
    }
    auto e = embeddedShader(name);
    if (e.empty()) throw GenochronError("shader '" + name + "' is neither in the shaders folder nor built in");
    if (origin) *origin = "built-in";
    return std::string(e);
}

namespace {

GLuint compile(GLenum type, const std::string& name) {
    std::string src = shaderSource(name);
    GLuint s = glCreateShader(type);
    const char* p = src.c_str();
    glShaderSource(s, 1, &p, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint len = 0;
        glGetShaderiv(s, GL_INFO_LOG_LENGTH, &len);
        std::string log(std::size_t(std::max(len, 1)), '\0');
        glGetShaderInfoLog(s, len, nullptr, log.data());
        glDeleteShader(s);
        throw GenochronError("shader did not compile: " + log, name);
    }
    return s;
}

}  // namespace

Program linkProgram(const std::string& vertexName, const std::string& fragmentName) {
    GLuint vs = compile(GL_VERTEX_SHADER, vertexName);
    GLuint fs = 0;
    try {
        fs = compile(GL_FRAGMENT_SHADER, fragmentName);
    } catch (...) {
        glDeleteShader(vs);
        throw;
    }
    Program prog(glCreateProgram());
    glAttachShader(prog.get(), vs);
    glAttachShader(prog.get(), fs);
    glLinkProgram(prog.get());
    glDeleteShader(vs);   // flagged; freed with the program
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(prog.get(), GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint len = 0;
        glGetProgramiv(prog.get(), GL_INFO_LOG_LENGTH, &len);
        std::string log(std::size_t(std::max(len, 1)), '\0');
        glGetProgramInfoLog(prog.get(), len, nullptr, log.data());
        throw GenochronError("shader program did not link: " + log, vertexName + " + " + fragmentName);
    }
    return prog;
}

}  // namespace genochron::app::gl
