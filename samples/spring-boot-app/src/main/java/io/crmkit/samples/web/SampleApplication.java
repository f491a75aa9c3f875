package io.crmkit.samples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A host application on the CRMKit starter: the starter builds the kit on the application's {@code DataSource}
 * (an H2 file database under {@code ./data/spring-boot-app} by default, PostgreSQL with the {@code postgres}
 * profile), the controllers of this package put a REST API over it, and {@code static/index.html} is the customer
 * list that uses the API.
 */
@SpringBootApplication
public class SampleApplication {

    /** Starts the application on port 8080 (or {@code --server.port=N}). */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
