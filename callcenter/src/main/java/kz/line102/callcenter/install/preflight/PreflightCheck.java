package kz.line102.callcenter.install.preflight;

import java.util.List;

/** One area of the preflight; a check that throws becomes a failed finding of its own id. */
interface PreflightCheck {

    /** The id of the finding reported when {@link #run()} throws. */
    String id();

    List<Finding> run();
}
