package com.procura.upgrade.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Exit code and combined output of one in-process CLI call. */
public record CliResult(int exitCode, String output) {

    public static CliResult run(CommandLine commandLine, String... args) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text, true);
        commandLine.setOut(writer);
        commandLine.setErr(writer);
        int exit = commandLine.execute(args);
        writer.flush();
        return new CliResult(exit, text.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n" + output;
    }
}
