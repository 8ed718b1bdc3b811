package org.socialcare.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.socialcare.core.domain.ChannelKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code care.*} settings of a desk wired by {@link CareAutoConfiguration}: teams, agents and channels, the
 * JDBC storage, webhook endpoints, background work cadence, platform credentials and metrics. Checked when the
 * desk is built ({@link CareDeskFactory}); a bad value fails startup with an error naming the property. Mutable
 * bean for Spring's binder; not thread-safe while binding, read-only afterwards.
 */
@ConfigurationProperties(prefix = "care")
public class CareProperties {
    /** Teams that own channels and queues. */
    private List<TeamProperties> teams = new ArrayList<>();
    /** Agents working the queues. */
    private List<AgentProperties> agents = new ArrayList<>();
    /** The bank's accounts and pages on the platforms. */
    private List<ChannelProperties> channels = new ArrayList<>();

    private final Jdbc jdbc = new Jdbc();
    private final Webhook webhook = new Webhook();
    private final Background background = new Background();
    private final Twitter twitter = new Twitter();
    private final Facebook facebook = new Facebook();
    private final Metrics metrics = new Metrics();

    public List<TeamProperties> getTeams() {
        return teams;
    }

    public void setTeams(List<TeamProperties> teams) {
        this.teams = teams;
    }

    public List<AgentProperties> getAgents() {
        return agents;
    }

    public void setAgents(List<AgentProperties> agents) {
        this.agents = agents;
    }

    public List<ChannelProperties> getChannels() {
        return channels;
    }

    public void setChannels(List<ChannelProperties> channels) {
        this.channels = channels;
    }

    public Jdbc getJdbc() {
        return jdbc;
    }

    public Webhook getWebhook() {
        return webhook;
    }

    public Background getBackground() {
        return background;
    }

    public Twitter getTwitter() {
        return twitter;
    }

