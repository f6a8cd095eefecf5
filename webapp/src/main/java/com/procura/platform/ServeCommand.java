package com.procura.platform;

import com.procura.platform.config.ConfigLoader;
import com.procura.platform.config.ProcuraConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code procura serve --config FILE}: production mode. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run Procura with a configuration file (production mode).")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "procura.properties to use")
    Path config;

    @Override
    public Integer call() {
        return Running.start(() -> Application.start(ConfigLoader.load(config)).startBackgroundWork(),
                ServeCommand::announce);
    }

    private static void announce(Application application) {
        ProcuraConfig config = application.config();
        System.out.println("Procura is running at https://" + config.server().publicHost() + ":"
                + application.httpsPort() + "/");
        application.setupToken().ifPresent(token -> {
            System.out.println("No administrator exists yet. Open https://" + config.server().publicHost() + ":"
                    + application.httpsPort() + "/setup and enter this one-time setup token:");
            System.out.println("    " + token);
            System.out.println("(also in " + application.security().setup().tokenFile() + ", readable only by this account)");
        });
    }
}
