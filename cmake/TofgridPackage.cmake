install(TARGETS tofgrid EXPORT tofgridTargets)
