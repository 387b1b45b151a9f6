# Compiler flags for libsxnkernels and its tests.
#   SXN_SANITIZE=ON  builds everything with -fsanitize=address,undefined (the ctest run in CI).
# The library is compiled for baseline x86-64; the AVX2 / AVX-512 paths are selected per function
# with __attribute__((target(...))) and chosen at run time, so -march=native is never used.

set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
option(SXN_SANITIZE "Build with AddressSanitizer and UBSan" OFF)

function(sxn_kernel_flags target)
  # -O3 without -ffast-math: results must not depend on reassociation the Java side cannot mirror.
  target_compile_options(${target} PRIVATE -O3 -Wall -Wextra -Werror=implicit-function-declaration
                         -fno-math-errno -ffp-contract=off -fvisibility=hidden)
  if(SXN_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -O1)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

function(sxn_test_flags target)
  target_compile_options(${target} PRIVATE -O1 -g -Wall -Wextra)
  if(SXN_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
