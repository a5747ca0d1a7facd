// SPDX-License-Identifier: GPL-3.0-or-later
// Planted violation: alpha and beta include each other (a layer cycle).
#pragma once
#include "beta/b.h"
