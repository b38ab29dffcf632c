# The API reference (Doxygen): `cmake --build <build> --target docs` writes the
# C API to <build>/docs/html, the Fortran module and the Python package to
# <build>/docs/bindings/html (docs/Doxyfile-bindings.in). Not part of ALL. docs/Doxyfile.in is configured
# here with @ONLY; it reads include/tofgrid.h, include/tofgrid/*.h and the
# generated <build>/include/tofgrid/version.h. Every doxygen warning fails the
# target (WARN_AS_ERROR = FAIL_ON_WARNINGS, which needs doxygen >= 1.9.0).

find_package(Doxygen 1.9.0)

if(DOXYGEN_FOUND)
  set(TOFGRID_DOXYFILE ${PROJECT_BINARY_DIR}/docs/Doxyfile)
  configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in ${TOFGRID_DOXYFILE} @ONLY)
  configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile-bindings.in ${PROJECT_BINARY_DIR}/docs/Doxyfile-bindings @ONLY)
  add_custom_target(docs
    COMMAND Doxygen::doxygen ${TOFGRID_DOXYFILE}
    COMMAND Doxygen::doxygen ${PROJECT_BINARY_DIR}/docs/Doxyfile-bindings
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/docs
    COMMENT "Building the C API reference with Doxygen ${DOXYGEN_VERSION} (${PROJECT_BINARY_DIR}/docs/html)"
    VERBATIM)
else()
  message(STATUS "tofgrid: Doxygen >= 1.9.0 not found; the docs target will fail until it is installed")
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -E echo
            "tofgrid: cannot build the docs: Doxygen >= 1.9.0 was not found. Install doxygen (Debian/Ubuntu: apt-get install doxygen) and re-run cmake."
    COMMAND ${CMAKE_COMMAND} -E false
    VERBATIM)
endif()
