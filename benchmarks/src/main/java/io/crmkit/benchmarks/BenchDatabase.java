package io.crmkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A database the benchmarks run on: its label and JDBC URL (user in the URL), and the one HikariCP pool
 * that both the kit and the baseline use.
 *
 * @param name h2, postgres or mariadb
 * @param url  the JDBC URL
 */
record BenchDatabase(String name, String url) {

    /** Environment variable with the JDBC URL of the PostgreSQL database. */
    static final String POSTGRES_ENV = "CRMKIT_BENCH_POSTGRES_URL";
    /** Environment variable with the JDBC URL of the MariaDB database. */
    static final String MARIADB_ENV = "CRMKIT_BENCH_MARIADB_URL";

    private static final String POSTGRES_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String MARIADB_DEFAULT = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    private static final int POOL_SIZE = 4;

    /**
     * An embedded H2 file database, as the quickstart uses, in a directory that is deleted first so that
     * every run starts from empty tables.
     */
    static BenchDatabase h2(Path directory) throws IOException {
        deleteRecursively(directory);
        return new BenchDatabase("h2", "jdbc:h2:file:" + directory.toAbsolutePath().resolve("crmkit"));
    }

    /** PostgreSQL at {@value #POSTGRES_ENV}, by default {@value #POSTGRES_DEFAULT}. */
    static BenchDatabase postgres() {
        return new BenchDatabase("postgres", urlFromEnvironment(POSTGRES_ENV, POSTGRES_DEFAULT));
    }

    /** MariaDB at {@value #MARIADB_ENV}, by default {@value #MARIADB_DEFAULT}. */
    static BenchDatabase mariadb() {
        return new BenchDatabase("mariadb", urlFromEnvironment(MARIADB_ENV, MARIADB_DEFAULT));
    }

    /** @return a new pool on the database; the caller closes it */
    HikariDataSource openPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("bench-" + name);
        return new HikariDataSource(config);
    }

    private static String urlFromEnvironment(String variable, String fallback) {
        String url = System.getenv(variable);
        return url == null || url.isBlank() ? fallback : url;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
