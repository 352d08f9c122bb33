package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.conformance.Finding;
import dev.dtcharness.simulator.journal.Journal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's conformance findings: journaled every time, logged and told to the client in
 * GENERAL_LOG_MESSAGE the first time each mistake (kind, message, field) is made. A client that heartbeats
 * with a fractional time makes the same mistake every interval; it needs telling once, and the log one line.
 * Event-loop only, like the tap that reports them.
 */
final class ConformanceReplies {
    private static final Logger LOG = LoggerFactory.getLogger(ConformanceReplies.class);
    /** Field names come from the client: past this many distinct mistakes, each is told again rather than kept. */
    static final int REMEMBERED = 256;

    private final Session session;
    private final Journal journal;
    private final boolean reply;
    private final Set<String> told = new HashSet<>();

    ConformanceReplies(Session session, Journal journal, boolean reply) {
        this.session = session;
        this.journal = journal;
        this.reply = reply;
    }

    /**
     * One frame's findings. MessageText holds 127 characters, so the likely intent goes first, and findings with
     * the same intent (three order fields on a 300) become one message naming them all.
     */
    void told(List<Finding> findings) {
        Map<String, Map<String, List<String>>> byIntent = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (finding.kind() == Finding.Kind.BEFORE_LOGON) {
                // The session handler already says so, and knows better whether logon happened in between.
                continue;
            }
            String sentence = finding.sentence();
            journal.finding(session.id(), sentence);
            if (!firstTime(finding)) {
                LOG.debug("{}: not DTC v8 (again): {}", session.label(), sentence);
                continue;
            }
            LOG.warn("{}: not DTC v8: {}", session.label(), sentence);
            String intent = finding.hint() == null ? sentence : finding.hint();
            List<String> fields = byIntent.computeIfAbsent(intent, k -> new LinkedHashMap<>())
                    .computeIfAbsent(finding.message(), k -> new ArrayList<>());
            if (finding.hint() != null && finding.field() != null) {
                fields.add(finding.field());
            }
        }
        if (!reply) {
            return;
        }
        DtcMessage prototype = DtcMessage.of("GENERAL_LOG_MESSAGE");
        int max = prototype.spec().field("MessageText").maxStringLength();
        byIntent.forEach((intent, where) -> where.forEach((message, fields) -> {
            String text = intent;
            if (!fields.isEmpty()) {
                String full = intent + " (" + message + ": " + String.join(", ", fields) + ")";
                text = full.length() <= max ? full : intent + " (" + String.join(", ", fields) + ")";
            }
            session.send(DtcMessage.of("GENERAL_LOG_MESSAGE")
                    .set("MessageText", text.length() <= max ? text : text.substring(0, max)));
        }));
    }

    private boolean firstTime(Finding finding) {
        String key = finding.kind() + " " + finding.message() + " " + finding.field();
        if (told.contains(key)) {
            return false;
        }
        if (told.size() < REMEMBERED) {
            told.add(key);
        }
        return true;
    }
}
