package kz.line102.recorder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real PostgreSQL on 127.0.0.1:5432 (database {@code test}), or an embedded one where
 * none answers, with the project's migrations applied from the sql module into a schema of
 * the recorder's own per checkout, so tests of other modules and checkouts sharing the
 * database are not disturbed.
 */
public final class TestDatabase {

    /**
     * One schema per checkout (a hash of its path), so two checkouts testing on one
     * machine never truncate each other's rows or trip over each other's migrations.
     */
    private static final String SCHEMA = "recorder_it_" + checkoutHash();
    private static DataSource dataSource;

    private TestDatabase() {
    }

    public static synchronized DataSource get() {
        if (dataSource == null) {
            dataSource = open();
            Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA)
                    .locations(migrations()).load().migrate();
        }
        return dataSource;
    }

    /**
     * The sql module's migrations. Its checked-out sources when they are beside this
     * module: several work trees on one machine share the local Maven repository, so the
     * installed sql jar may be another branch's. Otherwise its jar on the classpath.
     */
    private static String migrations() {
        Path dir = Path.of("../sql/src/main/resources/db/migration");
        return Files.isDirectory(dir) ? "filesystem:" + dir.toAbsolutePath().normalize() : "classpath:db/migration";
    }

    /** Empties every recorder table and restores the seeded retention policies. */
    public static void clean() {
        try (Connection c = get().getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate recording_access_log, recording_deletions, retention_purge_runs, legal_holds,"
                    + " recording_ingest_jobs, recordings, retention_clock cascade");
            s.execute("update retention_policies set keep_for = interval '1 year' where retention_class = 'audio'");
            s.execute("delete from retention_policies where retention_class not in ('audio', 'criminal-offence',"
                    + " 'administrative-offence', 'certification-interview')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource open() {
        if (answers()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA);
            ds.setUser("postgres");
            return ds;
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(pg.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + SCHEMA);
            return ds;
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL on 127.0.0.1:5432 and the embedded one failed", e);
        }
    }

    private static String checkoutHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    Path.of("").toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
