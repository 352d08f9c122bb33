package dev.dtcharness.client.store;

import dev.dtcharness.protocol.files.OwnerOnlyFiles;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.client.internal.order.AppliedUpdate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The order-history database (SQLite): every order update the book applied, the latest snapshot
 * of each order, and every fill once (the execution id is the primary key, so a repeat is
 * ignored by the database itself). Schema in client/README.md. One change is one transaction.
 */
public final class OrderHistoryDb implements AutoCloseable {
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS order_updates (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          recorded_at_ms INTEGER NOT NULL,
          client_order_id TEXT NOT NULL, server_order_id TEXT NOT NULL,
          symbol TEXT NOT NULL, trade_account TEXT NOT NULL, side TEXT,
          status TEXT NOT NULL, reason TEXT NOT NULL, verdict TEXT NOT NULL,
          order_quantity REAL, filled_quantity REAL, remaining_quantity REAL,
          average_fill_price REAL, price1 REAL, info_text TEXT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS orders (
          order_key TEXT PRIMARY KEY,
          client_order_id TEXT NOT NULL, server_order_id TEXT NOT NULL,
          symbol TEXT NOT NULL, exchange TEXT NOT NULL, trade_account TEXT NOT NULL, side TEXT,
          order_type INTEGER NOT NULL, price1 REAL, order_quantity REAL, filled_quantity REAL,
          remaining_quantity REAL, average_fill_price REAL, last_fill_price REAL, last_fill_quantity REAL,
          last_fill_execution_id TEXT NOT NULL, status_code INTEGER NOT NULL, status TEXT NOT NULL,
          last_reason_code INTEGER NOT NULL, info_text TEXT NOT NULL, update_count INTEGER NOT NULL,
          updated_at_ms INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS fills (
          execution_id TEXT PRIMARY KEY,
          server_order_id TEXT NOT NULL, client_order_id TEXT NOT NULL,
          symbol TEXT NOT NULL, trade_account TEXT NOT NULL, side TEXT,
          quantity REAL NOT NULL, price REAL NOT NULL, fill_time_ms INTEGER NOT NULL,
          source TEXT NOT NULL, recorded_at_ms INTEGER NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS order_updates_by_order ON order_updates (client_order_id, server_order_id)",
    };

    private final Path file;
    private final Connection db;

    /** Opens (creating when needed) the database at {@code file}. */
    public OrderHistoryDb(Path file) {
        this.file = file;
        try {
            OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
            OwnerOnlyFiles.prepare(file, "-wal", "-shm", "-journal");
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                // Another process (a reader, the CLI) may hold the file a moment: wait rather than fail.
                s.execute("PRAGMA busy_timeout=5000");
                // WAL with FULL sync: a committed change survives a killed process and a power cut.
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                for (String sql : SCHEMA) {
                    s.execute(sql);
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new DtcClientException("cannot open the order-history database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Records one change of the book: the update, the order's new snapshot, the fill if new. */
    public synchronized void record(AppliedUpdate a) {
        long now = System.currentTimeMillis();
        try {
            // Reads stay in autocommit: an open read transaction would pin an old snapshot of the file.
            db.setAutoCommit(false);
            if (a.after() != null) {
                Order o = a.after();
                if (a.transition() != null) {
                    try (PreparedStatement p = db.prepareStatement("INSERT INTO order_updates (recorded_at_ms, client_order_id,"
                            + " server_order_id, symbol, trade_account, side, status, reason, verdict, order_quantity,"
                            + " filled_quantity, remaining_quantity, average_fill_price, price1, info_text)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                        p.setLong(1, now);
                        p.setString(2, o.clientOrderId());
                        p.setString(3, o.serverOrderId());
                        p.setString(4, o.symbol());
                        p.setString(5, o.tradeAccount());
                        p.setString(6, o.side() == null ? null : o.side().name());
                        p.setString(7, o.statusName());
                        p.setString(8, o.lastReasonName());
                        p.setString(9, a.transition().verdict().name());
                        real(p, 10, o.orderQuantity());
                        real(p, 11, o.filledQuantity());
                        real(p, 12, o.remainingQuantity());
                        real(p, 13, o.averageFillPrice());
                        real(p, 14, o.price1());
                        p.setString(15, o.infoText());
                        p.executeUpdate();
                    }
                }
                upsertOrder(o, now);
            }
            if (a.newFill() != null) {
                insertFill(a.newFill(), now);
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new DtcClientException("cannot record in " + file + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Every fill, in the order recorded. */
    public synchronized List<Fill> fills() {
        List<Fill> fills = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT execution_id, server_order_id, client_order_id, symbol, trade_account,"
                     + " side, quantity, price, fill_time_ms, source FROM fills ORDER BY recorded_at_ms, rowid")) {
            while (r.next()) {
                fills.add(new Fill(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        side(r.getString(6)), r.getDouble(7), r.getDouble(8), r.getLong(9), r.getString(10)));
            }
            return fills;
        } catch (SQLException e) {
            throw new DtcClientException("cannot read fills from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The fill recorded under this execution id, or null: the first version of one the server repeats. */
    public synchronized Fill fill(String executionId) {
        try (PreparedStatement p = db.prepareStatement("SELECT execution_id, server_order_id, client_order_id, symbol,"
                + " trade_account, side, quantity, price, fill_time_ms, source FROM fills WHERE execution_id = ?")) {
            p.setString(1, executionId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? new Fill(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        side(r.getString(6)), r.getDouble(7), r.getDouble(8), r.getLong(9), r.getString(10)) : null;
            }
        } catch (SQLException e) {
            throw new DtcClientException("cannot read fill " + executionId + " from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The latest snapshot of every order, oldest first. */
    public synchronized List<Order> orders() {
        List<Order> orders = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT client_order_id, server_order_id, symbol, exchange, trade_account, side,"
                     + " order_type, price1, order_quantity, filled_quantity, remaining_quantity, average_fill_price,"
                     + " last_fill_price, last_fill_quantity, last_fill_execution_id, status_code, last_reason_code,"
                     + " info_text, update_count FROM orders ORDER BY rowid")) {
            while (r.next()) {
                orders.add(new Order(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        side(r.getString(6)), r.getInt(7), real(r, 8), real(r, 9), real(r, 10), real(r, 11), real(r, 12),
                        real(r, 13), real(r, 14), r.getString(15), r.getInt(16), r.getInt(17), r.getString(18), r.getInt(19)));
            }
            return orders;
        } catch (SQLException e) {
            throw new DtcClientException("cannot read orders from " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many rows order_updates holds. */
    public synchronized long updateCount() {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM order_updates")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new DtcClientException("cannot count updates in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new DtcClientException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    private void upsertOrder(Order o, long now) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO orders VALUES"
                + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, key(o));
            p.setString(2, o.clientOrderId());
            p.setString(3, o.serverOrderId());
            p.setString(4, o.symbol());
            p.setString(5, o.exchange());
            p.setString(6, o.tradeAccount());
            p.setString(7, o.side() == null ? null : o.side().name());
            p.setInt(8, o.orderType());
            real(p, 9, o.price1());
            real(p, 10, o.orderQuantity());
            real(p, 11, o.filledQuantity());
            real(p, 12, o.remainingQuantity());
            real(p, 13, o.averageFillPrice());
            real(p, 14, o.lastFillPrice());
            real(p, 15, o.lastFillQuantity());
            p.setString(16, o.lastFillExecutionId());
            p.setInt(17, o.status());
            p.setString(18, o.statusName());
            p.setInt(19, o.lastReason());
            p.setString(20, o.infoText());
            p.setInt(21, o.updateCount());
            p.setLong(22, now);
            p.executeUpdate();
        }
    }

    private void insertFill(Fill f, long now) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO fills VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, f.executionId());
            p.setString(2, f.serverOrderId());
            p.setString(3, f.clientOrderId());
            p.setString(4, f.symbol());
            p.setString(5, f.tradeAccount());
            p.setString(6, f.side() == null ? null : f.side().name());
            p.setDouble(7, f.quantity());
            real(p, 8, f.price());
            p.setLong(9, f.dateTimeMillis());
            p.setString(10, f.source());
            p.setLong(11, now);
            p.executeUpdate();
        }
    }

    /** An order is the same row for its whole life: by ClientOrderID, or ServerOrderID for one placed elsewhere. */
    static String key(Order o) {
        return o.clientOrderId().isEmpty() ? "S:" + o.serverOrderId() : o.clientOrderId();
    }

    private static void real(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(i, v);
        } else {
            p.setNull(i, java.sql.Types.REAL);
        }
    }

    private static double real(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? Double.NaN : v;
    }

    private static Side side(String name) {
        return name == null ? null : Side.valueOf(name);
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Only fails on a closed connection, which the next call reports.
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
    }
}
