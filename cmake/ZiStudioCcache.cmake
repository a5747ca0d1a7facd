# SPDX-License-Identifier: GPL-3.0-or-later
# Use ccache when it is installed: CI rebuilds from a clean clone, and torch headers are heavy.
find_program(ZISTUDIO_CCACHE ccache)
if(ZISTUDIO_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_C_COMPILER_LAUNCHER "${ZISTUDIO_CCACHE}")
    set(CMAKE_CXX_COMPILER_LAUNCHER "${ZISTUDIO_CCACHE}")
    message(STATUS "ZiStudio: using ccache ${ZISTUDIO_CCACHE}")
endif()
