package org.socialcare.spring.boot;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialcare.core.domain.ChannelKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code care.*} settings of a desk wired by {@link CareAutoConfiguration}: teams, agents and channels, the
 * JDBC storage, webhook endpoints, background work cadence, platform credentials, metrics, SLA targets and business
 * calendars, the escalation rules file and triage language files. Checked when the
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
    private final Sla sla = new Sla();
    private final Escalation escalation = new Escalation();
    private final Triage triage = new Triage();

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

    public Sla getSla() {
        return sla;
    }

    public Escalation getEscalation() {
        return escalation;
    }

    public Triage getTriage() {
        return triage;
    }

    /**
     * SLA targets and business calendars ({@code care.sla.*}). Unset: the desk's wall-clock default (first response
     * within an hour, always open). Set {@code first-response} to use the rest. An {@code SlaPolicy} bean replaces
     * all of it.
     */
    public static class Sla {
        /** Target for the first agent reply; required once any care.sla.* target or calendar is set. */
        private Duration firstResponse;
        /** Target for each later reply after the customer writes again; defaults to first-response. */
        private Duration nextResponse;
        /** Target for resolving a conversation; unset means no resolution target. */
        private Duration resolution;
        /** Fraction of a target after which a conversation is at risk, in (0, 1]. */
        private double atRiskFraction = 0.75;
        /** The business calendar of every channel without one of its own; unset zone means always open. */
        private final Calendar calendar = new Calendar();
        /** Targets and calendars of single channels, by channel id (one of care.channels). */
        private Map<String, ChannelSla> channels = new LinkedHashMap<>();

        public Duration getFirstResponse() {
            return firstResponse;
        }

        public void setFirstResponse(Duration firstResponse) {
            this.firstResponse = firstResponse;
        }

        public Duration getNextResponse() {
            return nextResponse;
        }

        public void setNextResponse(Duration nextResponse) {
            this.nextResponse = nextResponse;
        }

        public Duration getResolution() {
            return resolution;
        }

        public void setResolution(Duration resolution) {
            this.resolution = resolution;
        }

        public double getAtRiskFraction() {
            return atRiskFraction;
        }

        public void setAtRiskFraction(double atRiskFraction) {
            this.atRiskFraction = atRiskFraction;
        }

        public Calendar getCalendar() {
            return calendar;
        }

        public Map<String, ChannelSla> getChannels() {
            return channels;
        }

        public void setChannels(Map<String, ChannelSla> channels) {
            this.channels = channels;
        }
    }

    /** One channel's SLA ({@code care.sla.channels.<channel-id>.*}); unset targets fall back to care.sla.*. */
    public static class ChannelSla {
        /** Target for the first agent reply on this channel. */
        private Duration firstResponse;
        /** Target for each later reply on this channel. */
        private Duration nextResponse;
        /** Target for resolution on this channel. */
        private Duration resolution;
        /** This channel's business calendar; unset zone means the desk-wide calendar. */
        private final Calendar calendar = new Calendar();

        public Duration getFirstResponse() {
            return firstResponse;
        }

        public void setFirstResponse(Duration firstResponse) {
            this.firstResponse = firstResponse;
        }

        public Duration getNextResponse() {
            return nextResponse;
        }

        public void setNextResponse(Duration nextResponse) {
            this.nextResponse = nextResponse;
        }

        public Duration getResolution() {
            return resolution;
        }

        public void setResolution(Duration resolution) {
            this.resolution = resolution;
        }

        public Calendar getCalendar() {
            return calendar;
        }
    }

    /** A business calendar: opening hours in a time zone, and holidays (closed all day). */
    public static class Calendar {
        /** Time zone of the opening hours, e.g. Europe/Madrid; unset means always open. */
        private String zone;
        /** Opening hours Monday to Friday, as HH:mm-HH:mm (e.g. 08:00-20:00). */
        private String weekdays;
        /** Opening hours on Saturday, as HH:mm-HH:mm; unset means closed. */
        private String saturday;
        /** Opening hours on Sunday, as HH:mm-HH:mm; unset means closed. */
        private String sunday;
        /** Days closed all day, as ISO dates (2026-12-25). */
        private List<LocalDate> holidays = new ArrayList<>();

        public String getZone() {
            return zone;
        }

        public void setZone(String zone) {
            this.zone = zone;
        }

        public String getWeekdays() {
            return weekdays;
        }

        public void setWeekdays(String weekdays) {
            this.weekdays = weekdays;
        }

        public String getSaturday() {
            return saturday;
        }

        public void setSaturday(String saturday) {
            this.saturday = saturday;
        }

        public String getSunday() {
            return sunday;
        }

        public void setSunday(String sunday) {
            this.sunday = sunday;
        }

        public List<LocalDate> getHolidays() {
            return holidays;
        }

        public void setHolidays(List<LocalDate> holidays) {
            this.holidays = holidays;
        }
    }

    /** Escalation rules ({@code care.escalation.*}); an {@code EscalationPolicy} bean replaces them. */
    public static class Escalation {
        /** The bank's rules file (one rule a line), as a resource location: classpath:care/escalation.rules. */
        private String rulesFile;

        public String getRulesFile() {
            return rulesFile;
        }

        public void setRulesFile(String rulesFile) {
            this.rulesFile = rulesFile;
        }
    }

    /** Triage languages ({@code care.triage.*}); a {@code MessagePolicies} bean replaces them. */
    public static class Triage {
        /**
         * Extra or replacing language rules, properties files as resource locations (classpath:triage-pt.properties);
         * a file for a language already built in (en, es) replaces it.
         */
        private List<String> languageFiles = new ArrayList<>();
        /** Language of messages that carry none; one of the built-in or configured languages. */
        private String defaultLanguage;

        public List<String> getLanguageFiles() {
            return languageFiles;
        }

        public void setLanguageFiles(List<String> languageFiles) {
            this.languageFiles = languageFiles;
        }

        public String getDefaultLanguage() {
            return defaultLanguage;
        }

        public void setDefaultLanguage(String defaultLanguage) {
            this.defaultLanguage = defaultLanguage;
        }
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
        /** Twitter only: this account's publishing credentials. */
        private final TwitterAccount twitter = new TwitterAccount();

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

        public TwitterAccount getTwitter() {
            return twitter;
        }
    }

    /**
     * A Twitter account's own credentials ({@code care.channels[n].twitter.*}): with them the starter publishes the
     * channel's replies through twitter4j with the app's {@code care.twitter.consumer-key}/{@code consumer-secret}.
     */
    public static class TwitterAccount {
        /** The account's OAuth 1.0a access token. */
        private String accessToken;
        /** The account's OAuth 1.0a access token secret. */
        private String accessTokenSecret;

        public String getAccessToken() {
            return accessToken;
        }

        public void setAccessToken(String accessToken) {
            this.accessToken = accessToken;
        }

        public String getAccessTokenSecret() {
            return accessTokenSecret;
        }

        public void setAccessTokenSecret(String accessTokenSecret) {
            this.accessTokenSecret = accessTokenSecret;
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
        /** Polling intervals of single sources, by source id (a ChannelSource bean's sourceId()). */
        private Map<String, Duration> pollIntervals = new LinkedHashMap<>();
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

        public Map<String, Duration> getPollIntervals() {
            return pollIntervals;
        }

        public void setPollIntervals(Map<String, Duration> pollIntervals) {
            this.pollIntervals = pollIntervals;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** Twitter app credentials ({@code care.twitter.*}); the secret is required when a TWITTER channel is configured. */
    public static class Twitter {
        /** The app's consumer secret: signs CRC answers and verifies x-twitter-webhooks-signature. */
        private String consumerSecret;
        /** The app's consumer key; required when a channel has its own access token (care.channels[n].twitter). */
        private String consumerKey;
        /** REST API base URL of the publishers; unset means Twitter's own. */
        private String restBaseUrl;

        public String getConsumerKey() {
            return consumerKey;
        }

        public void setConsumerKey(String consumerKey) {
            this.consumerKey = consumerKey;
        }

        public String getRestBaseUrl() {
            return restBaseUrl;
        }

        public void setRestBaseUrl(String restBaseUrl) {
            this.restBaseUrl = restBaseUrl;
        }

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
        /**
         * Publish the replies of every facebook channel through restfb with its care.channels[n].page-access-token
         * (and this app secret for appsecret_proof).
         */
        private boolean publish;
        /** Graph API base URL of the publisher; unset means Facebook's own. */
        private String graphBaseUrl;

        public boolean isPublish() {
            return publish;
        }

        public void setPublish(boolean publish) {
            this.publish = publish;
        }

        public String getGraphBaseUrl() {
            return graphBaseUrl;
        }

        public void setGraphBaseUrl(String graphBaseUrl) {
            this.graphBaseUrl = graphBaseUrl;
        }

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
