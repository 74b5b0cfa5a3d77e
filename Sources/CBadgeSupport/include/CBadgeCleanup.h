#ifndef CBADGECLEANUP_H
#define CBADGECLEANUP_H

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that unlink the temporary file registered with
/// `badge_cleanup_arm` (if any), then die of the same signal; and ignores SIGXFSZ, so that a write over the
/// file-size limit fails with EFBIG (and is cleaned up) instead of killing the process. For command-line tools
/// (one atomic write at a time); a library user who installs nothing is unaffected.
void badge_cleanup_install_handlers(void);

/// Registers the temporary file to unlink if a handled signal arrives (no-op unless handlers are installed).
void badge_cleanup_arm(const char *path);

/// Forgets the registered temporary file.
void badge_cleanup_disarm(void);

#endif