    public Facebook getFacebook() {
        return facebook;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** A team ({@code care.teams[n]}). */
    public static class TeamProperties {
        /** Team id, referenced by channels and agents. */
        private String id;
        /** Display name; defaults to the id. */
        private String name;
        /** Business unit the team belongs to, for the metrics report. */
        private String businessUnit;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getBusinessUnit() {
            return businessUnit;
        }

        public void setBusinessUnit(String businessUnit) {
            this.businessUnit = businessUnit;
        }
    }

    /** An agent ({@code care.agents[n]}). */
    public static class AgentProperties {
        /** Agent id. */
        private String id;
        /** Display name; defaults to the id. */
        private String name;
        /** Initials signed on public replies (^AB). */
        private String initials;
        /** Id of the agent's team (one of care.teams). */
        private String team;
        /** Whether the agent may approve held replies. */
        private boolean supervisor;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getInitials() {
            return initials;
        }

        public void setInitials(String initials) {
            this.initials = initials;
        }

        public String getTeam() {
            return team;
        }

        public void setTeam(String team) {
            this.team = team;
        }

        public boolean isSupervisor() {
            return supervisor;
        }

        public void setSupervisor(boolean supervisor) {
            this.supervisor = supervisor;
        }
    }

    /** A channel ({@code care.channels[n]}): a Twitter account or Facebook page. */
    public static class ChannelProperties {
        /** Channel id, unique on the desk; a metrics tag value. */
        private String id;
        /** Platform name: twitter, facebook, or a custom platform's name. */
        private String platform;
        /** Screen name or page name. */
        private String handle;
        /** The platform's id of the account: Twitter user id, Facebook page id. */
        private String accountId;
        /** What the account is for. */
        private ChannelKind kind = ChannelKind.DEDICATED_CARE;
        /** Id of the owning team (one of care.teams). */
        private String team;
        /** Business unit, for the metrics report. */
        private String businessUnit;
        /** Facebook only: the page access token. */
        private String pageAccessToken;
        /** Whether the desk only reads this channel: it needs no publisher and replies on it are refused. */
        private boolean receiveOnly;

        public boolean isReceiveOnly() {
            return receiveOnly;
        }

        public void setReceiveOnly(boolean receiveOnly) {
            this.receiveOnly = receiveOnly;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getPlatform() {
            return platform;
        }

        public void setPlatform(String platform) {
            this.platform = platform;
        }

        public String getHandle() {
            return handle;
        }

        public void setHandle(String handle) {
            this.handle = handle;
        }

        public String getAccountId() {
            return accountId;
        }

        public void setAccountId(String accountId) {
            this.accountId = accountId;
        }

        public ChannelKind getKind() {
            return kind;
        }

        public void setKind(ChannelKind kind) {
            this.kind = kind;
        }

        public String getTeam() {
            return team;
        }

        public void setTeam(String team) {
            this.team = team;
        }

        public String getBusinessUnit() {
            return businessUnit;
        }

        public void setBusinessUnit(String businessUnit) {
            this.businessUnit = businessUnit;
        }

        public String getPageAccessToken() {
            return pageAccessToken;
        }

        public void setPageAccessToken(String pageAccessToken) {
            this.pageAccessToken = pageAccessToken;
        }
    }

    /** The JDBC storage on the application's DataSource ({@code care.jdbc.*}). */
    public static class Jdbc {
        /** Apply the built-in schema scripts at startup when Flyway is not on the classpath. */
        private boolean initializeSchema;
        /** Prefix of every care table. */
        private String tablePrefix = "care_";

        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }
    }

    /** The webhook endpoints ({@code care.webhook.*}). */
    public static class Webhook {
        /** Whether the Spring MVC webhook endpoints are mapped. */
        private boolean enabled = true;
        /** Base path; Twitter's endpoint is {path}/twitter, Facebook's {path}/facebook. */
        private String path = "/care/webhooks";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    /** Managed background work ({@code care.background.*}). */
    public static class Background {
        /** Whether the outbox dispatcher, sweep and pollers run in this application. */
        private boolean enabled = true;
        /** Pause between outbox dispatch passes. */
        private Duration outboxInterval = Duration.ofSeconds(5);
        /** Pause between SLA and escalation sweeps. */
        private Duration sweepInterval = Duration.ofSeconds(30);
        /** Interval of every ChannelSource bean's polling. */
        private Duration pollInterval = Duration.ofSeconds(60);
        /** How long shutdown waits for an in-flight pass to finish. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getOutboxInterval() {
            return outboxInterval;
        }

        public void setOutboxInterval(Duration outboxInterval) {
            this.outboxInterval = outboxInterval;
        }

        public Duration getSweepInterval() {
            return sweepInterval;
        }

        public void setSweepInterval(Duration sweepInterval) {
            this.sweepInterval = sweepInterval;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** Twitter webhook credentials ({@code care.twitter.*}); required when a TWITTER channel is configured. */
    public static class Twitter {
        /** The app's consumer secret: signs CRC answers and verifies x-twitter-webhooks-signature. */
        private String consumerSecret;

        public String getConsumerSecret() {
            return consumerSecret;
        }

        public void setConsumerSecret(String consumerSecret) {
            this.consumerSecret = consumerSecret;
        }
    }

    /** Facebook webhook credentials ({@code care.facebook.*}); required when a FACEBOOK channel is configured. */
    public static class Facebook {
        /** The app secret: verifies X-Hub-Signature-256. */
        private String appSecret;
        /** The token the verify GET must echo (hub.verify_token). */
        private String verifyToken;

        public String getAppSecret() {
            return appSecret;
        }

        public void setAppSecret(String appSecret) {
            this.appSecret = appSecret;
        }

        public String getVerifyToken() {
            return verifyToken;
        }

        public void setVerifyToken(String verifyToken) {
            this.verifyToken = verifyToken;
        }
    }

    /** The Micrometer binder ({@code care.metrics.*}). */
    public static class Metrics {
        /** Trailing window of the SLA and first-response gauges. */
        private Duration window = Duration.ofHours(24);
        /** How long one computed report serves every gauge. */
        private Duration refresh = Duration.ofSeconds(15);

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Duration getRefresh() {
            return refresh;
        }

        public void setRefresh(Duration refresh) {
            this.refresh = refresh;
        }
    }
}
