package com.procura.platform.web;

import com.procura.platform.StartupException;
import com.procura.platform.config.ServerConfig;
import jakarta.servlet.Filter;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/** Embedded Tomcat: HTTPS with TLS 1.2/1.3 and 256-bit AEAD ciphers only; HTTP only redirects. */
public final class WebServer implements AutoCloseable {
    /** TLS 1.2: ECDHE suites with 256-bit AEAD ciphers only (no CBC, no RSA key exchange, no 128-bit). */
    static final String TLS12_CIPHERS = String.join(":",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    /** TLS 1.3: the two suites with 256-bit keys. */
    static final String TLS13_CIPHERS = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";
    public static final String SESSION_COOKIE = "PROCURA_SESSION";

    private final Tomcat tomcat = new Tomcat();
    private final Context context;
    private final ServerConfig config;

    public WebServer(ServerConfig config, TlsMaterial tls, Path workDir, int sessionTimeoutMinutes) {
        this.config = config;
        // JSSE otherwise accepts client-initiated renegotiation, a denial-of-service lever.
        System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new StartupException("Cannot create Tomcat's work folder " + workDir + ": " + e.getMessage(), e);
        }
        tomcat.setBaseDir(workDir.toString());
        tomcat.getService().addConnector(httpsConnector(config, tls));
        tomcat.getService().addConnector(httpConnector(config));
        quietErrorReports((StandardHost) tomcat.getHost());

        context = tomcat.addContext("", workDir.toString());
        if (context instanceof org.apache.catalina.core.StandardContext standard) {
            // Leak detection for redeployed web apps needs --add-opens; one embedded app is never redeployed.
            standard.setClearReferencesThreadLocals(false);
            standard.setClearReferencesRmiTargets(false);
        }
        context.setSessionTimeout(sessionTimeoutMinutes);
        context.setUseHttpOnly(true);
        context.setSessionCookieName(SESSION_COOKIE);
        Rfc6265CookieProcessor cookies = new Rfc6265CookieProcessor();
        cookies.setSameSiteCookies("strict");
        context.setCookieProcessor(cookies);
        context.addServletContainerInitializer((classes, servletContext) -> {
            servletContext.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
            servletContext.getSessionCookieConfig().setSecure(true);
            servletContext.getSessionCookieConfig().setHttpOnly(true);
        }, null);
        addFilter("https-redirect", new HttpsRedirectFilter(this::httpsPort), "/*");
        addFilter("security-headers", new SecurityHeadersFilter(), "/*");
        addServlet("static", new StaticResources(), "/static/*");
        // Without a default servlet Tomcat answers unmapped paths itself, bypassing every filter.
        addServlet("not-found", new NotFound(), "/");
    }

    private static Connector httpsConnector(ServerConfig config, TlsMaterial tls) {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(config.httpsPort());
        connector.setProperty("address", config.bindAddress());
        connector.setSecure(true);
        connector.setScheme("https");
        connector.setProperty("SSLEnabled", "true");
        connector.setProperty("useVirtualThreads", "true");
        connector.setThrowOnFailure(true);
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setProtocols("+TLSv1.2,+TLSv1.3");
        ssl.setCiphers(TLS12_CIPHERS);
        ssl.setCipherSuites(TLS13_CIPHERS);
        ssl.setHonorCipherOrder(true);
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateFile(tls.certificateFile().toString());
        certificate.setCertificateKeyFile(tls.keyFile().toString());
        ssl.addCertificate(certificate);
        connector.addSslHostConfig(ssl);
        return connector;
    }

    private static Connector httpConnector(ServerConfig config) {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(config.httpPort());
        connector.setProperty("address", config.bindAddress());
        connector.setRedirectPort(config.httpsPort());
        connector.setThrowOnFailure(true);
        return connector;
    }

    /** Tomcat's default error report shows stack traces (with SQL) and its version: never here. */
    private static void quietErrorReports(StandardHost host) {
        ErrorReportValve valve = new ErrorReportValve();
        valve.setShowReport(false);
        valve.setShowServerInfo(false);
        host.getPipeline().addValve(valve);
    }

    private static final class NotFound extends jakarta.servlet.http.HttpServlet {
        @Override
        protected void service(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.sendError(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
        }
    }

    public void addFilter(String name, Filter filter, String... patterns) {
        FilterDef def = new FilterDef();
        def.setFilterName(name);
        def.setFilter(filter);
        def.setAsyncSupported("true");
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        for (String pattern : patterns) {
            map.addURLPatternDecoded(pattern);
        }
        map.setDispatcher("REQUEST");
        context.addFilterMap(map);
    }

    public void addServlet(String name, HttpServlet servlet, String... patterns) {
        Tomcat.addServlet(context, name, servlet);
        for (String pattern : patterns) {
            context.addServletMappingDecoded(pattern, name);
        }
    }

    public void errorPagesAt(String location) {
        for (int code : new int[] {400, 403, 404, 405, 500, 503}) {
            ErrorPage page = new ErrorPage();
            page.setErrorCode(code);
            page.setLocation(location);
            context.addErrorPage(page);
        }
        ErrorPage any = new ErrorPage();
        any.setExceptionType(Throwable.class.getName());
        any.setLocation(location);
        context.addErrorPage(any);
    }

    public void start() {
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            close();
            throw new StartupException(explain(e), e);
        }
    }

    private String explain(LifecycleException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return "Port " + config.httpsPort() + " (HTTPS) or " + config.httpPort() + " (HTTP) on "
                        + config.bindAddress() + " is already in use or not allowed: stop the other program "
                        + "or choose other ports (--https-port/--http-port, or server.https.port/server.http.port).";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "The web server could not start: " + root.getMessage();
    }

    public int httpsPort() {
        return tomcat.getService().findConnectors()[0].getLocalPort();
    }

    public int httpPort() {
        return tomcat.getService().findConnectors()[1].getLocalPort();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            org.slf4j.LoggerFactory.getLogger(WebServer.class).warn("Tomcat did not stop cleanly: {}", e.getMessage());
        }
    }
}
