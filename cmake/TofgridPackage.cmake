# Install rules, the exported CMake package (find_package(tofgrid CONFIG) ->
# tofgrid::tofgrid, tofgrid::fortran) and a pkg-config file.
include(CMakePackageConfigHelpers)
set(TOFGRID_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/tofgrid)

install(TARGETS tofgrid EXPORT tofgridTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/tofgrid/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tofgrid)
install(EXPORT tofgridTargets NAMESPACE tofgrid:: DESTINATION ${TOFGRID_CMAKE_DIR})

if(TOFGRID_WITH_FORTRAN)
  if(NOT TOFGRID_FORTRAN_MODULE_DIR)
    message(FATAL_ERROR "TOFGRID_FORTRAN_MODULE_DIR is not set")  # never install(DIRECTORY "/")
  endif()
  install(TARGETS tofgrid_fortran EXPORT tofgridFortranTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(DIRECTORY "${TOFGRID_FORTRAN_MODULE_DIR}/" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tofgrid/fortran
          FILES_MATCHING PATTERN "*.mod")
  install(EXPORT tofgridFortranTargets NAMESPACE tofgrid:: DESTINATION ${TOFGRID_CMAKE_DIR})
endif()

if(BUILD_SHARED_LIBS)
  set(TOFGRID_STATIC OFF)
else()
  set(TOFGRID_STATIC ON)
endif()
configure_package_config_file(cmake/tofgridConfig.cmake.in ${PROJECT_BINARY_DIR}/tofgridConfig.cmake
  INSTALL_DESTINATION ${TOFGRID_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tofgridConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tofgridConfig.cmake ${PROJECT_BINARY_DIR}/tofgridConfigVersion.cmake
        DESTINATION ${TOFGRID_CMAKE_DIR})

# pkg-config: a static libtofgrid's private dependencies (Requires.private,
# Libs.private; `pkg-config --static --libs tofgrid`).
set(pc_libs ${LAPACK_LIBRARIES})
if(TOFGRID_WITH_HDF5)
  list(APPEND pc_libs ${HDF5_HL_LIBRARIES} ${HDF5_C_LIBRARIES})
endif()
list(APPEND pc_libs -lm)
list(REMOVE_DUPLICATES pc_libs)
list(JOIN pc_libs " " TOFGRID_PC_LIBS_PRIVATE)
set(TOFGRID_PC_LIBS_PRIVATE " ${TOFGRID_PC_LIBS_PRIVATE}")
file(RELATIVE_PATH TOFGRID_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
configure_file(cmake/tofgrid.pc.in ${PROJECT_BINARY_DIR}/tofgrid.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/tofgrid.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(TOFGRID_WITH_FORTRAN) # Makefile-built Fortran codes: the module directory and -ltofgrid_fortran
  configure_file(cmake/tofgrid-fortran.pc.in ${PROJECT_BINARY_DIR}/tofgrid-fortran.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/tofgrid-fortran.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
