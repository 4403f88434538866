// The look: DejaVu Sans (the same face the figures use), and a quiet slate theme in
// dark or light, with one accent colour used for selection and focus.
#include "app/shell/theme.hpp"

#include <filesystem>
#include <imgui.h>

namespace genochron::app {

namespace {

// Latin-1 plus the punctuation, arrows and shapes our labels use (dashes, bullets, ellipsis).
const ImWchar* glyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,   // Basic Latin + Latin-1
        0x0100, 0x017F,   // Latin Extended-A (names)
        0x2010, 0x2027,   // dashes, quotes, bullet, ellipsis
        0x2190, 0x2193,   // arrows
        0x25A0, 0x25CF,   // squares, triangles, circles
        0x2713, 0x2717,   // check marks
        0,
    };
    return ranges;
}

}  // namespace

void loadFonts(float sizePx) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const char* regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::error_code ec;
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    if (std::filesystem::exists(regular, ec)) io.Fonts->AddFontFromFileTTF(regular, sizePx, &cfg, glyphRanges());
    else io.Fonts->AddFontDefault();   // ProggyClean: legible, if plain
}

void applyTheme(bool dark) {
    ImGuiStyle& st = ImGui::GetStyle();
    st = ImGuiStyle();
    st.WindowPadding = ImVec2(10, 8);
    st.FramePadding = ImVec2(7, 4);
    st.ItemSpacing = ImVec2(8, 5);
    st.ItemInnerSpacing = ImVec2(6, 4);
    st.CellPadding = ImVec2(6, 3);
    st.ScrollbarSize = 13;
    st.GrabMinSize = 10;
    st.WindowRounding = 4;
    st.ChildRounding = 3;
    st.FrameRounding = 3;
    st.PopupRounding = 4;
    st.ScrollbarRounding = 6;
    st.GrabRounding = 3;
    st.TabRounding = 3;
    st.WindowBorderSize = 1;
    st.FrameBorderSize = 0;
    st.TabBorderSize = 0;
    st.PopupBorderSize = 1;

    ImVec4* c = st.Colors;
    auto rgb = [](int r, int g, int b, float a = 1.f) { return ImVec4(r / 255.f, g / 255.f, b / 255.f, a); };
    if (dark) {
        ImGui::StyleColorsDark(&st);
        ImVec4 accent = rgb(86, 156, 214);
        c[ImGuiCol_Text] = rgb(222, 225, 230);
        c[ImGuiCol_TextDisabled] = rgb(138, 144, 155);
        c[ImGuiCol_WindowBg] = rgb(32, 34, 38);
        c[ImGuiCol_ChildBg] = rgb(32, 34, 38, 0);
        c[ImGuiCol_PopupBg] = rgb(40, 43, 48, 0.98f);
        c[ImGuiCol_Border] = rgb(58, 62, 70);
        c[ImGuiCol_FrameBg] = rgb(47, 50, 56);
        c[ImGuiCol_FrameBgHovered] = rgb(56, 60, 68);
        c[ImGuiCol_FrameBgActive] = rgb(62, 67, 76);
        c[ImGuiCol_TitleBg] = rgb(28, 30, 33);
        c[ImGuiCol_TitleBgActive] = rgb(36, 39, 44);
        c[ImGuiCol_MenuBarBg] = rgb(40, 43, 48);
        c[ImGuiCol_ScrollbarBg] = rgb(32, 34, 38, 0);
        c[ImGuiCol_ScrollbarGrab] = rgb(70, 75, 84);
        c[ImGuiCol_CheckMark] = accent;
        c[ImGuiCol_SliderGrab] = accent;
        c[ImGuiCol_SliderGrabActive] = rgb(110, 175, 230);
        c[ImGuiCol_Button] = rgb(52, 56, 63);
        c[ImGuiCol_ButtonHovered] = rgb(64, 70, 80);
        c[ImGuiCol_ButtonActive] = rgb(48, 92, 140);
        c[ImGuiCol_Header] = rgb(48, 78, 112);
        c[ImGuiCol_HeaderHovered] = rgb(56, 70, 90);
        c[ImGuiCol_HeaderActive] = rgb(52, 90, 135);
        c[ImGuiCol_Separator] = rgb(58, 62, 70);
        c[ImGuiCol_Tab] = rgb(40, 43, 48);
        c[ImGuiCol_TabHovered] = rgb(60, 80, 105);
        c[ImGuiCol_TabActive] = rgb(52, 72, 98);
        c[ImGuiCol_TabUnfocused] = rgb(36, 39, 44);
        c[ImGuiCol_TabUnfocusedActive] = rgb(46, 60, 80);
        c[ImGuiCol_TableHeaderBg] = rgb(42, 45, 51);
        c[ImGuiCol_TableBorderStrong] = rgb(58, 62, 70);
        c[ImGuiCol_TableBorderLight] = rgb(48, 51, 58);
        c[ImGuiCol_TableRowBg] = rgb(0, 0, 0, 0);
        c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.025f);
        c[ImGuiCol_TextSelectedBg] = rgb(86, 156, 214, 0.35f);
        c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0, 0, 0.45f);
        c[ImGuiCol_PlotHistogram] = rgb(70, 150, 95);
    } else {
        ImGui::StyleColorsLight(&st);
        ImVec4 accent = rgb(30, 110, 190);
        c[ImGuiCol_Text] = rgb(30, 32, 36);
        c[ImGuiCol_TextDisabled] = rgb(112, 118, 128);
        c[ImGuiCol_WindowBg] = rgb(246, 247, 249);
        c[ImGuiCol_ChildBg] = rgb(246, 247, 249, 0);
        c[ImGuiCol_PopupBg] = rgb(255, 255, 255, 0.98f);
        c[ImGuiCol_Border] = rgb(208, 212, 218);
        c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
        c[ImGuiCol_FrameBgHovered] = rgb(236, 240, 246);
        c[ImGuiCol_FrameBgActive] = rgb(226, 234, 244);
        c[ImGuiCol_MenuBarBg] = rgb(236, 238, 242);
        c[ImGuiCol_CheckMark] = accent;
        c[ImGuiCol_SliderGrab] = accent;
        c[ImGuiCol_Button] = rgb(228, 231, 236);
        c[ImGuiCol_ButtonHovered] = rgb(214, 222, 234);
        c[ImGuiCol_ButtonActive] = rgb(180, 205, 235);
        c[ImGuiCol_Header] = rgb(200, 220, 244);
        c[ImGuiCol_HeaderHovered] = rgb(220, 230, 244);
        c[ImGuiCol_HeaderActive] = rgb(185, 210, 240);
        c[ImGuiCol_Tab] = rgb(228, 231, 236);
        c[ImGuiCol_TabHovered] = rgb(205, 220, 240);
        c[ImGuiCol_TabActive] = rgb(255, 255, 255);
        c[ImGuiCol_TabUnfocusedActive] = rgb(250, 250, 252);
        c[ImGuiCol_TableHeaderBg] = rgb(234, 236, 240);
        c[ImGuiCol_TableRowBgAlt] = rgb(0, 0, 0, 0.025f);
        c[ImGuiCol_PlotHistogram] = rgb(60, 150, 90);
    }
}

}  // namespace genochron::app
