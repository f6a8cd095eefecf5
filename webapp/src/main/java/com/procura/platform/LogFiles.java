package com.procura.platform;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Adds the two log files under the log folder: {@code procura.log} and {@code access.log}, rolled daily. */
public final class LogFiles {
    private LogFiles() {
    }

    public static void configure(Path logDir) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        replace(root, rollingFile(context, "application-file", logDir.resolve("procura"),
                "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXX,UTC} %-5level [%thread] %logger{36} - %msg%n"));
        Logger access = context.getLogger("procura.access");
        access.setAdditive(false);
        replace(access, rollingFile(context, "access-file", logDir.resolve("access"), "%msg%n"));
    }

    /** A second start in the same JVM (tests, upgrade checks) writes to its own folder, not the first one's. */
    private static void replace(Logger logger, RollingFileAppender<ILoggingEvent> appender) {
        var previous = logger.getAppender(appender.getName());
        logger.addAppender(appender);
        if (previous != null) {
            logger.detachAppender(previous);
            previous.stop();
        }
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, String name, Path base,
            String pattern) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(base + ".log");
        TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(base + ".%d{yyyy-MM-dd}.log.gz");
        policy.setMaxHistory(90);
        policy.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
