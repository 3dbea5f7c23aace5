package kz.line102.callcenter.app;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statement and lock timeouts on every connection, set by PostgreSQL at connection
 * start ({@code options=-c statement_timeout=… -c lock_timeout=…}) so no code path can
 * forget them; and the intake pool ({@link IntakeDatabase}), a copy of the main pool's
 * settings under its own name and size.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Adds the timeouts to any Hikari pool before its first connection. */
    @Bean
    static BeanPostProcessor databaseTimeouts(Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    withTimeouts(pool, Binder.get(env).bindOrCreate("line102.database", DatabaseProperties.class));
                }
                return bean;
            }
        };
    }

    @Bean(destroyMethod = "close")
    IntakeDatabase intakeDatabase(DataSource main, DatabaseProperties props, MeterRegistry meters) {
        DataSource intake = main;
        if (main instanceof HikariDataSource hikari) {
            HikariConfig config = new HikariConfig();
            hikari.copyStateTo(config);
            config.setPoolName("intake");
            config.setMaximumPoolSize(props.intakePoolSize());
            config.setMinimumIdle(Math.min(1, props.intakePoolSize()));
            config.setMetricRegistry(null);
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
            HikariDataSource pool = new HikariDataSource();
            config.copyStateTo(pool);
            withTimeouts(pool, props);
            intake = pool;
        } else {
            log.warn("the main DataSource is not a Hikari pool ({}): intake shares it", main.getClass().getName());
        }
        return new IntakeDatabase(intake, new JdbcTemplate(intake),
                new TransactionTemplate(new DataSourceTransactionManager(intake)));
    }

    static void withTimeouts(HikariDataSource pool, DatabaseProperties props) {
        Object given = pool.getDataSourceProperties().get("options");
        String options = props.options();
        if (given != null && !given.toString().contains("statement_timeout")) {
            options = given + " " + options;
        } else if (given != null) {
            return; // set explicitly: the operator's own values win
        }
        pool.addDataSourceProperty("options", options);
    }
}
