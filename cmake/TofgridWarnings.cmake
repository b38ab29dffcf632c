# tofgrid_warnings(<target>): the project's warning flags for a C target of
# its own (as errors with TOFGRID_WERROR=ON, which CI sets).
# TOFGRID_SANITIZE=ON builds everything with ASan + UBSan (CI's second pass).
set(TOFGRID_C_WARNINGS -Wall -Wextra -Wshadow -Wstrict-prototypes)
function(tofgrid_warnings target)
  target_compile_options(${target} PRIVATE $<$<AND:$<COMPILE_LANGUAGE:C>,$<C_COMPILER_ID:GNU,Clang>>:${TOFGRID_C_WARNINGS}>)
  if(TOFGRID_WERROR)
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:C,Fortran>:-Werror>)
  endif()
endfunction()

if(TOFGRID_SANITIZE)
  set(TOFGRID_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  # Also for programs that tests build outside this project and link to the
  # sanitized library: linked so, the ASan runtime comes first in the process
  # (preloading it instead can hang at start-up; see TofgridSanitize.cmake).
  set(TOFGRID_SANITIZER_LINK_FLAGS -fsanitize=address,undefined)
  add_compile_options(${TOFGRID_SANITIZER_FLAGS})
  add_link_options(${TOFGRID_SANITIZER_LINK_FLAGS})
endif()
