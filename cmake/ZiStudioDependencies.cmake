# SPDX-License-Identifier: GPL-3.0-or-later
# Every dependency is looked up here, once. scripts/setup-deps installs them on Debian 12.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 CONFIG QUIET)
if(NOT CLI11_FOUND)
    find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
    add_library(CLI11::CLI11 INTERFACE IMPORTED)
    target_include_directories(CLI11::CLI11 INTERFACE "${CLI11_INCLUDE_DIR}")
endif()
find_package(PNG REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)

# libpotrace-dev ships no pkg-config file and no CMake config.
find_path(POTRACE_INCLUDE_DIR potracelib.h REQUIRED)
find_library(POTRACE_LIBRARY potrace REQUIRED)
add_library(Potrace::potrace UNKNOWN IMPORTED)
set_target_properties(Potrace::potrace PROPERTIES
    IMPORTED_LOCATION "${POTRACE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${POTRACE_INCLUDE_DIR}")

# stb_image decodes hand-drawn glyph images (PNG, JPEG, BMP...). Header-only use.
find_path(STB_INCLUDE_DIR stb_image.h PATH_SUFFIXES stb REQUIRED)

# LibTorch: Debian's libtorch-dev (CPU) or an official archive via -DCMAKE_PREFIX_PATH=.../libtorch.
find_package(Torch REQUIRED)
add_library(zistudio_torch INTERFACE)
target_link_libraries(zistudio_torch INTERFACE ${TORCH_LIBRARIES})
target_include_directories(zistudio_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
# Official CUDA archives define the torch_cuda target; Debian's CPU build does not.
if(TARGET torch_cuda OR CAFFE2_USE_CUDA)
    target_compile_definitions(zistudio_torch INTERFACE ZISTUDIO_WITH_CUDA=1)
    message(STATUS "ZiStudio: LibTorch with CUDA")
endif()
# LibTorch 1.13's headers trip clang's C++20 mode (std::vector<c10::IValue> of an incomplete type);
# defining IValue first avoids it (the clang fuzzing/sanitizer builds use this).
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(zistudio_torch INTERFACE -include ATen/core/ivalue.h)
endif()
if(TORCH_CXX_FLAGS)
    separate_arguments(_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
    target_compile_options(zistudio_torch INTERFACE ${_torch_flags})
endif()

if(ZISTUDIO_BUILD_GUI)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets PrintSupport Svg Test LinguistTools)
    find_package(QCustomPlotQt6 REQUIRED)
endif()

if(ZISTUDIO_BUILD_TESTS)
    find_package(GTest REQUIRED)
endif()
if(ZISTUDIO_BUILD_BENCH)
    find_package(benchmark QUIET)
endif()
