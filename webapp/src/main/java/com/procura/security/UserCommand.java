package com.procura.security;

import com.procura.platform.Running;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code procura user ...}: account tasks an admin runs on the machine itself. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = UserCommand.CreateAdmin.class)
public final class UserCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Creates an admin with a generated password that must be changed at first login. */
    @Command(name = "create-admin", mixinStandardHelpOptions = true,
            description = "Create an administrator with a generated one-time password.")
    static final class CreateAdmin implements Callable<Integer> {
        @Option(names = "--config", required = true, paramLabel = "FILE")
        Path config;

        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;

        @Option(names = "--display-name", paramLabel = "TEXT", defaultValue = "Administrator")
        String displayName;

        @Option(names = "--email", paramLabel = "ADDRESS")
        String email;

        @Override
        public Integer call() {
            return Running.withDatabase(config, database -> {
                UserService users = new UserService(database, new PasswordHasher());
                if (users.exists(username)) {
                    System.err.println("procura: an account named '" + username + "' exists already");
                    return 1;
                }
                String password = Passwords.generate(5);
                try {
                    users.create(username, displayName, email, password, Role.ADMIN, null);
                } catch (IllegalArgumentException e) {
                    System.err.println("procura: " + e.getMessage());
                    return 1;
                }
                users.forcePasswordChange(username);
                System.out.println("Administrator '" + username + "' created. One-time password (change it at first login):");
                System.out.println("    " + password);
                return 0;
            });
        }
    }
}
