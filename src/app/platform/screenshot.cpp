#include "app/platform/screenshot.hpp"

#include "core/io/atomic_file.hpp"
#include "core/model/diagnostics.hpp"

#include <cairo.h>
#include <cstring>
#include <epoxy/gl.h>
#include <memory>
#include <vector>

namespace genochron::app {

void writeScreenshot(const std::string& path, int width, int height) {
    if (width <= 0 || height <= 0) throw GenochronError("the window has no pixels to save", path);
    // GL_BGRA bytes are Cairo's RGB24 layout on little-endian machines (B, G, R, x);
    // GL's rows run bottom up, Cairo's top down, hence the flip.
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, width);
    std::vector<unsigned char> gl(std::size_t(width) * 4 * std::size_t(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_BGRA, GL_UNSIGNED_BYTE, gl.data());
    std::vector<unsigned char> img(std::size_t(stride) * std::size_t(height));
    for (int y = 0; y < height; ++y)
        std::memcpy(&img[std::size_t(y) * std::size_t(stride)], &gl[std::size_t(height - 1 - y) * std::size_t(width) * 4],
                    std::size_t(width) * 4);

    struct SurfaceDeleter {
        void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
    };
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surf(
        cairo_image_surface_create_for_data(img.data(), CAIRO_FORMAT_RGB24, width, height, stride));
    std::string bytes;
    auto status = cairo_surface_write_to_png_stream(
        surf.get(),
        [](void* closure, const unsigned char* data, unsigned int len) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), len);
            return CAIRO_STATUS_SUCCESS;
        },
        &bytes);
    if (status != CAIRO_STATUS_SUCCESS)
        throw GenochronError(std::string("cannot encode the screenshot: ") + cairo_status_to_string(status), path);
    writeFileAtomic(path, bytes);
}

}  // namespace genochron::app
