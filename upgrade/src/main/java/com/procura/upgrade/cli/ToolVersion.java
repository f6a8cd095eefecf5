package com.procura.upgrade.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version} of both tools: the Implementation-Version the build writes into the jar manifest. */
final class ToolVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ToolVersion.class.getPackage().getImplementationVersion();
        return new String[] {"${COMMAND-NAME} " + (version == null ? "(not built as a jar)" : version)};
    }
}
