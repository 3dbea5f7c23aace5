package kz.line102.callcenter.settings;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** A version of a setting that was never saved; the code is {@code no-such-<setting's code>-version}. */
public class NoSuchSettingVersionException extends ProblemException {

    NoSuchSettingVersionException(SettingSpec<?> spec, int version) {
        super(HttpStatus.NOT_FOUND, "no-such-" + spec.code + "-version", "no " + spec.title + " version " + version);
    }
}
