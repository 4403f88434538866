// Inside the GEDCOM import: the records as read, and the importer that links them, builds the
// case's people and partnerships, and merges them in. Shared by gedcom_import.cpp (records
// and links) and gedcom_people.cpp (people, partnerships, merging). Not part of the interface.
#pragma once
#include "core/import/gedcom.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace genochron::gedcom_detail {

std::string lower(std::string s);
std::string trim(std::string s);
bool contains(const std::string& hay, std::string_view needle);

struct ChildLink {
    std::string fam;
    std::optional<Parentage> pedi;   // as the link says (PEDI, _FREL/_MREL, ADOP)
    std::string pediText;            // as written, for the report
    int line = 0;
};

struct Indi {
    const GedcomNode* n = nullptr;
    std::string xref, name;
    std::vector<std::string> aliases;
    Sex sex = Sex::Unknown;
    std::optional<Date> born, died;
    std::vector<ChildLink> famc;   // from the INDI's FAMC lines
    std::vector<std::string> fams;
    std::vector<std::pair<std::string, bool>> twins;   // xref, identical
    std::string notes;
};

struct FamChild {
    std::string xref;
    std::optional<Parentage> pedi;
    std::string pediText;
    int line = 0;
};

struct Fam {
    const GedcomNode* n = nullptr;
    std::string xref, husb, wife;
    int husbLine = 0, wifeLine = 0;
    std::vector<FamChild> children;
};

class Importer {
public:
    Importer(const Case& c, const GedcomImportOptions& opt, GedcomPlan& plan)
        : m_in(c), m_opt(opt), m_plan(plan), m_d(plan.diagnostics) {}

    void run(const GedcomFile& f);

private:
    const Case& m_in;
    const GedcomImportOptions& m_opt;
    GedcomPlan& m_plan;
    Diagnostics& m_d;
    std::map<std::string, std::string> m_notesRecords;
    std::map<std::string, Indi> m_indi;
    std::map<std::string, Fam> m_fam;
    std::vector<std::string> m_indiOrder, m_famOrder;
    std::map<std::string, std::string> m_id;   // INDI xref -> case person id
    std::vector<Person> m_people;              // one per INDI, in file order
    std::vector<std::pair<std::string, Partnership>> m_partnerships;   // FAM xref -> partnership
    int m_undatedFamilies = 0;

    void dateWarning(const GedcomNode& at, const std::string& what, const std::string& value, const std::string& why,
                     const std::string& xref);

    // The DATE under an event, as a case date; nullopt (with a warning) when it cannot be read.
    std::optional<Date> eventDate(const GedcomNode& ev, const std::string& what, const std::string& xref, bool* read = nullptr);
    static std::optional<Parentage> pediOf(const std::string& text, std::string* unknown);

    // PEDI (5.5.1 and 7.0, with 7.0's OTHER + PHRASE) under a FAMC.
    std::optional<Parentage> readPedi(const GedcomNode& famc, std::string& text);
    Indi readIndi(const GedcomNode& r);
    Fam readFam(const GedcomNode& r);

    // links
    void reconcile();

    // people
    static std::string idFromXref(const std::string& xref);
    void assignIds();
    static int pediRank(std::optional<Parentage> p);
    std::vector<std::string> parentIds(const Fam& f);
    void buildPeople();

    // partnerships
    void buildPartnerships();

    // merging
    void merge();
};

}  // namespace genochron::gedcom_detail
