#include "core/anonymise/canonical_text.hpp"

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

namespace genochron::anon {

namespace {

// ICU's singletons for what the fold needs. The normalizers are owned by ICU; the spoof
// checker is ours, opened once (uspoof_getSkeleton is safe to call from several threads).
struct Icu {
    const icu::Normalizer2* nfkcCf = nullptr;
    const icu::Normalizer2* nfd = nullptr;
    const icu::Normalizer2* nfc = nullptr;
    USpoofChecker* spoof = nullptr;
    Icu() {
        UErrorCode e = U_ZERO_ERROR;
        nfkcCf = icu::Normalizer2::getNFKCCasefoldInstance(e);
        nfd = icu::Normalizer2::getNFDInstance(e);
        nfc = icu::Normalizer2::getNFCInstance(e);
        UErrorCode s = U_ZERO_ERROR;
        spoof = uspoof_open(&s);
        if (U_FAILURE(s)) spoof = nullptr;
        if (U_FAILURE(e)) nfkcCf = nfd = nfc = nullptr;
    }
    ~Icu() {
        if (spoof) uspoof_close(spoof);
    }
};
const Icu& icuData() {
    static const Icu icu;
    return icu;
}

// Case folded (NFKC_Casefold), decomposed, marks dropped.
icu::UnicodeString foldedBase(const icu::UnicodeString& s) {
    const Icu& icu = icuData();
    UErrorCode e = U_ZERO_ERROR;
    icu::UnicodeString f = icu.nfkcCf ? icu.nfkcCf->normalize(s, e) : s;
    icu::UnicodeString d = icu.nfd ? icu.nfd->normalize(f, e) : f;
    icu::UnicodeString out;
    for (int32_t i = 0; i < d.length();) {
        UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        if (!isMark(char32_t(c))) out.append(c);
    }
    return out;
}

bool allAscii(const icu::UnicodeString& s) {
    for (int32_t i = 0; i < s.length(); ++i)
        if (s.charAt(i) >= 0x80) return false;
    return true;
}

icu::UnicodeString skeleton(UChar32 c) {
    const Icu& icu = icuData();
    icu::UnicodeString in(c), out;
    if (!icu.spoof) return in;
    UErrorCode e = U_ZERO_ERROR;
    uspoof_getSkeletonUnicodeString(icu.spoof, 0, in, out, &e);
    return U_FAILURE(e) ? in : out;
}

// The fold of one non-ASCII code point, worked out with ICU (cached below).
std::u32string foldSlow(char32_t c) {
    std::u32string out;
    if (isIgnorable(c)) return out;
    if (isWhiteSpace(c)) return U" ";
    if (isApostrophe(c)) return U"'";
    if (isDash(c)) return U"-";
    if (isMark(c)) return out;
    icu::UnicodeString f = foldedBase(icu::UnicodeString(UChar32(c)));
    if (!allAscii(f) || isUpperOrTitle(c)) {
        // A look-alike of a Latin letter: its confusable skeleton. The skeleton is taken of the
        // letter and of its capital (Cyrillic 'к' only looks like 'k' through 'К'); an upper-case
        // letter whose skeleton is 'l' looks like 'I' (ASCII I and l share a skeleton).
        icu::UnicodeString sk = skeleton(UChar32(c));
        icu::UnicodeString a = foldedBase(sk);
        if (isUpperOrTitle(c) && sk == icu::UnicodeString(u"l")) a = icu::UnicodeString(u"i");
        if (!allAscii(a)) {
            icu::UnicodeString b = foldedBase(skeleton(u_toupper(UChar32(c))));
            if (allAscii(b) && b != icu::UnicodeString(u"l")) a = b;
        }
        if (allAscii(a) && a.length() > 0) f = a;
    }
    for (int32_t i = 0; i < f.length();) {
        UChar32 d = f.char32At(i);
        i += U16_LENGTH(d);
        out.push_back(char32_t(d));
    }
    return out;
}

// Folds of non-ASCII code points, 256 at a time, filled on first use.
struct FoldCache {
    using Block = std::array<std::u32string, 256>;
    std::array<std::atomic<const Block*>, 0x110000 / 256> blocks{};
    std::mutex m;
    std::vector<std::unique_ptr<Block>> owned;
    const std::u32string& get(char32_t c) {
        std::size_t b = c >> 8;
        const Block* blk = blocks[b].load(std::memory_order_acquire);
        if (!blk) {
            std::lock_guard<std::mutex> lock(m);
            blk = blocks[b].load(std::memory_order_relaxed);
            if (!blk) {
                auto fresh = std::make_unique<Block>();
                for (char32_t k = 0; k < 256; ++k) {
                    char32_t cp = char32_t(b << 8) | k;
                    if (cp >= 0x80 && !(cp >= 0xD800 && cp <= 0xDFFF)) (*fresh)[k] = foldSlow(cp);
                }
                blk = fresh.get();
                owned.push_back(std::move(fresh));
                blocks[b].store(blk, std::memory_order_release);
            }
        }
        return (*blk)[c & 0xFF];
    }
};
FoldCache& foldCache() {
    static FoldCache cache;
    return cache;
}

}  // namespace

bool isIgnorable(char32_t c) { return c >= 0x80 && u_hasBinaryProperty(UChar32(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT); }
bool isAlphabetic(char32_t c) {
    if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    return u_hasBinaryProperty(UChar32(c), UCHAR_ALPHABETIC);
}
bool isDecimalDigit(char32_t c) {
    if (c < 0x80) return c >= U'0' && c <= U'9';
    return u_isdigit(UChar32(c));
}
bool isLetterOrDigit(char32_t c) {
    if (c < 0x80) return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    if (c == U'\uFFFD') return false;
    return isAlphabetic(c) || isDecimalDigit(c);
}
bool isMark(char32_t c) {
    if (c < 0x80) return false;
    int8_t t = u_charType(UChar32(c));
    return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}
bool isUpperOrTitle(char32_t c) {
    if (c < 0x80) return c >= U'A' && c <= U'Z';
    return u_isupper(UChar32(c)) || u_istitle(UChar32(c));
}
bool isLowerLetter(char32_t c) {
    if (c < 0x80) return c >= U'a' && c <= U'z';
    return u_islower(UChar32(c));
}
bool isWhiteSpace(char32_t c) {
    if (c < 0x80) return c == U' ' || (c >= U'\t' && c <= U'\r');
    return u_isUWhiteSpace(UChar32(c));
}
bool isLineBreak(char32_t c) {
    return c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == U'\u0085' || c == U'\u2028' || c == U'\u2029';
}
bool isApostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'\u02BC' || c == U'\u0060' || c == U'\u00B4' ||
           c == U'\u2032' || c == U'\uFF07' || c == U'\u02B9' || c == U'\u02BB';
}
bool isDash(char32_t c) {
    if (c == U'-') return true;
    if (c < 0x80 || c == U'\u00AD') return false;
    return (c >= U'\u2010' && c <= U'\u2015') || c == U'\u2212' || c == U'\uFE63' || c == U'\uFF0D' ||
           u_charType(UChar32(c)) == U_DASH_PUNCTUATION;
}

char32_t decodeUtf8(std::string_view s, std::size_t i, std::size_t& len) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        len = 1;
        return char32_t(b);
    }
    int32_t at = int32_t(i), n = int32_t(std::min<std::size_t>(s.size(), std::size_t(INT32_MAX)));
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), at, n, c);
    if (c < 0) {
        len = 1;
        return U'\uFFFD';
    }
    len = std::size_t(at) - i;
    return char32_t(c);
}

