#ifndef CBADGESUPPORT_H
#define CBADGESUPPORT_H

#include "CBadgeCleanup.h"

#endif
