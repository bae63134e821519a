package io.sitrep.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URL;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The app's own logback.xml (not the tests'): the consumer's left-partition warnings go, its other warnings stay. */
class LeftPartitionOffsetFilterTest {

    @Test
    void theAppsLoggingDropsOnlyTheLeftPartitionWarnings() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL appConfig = Thread.currentThread().getContextClassLoader().getResource("logback.xml");
        assertThat(appConfig).as("the app's logback.xml on the classpath").isNotNull();
        configurator.doConfigure(appConfig);

        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.setContext(context);
        seen.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(seen);

        TopicPartition partition = new TopicPartition("sitrep.alerts", 3);
        Logger consumer = context.getLogger(LeftPartitionOffsetFilter.LOGGER);
        consumer.warn("[Consumer clientId=sitrep-global-consumer, groupId=null] Not updating last stable offset for "
                + "partition {} as it is no longer assigned", partition);
        consumer.warn("Not updating high watermark for partition {} as it is no longer assigned", partition);
        consumer.warn("Received unknown topic or partition error in ListOffset request for partition {}", partition);
        context.getLogger("io.sitrep.app.run.SitrepInstance")
                .warn("Not updating last stable offset for partition {} as it is no longer assigned", partition);

        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Received unknown topic or partition error in ListOffset request for partition sitrep.alerts-3",
                "Not updating last stable offset for partition sitrep.alerts-3 as it is no longer assigned");
        context.stop();
    }
}
