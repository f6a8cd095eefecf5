package com.procura.platform.web;

import com.procura.platform.StartupException;
import com.procura.platform.config.TlsConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The PEM certificate and key Tomcat serves: the customer's own, checked before use, or a
 * self-signed one generated at first start under the data folder and reused afterwards.
 */
public record TlsMaterial(Path certificateFile, Path keyFile, boolean selfSigned) {
    /** The CA/Browser Forum's maximum for server certificates; longer ones are flagged by scanners. */
    static final Duration VALIDITY = Duration.ofDays(397);

    public static TlsMaterial resolve(TlsConfig config, Path dataDir) {
        if (config.customerSupplied()) {
            Path certificate = config.certificateFile().orElseThrow();
            Path key = config.keyFile().orElseThrow();
            checkPem(certificate, "tls.certificate-file", "certificate");
            checkPem(key, "tls.key-file", "private key");
            return new TlsMaterial(certificate, key, false);
        }
        Path dir = dataDir.resolve("tls");
        Path certificate = dir.resolve("procura.crt");
        Path key = dir.resolve("procura.key");
        if (!Files.exists(certificate) || !Files.exists(key) || expiresSoon(certificate)) {
            generateSelfSigned(dir, certificate, key);
        }
        checkPem(certificate, "generated certificate", "certificate");
        checkPem(key, "generated key", "private key");
        return new TlsMaterial(certificate, key, true);
    }

    private static void checkPem(Path file, String what, String expected) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            boolean ok = switch (expected) {
                case "certificate" -> object instanceof X509CertificateHolder;
                default -> object instanceof PrivateKeyInfo || object instanceof PEMKeyPair;
            };
            if (!ok) {
                throw new StartupException(what + " " + file + " does not hold a PEM " + expected
                        + (object == null ? " (no PEM block found)" : " (found " + object.getClass().getSimpleName() + ")")
                        + ". Expected an unencrypted PEM file.");
            }
        } catch (IOException e) {
            throw new StartupException("Cannot read " + what + " " + file + ": " + e.getMessage()
                    + ". Check the path and that the procura user may read it.", e);
        }
    }

    /** A generated certificate is renewed a month before it expires, at the next start. */
    private static boolean expiresSoon(Path certificate) {
        try (var in = Files.newInputStream(certificate)) {
            var x509 = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            return x509.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(30)));
        } catch (IOException | GeneralSecurityException e) {
            return true;
        }
    }

    private static void generateSelfSigned(Path dir, Path certificateFile, Path keyFile) {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            String host = localHostName();
            X500Name subject = new X500Name("CN=" + host + ",O=Procura self-signed");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
                    subject, keys.getPublic());
            List<GeneralName> names = new ArrayList<>(List.of(
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")));
            if (!"localhost".equals(host)) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            var signer = new JcaContentSignerBuilder("SHA384withECDSA").build(keys.getPrivate());
            X509CertificateHolder certificate = builder.build(signer);
            writePem(keyFile, keys.getPrivate(), true);
            writePem(certificateFile, certificate, false);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new StartupException("Cannot create a self-signed TLS certificate in " + dir + ": " + e.getMessage()
                    + ". Check that the data folder is writable.", e);
        }
    }

    private static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name.matches("[A-Za-z0-9.-]+") ? name : "localhost";
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Written under a temporary name and moved into place, so that a crash never leaves half a key. */
    private static void writePem(Path target, Object object, boolean secret) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(secret ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                    (java.security.PrivateKey) object, null).generate() : object);
        }
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (secret && supportsPosix(target)) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.US_ASCII)) {
            writer.write(text.toString());
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
