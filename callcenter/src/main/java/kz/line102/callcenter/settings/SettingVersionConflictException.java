package kz.line102.callcenter.settings;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A change made against a version that is no longer the current one (someone saved in
 * between); the code is {@code <setting's code>-version-conflict}.
 */
public class SettingVersionConflictException extends ProblemException {

    SettingVersionConflictException(SettingSpec<?> spec, int base, int current) {
        super(HttpStatus.CONFLICT, spec.code + "-version-conflict", "the change was made to version " + base
                + " but the current version of the " + spec.title + " is " + current
                + ": reload it and apply the change again");
    }
}
