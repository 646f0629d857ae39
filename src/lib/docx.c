/* docx.c — stub */
#include "interop-private.h"