void appendUtf8(std::string& out, char32_t c) {
    char buf[4];
    int32_t n = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, UChar32(c), err);
    if (err) {
        out += "\xEF\xBF\xBD";
        return;
    }
    out.append(buf, std::size_t(n));
}

void appendFold(char32_t c, std::u32string& out) {
    if (c < 0x80) {
        if (c >= U'A' && c <= U'Z') out.push_back(c + 32);
        else if (c == U'`') out.push_back(U'\'');
        else if (c == U' ' || (c >= U'\t' && c <= U'\r')) out.push_back(U' ');
        else out.push_back(c);
        return;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        out.push_back(U'\uFFFD');
        return;
    }
    if (c > 0x10FFFF) return;
    out += foldCache().get(c);
}

std::string publishedText(std::string_view s) {
    // Fast path: plain ASCII with no hyphen at a line break is already canonical.
    bool plain = true;
    for (std::size_t i = 0; i < s.size() && plain; ++i) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0x80 || (b == '-' && i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r' || s[i + 1] == ' ')))
            plain = false;
    }
    if (plain) return std::string(s);

    // Decode once; ignorables dropped, except that a soft hyphen at a line break joins the word.
    std::u32string cs;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        char32_t c = decodeUtf8(s, i, len);
        i += len;
        if (c == U'\u00AD') {
            cs.push_back(c);   // decided below
            continue;
        }
        if (isIgnorable(c)) continue;
        cs.push_back(c);
    }
    std::u32string out;
    out.reserve(cs.size());
    for (std::size_t i = 0; i < cs.size(); ++i) {
        char32_t c = cs[i];
        bool hyphen = c == U'-' || c == U'\u2010' || c == U'\u00AD';
        if (hyphen) {
            // Followed by white space holding a line break, then a letter, after a letter:
            // a word broken at the line end.
            std::size_t j = i + 1;
            bool lineBreak = false;
            while (j < cs.size() && isWhiteSpace(cs[j])) lineBreak |= isLineBreak(cs[j++]);
            bool afterLetter = !out.empty() && isAlphabetic(out.back());
            if (lineBreak && afterLetter && j < cs.size() && isAlphabetic(cs[j])) {
                // "Kowal-\nczyk" -> "Kowalczyk"; "Smith-\nJones" -> "Smith-Jones"
                if (c != U'\u00AD' && !isLowerLetter(cs[j])) out.push_back(c);
                i = j - 1;
                continue;
            }
            if (c == U'\u00AD') continue;   // invisible anywhere else: dropped
        }
        out.push_back(c);
    }
    std::string utf8;
    utf8.reserve(s.size());
    for (char32_t c : out) appendUtf8(utf8, c);
    const Icu& icu = icuData();
    if (!icu.nfc) return utf8;
    UErrorCode e = U_ZERO_ERROR;
    if (icu.nfc->isNormalizedUTF8(utf8, e) && U_SUCCESS(e)) return utf8;
    std::string composed;
    icu::StringByteSink<std::string> sink(&composed);
    e = U_ZERO_ERROR;
    icu.nfc->normalizeUTF8(0, utf8, sink, nullptr, e);
    return U_SUCCESS(e) ? composed : utf8;
}

}  // namespace genochron::anon
