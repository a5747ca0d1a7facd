# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the language level, the warnings and the Qt hygiene defines.
add_library(zistudio_options INTERFACE)
add_library(ZiStudio::options ALIAS zistudio_options)
target_compile_features(zistudio_options INTERFACE cxx_std_20)
target_compile_options(zistudio_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor)
if(ZISTUDIO_WERROR)
    target_compile_options(zistudio_options INTERFACE -Werror)
endif()
target_compile_definitions(zistudio_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    ZISTUDIO_VERSION="${PROJECT_VERSION}")

# Third-party headers (torch, Qt, QCustomPlot) are included as system headers so that our
# warnings apply to our code only.
if(ZISTUDIO_SANITIZE)
    string(REPLACE "," ";" _sanitizers "${ZISTUDIO_SANITIZE}")
    foreach(_s IN LISTS _sanitizers)
        target_compile_options(zistudio_options INTERFACE -fsanitize=${_s})
        target_link_options(zistudio_options INTERFACE -fsanitize=${_s})
    endforeach()
    target_compile_options(zistudio_options INTERFACE -fno-omit-frame-pointer -fno-sanitize-recover=all)
endif()
