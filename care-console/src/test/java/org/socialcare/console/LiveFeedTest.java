package org.socialcare.console;

import org.springframework.boot.test.context.SpringBootTest;

/** The live feed on the default database, H2 in memory. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:console-feed-${random.uuid};DB_CLOSE_DELAY=-1",
            "console.speed=30",
            "console.start-after=2h",
            "console.tick=200ms"
        })
class LiveFeedTest extends LiveFeedContract {}
