package com.procura.audit;

import com.procura.platform.Running;
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
            return Running.withDatabase(config, database -> {
                AuditVerifier.Result result = new AuditVerifier(database.dataSource()).verify();
                if (result.intact()) {
                    System.out.println(result.message());
                    return 0;
                }
                System.out.println("Audit log TAMPERED: " + result.message() + " (" + result.entries()
                        + " entries before it are intact)");
                return TAMPERED;
            });
        }
    }
}
