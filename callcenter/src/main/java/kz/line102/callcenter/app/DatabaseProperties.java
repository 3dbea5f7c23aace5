package kz.line102.callcenter.app;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.database.*}: limits on every PostgreSQL connection of the application,
 * and the pool reserved for call intake. Described in {@code conf/application.yml}.
 *
 * @param statementTimeout a statement running longer is cancelled (PostgreSQL {@code statement_timeout})
 * @param lockTimeout      a statement waiting longer for a lock fails ({@code lock_timeout}): a request
 *                         that waits on a row another transaction holds gives up instead of holding its
 *                         own connection for as long as the other one takes
 * @param intakePoolSize   connections of the intake pool: only stream intake uses it, so intake commits
 *                         even when requests, jobs and reports have taken every connection of the main pool
 * @param appRole        the PostgreSQL role the application connects as when migrations run as the owner
 *                       ({@code spring.flyway.user}): after every migration it is given exactly its grants
 *                       ({@link AppRoleGrants}). Empty (demo, dev, tests): the application is its own owner
 */
@Validated
@ConfigurationProperties("line102.database")
public record DatabaseProperties(@NotNull Duration statementTimeout, @NotNull Duration lockTimeout,
                                 @Min(1) @Max(32) int intakePoolSize, String appRole) {

    public DatabaseProperties {
        appRole = appRole == null ? "" : appRole.strip();
    }

    /** PostgreSQL's {@code options} connection parameter that sets both timeouts at connection start. */
    String options() {
        return "-c statement_timeout=" + statementTimeout.toMillis() + " -c lock_timeout=" + lockTimeout.toMillis();
    }
}
