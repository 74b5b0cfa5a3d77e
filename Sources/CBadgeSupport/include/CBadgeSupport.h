#ifndef CBADGESUPPORT_H
#define CBADGESUPPORT_H

#include "CBadgeCleanup.h"
#include "CBadgeStartup.h"

#endif
