package dev.dtcharness.simulator.validation;

import dev.dtcharness.protocol.conformance.Finding;
import dev.dtcharness.protocol.message.GeneralLogMessage;
import dev.dtcharness.simulator.exchange.SessionLink;
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
public final class ConformanceReplies {
    private static final Logger LOG = LoggerFactory.getLogger(ConformanceReplies.class);
    /** Field names come from the client: past this many distinct mistakes, each is told again rather than kept. */
    static final int REMEMBERED = 256;
    private static final int MAX_TEXT = GeneralLogMessage.MESSAGE_TEXT.maxStringLength();

    private final SessionLink session;
    private final Journal journal;
    private final boolean reply;
    private final Set<String> told = new HashSet<>();

    /** {@code reply}: tell the client (else only journal and log). */
    public ConformanceReplies(SessionLink session, Journal journal, boolean reply) {
        this.session = session;
        this.journal = journal;
        this.reply = reply;
    }

    /**
     * One frame's findings. MessageText holds 127 characters, so the likely intent goes first, and findings with
     * the same intent (three order fields on a 300) become one message naming them all.
     */
    public void told(List<Finding> findings) {
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
        byIntent.forEach((intent, where) -> where.forEach((message, fields) ->
                session.send(new GeneralLogMessage().setMessageText(text(intent, message, fields)))));
    }

    /** The intent first, then where (the message and its fields) while it fits MessageText, cut to fit. */
    static String text(String intent, String message, List<String> fields) {
        String text = intent;
        if (!fields.isEmpty()) {
            String full = intent + " (" + message + ": " + String.join(", ", fields) + ")";
            text = full.length() <= MAX_TEXT ? full : intent + " (" + String.join(", ", fields) + ")";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
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
