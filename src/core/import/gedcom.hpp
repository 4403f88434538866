// Family trees from genealogy software: GEDCOM 5.5.1 and 7.0 into a case's people and
// partnerships (`genochron import gedcom`). Reading the lines (encodings, CONC/CONT) is
// separate from mapping the records onto the case, so each can be tested on its own.
#pragma once
#include "core/model/diagnostics.hpp"
#include "core/model/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace genochron {

// ---------------------------------------------------------------- reading lines

// One GEDCOM structure: "LEVEL [@XREF@] TAG [VALUE]" and the lines under it. CONC and CONT
// are folded into `value` (CONT as a line break) and are not children.
struct GedcomNode {
    int level = 0;
    std::string xref;    // "@I12@" or ""
    std::string tag;     // upper case as written: "INDI", "BIRT", "_FREL"
    std::string value;   // UTF-8; a pointer value keeps its @...@
    int line = 0, column = 0;   // where the line starts (column of the tag for errors about it)
    std::vector<GedcomNode> children;

    const GedcomNode* child(std::string_view tag) const;   // the first with that tag, or null
    std::vector<const GedcomNode*> all(std::string_view tag) const;
};

struct GedcomFile {
    std::vector<GedcomNode> records;   // level-0 structures (HEAD, INDI, FAM, ..., TRLR)
    std::string version;               // "5.5.1", "7.0", ... from HEAD.GEDC.VERS ("" if absent)
    std::string encoding;              // what the bytes were read as: "UTF-8", "UTF-16LE", "ANSEL", ...
    std::vector<std::string> notes;    // how it was read (e.g. "ANSEL converted to UTF-8")
    Diagnostics diagnostics;           // line errors (file:line:col); any error = nothing imported
};

// Reads the lines of a GEDCOM file: UTF-8 (with or without BOM), UTF-16 (with or without a
// BOM), ANSEL, ASCII and Windows-1252 ("ANSI") as the header's CHAR says; CR, LF or CRLF line
// ends; leading spaces; CONC/CONT joined. Never throws: what cannot be read is an error in
// the diagnostics, at its line and column.
GedcomFile parseGedcom(std::string_view bytes, const std::string& displayName);

// ANSEL (ANSI/NISO Z39.47, GEDCOM's MARC-8 variant) to UTF-8, combining marks moved after
// their letter and composed (NFC). Bytes ANSEL does not define become U+FFFD and are counted.
std::string anselToUtf8(std::string_view bytes, int* undefined = nullptr);

// A GEDCOM date value ("ABT 1750", "BET 3 MAR 1750/51 AND 1760", "FROM 1801 TO 1803",
// "@#DJULIAN@ 4 JUL 1712", "JULIAN 4 JUL 1712", "INT 1750 (about then)") as a case date.
// Empty date with `error` set when it cannot be read; `note` says what was approximated
// (a phrase dropped, a Julian date converted, a dual year read as the later one).
struct GedcomDate {
    std::optional<Date> date;
    std::string error, note;
};
GedcomDate parseGedcomDate(std::string_view value);

// ---------------------------------------------------------------- importing

struct GedcomImportOptions {
    std::string displayName;   // for diagnostics
};

// One person or partnership the import adds or changes, for the report.
struct GedcomChange {
    enum class Kind { AddPerson, ChangePerson, AddPartnership, ChangePartnership } kind;
    std::string id;         // person id, or "a+b" for a partnership
    std::string gedcomId;   // "@I12@" / "@F3@"
    std::vector<std::string> what;   // "born 1750 -> ~1750", ... (empty when added)
};

struct GedcomPlan {
    Case result;   // the case after the import (the input case when nothing changes)
    std::string version, encoding;
    int individuals = 0, families = 0;
    std::vector<GedcomChange> changes;
    std::vector<std::string> reconciled;   // FAMC/FAMS vs HUSB/WIFE/CHIL disagreements and what was kept
    std::vector<std::string> notes;        // how things were read (dates approximated, twins, ...)
    Diagnostics diagnostics;               // errors (nothing imported) and warnings, file:line:col
    bool ok() const { return !diagnostics.hasErrors(); }
    bool changed() const { return !changes.empty(); }
};

// Works out the case after importing `bytes` into `c` (an empty case for a new one). People
// are matched by their stored gedcom_id; new ones get ids from their record ("@I12@" ->
// "i12"), no pseudonym (their names are sensitive like any). Changes nothing in `c`.
GedcomPlan planGedcomImport(const Case& c, std::string_view bytes, const GedcomImportOptions& opt);

// The case a GEDCOM import creates when --into names no file yet.
Case newGedcomCase();

}  // namespace genochron
