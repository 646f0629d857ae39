/* subtitles.c — stub */
#include "interop-private.h"
