package com.procura.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Blocks of ids from the {@code id_sequence} table, taken as EclipseLink's table generators take them
 * (the stored value is the last id handed out), so that rows written with plain JDBC and entities
 * persisted through JPA never share an id. Blocks of at least {@value #BLOCK} ids (or ten times what
 * is asked for) are taken, each in its own short transaction: an import does not hold the sequence row, and ids that are not used (an
 * import rolled back, the rest of a block at shutdown) are simply skipped.
 */
public final class IdSequence {
    private static final int BLOCK = 1000;

    /** The ids of a block not handed out yet: from {@code next} up to {@code end}, exclusive. */
    private static final class Block {
        long next;
        long end;
    }

    private final DataSource dataSource;
    private final Map<String, Block> blocks = new HashMap<>();

    public IdSequence(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reserves {@code count} consecutive ids of the sequence {@code name} and returns the first. */
    public synchronized long reserve(String name, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("reserve at least one id, not " + count);
        }
        Block block = blocks.computeIfAbsent(name, key -> new Block());
        if (block.end - block.next < count) {
            int size = Math.max(BLOCK, 10 * count);
            block.next = reserveInDatabase(name, size);
            block.end = block.next + size;
        }
        long first = block.next;
        block.next += count;
        return first;
    }

    private long reserveInDatabase(String name, int count) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                         "UPDATE id_sequence SET seq_count = seq_count + ? WHERE seq_name = ?");
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT seq_count FROM id_sequence WHERE seq_name = ?")) {
                update.setInt(1, count);
                update.setString(2, name);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("the id sequence '" + name + "' does not exist in id_sequence");
                }
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    long last = rows.getLong(1);
                    connection.commit();
                    return last - count + 1;
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reserving " + count + " id(s) of '" + name + "' failed: " + e.getMessage(), e);
        }
    }
}
