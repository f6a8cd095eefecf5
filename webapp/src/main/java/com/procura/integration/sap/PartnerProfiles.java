package com.procura.integration.sap;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Partner profiles, looked up by the SAP logical system that sends (SNDPRN); cached, edited by admins. */
public final class PartnerProfiles {
    private static final String COLUMNS = "id, name, logical_system, is_default, port_type, file_format, outbound_url, "
            + "outbound_user, outbound_password, our_partner, our_port, max_attempts, currency, field_mapping";

    private final DataSource dataSource;
    private final LoadingCache<String, List<SapPartner>> all;

    public PartnerProfiles(DataSource dataSource) {
        this.dataSource = dataSource;
        this.all = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(Duration.ofSeconds(30)).build(k -> load());
    }

    public List<SapPartner> list() {
        return all.get("all");
    }

    /** The profile of this sender, else the default profile. */
    public Optional<SapPartner> forSender(String logicalSystem) {
        List<SapPartner> partners = list();
        return partners.stream().filter(p -> p.logicalSystem().equalsIgnoreCase(logicalSystem)).findFirst()
                .or(() -> partners.stream().filter(SapPartner::isDefault).findFirst());
    }

    public Optional<SapPartner> find(long id) {
        return list().stream().filter(p -> p.id() == id).findFirst();
    }

    public void save(SapPartner partner) {
        String sql = partner.id() == 0
                ? "INSERT INTO sap_partner (name, logical_system, is_default, port_type, file_format, outbound_url, "
                        + "outbound_user, outbound_password, our_partner, our_port, max_attempts, currency, field_mapping) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE sap_partner SET name = ?, logical_system = ?, is_default = ?, port_type = ?, file_format = ?, "
                        + "outbound_url = ?, outbound_user = ?, outbound_password = ?, our_partner = ?, our_port = ?, "
                        + "max_attempts = ?, currency = ?, field_mapping = ? WHERE id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setString(i++, partner.name());
            statement.setString(i++, partner.logicalSystem());
            statement.setBoolean(i++, partner.isDefault());
            statement.setString(i++, partner.portType().name());
            statement.setString(i++, partner.fileFormat().name());
            statement.setString(i++, partner.outboundUrl());
            statement.setString(i++, partner.outboundUser());
            statement.setString(i++, partner.outboundPassword());
            statement.setString(i++, partner.ourPartner());
            statement.setString(i++, partner.ourPort());
            statement.setInt(i++, partner.maxAttempts());
            statement.setString(i++, partner.currency());
            statement.setString(i++, partner.fieldMapping());
            if (partner.id() != 0) {
                statement.setLong(i, partner.id());
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalArgumentException("Saving the partner profile failed: " + e.getMessage(), e);
        }
        all.invalidateAll();
    }

    private List<SapPartner> load() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM sap_partner ORDER BY name");
             ResultSet rows = statement.executeQuery()) {
            List<SapPartner> partners = new ArrayList<>();
            while (rows.next()) {
                partners.add(new SapPartner(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBoolean(4),
                        SapPartner.PortType.valueOf(rows.getString(5)), SapPartner.FileFormat.valueOf(rows.getString(6)),
                        rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11),
                        rows.getInt(12), rows.getString(13), rows.getString(14)));
            }
            return List.copyOf(partners);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading partner profiles failed: " + e.getMessage(), e);
        }
    }
}
