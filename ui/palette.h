// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QApplication;

namespace zistudio::ui
{

/** Applies the dark palette (Fusion style) or restores the platform's own. */
void applyPalette(QApplication &app, bool dark);

} // namespace zistudio::ui
