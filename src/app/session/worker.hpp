// Background work for the app, so no frame waits for a layout, a check or a painter.
//
// Two single threads, each running its jobs one at a time:
// - `figures`: everything that touches Graphviz, Pango or Cairo (layouts, scenes, hit
//   targets, tile painting, exports, the report pack). Graphviz is not thread-safe and
//   Pango's measuring context is shared, so these never run on two threads at once, and
//   the UI thread never calls them.
// - `analysis`: pure C++ on immutable case snapshots (checks, the QA checklist,
//   anonymisation, timeline data).
// Jobs read shared_ptr<const ...> snapshots only, and hand results back through the
// UiQueue, which the UI thread drains at the start of each frame (waking it from
// glfwWaitEvents). No job ever touches the live, editable case.
#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace genochron::app {

// Work for the UI thread, posted from any thread.
class UiQueue {
public:
    void post(std::function<void()> fn);
    // Runs everything posted so far (UI thread). Returns how many ran.
    int drain();
    bool empty() const;
    // Called after each post (wakes the frame loop: glfwPostEmptyEvent).
    void setWake(std::function<void()> wake);

private:
    mutable std::mutex m_mutex;
    std::vector<std::function<void()>> m_items;
    std::function<void()> m_wake;
};

class Worker {
public:
    using Job = std::function<void()>;
    explicit Worker(std::string name);
    ~Worker() { stop(); }
    // Lets the running job finish, drops the queued ones, joins. Idempotent.
    void stop();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Queues a job; urgent ones (a tile the user is looking at) run before normal ones.
    // A job that throws is reported on stderr and the worker carries on.
    void post(Job job, bool urgent = false);
    // Queued or running jobs.
    int load() const { return m_load.load(); }
    const std::string& name() const { return m_name; }

private:
    void run();

    std::string m_name;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Job> m_urgent, m_normal;
    bool m_stop = false;
    std::atomic<int> m_load{0};
    std::thread m_thread;
};

struct BackgroundWork {
    UiQueue ui;
    Worker figures{"figures"};
    Worker analysis{"analysis"};
    bool idle() const { return figures.load() == 0 && analysis.load() == 0 && ui.empty(); }
    void stop() {
        figures.stop();
        analysis.stop();
    }
};

}  // namespace genochron::app
