// Immutable copies of the case for background work. The live case belongs to the UI
// thread (edits change it in place); a job gets a shared_ptr<const Case> copied once per
// revision, so a layout or a check never reads a case while it is being edited. The
// anonymised case (for the preview and anonymised exports) is made from a snapshot on
// the analysis worker; until it is ready, the previous one stays in use.
#pragma once
#include "app/session/events.hpp"
#include "app/session/worker.hpp"
#include "core/anonymise/view_case.hpp"

#include <cstdint>
#include <memory>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace genochron::app {

class CaseSession;

// What views look up on every frame, derived from a snapshot on the analysis worker (a
// sort of 20,000 events is too slow to repeat per frame): keyed by ids, so a view can use
// an index one revision old while the next is being made.
struct CaseIndex {
    std::uint64_t revision = 0;
    std::map<std::string, int> moNumbers;   // Case::missedOpportunityNumbers()
    std::unordered_map<std::string, std::vector<std::string>> eventsOfPerson;   // person id -> event ids
    std::unordered_map<std::string, std::vector<std::string>> peopleOfEvent;    // event id -> people (for the genogram)
};

// Posted when a new CaseIndex is ready.
struct IndexReady {
    std::uint64_t revision = 0;
};

// Posted on the bus when a new anonymised case is ready (or anonymising failed).
struct AnonymisedReady {
    std::uint64_t revision = 0;
};

class Snapshots {
public:
    Snapshots(CaseSession& session, BackgroundWork& work, EventBus& bus);

    // The case as it is now (UI thread; copies once per revision).
    std::shared_ptr<const Case> current();
    std::uint64_t revision() const;

    // The newest anonymised case made so far and the revision it was made from; asks for
    // one of the current revision if it is older. Null (with `error`) when anonymising
    // refused, or before the first one is ready.
    std::shared_ptr<const AnonymisedCase> anonymised(std::string* error = nullptr, std::uint64_t* madeFrom = nullptr);
    bool anonymisedCurrent() const { return m_anonRevision == revision() && !m_anonPending; }

    // The newest index made so far (never null: empty before the first); asks for one of
    // the current revision if it is older.
    std::shared_ptr<const CaseIndex> index();

private:
    CaseSession& m_session;
    BackgroundWork& m_work;
    EventBus& m_bus;
    std::uint64_t m_revision = ~0ull;
    std::shared_ptr<const Case> m_case;

    std::uint64_t m_anonRequested = ~0ull, m_anonRevision = ~0ull;
    bool m_anonPending = false;
    std::shared_ptr<const AnonymisedCase> m_anon;
    std::string m_anonError;

    std::uint64_t m_indexRequested = ~0ull;
    bool m_indexPending = false;
    std::shared_ptr<const CaseIndex> m_index = std::make_shared<const CaseIndex>();
};

}  // namespace genochron::app
