package com.procura.platform.config;

/** Where Tomcat listens. The HTTP port only redirects to HTTPS. */
public record ServerConfig(String bindAddress, int httpsPort, int httpPort, String publicHost) {
}
