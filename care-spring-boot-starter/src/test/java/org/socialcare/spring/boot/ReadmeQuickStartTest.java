package org.socialcare.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/** The README's quick-start YAML, read from the README itself, gives a running desk on the DataSource. */
class ReadmeQuickStartTest {

    static String quickStartYaml() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- quick-start-yaml -->");
        int end = readme.indexOf("<!-- /quick-start-yaml -->");
        assertThat(start).as("README quick-start markers").isPositive();
        String block = readme.substring(start, end);
        return block.substring(block.indexOf("```yaml") + "```yaml".length(), block.lastIndexOf("```"));
    }

    @Test
    void theReadmeYamlBuildsARunningDeskOnTheDataSource() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load(
                        "readme",
                        new ByteArrayResource(quickStartYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        new WebApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, CareAutoConfiguration.class))
                .withInitializer(ctx -> yaml.forEach(
                        ps -> ctx.getEnvironment().getPropertySources().addLast(ps)))
                .withPropertyValues("TWITTER_CONSUMER_SECRET=from-the-environment")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    CareDesk desk = ctx.getBean(CareDesk.class);
                    assertThat(desk.channels()).extracting(c -> c.id().value()).containsExactly("twitter-care");
                    assertThat(desk.storage().conversations().getClass().getSimpleName())
                            .isEqualTo("JdbcConversationStore");
                    assertThat(ctx.getBean(CareWebhookController.class).handlers())
                            .containsOnlyKeys("twitter");
                });
    }
}
