package kz.line102.callcenter.security.signin;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * Every password check of this node is busy and stayed so for the configured wait: the
 * sign-in is refused without judging the password (503 {@code sign-in-busy}, not a failure
 * of the account), so a flood of guesses queues behind the gate instead of taking the CPU
 * the operators' requests need.
 */
public class PasswordChecksBusyException extends AuthenticationServiceException {

    public PasswordChecksBusyException() {
        super("every password check is busy");
    }
}
