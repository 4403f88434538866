// Inside anonymise: splitting names into words, shared by the word lists (anonymise_terms.cpp)
// and the collection of a case's secrets (anonymise_secrets.cpp). Not part of the interface.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace genochron::anon {

// Splits a name into its words (letters, digits, apostrophes; hyphens split).
std::vector<std::string> nameWords(std::string_view name);
// Splits on white space, trimming punctuation such as brackets and commas around each word.
std::vector<std::string> spaceSeparated(std::string_view s);
// The number of UTF-8 code points.
std::size_t codePoints(const std::string& s);
// The first letter in capitals, the rest as written.
std::string capitalised(std::string_view s);
// A letter label: 0 -> A, 25 -> Z, 26 -> AA ("Adult A").
std::string letterName(int n);
// Particles of surnames ("van", "de", "ní"): sensitive only together with the rest of the surname.
bool isParticle(const std::string& folded);

}  // namespace genochron::anon
