package com.procura.audit;

import com.procura.platform.Running;
import com.procura.platform.StartupException;
import com.procura.platform.config.ConfigException;
import com.procura.platform.config.ConfigLoader;
import com.procura.platform.config.ProcuraConfig;
import com.procura.platform.db.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code procura audit verify --config FILE}: checks the hash chain of the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the security audit log.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Runnable {
    /** Exit code when the chain is broken. */
    public static final int TAMPERED = 1;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Report the first altered or missing audit entry, or that the chain is intact.")
    static final class Verify implements Callable<Integer> {
        @Option(names = "--config", required = true, paramLabel = "FILE")
        Path config;

        @Override
        public Integer call() {
            ProcuraConfig loaded;
            try {
                loaded = ConfigLoader.load(config);
            } catch (ConfigException e) {
                System.err.println("procura: configuration error: " + e.getMessage());
                return Running.CONFIG_ERROR;
            }
            try (Database database = Database.open(loaded.database())) {
                AuditVerifier.Result result = new AuditVerifier(database.dataSource()).verify();
                if (result.intact()) {
                    System.out.println(result.message());
                    return 0;
                }
                System.out.println("Audit log TAMPERED: " + result.message() + " (" + result.entries()
                        + " entries before it are intact)");
                return TAMPERED;
            } catch (StartupException e) {
                System.err.println("procura: cannot open the database: " + e.getMessage());
                return Running.STARTUP_ERROR;
            }
        }
    }
}
