// Move-only owners for the few OpenGL objects the canvas uses, and shader loading.
// Our own GL goes through libepoxy; ImGui's backend loads GL for itself.
#pragma once
#include <epoxy/gl.h>

#include <string>
#include <utility>

namespace genochron::app::gl {

// A GL name with its delete function; deleting needs the context current, which it is
// for the app's whole life (owners are destroyed before the window).
template <void (*Delete)(GLuint)> class Handle {
public:
    Handle() = default;
    explicit Handle(GLuint id) : m_id(id) {}
    Handle(Handle&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
    Handle& operator=(Handle&& o) noexcept {
        if (this != &o) {
            reset();
            m_id = std::exchange(o.m_id, 0);
        }
        return *this;
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() { reset(); }
    void reset() {
        if (m_id) Delete(m_id);
        m_id = 0;
    }
    GLuint get() const { return m_id; }
    explicit operator bool() const { return m_id != 0; }

private:
    GLuint m_id = 0;
};

void deleteTexture(GLuint id);
void deleteFramebuffer(GLuint id);
void deleteVertexArray(GLuint id);
void deleteProgram(GLuint id);

using Texture = Handle<deleteTexture>;
using Framebuffer = Handle<deleteFramebuffer>;
using VertexArray = Handle<deleteVertexArray>;
using Program = Handle<deleteProgram>;

// The source of shaders/<name>: from GENOCHRON_SHADERS_DIR (or $GENOCHRON_SHADERS) when the
// file is there, so shaders can be edited without a rebuild; else the copy built in.
std::string shaderSource(const std::string& name, std::string* origin = nullptr);
// The built-in copy (canvas_shaders.cpp); empty if there is none.
std::string_view embeddedShader(std::string_view name);

// Compiles and links; throws GenochronError with the driver's log.
Program linkProgram(const std::string& vertexName, const std::string& fragmentName);

}  // namespace genochron::app::gl
