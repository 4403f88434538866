#include "app/session/snapshots.hpp"

#include "app/session/session.hpp"

namespace genochron::app {

Snapshots::Snapshots(CaseSession& session, BackgroundWork& work, EventBus& bus)
    : m_session(session), m_work(work), m_bus(bus) {}

std::uint64_t Snapshots::revision() const { return m_session.revision(); }

std::shared_ptr<const Case> Snapshots::current() {
    if (!m_case || m_revision != m_session.revision()) {
        m_case = std::make_shared<const Case>(m_session.model());
        m_revision = m_session.revision();
    }
    return m_case;
}

std::shared_ptr<const AnonymisedCase> Snapshots::anonymised(std::string* error, std::uint64_t* madeFrom) {
    std::uint64_t rev = revision();
    if (m_anonRequested != rev && !m_anonPending) {
        m_anonRequested = rev;
        m_anonPending = true;
        auto model = current();
        BackgroundWork* work = &m_work;
        work->analysis.post([this, model, rev, work] {
            std::shared_ptr<const AnonymisedCase> anon;
            std::string err;
            try {
                anon = std::make_shared<const AnonymisedCase>(anonymise(*model));
            } catch (const std::exception& e) {
                err = e.what();
            }
            work->ui.post([this, anon, err, rev] {
                m_anonPending = false;
                m_anon = anon;
                m_anonError = err;
                m_anonRevision = rev;
                m_bus.post(AnonymisedReady{rev});
            });
        });
    }
    if (error) *error = m_anonError;
    if (madeFrom) *madeFrom = m_anonRevision;
    return m_anon;
}

std::shared_ptr<const CaseIndex> Snapshots::index() {
    std::uint64_t rev = revision();
    if (m_indexRequested != rev && !m_indexPending) {
        m_indexRequested = rev;
        m_indexPending = true;
        auto model = current();
        BackgroundWork* work = &m_work;
        work->analysis.post([this, model, rev, work] {
            auto idx = std::make_shared<CaseIndex>();
            idx->revision = rev;
            idx->moNumbers = model->missedOpportunityNumbers();
            for (auto& e : model->events) {
                for (auto& p : e.people) idx->eventsOfPerson[p].push_back(e.id);
                if (!e.people.empty()) idx->peopleOfEvent[e.id] = e.people;
            }
            work->ui.post([this, idx, rev] {
                m_indexPending = false;
                m_index = idx;
                m_bus.post(IndexReady{rev});
            });
        });
    }
    return m_index;
}

}  // namespace genochron::app
