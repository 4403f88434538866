// The desktop app's entry: GLFW window with an OpenGL 3.3 core context, Dear ImGui,
// the shell and its views; the frame loop; screenshot mode for tests and docs.
//
// [SECTION] platform owners (GLFW, ImGui) and the screenshot writer
// [SECTION] runApp
#include "app/shell/app.hpp"

#include "app/platform/frame_stats.hpp"
#include "app/platform/screenshot.hpp"
#include "app/shell/shell.hpp"
#include "app/session/snapshots.hpp"
#include "app/session/worker.hpp"
#include "app/shell/theme.hpp"
#include "core/model/date.hpp"
#include "core/model/diagnostics.hpp"

#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <algorithm>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <imgui.h>
#include <iostream>
#include <vector>

namespace genochron::app {

namespace {

// ------------------------------------------------------------------ [SECTION] platform owners

struct GlfwLibrary {
    bool ok = false;
    GlfwLibrary() {
        glfwSetErrorCallback([](int code, const char* what) { std::fprintf(stderr, "genochron: GLFW error %d: %s\n", code, what); });
        ok = glfwInit() == GLFW_TRUE;
    }
    ~GlfwLibrary() {
        if (ok) glfwTerminate();
    }
};

struct WindowDeleter {
    void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, WindowDeleter>;

// ImGui's context and backends, shut down in reverse order before the window goes.
struct ImGuiSetup {
    bool glfw = false, gl = false;
    explicit ImGuiSetup(GLFWwindow* w) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;   // never drop imgui.ini into the user's folder
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        glfw = ImGui_ImplGlfw_InitForOpenGL(w, true);
        gl = ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    ~ImGuiSetup() {
        if (gl) ImGui_ImplOpenGL3_Shutdown();
        if (glfw) ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
};

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

// ------------------------------------------------------------------ [SECTION] runApp

int runApp(const AppOptions& opt) {
    GlfwLibrary glfw;
    if (!glfw.ok) {
        std::cerr << "genochron: cannot start the desktop app: no display (is DISPLAY set? for tests, run "
                     "under xvfb-run). The subcommands work without one; see --help\n";
        return 2;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    const bool screenshot = !opt.screenshotPath.empty();
    WindowPtr window(glfwCreateWindow(opt.width, opt.height, "genochron", nullptr, nullptr));
    if (!window) {
        std::cerr << "genochron: cannot open a window with OpenGL 3.3; the subcommands work without one\n";
        return 2;
    }
    glfwMakeContextCurrent(window.get());
    glfwSwapInterval(screenshot || opt.animate ? 0 : 1);

    int exitCode = 0;
    {
        ImGuiSetup imgui(window.get());
        if (!imgui.glfw || !imgui.gl) {
            std::cerr << "genochron: the ImGui backends did not start\n";
            return 2;
        }
        loadFonts(15.f);

        EventBus bus;
        CaseSession session(bus);
        BackgroundWork work;
        Snapshots snapshots(session, work, bus);
        // A finished background job wakes the frame loop from glfwWaitEvents.
        work.ui.setWake([] { glfwPostEmptyEvent(); });
        AppContext ctx{session, bus, work, snapshots, {}, {}, 0.0, screenshot};
        applyTheme(ctx.settings.darkUi);
        // For tests and demos: autosave sooner than the usual minute.
        if (const char* env = std::getenv("GENOCHRON_AUTOSAVE_SECONDS"); env && std::atoi(env) > 0)
            session.setAutosaveInterval(std::chrono::seconds(std::atoi(env)));
        AppShell shell(ctx);
        if (!opt.casePath.empty()) shell.openAtStart(opt.casePath);
        // A case file dropped on the window opens (after the unsaved-changes question).
        glfwSetWindowUserPointer(window.get(), &bus);
        glfwSetDropCallback(window.get(), [](GLFWwindow* w, int count, const char** paths) {
            if (count > 0) static_cast<EventBus*>(glfwGetWindowUserPointer(w))->post(OpenFile{paths[0]});
        });
        if (!opt.tab.empty()) bus.post(SwitchTab{opt.tab});
        if (!opt.select.empty()) {
            SelectItem sel = selectionForId(session.model(), opt.select);
            if (sel.kind == ItemKind::None && opt.select == "case") sel.kind = ItemKind::CaseInfo;
            if (sel.kind != ItemKind::None) bus.post(sel);
            else std::cerr << "genochron: nothing in the case has the id '" << opt.select << "'\n";
        }

        if (!opt.asOf.empty()) {
            auto r = parseDate(opt.asOf);
            if (!r.date || !r.date->known()) {
                std::cerr << "genochron: --as-of " << opt.asOf << ": " << (r.date ? "give a date, e.g. 2017-05" : r.error) << "\n";
                return 2;
            }
            bus.post(ShowAsOf{*r.date});
            if (opt.tab.empty()) bus.post(SwitchTab{"Genogram"});
        }

        std::vector<double> frameMs;
        std::size_t clickAt = 0;   // --click: the next click, and the frame of it (0: waiting)
        int clickPhase = 0;
        std::string title;
        int busyFrames = 3;   // frames to draw before waiting for events again
        // --animate: warm up until the tab is ready (not counted), then drive it for
        // opt.frames frames and record each frame's work.
        FrameStats stats, cpuStats;
        FrameCpuClock cpuClock;
        double cpu0 = 0;
        int animFrame = -1, readyFrames = 0;
        double warmupMaxMs = 0;
        auto started = std::chrono::steady_clock::now();
        auto secondsSinceStart = [&] {
            return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        };
        for (int frame = 0;; ++frame) {
            // Idle draws nothing: after a few frames with nothing happening, wait for input,
            // a finished background job (it posts an empty event) or the next deadline a view
            // asked for (a debounce). Screenshots and --animate never wait.
            if (screenshot || opt.animate || busyFrames > 0 || bus.pending() || ctx.frameWanted) {
                glfwPollEvents();
            } else if (ctx.nextWake < 1e299) {
                double wait = ctx.nextWake - glfwGetTime();
                if (wait > 0) glfwWaitEventsTimeout(wait);
                else glfwPollEvents();
            } else {
                glfwWaitEvents();
            }
            auto t0 = std::chrono::steady_clock::now();   // the frame's work, not the wait
            if (opt.animate) cpu0 = cpuClock.nowMs();
            ctx.frameWanted = false;
            ctx.nextWake = 1e300;
            ctx.timeSec = glfwGetTime();
            if (work.ui.drain() > 0) busyFrames = std::max(busyFrames, 1);

            if (glfwWindowShouldClose(window.get())) {
                glfwSetWindowShouldClose(window.get(), GLFW_FALSE);
                shell.requestQuit();
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGuiIO& io = ImGui::GetIO();
            if (screenshot && clickAt < opt.clicks.size()) {
                // Scripted clicks: move there, press, release, then wait for the views again.
                const auto& k = opt.clicks[clickAt];
                if (clickPhase == 0 && readyFrames >= 2) clickPhase = 1;
                if (clickPhase > 0) {
                    io.MousePos = ImVec2(k.x, k.y);
                    io.MouseDown[k.right ? 1 : 0] = clickPhase == 2;
                    if (++clickPhase > 3) {
                        clickPhase = 0;
                        ++clickAt;
                        readyFrames = -6;   // what the click posted takes a few frames to show (events, tabs, tables)
                    }
                }
            } else if (screenshot && !opt.clicks.empty()) {
                io.MousePos = ImVec2(opt.clicks.back().x, opt.clicks.back().y);   // the pointer stays where it clicked
            }
            bool input = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
                         ImGui::IsAnyMouseDown() || io.InputQueueCharacters.Size > 0 || ImGui::IsAnyItemActive();
            // ImGui settles hover and focus over a couple of frames after input.
            busyFrames = input ? 3 : std::max(0, busyFrames - 1);
            ImGui::NewFrame();
            if (opt.animate && animFrame >= 0)
                shell.animate(opt.frames > 1 ? double(animFrame) / double(opt.frames - 1) : 1.0);
            shell.frame();
            ImGui::Render();
            int fbw = 0, fbh = 0;
            glfwGetFramebufferSize(window.get(), &fbw, &fbh);
            glViewport(0, 0, fbw, fbh);
            ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];   // the main window has no background of its own
            glClearColor(bg.x, bg.y, bg.z, 1.f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            double workMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            ctx.frameMs = ctx.frameMs == 0 ? workMs : 0.9 * ctx.frameMs + 0.1 * workMs;

            if (screenshot) {
                glFinish();   // so the frame time includes the GPU's (llvmpipe's) work
                frameMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
                // Enough frames, and the views show their finished work (layouts and tiles
                // come from the background threads); a minute at most.
                bool ready = shell.animationReady() && work.idle();
                readyFrames = ready ? readyFrames + 1 : std::min(readyFrames, 0);
                bool clicked = clickAt >= opt.clicks.size();
                if ((frame + 1 >= std::max(1, opt.screenshotFrames) && readyFrames >= 2 && clicked) || secondsSinceStart() > 60) {
                    if (readyFrames < 2) std::fprintf(stderr, "genochron: the views were still busy after a minute\n");
                    try {
                        writeScreenshot(opt.screenshotPath, fbw, fbh);
                    } catch (const GenochronError& e) {
                        std::cerr << e.what() << "\n";
                        exitCode = 2;
                    }
                    std::vector<double> rest(frameMs.begin() + 1, frameMs.end());
                    std::fprintf(stderr, "genochron: screenshot %dx%d after %zu frames; first frame %.1f ms, then median %.1f ms\n",
                                 fbw, fbh, frameMs.size(), frameMs.front(), median(rest));
                    std::fprintf(stderr, "genochron: showing %s\n", shell.describeState().c_str());
                    break;
                }
                ctx.requestFrame();
            }
            glfwSwapBuffers(window.get());
            if (opt.animate) {
                glFinish();
                double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                if (animFrame >= 0) {
                    stats.add(ms);
                    cpuStats.add(cpuClock.nowMs() - cpu0);
                    if (++animFrame >= opt.frames) break;
                } else {
                    warmupMaxMs = std::max(warmupMaxMs, ms);
                    readyFrames = shell.animationReady() && work.idle() ? readyFrames + 1 : 0;
                    double waited = secondsSinceStart();
                    if (readyFrames >= 3 || waited > 300) {
                        std::fprintf(stderr, "genochron: %s after %.2f s and %d frames (slowest %.1f ms); animating\n",
                                     readyFrames >= 3 ? "ready" : "still not ready", waited, frame + 1, warmupMaxMs);
                        animFrame = 0;
                    }
                }
            }
            if (shell.quitConfirmed()) break;
            std::string t = shell.windowTitle();
            if (t != title) {
                glfwSetWindowTitle(window.get(), t.c_str());
                title = t;
            }
        }
        if (opt.animate && opt.frameStats) {
            std::printf("%s\n", formatSummary(stats.summary()).c_str());
            std::printf("cpu (UI and GL threads): %s\n", formatSummary(cpuStats.summary()).c_str());
        }
        // Background jobs hold views' callbacks: stop them before the views go.
        work.stop();
    }
    return exitCode;
}

}  // namespace genochron::app
