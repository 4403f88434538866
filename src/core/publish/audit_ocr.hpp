// Internal to the audit: the text drawn in a PNG or an SVG, read back by OCR (Tesseract,
// English), so the audit can search pixels and glyph outlines as it searches a PDF's text.
// An SVG is drawn first (librsvg). What cannot be read well enough is said, never passed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace genochron::audit_detail {

struct OcrWord {
    std::string text;
    float confidence = 0;   // Tesseract's, 0..100
};

struct OcrReading {
    std::vector<std::string> texts;   // what was read: one text per pass (upright, turned)
    std::vector<OcrWord> words;       // every word of the upright pass, with its confidence
    int width = 0, height = 0;        // the image read, in pixels (after any enlargement)
    std::string unreadable;           // not empty: why the image could not be read well enough
};

// Enough confidence to vouch for a reading: most of the words read with confidence.
inline constexpr float kOcrWordConfidence = 60;   // a word below this is a guess
inline constexpr double kOcrMaxGuessShare = 0.25; // more guessed words than this: not verified

// `svg`: the bytes are an SVG (else a PNG). Throws GenochronError when they are not an image
// of that kind. Never throws for an image it cannot read well: `unreadable` says why.
OcrReading ocrImage(std::string_view bytes, bool svg);

}  // namespace genochron::audit_detail
