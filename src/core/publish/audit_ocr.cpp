#include "core/publish/audit_ocr.hpp"

#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <cairo.h>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <future>
#include <librsvg/rsvg.h>
#include <memory>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

namespace genochron::audit_detail {

namespace {

// Tesseract reads best with letters 20-40 px high; figures at 150 dpi draw 9 pt text ~19 px.
constexpr int kTargetLongSide = 5000;       // enlarge smaller images towards this
constexpr double kMaxScale = 3.0;
constexpr std::int64_t kMaxPixels = 60'000'000;   // ~60 MB of grey: the largest image read whole

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

struct PngSource {
    std::string_view bytes;
    std::size_t at = 0;
};

cairo_status_t readPng(void* closure, unsigned char* data, unsigned int length) {
    auto* src = static_cast<PngSource*>(closure);
    if (src->bytes.size() - src->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, src->bytes.data() + src->at, length);
    src->at += length;
    return CAIRO_STATUS_SUCCESS;
}

double scaleFor(double w, double h) {
    double longSide = std::max(w, h);
    if (longSide <= 0) return 1;
    double s = std::clamp(kTargetLongSide / longSide, 1.0, kMaxScale);
    while (s > 0.05 && (w * s) * (h * s) > double(kMaxPixels)) s *= 0.9;   // a huge image: read smaller
    return s;
}

// An opaque white canvas of w x h with `draw` painted on it at `scale`.
Surface canvas(int w, int h) {
    Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS)
        throw GenochronError(fmt::format("cannot make a {} x {} image to read (out of memory?)", w, h));
    cairo_t* cr = cairo_create(s.get());
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_destroy(cr);
    return s;
}

Surface drawPng(std::string_view bytes) {
    PngSource src{bytes};
    Surface img(cairo_image_surface_create_from_png_stream(&readPng, &src));
    if (cairo_surface_status(img.get()) != CAIRO_STATUS_SUCCESS) throw GenochronError("not a readable PNG image");
    const int w = cairo_image_surface_get_width(img.get()), h = cairo_image_surface_get_height(img.get());
    const double s = scaleFor(w, h);
    Surface out = canvas(std::max(1, int(w * s)), std::max(1, int(h * s)));
    cairo_t* cr = cairo_create(out.get());
    cairo_scale(cr, s, s);
    cairo_set_source_surface(cr, img.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
    cairo_paint(cr);
    cairo_destroy(cr);
    return out;
}

Surface drawSvg(std::string_view bytes) {
    GError* err = nullptr;
    RsvgHandle* h = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &err);
    if (!h) {
        std::string why = err ? err->message : "unknown error";
        if (err) g_error_free(err);
        throw GenochronError("not a readable SVG image (" + why + ")");
    }
    double w = 0, h2 = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &h2) || w <= 0 || h2 <= 0) {
        RsvgRectangle ink{}, logical{};
        if (rsvg_handle_get_geometry_for_element(h, nullptr, &ink, &logical, nullptr)) {
            w = logical.width;
            h2 = logical.height;
        }
    }
    if (w <= 0 || h2 <= 0) {
        g_object_unref(h);
        throw GenochronError("the SVG has no size to draw it at");
    }
    const double s = scaleFor(w, h2);
    Surface out = canvas(std::max(1, int(w * s)), std::max(1, int(h2 * s)));
    cairo_t* cr = cairo_create(out.get());
    RsvgRectangle viewport{0, 0, w * s, h2 * s};
    gboolean ok = rsvg_handle_render_document(h, cr, &viewport, &err);
    cairo_destroy(cr);
    g_object_unref(h);
    if (!ok) {
        std::string why = err ? err->message : "unknown error";
        if (err) g_error_free(err);
        throw GenochronError("the SVG could not be drawn (" + why + ")");
    }
    return out;
}

