# SPDX-License-Identifier: GPL-3.0-or-later
# Every dependency is looked up here, once. scripts/setup-deps installs them on Debian 12.
find_package(Threads REQUIRED)
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
    pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
else()
    # No pkg-config (scripts/gpu-check's machine, where the Debian packages are unpacked into a prefix):
    # the same two targets from a plain header and library lookup.
    find_path(ZISTUDIO_FREETYPE_INCLUDE ft2build.h PATH_SUFFIXES freetype2 REQUIRED)
    find_library(ZISTUDIO_FREETYPE_LIBRARY freetype REQUIRED)
    find_path(ZISTUDIO_HARFBUZZ_INCLUDE hb.h PATH_SUFFIXES harfbuzz REQUIRED)
    find_library(ZISTUDIO_HARFBUZZ_LIBRARY harfbuzz REQUIRED)
    add_library(PkgConfig::FREETYPE INTERFACE IMPORTED)
    target_include_directories(PkgConfig::FREETYPE INTERFACE "${ZISTUDIO_FREETYPE_INCLUDE}")
    target_link_libraries(PkgConfig::FREETYPE INTERFACE "${ZISTUDIO_FREETYPE_LIBRARY}")
    add_library(PkgConfig::HARFBUZZ INTERFACE IMPORTED)
    target_include_directories(PkgConfig::HARFBUZZ INTERFACE "${ZISTUDIO_HARFBUZZ_INCLUDE}")
    target_link_libraries(PkgConfig::HARFBUZZ INTERFACE "${ZISTUDIO_HARFBUZZ_LIBRARY}" PkgConfig::FREETYPE)
endif()
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

# LibTorch: Debian's libtorch-dev 1.13 (CPU), or CUDA LibTorch 2.x from PyTorch's wheel or an official archive
# via -DCMAKE_PREFIX_PATH (scripts/build --torch cuda). ZiStudio compiles no CUDA kernels of its own; the GPU
# architectures only stop LibTorch's CMake package from probing for a GPU at configure time (a machine without
# one, such as CI, fails that probe). 8.0 Ampere, 9.0 Hopper (H100/H200).
set(ZISTUDIO_CUDA_ARCHS "8.0;9.0" CACHE STRING "CUDA architectures given to LibTorch's CMake package")
if(NOT DEFINED ENV{TORCH_CUDA_ARCH_LIST})
    set(ENV{TORCH_CUDA_ARCH_LIST} "${ZISTUDIO_CUDA_ARCHS}")
endif()
find_package(Torch REQUIRED)
# A wheel's TorchConfig finds c10 with find_library(... PATHS <prefix>/lib), which searches the system folders
# first: with Debian's libtorch-dev installed as well it would link Debian's libc10 (1.13) into a 2.x build.
foreach(_lib IN ITEMS c10 kineto)
    set(_own "${TORCH_INSTALL_PREFIX}/lib/lib${_lib}.so")
    if(EXISTS "${_own}" AND ${_lib}_LIBRARY AND NOT "${${_lib}_LIBRARY}" STREQUAL "${_own}")
        list(REMOVE_ITEM TORCH_LIBRARIES "${${_lib}_LIBRARY}")
        list(APPEND TORCH_LIBRARIES "${_own}")
    endif()
endforeach()
message(STATUS "ZiStudio: LibTorch ${Torch_VERSION} from ${TORCH_INSTALL_PREFIX}")

add_library(zistudio_torch INTERFACE)
target_link_libraries(zistudio_torch INTERFACE ${TORCH_LIBRARIES})
target_include_directories(zistudio_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
# PyTorch's wheels (LibTorch 2.x) export copies of libstdc++'s std::filesystem from libtorch.so; a program that
# lists libtorch before libstdc++ binds std::filesystem::remove_all & co. to them, and they crash. libstdc++ first:
if(Torch_VERSION VERSION_GREATER_EQUAL 2)
    target_link_options(zistudio_torch INTERFACE "LINKER:--push-state,--no-as-needed,-lstdc++,--pop-state")
endif()
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
# at::parallel_for is a header template: without -fopenmp in OUR translation units it runs every task on one
# thread (ATen/ParallelOpenMP.h: "#ifdef _OPENMP"), whatever torch::set_num_threads says. Both LibTorch builds
# use GNU OpenMP (libgomp.so.1, one runtime per process). The clang sanitizer/fuzzing builds skip it (clang's
# libomp beside LibTorch's libgomp would be two runtimes): there parallel_for runs its tasks in turn, correctly.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    find_package(OpenMP REQUIRED COMPONENTS CXX)
    target_link_libraries(zistudio_torch INTERFACE OpenMP::OpenMP_CXX)
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
