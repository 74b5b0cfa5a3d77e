import CBadgeSupport

/// Removes the temporary file of an atomic write when the process is interrupted.
///
/// Files are written to a temporary file beside the output and renamed into place, so an interrupted write
/// never leaves a partial output; by default, though, the temporary file itself stays behind. A command-line
/// tool calls ``installSignalHandlers()`` once at start: SIGINT, SIGTERM and SIGHUP then unlink the temporary
/// file being written before the process dies of the signal, and SIGXFSZ is ignored, so that a write over the
/// file-size limit (`ulimit -f`) fails with a typed error and is cleaned up. The handlers track one write at a
/// time: use them in single-writer programs, not in servers.
public enum TemporaryFileCleanup {
    /// Installs the handlers (idempotent).
    public static func installSignalHandlers() {
        badge_cleanup_install_handlers()
    }
}
