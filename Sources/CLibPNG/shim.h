#ifndef CLIBPNG_SHIM_H
#define CLIBPNG_SHIM_H

#include <png.h>

/// `PNG_FORMAT_RGBA` is a compound macro that Swift cannot import.
static const unsigned int clibpng_format_rgba = PNG_FORMAT_RGBA;

#endif
