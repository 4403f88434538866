// Fonts and colours of the app.
#pragma once

namespace genochron::app {

// DejaVu Sans at `sizePx` when installed, else ImGui's built-in font.
void loadFonts(float sizePx = 15.f);
void applyTheme(bool dark);

}  // namespace genochron::app
