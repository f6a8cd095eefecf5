package com.procura.integration.sap;

import com.procura.security.AccountPrincipal;
import com.procura.security.SecurityModule;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * SAP's XML-HTTP port: {@code POST /sap/idoc} with IDoc-XML and HTTP Basic credentials of a
 * technical user. 200 only once the payload is stored; 400 when it is not an IDoc at all (the
 * payload is kept all the same); an IDoc that processing rejects is answered by a STATUS IDoc.
 */
final class SapIdocServlet extends HttpServlet {
    static final int MAX_BYTES = 50 * 1024 * 1024;

    private final SecurityModule security;
    private final InboundQueue inbound;

    SapIdocServlet(SecurityModule security, InboundQueue inbound) {
        this.security = security;
        this.inbound = inbound;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AccountPrincipal> caller = security.verifyBasic(request.getHeader("Authorization"), request.getRemoteAddr());
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Procura SAP port\", charset=\"UTF-8\"");
            plain(response, HttpServletResponse.SC_UNAUTHORIZED, "Technical user and password required.");
            return;
        }
        if (!security.isPermitted(caller.get(), "sap:post")) {
            plain(response, HttpServletResponse.SC_FORBIDDEN, "User " + caller.get().username() + " may not send IDocs.");
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            plain(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The payload is larger than " + MAX_BYTES + " bytes.");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            plain(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The payload is larger than " + MAX_BYTES + " bytes.");
            return;
        }
        String source = "http " + caller.get().username() + "@" + request.getRemoteAddr() + " " + Instant.now();
        InboundQueue.Receipt receipt = inbound.store("HTTP", source, body);
        if (!receipt.accepted()) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "Not an IDoc: " + receipt.error()
                    + " (kept as payload " + receipt.payloadId() + ")");
            return;
        }
        plain(response, HttpServletResponse.SC_OK, "Received " + receipt.idocCount() + " IDoc(s) as payload "
                + receipt.payloadId() + ".");
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text + "\n");
    }
}
