package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only: the SAP queue tables get 1000 identity values at a time instead of H2's default 32.
 * H2 writes the state of an identity column to its file every time the cached values run out, and
 * with {@code WRITE_DELAY 0} that is a write of everything changed so far: every 32 received
 * IDocs cost three extra writes (sap_payload, sap_inbound, sap_outbound). After a crash, unused
 * cached values are skipped, which leaves gaps in the ids and nothing else. MariaDB's AUTO_INCREMENT
 * needs nothing of this.
 */
public class V12__SapQueueIdCache extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String table : new String[] {"sap_payload", "sap_inbound", "sap_outbound"}) {
                statement.execute("ALTER TABLE " + table + " ALTER COLUMN id SET CACHE 1000");
            }
        }
    }
}
