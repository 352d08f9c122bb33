package dev.dtcharness.simulator.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state file read back, line by line. A line that ends without its newline is the one a crash
 * cut short (each event is one write, newline included): it is reported as torn, for the store to
 * cut off. A whole line that cannot be used (not JSON, not an event, a part missing) is skipped with
 * one WARN naming the file, its line number, the byte offset it starts at and why; it stays in the
 * file, and the lines after it are read on. Blank lines are passed over.
 */
final class StoreLineReader {
    private static final Logger LOG = LoggerFactory.getLogger(StoreLineReader.class);

    /** A usable line: the event, its line number (from 1) and the byte offset it starts at (from 0). */
    record Numbered(StoreLine line, int number, long offset) {
    }

    /** What the file held: the usable lines in order, and where a torn last line begins (-1: none). */
    record Read(List<Numbered> lines, long tornAt, int tornLine) {
    }

    private StoreLineReader() {
    }

    static Read read(Path file, byte[] bytes, ObjectMapper json) {
        List<Numbered> lines = new ArrayList<>();
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            number++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                return new Read(lines, start, number);
            }
            if (!blank(bytes, start, end)) {
                Numbered n = parse(file, bytes, start, end, number, json);
                if (n != null) {
                    lines.add(n);
                }
            }
            start = end + 1;
        }
        return new Read(lines, -1, 0);
    }

    private static Numbered parse(Path file, byte[] bytes, int start, int end, int number, ObjectMapper json) {
        String problem;
        try {
            StoreLine line = json.readValue(bytes, start, end - start, StoreLine.class);
            problem = line == null ? "it is null" : line.problem();
            if (problem == null) {
                return new Numbered(line.order() == null ? line : withTypedOrder(line), number, start);
            }
        } catch (JsonProcessingException e) {
            problem = "it is not a state event (" + plain(e) + ")";
        } catch (IOException | IllegalArgumentException e) {
            problem = e.getMessage();
        }
        skipped(file, number, start, problem);
        return null;
    }

    /** Jackson's reason without its source excerpt, and where in the line it stopped. */
    private static String plain(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        int cut = reason.indexOf(" (start marker");
        reason = (cut > 0 ? reason.substring(0, cut) : reason).lines().findFirst().orElse(reason);
        return e.getLocation() == null ? reason : reason + " at column " + e.getLocation().getColumnNr();
    }

    private static StoreLine withTypedOrder(StoreLine l) {
        return new StoreLine(l.event(), l.clientOrderId(), StoredRequest.typed(l.order()), l.fill(), l.serverOrderIds(),
                l.executionIds(), l.account(), l.realisedPnl(), l.positions());
    }

    /** The one WARN for a line replay does without, wherever it was found unusable. */
    static void skipped(Path file, int number, long offset, String why) {
        LOG.warn("{}: line {} (from byte {}) skipped: {}; the lines after it still apply", file, number, offset, why);
    }

    private static boolean blank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
