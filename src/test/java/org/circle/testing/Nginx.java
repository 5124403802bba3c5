package org.circle.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx running ops/nginx/circle.conf itself, with only its addresses and certificate
 * paths swapped for loopback ports (the upstream's server line once per Circle instance) and a throwaway self-signed certificate for localhost. If the
 * shipped file changes shape so that a swap no longer applies, the test says so instead of
 * quietly testing something else.
 */
public final class Nginx extends Daemon {

    private static final Pattern SERVER_LINE = Pattern.compile("(?m)^[ \\t]*server circle:8080\\b[^;\\n]*;$");

    public final int tlsPort;
    public final int plainPort = CircleProcess.freePort();
    private final Path certificate;

    public Nginx(Path shippedConf, int circlePort, int tlsPort) throws IOException, InterruptedException {
        this(shippedConf, List.of(circlePort), tlsPort);
    }

    /** In front of several instances: the shipped file's one server line, with its parameters, once for each. */
    public Nginx(Path shippedConf, List<Integer> circlePorts, int tlsPort) throws IOException, InterruptedException {
        super("nginx");
        this.tlsPort = tlsPort;
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path certs = Files.createDirectories(dir.resolve("certs"));
        certificate = certs.resolve("circle.crt");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", certs.resolve("circle.key").toString(), "-out", certificate.toString())
                .redirectErrorStream(true).start();
        String said = new String(openssl.getInputStream().readAllBytes());
        if (openssl.waitFor() != 0) throw new IllegalStateException("openssl: " + said);

        String conf = instances(shippedConf, Files.readString(shippedConf), circlePorts);
        for (var swap : Map.of(
                "listen 80;", "listen 127.0.0.1:" + plainPort + ";",
                "listen 443 ssl http2;", "listen 127.0.0.1:" + tlsPort + " ssl http2;",
                "/etc/nginx/certs/", certs + "/").entrySet()) {
            if (!conf.contains(swap.getKey())) throw new IllegalStateException(shippedConf + " no longer has '" + swap.getKey() + "'");
            conf = conf.replace(swap.getKey(), swap.getValue());
        }
        Files.writeString(dir.resolve("circle.conf"), conf);
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "daemon off;", "worker_processes 1;", "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 256; }",
                "http {",
                "  client_body_temp_path " + dir.resolve("body") + ";", "  proxy_temp_path " + dir.resolve("proxy") + ";",
                "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";", "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "  scgi_temp_path " + dir.resolve("scgi") + ";",
                "  include " + dir.resolve("circle.conf") + ";",
                "}", ""));
        start(List.of("nginx", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(), "-c", dir.resolve("nginx.conf").toString()), tlsPort);
    }

    /** The upstream's one {@code server circle:8080 …;} line, repeated for each loopback port. */
    private static String instances(Path shippedConf, String conf, List<Integer> ports) {
        Matcher line = SERVER_LINE.matcher(conf);
        if (!line.find()) throw new IllegalStateException(shippedConf + " no longer has one 'server circle:8080 …;' line");
        String template = line.group();
        if (line.find()) throw new IllegalStateException(shippedConf + " has more than one 'server circle:8080' line");
        String lines = ports.stream().map(port -> template.replace("circle:8080", "127.0.0.1:" + port))
                .collect(Collectors.joining("\n"));
        return conf.replace(template, lines);
    }

    /** nginx's own error log (warnings and up), e.g. the upstream connects it passed over. */
    public String errorLog() {
        try {
            return Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    public String httpsUrl() { return "https://localhost:" + tlsPort; }
    public String plainUrl() { return "http://127.0.0.1:" + plainPort; }

    /** TLS that trusts this proxy's certificate and nothing else. */
    public SSLContext trust() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("circle", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }
}
