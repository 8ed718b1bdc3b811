package org.socialcare.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The whole integration of a care desk in a Spring Boot application: the starter wires the desk, storage,
 * webhooks, the Twitter account's publisher, background work, health and metrics from {@code application.yml}.
 */
@SpringBootApplication
public class CareBootExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareBootExampleApplication.class, args);
    }
}
