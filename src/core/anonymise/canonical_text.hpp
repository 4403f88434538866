// One canonical text for publication safety, on ICU (libicu):
//
//   publishedText()   what anonymise writes into a published field and every view then
//                     draws: NFC, default-ignorable code points (soft hyphen, zero-width
//                     space/joiners, word joiner, BOM, bidi controls, variation selectors ...)
//                     dropped altogether, and a word broken by a hyphen at a line end joined.
//   appendFold()      the form text is MATCHED in (foldText in anonymise_text.hpp): the same
//                     ignorables dropped, NFKC with case folding, accents and other marks
//                     stripped, and letters that look like Latin ones (a Cyrillic 'о', a Greek
//                     'Α', mathematical and full-width letters) mapped to them by ICU's
//                     confusable skeleton (UTS #39).
//
// So a name hidden by an invisible character, by a look-alike letter or by a line break
// is found by the matcher, and what is published no longer carries the invisible
// characters: what is drawn is exactly what was checked.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace genochron::anon {

// The text a published field holds (see above). Invalid UTF-8 becomes U+FFFD.
std::string publishedText(std::string_view utf8);

// Appends the matching fold of one code point (nothing for an ignorable one). ASCII
// letters are only lower-cased: their look-alikes among themselves (0/O, 1/l, rn/m) are
// left, since typed text uses them on purpose.
void appendFold(char32_t c, std::u32string& out);

// Character classes (ICU properties).
bool isIgnorable(char32_t c);      // Default_Ignorable_Code_Point
bool isLetterOrDigit(char32_t c);  // alphabetic or a decimal digit, any script
bool isMark(char32_t c);           // a combining mark (Mn, Me, Mc)
bool isUpperOrTitle(char32_t c);
bool isLowerLetter(char32_t c);
bool isAlphabetic(char32_t c);
bool isDecimalDigit(char32_t c);
bool isWhiteSpace(char32_t c);
bool isLineBreak(char32_t c);      // \n \r U+0085 U+2028 U+2029 (and \v \f)
bool isApostrophe(char32_t c);     // ' and its typographic variants
bool isDash(char32_t c);           // - and the Unicode dashes and hyphens (not the soft hyphen)

// UTF-8: decodes the code point at i (U+FFFD, one byte long, when invalid) / appends one.
char32_t decodeUtf8(std::string_view s, std::size_t i, std::size_t& len);
void appendUtf8(std::string& out, char32_t c);

}  // namespace genochron::anon
