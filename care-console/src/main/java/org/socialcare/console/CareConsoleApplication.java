package org.socialcare.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The care console: the agents' and supervisors' web desk over a {@link org.socialcare.core.CareDesk}, fed live by
 * the demo's simulated bank day through the local platform emulators. Run it with {@code java -jar
 * care-console.jar}; see the module README for roles, properties and the demo users.
 */
@SpringBootApplication
@EnableConfigurationProperties(ConsoleProperties.class)
public class CareConsoleApplication {

    public static void main(String[] args) {
        // the emulators' JDK HTTP servers answer without Nagle delays (read when the first server starts)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        SpringApplication.run(CareConsoleApplication.class, args);
    }
}
