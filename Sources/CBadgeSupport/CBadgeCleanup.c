#include "CBadgeCleanup.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

// Written only outside the handler; the handler reads them and calls only async-signal-safe functions
// (unlink, sigaction, raise).
static char cleanup_path[4096];
static volatile sig_atomic_t cleanup_armed = 0;
static volatile sig_atomic_t handlers_installed = 0;

static void cleanup_handler(int signal_number) {
    if (cleanup_armed) unlink(cleanup_path);
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal_number, &fallback, NULL);
    raise(signal_number);  // delivered on return from the handler: the process dies of this signal
}

void badge_cleanup_install_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cleanup_handler;
    sigemptyset(&action.sa_mask);
    sigaddset(&action.sa_mask, SIGINT);
    sigaddset(&action.sa_mask, SIGTERM);
    sigaddset(&action.sa_mask, SIGHUP);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    signal(SIGXFSZ, SIG_IGN);
    handlers_installed = 1;
}

void badge_cleanup_arm(const char *path) {
    if (!handlers_installed) return;
    size_t length = strlen(path);
    if (length >= sizeof cleanup_path) return;
    cleanup_armed = 0;
    memcpy(cleanup_path, path, length + 1);
    cleanup_armed = 1;
}

void badge_cleanup_disarm(void) { cleanup_armed = 0; }
