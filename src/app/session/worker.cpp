#include "app/session/worker.hpp"

#include <cstdio>
#include <exception>

namespace genochron::app {

void UiQueue::post(std::function<void()> fn) {
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        m_items.push_back(std::move(fn));
        wake = m_wake;
    }
    if (wake) wake();
}

int UiQueue::drain() {
    std::vector<std::function<void()>> items;
    {
        std::lock_guard lock(m_mutex);
        items.swap(m_items);
    }
    for (auto& fn : items) fn();
    return int(items.size());
}

bool UiQueue::empty() const {
    std::lock_guard lock(m_mutex);
    return m_items.empty();
}

void UiQueue::setWake(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

Worker::Worker(std::string name) : m_name(std::move(name)), m_thread([this] { run(); }) {}

void Worker::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_load -= int(m_urgent.size() + m_normal.size());
        m_urgent.clear();
        m_normal.clear();
    }
    m_cv.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void Worker::post(Job job, bool urgent) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stop) return;
        (urgent ? m_urgent : m_normal).push_back(std::move(job));
        ++m_load;
    }
    m_cv.notify_one();
}

void Worker::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_stop || !m_urgent.empty() || !m_normal.empty(); });
            if (m_stop) return;
            auto& q = m_urgent.empty() ? m_normal : m_urgent;
            job = std::move(q.front());
            q.pop_front();
        }
        try {
            job();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "genochron: background %s job failed: %s\n", m_name.c_str(), e.what());
        } catch (...) {
            std::fprintf(stderr, "genochron: background %s job failed\n", m_name.c_str());
        }
        --m_load;
    }
}

}  // namespace genochron::app