// 8-bit grey of an RGB24 surface, turned by `quarter` quarter turns clockwise.
std::vector<unsigned char> grey(cairo_surface_t* s, int quarter, int& outW, int& outH) {
    const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    outW = quarter % 2 ? h : w;
    outH = quarter % 2 ? w : h;
    std::vector<unsigned char> g(std::size_t(outW) * std::size_t(outH));
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * std::size_t(stride));
        for (int x = 0; x < w; ++x) {
            std::uint32_t p = row[x];
            unsigned r = (p >> 16) & 0xff, gr = (p >> 8) & 0xff, b = p & 0xff;
            auto v = static_cast<unsigned char>((r * 299 + gr * 587 + b * 114) / 1000);
            int nx = x, ny = y;
            if (quarter == 1) { nx = h - 1 - y; ny = x; }        // clockwise
            else if (quarter == 3) { nx = y; ny = w - 1 - x; }   // anticlockwise
            g[std::size_t(ny) * std::size_t(outW) + std::size_t(nx)] = v;
        }
    }
    return g;
}

struct Engine {
    tesseract::TessBaseAPI api;
    std::string failed;
    Engine() {
        // Quiet: Tesseract's own warnings ("Invalid resolution") are not for the chair.
        api.SetVariable("debug_file", "/dev/null");
        if (api.Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0)
            failed = "the OCR engine (Tesseract) could not start: is its English data installed "
                     "(package tesseract-ocr-eng)?";
        api.SetVariable("debug_file", "/dev/null");
        // Labels scattered over a figure: find as much text as possible, in no particular order.
        api.SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
    }
};

struct Pass {
    std::string text, failed;
    std::vector<OcrWord> words;
};

std::string readPass(Engine& e, const std::vector<unsigned char>& g, int w, int h, std::vector<OcrWord>* words) {
    e.api.SetImage(g.data(), w, h, 1, w);
    e.api.SetSourceResolution(300);
    if (e.api.Recognize(nullptr) != 0) return {};
    std::unique_ptr<char[]> all(e.api.GetUTF8Text());
    std::string text = all ? all.get() : "";
    if (words) {
        std::unique_ptr<tesseract::ResultIterator> it(e.api.GetIterator());
        if (it) do {
                std::unique_ptr<char[]> wt(it->GetUTF8Text(tesseract::RIL_WORD));
                if (!wt) continue;
                words->push_back({wt.get(), it->Confidence(tesseract::RIL_WORD)});
            } while (it->Next(tesseract::RIL_WORD));
    }
    e.api.Clear();
    return text;
}

}  // namespace

OcrReading ocrImage(std::string_view bytes, bool svg) {
    Surface img = svg ? drawSvg(bytes) : drawPng(bytes);
    OcrReading r;
    r.width = cairo_image_surface_get_width(img.get());
    r.height = cairo_image_surface_get_height(img.get());
    // Upright, then turned both ways for text that runs up or down the page: three engines
    // at once (each pass is independent; Tesseract's engines share nothing).
    cairo_surface_flush(img.get());   // once, before the passes read its pixels together
    std::vector<std::future<Pass>> passes;
    for (int quarter : {0, 1, 3})
        passes.push_back(std::async(std::launch::async, [&img, quarter] {
            Pass p;
            Engine e;
            if (!e.failed.empty()) {
                p.failed = e.failed;
                return p;
            }
            int w = 0, h = 0;
            auto g = grey(img.get(), quarter, w, h);
            p.text = readPass(e, g, w, h, quarter == 0 ? &p.words : nullptr);
            return p;
        }));
    for (auto& f : passes) {
        Pass p = f.get();
        if (!p.failed.empty()) r.unreadable = p.failed;
        r.texts.push_back(std::move(p.text));
        if (!p.words.empty()) r.words = std::move(p.words);
    }
    if (!r.unreadable.empty()) return r;
    // A word is a guess below kOcrWordConfidence; too many guesses and the reading vouches for nothing.
    std::size_t letters = 0, guessed = 0;
    for (auto& w : r.words) {
        bool hasLetter = std::any_of(w.text.begin(), w.text.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
        });
        if (!hasLetter) continue;
        ++letters;
        if (w.confidence < kOcrWordConfidence) ++guessed;
    }
    if (letters > 0 && double(guessed) / double(letters) > kOcrMaxGuessShare)
        r.unreadable = fmt::format("OCR read {} of its {} words only as guesses (confidence under {:.0f}%); "
                                   "the text may be too small, faint or busy to check",
                                   guessed, letters, kOcrWordConfidence);
    return r;
}

}  // namespace genochron::audit_detail
