package com.procura;

import com.procura.audit.AuditCommand;
import com.procura.demo.DemoCommand;
import com.procura.platform.ServeCommand;
import com.procura.security.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code procura}: the command line of the platform. */
@Command(name = "procura", mixinStandardHelpOptions = true, versionProvider = Procura.Version.class,
        description = "Procura procurement and supplier-collaboration platform.",
        subcommands = {ServeCommand.class, DemoCommand.class, UserCommand.class, AuditCommand.class})
public final class Procura implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Procura());
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }

    public static String version() {
        String version = Procura.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"procura " + version(), "Java " + Runtime.version()};
        }
    }
}
