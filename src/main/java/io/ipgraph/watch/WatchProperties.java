package io.ipgraph.watch;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How watches are evaluated and their alerts delivered.
 *
 * @param evaluate whether this instance evaluates the change journal (with several instances on one database, let one
 * do it; the others' changes wait in the journal for it)
 * @param poll how often the journal is looked at when it was empty
 * @param webhookHosts the hosts (besides this machine's loopback addresses) a watch may deliver its alerts to; none by
 * default, so that what users investigate stays on the machine unless an operator says where it may go
 * @param deliveryAttempts how many times a delivery is tried before it is given up (state {@code failed})
 * @param firstRetry the wait after the first failed attempt; each further one waits twice as long, up to {@code maxRetry}
 * @param maxRetry the longest wait between two attempts
 * @param deadlineSweep how often the legal clocks of the registrations watches alerted on are looked at again, for
 * deadlines that have come near since
 * @param maxKnown the most matches a watch records as what it started from
 */
@ConfigurationProperties("ipgraph.watches")
public record WatchProperties(@DefaultValue("true") boolean evaluate, @DefaultValue("200ms") Duration poll,
		@DefaultValue List<String> webhookHosts, @DefaultValue("10") int deliveryAttempts, @DefaultValue("1s") Duration firstRetry,
		@DefaultValue("10m") Duration maxRetry, @DefaultValue("1h") Duration deadlineSweep, @DefaultValue("10000") int maxKnown) {
}
