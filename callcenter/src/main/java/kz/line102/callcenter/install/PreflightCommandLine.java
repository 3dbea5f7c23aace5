package kz.line102.callcenter.install;

import kz.line102.callcenter.install.preflight.PreflightCommand;

/**
 * {@code --preflight} on the application's command line: the module's entry for the launcher
 * (the checks themselves stay inside {@code preflight}; see {@link PreflightCommand}).
 */
public final class PreflightCommandLine {

    private PreflightCommandLine() {
    }

    public static boolean wanted(String[] args) {
        return PreflightCommand.wanted(args);
    }

    /** Prints every finding; 0 when none failed, 1 otherwise. */
    public static int run(String[] args) {
        return PreflightCommand.run(args);
    }
}
