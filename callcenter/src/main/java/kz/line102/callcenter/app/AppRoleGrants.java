package kz.line102.callcenter.app;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migrations run as the database owner; the application connects as a role that owns
 * nothing ({@code line102.database.app-role}). After every migration the owner gives that
 * role exactly its grants again ({@code line102_grant_app_role}, V80), so tables added by
 * a migration are covered and a grant added by hand is taken back. No TRUNCATE, no trigger
 * control, no UPDATE or DELETE on the append-only audit tables: the chain then survives
 * an application (or an attacker holding its credentials) that turns against it.
 */
@Configuration(proxyBeanMethods = false)
class AppRoleGrants {

    private static final Logger log = LoggerFactory.getLogger(AppRoleGrants.class);

    @Bean
    FlywayMigrationStrategy migrateThenGrant(DatabaseProperties props, Environment env) {
        if (props.appRole().isEmpty() && env.acceptsProfiles(Profiles.of("service"))) {
            throw new IllegalStateException("the service profile needs line102.database.app-role"
                    + " (LINE102_DATABASE_APP_ROLE): the application must not connect as the tables' owner");
        }
        return flyway -> {
            flyway.migrate();
            grant(flyway, props.appRole());
        };
    }

    static void grant(Flyway flyway, String appRole) {
        if (appRole.isEmpty()) {
            log.info("no line102.database.app-role: the application connects as the migrations' role (demo, dev,"
                    + " tests only; in production it must own nothing)");
            return;
        }
        try (var connection = flyway.getConfiguration().getDataSource().getConnection()) {
            new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                    .queryForList("select line102_grant_app_role(?)", appRole);
            log.info("database role {} given the application's grants (owns nothing, no TRUNCATE, no trigger"
                    + " control, append-only audit tables)", appRole);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("granting the application role " + appRole + " failed: " + e.getMessage(),
                    e);
        }
    }
}
