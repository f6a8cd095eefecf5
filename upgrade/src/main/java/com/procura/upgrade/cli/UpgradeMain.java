package com.procura.upgrade.cli;

import com.procura.upgrade.appliance.ApplianceLayout;
import com.procura.upgrade.appliance.ApplianceLock;
import com.procura.upgrade.appliance.ChannelCheck;
import com.procura.upgrade.appliance.HopOutcome;
import com.procura.upgrade.appliance.StepHook;
import com.procura.upgrade.appliance.UpgradeManager;
import com.procura.upgrade.appliance.UpgradeRequests;
import com.procura.upgrade.appliance.UpgradeRefusedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procura-upgrade}: the appliance side. Every command first finishes or rolls back an interrupted upgrade. */
@Command(name = "procura-upgrade", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Shows, plans, applies and rolls back Procura upgrades on this appliance.",
        subcommands = {UpgradeMain.Status.class, UpgradeMain.Check.class, UpgradeMain.Plan.class, UpgradeMain.Apply.class,
                UpgradeMain.Rollback.class, UpgradeMain.ChannelCommand.class, UpgradeMain.Import.class, UpgradeMain.Recover.class,
                UpgradeMain.RunRequests.class, UpgradeMain.Auto.class})
public final class UpgradeMain {

    @Option(names = "--root", description = "root directory of the appliance (default: ${DEFAULT-VALUE})", defaultValue = "/")
    Path root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final StepHook hook;

    UpgradeMain(StepHook hook) {
        this.hook = hook;
    }

    public static void main(String[] args) {
        System.exit(commandLine(StepHook.NONE).execute(args));
    }

    /** The command line with a step hook; tests pass one that stops the process at a chosen step. */
    public static CommandLine commandLine(StepHook hook) {
        CommandLine commandLine = new CommandLine(new UpgradeMain(hook));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return commandLine;
    }

    UpgradeManager manager() throws java.io.IOException {
        return manager(System.getProperty("user.name"));
    }

