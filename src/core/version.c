/* tofgrid's version string. */
#include "tofgrid/version.h"

const char *tg_version(void) { return TOFGRID_VERSION_STRING; }