    UpgradeManager manager(String actor) throws java.io.IOException {
        return UpgradeWiring.manager(root, Clock.systemUTC(), hook, actor);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Runs {@code command} holding the appliance lock; a second concurrent run is refused. */
    Integer locked(Callable<Integer> command) throws Exception {
        try (ApplianceLock lock = ApplianceLock.acquire(new ApplianceLayout(root))) {
            return command.call();
        } catch (UpgradeRefusedException e) {
            out().println("REFUSED " + e.getMessage());
            return 1;
        }
    }

    abstract static class Sub implements Callable<Integer> {

        @ParentCommand
        UpgradeMain parent;

        @Override
        public final Integer call() throws Exception {
            return parent.locked(this::run);
        }

        abstract Integer run() throws Exception;

        PrintWriter out() {
            return parent.out();
        }

        ReportPrinter printer() {
            return new ReportPrinter(out());
        }

        UpgradeManager recoveredManager() throws java.io.IOException {
            UpgradeManager manager = parent.manager();
            Optional<String> recovered = manager.recover();
            recovered.ifPresent(message -> out().println("recovered: " + message));
            return manager;
        }

        int outcome(List<HopOutcome> outcomes) {
            printer().outcomes(outcomes);
            return outcomes.stream().allMatch(HopOutcome::committed) ? 0 : 1;
        }

        int refused(UpgradeRefusedException e) {
            out().println("REFUSED " + e.getMessage());
            out().println("nothing was installed; the running release is unchanged");
            return 1;
        }
    }

    @Command(name = "status", description = "Installed version, channel, newest release, why releases are not offered, history.")
    static final class Status extends Sub {
        @Override
        Integer run() throws Exception {
            UpgradeManager manager = recoveredManager();
            ChannelCheck check = manager.check();
            printer().check(check);
            manager.installedManifest().ifPresent(m -> printer().notes(check.installed() + " (installed)", m));
            printer().history(manager.history(), 10);
            return 0;
        }
    }

    @Command(name = "check", description = "Verifies the channel metadata and shows what would be offered.")
    static final class Check extends Sub {
        @Override
        Integer run() throws Exception {
            ChannelCheck check = recoveredManager().check();
            printer().check(check);
            return check.problem().isPresent() ? 1 : 0;
        }
    }

    @Command(name = "plan", description = "Shows the upgrade hops and steps; changes nothing.")
    static final class Plan extends Sub {
        @Override
        Integer run() throws Exception {
            ChannelCheck check = recoveredManager().check();
            if (check.problem().isPresent()) {
                printer().check(check);
                return 1;
            }
            printer().plan(check.plan().orElseThrow());
            return 0;
        }
    }

    @Command(name = "apply", description = "Upgrades along the plan, each hop verified, health-checked, rolled back on failure.")
    static final class Apply extends Sub {
        @Override
        Integer run() throws Exception {
            try {
                return outcome(recoveredManager().apply());
            } catch (UpgradeRefusedException e) {
                return refused(e);
            }
        }
    }

    @Command(name = "rollback", description = "Returns to the release before the last upgrade and restores its pre-upgrade database.")
    static final class Rollback extends Sub {
        @Override
        Integer run() throws Exception {
            try {
                return outcome(List.of(recoveredManager().rollback()));
            } catch (UpgradeRefusedException e) {
                out().println("REFUSED " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "channel", description = "Chooses the release channel this appliance follows.",
            subcommands = ChannelCommand.Set.class)
    static final class ChannelCommand {

        @ParentCommand
        UpgradeMain parent;

        @Command(name = "set", description = "Follows CHANNEL (feature, pre-release, live); never downgrades.")
        static final class Set implements Callable<Integer> {
            @ParentCommand
            ChannelCommand channelCommand;

            @Parameters(paramLabel = "CHANNEL")
            String channel;

            @Override
            public Integer call() throws Exception {
                UpgradeMain main = channelCommand.parent;
                return main.locked(() -> {
                    UpgradeManager manager = main.manager();
                    manager.recover().ifPresent(message -> main.out().println("recovered: " + message));
                    main.out().println(manager.setChannel(channel));
                    return 0;
                });
            }
        }
    }

    @Command(name = "import", description = "Applies an offline bundle, verified against a copy of the repository metadata.")
    static final class Import extends Sub {
        @Parameters(paramLabel = "BUNDLE")
        Path bundle;

        @Option(names = "--metadata", paramLabel = "DIR",
                description = "repository copy holding root.json, timestamp.json, ... (default: the folder above bundles/)")
        Path metadata;

        @Override
        Integer run() throws Exception {
            Path metadataDir = metadata != null ? metadata : defaultMetadataDir(bundle);
            try {
                return outcome(recoveredManager().importBundle(bundle, metadataDir));
            } catch (UpgradeRefusedException e) {
                return refused(e);
            }
        }

        private static Path defaultMetadataDir(Path bundle) {
            Path folder = bundle.toAbsolutePath().getParent();
            return folder.getFileName() != null && folder.getFileName().toString().equals("bundles") ? folder.getParent() : folder;
        }
    }

    @Command(name = "recover", description = "Finishes or rolls back an upgrade that a crash or power loss interrupted.")
    static final class Recover extends Sub {
        @Override
        Integer run() throws Exception {
            Optional<String> recovered = parent.manager().recover();
            out().println(recovered.map(m -> "recovered: " + m).orElse("nothing to recover: no upgrade was interrupted"));
            return 0;
        }
    }

    @Command(name = "run-requests", description = "Carries out the requests of the admin page (what its systemd path unit runs).")
    static final class RunRequests extends Sub {
        @Override
        Integer run() throws Exception {
            recoveredManager();
            UpgradeRequests requests = new UpgradeRequests(new ApplianceLayout(parent.root));
            int failed = 0;
            for (Optional<UpgradeRequests.Taken> next = requests.takeNext(Instant.now()); next.isPresent();
                 next = requests.takeNext(Instant.now())) {
                failed += carryOut(next.get()) ? 0 : 1;
            }
            return failed == 0 ? 0 : 1;
        }

        private boolean carryOut(UpgradeRequests.Taken taken) throws Exception {
            UpgradeRequests.Request request = taken.request();
            String by = request == null || request.requestedBy() == null ? "unknown" : request.requestedBy();
            UpgradeManager manager = parent.manager("admin page: " + by);
            if (request == null) {
                manager.recordRequest("request-refused", taken.file() + " is not a request: " + taken.unreadable());
                return false;
            }
            manager.recordRequest("request-taken", request.action() + (request.channel() == null ? "" : " " + request.channel())
                    + " requested at " + request.requestedAt());
            out().println("request " + taken.file() + ": " + request.action() + " by " + by);
            try {
                switch (String.valueOf(request.action())) {
                    case "check" -> printer().check(manager.check());
                    case "apply" -> {
                        return outcome(manager.apply()) == 0;
                    }
                    case "channel" -> out().println(manager.setChannel(String.valueOf(request.channel())));
                    default -> {
                        manager.recordRequest("request-refused", "unknown action '" + request.action()
                                + "' in " + taken.file() + " (known: check, apply, channel)");
                        return false;
                    }
                }
                return true;
            } catch (UpgradeRefusedException | IllegalArgumentException e) {
                manager.recordRequest("request-refused", request.action() + ": " + e.getMessage());
                out().println("REFUSED " + e.getMessage());
                return false;
            }
        }
    }

    @Command(name = "auto", description = "Upgrades only inside the maintenance window of the followed channel (what the timer runs).")
    static final class Auto extends Sub {
        @Override
        Integer run() throws Exception {
            UpgradeManager manager = recoveredManager();
            Optional<String> outside = manager.outsideMaintenanceWindow();
            if (outside.isPresent()) {
                manager.check();
                out().println("no automatic upgrade: " + outside.get());
                return 0;
            }
            try {
                return outcome(manager.apply());
            } catch (UpgradeRefusedException e) {
                return refused(e);
            }
        }
    }
}
