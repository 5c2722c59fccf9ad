package netc.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark master URL as {@code --spark} takes it, checked before Spark starts: a mistyped URL is named
 * with the forms Spark accepts, and a standalone master that does not answer is found in seconds, where
 * Spark itself would retry its registration for a minute and then hang waiting for executors.
 *
 * @param url the URL as given
 * @param localThreads the task threads of a {@code local} master ({@code local[*]}: the machine's cores); 0 for a cluster
 */
public record SparkMaster(String url, int localThreads) {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|[1-9][0-9]*)(?:,([1-9][0-9]*))?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://(.+)");
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final String FORMS = "local, local[N], local[*], local[N,MAX_FAILURES], spark://HOST:PORT, yarn or"
            + " k8s://https://HOST:PORT";

    /** Parses {@code url}; an unknown form is refused with the forms accepted. */
    public static SparkMaster parse(String url) {
        if (url == null || url.isBlank()) {
            throw new SparkTrainingException("--spark needs a master URL: " + FORMS + ".");
        }
        String trimmed = url.trim();
        Matcher local = LOCAL.matcher(trimmed);
        if (local.matches()) {
            String threads = local.group(1);
            int count = threads == null ? 1
                    : threads.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
            return new SparkMaster(trimmed, count);
        }
        if (STANDALONE.matcher(trimmed).matches() || trimmed.equals("yarn") || trimmed.startsWith("k8s://")) {
            return new SparkMaster(trimmed, 0);
        }
        throw new SparkTrainingException("'" + url + "' is not a Spark master URL; write one of " + FORMS + ".");
    }

    public boolean isLocal() {
        return localThreads > 0;
    }

    /**
     * Refuses a standalone master ({@code spark://}) none of whose hosts accepts a connection within
     * 5 seconds, naming each and why; other masters are left to Spark.
     */
    public void requireReachable() {
        Matcher standalone = STANDALONE.matcher(url);
        if (!standalone.matches()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        // A high-availability master lists several hosts: host1:7077,host2:7077.
        for (String hostPort : standalone.group(1).split(",")) {
            InetSocketAddress address = address(hostPort.trim());
            try (Socket socket = new Socket()) {
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                failures.add(hostPort.trim() + " (" + describe(e) + ")");
            }
        }
        throw new SparkTrainingException("The Spark master " + url + " does not answer: " + String.join(", ", failures)
                + ". Start it (sbin/start-master.sh on that host), correct the URL, or train on this machine with"
                + " --spark local[N].");
    }

    private InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new SparkTrainingException("The Spark master " + url + " names '" + hostPort + "' without a port;"
                    + " write spark://HOST:PORT (the standalone master listens on 7077 by default).");
        }
        String port = hostPort.substring(colon + 1);
        try {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(hostPort.substring(0, colon), number);
        } catch (NumberFormatException e) {
            throw new SparkTrainingException("The Spark master " + url + " has port '" + port + "'; a port is a number"
                    + " from 1 to 65535 (the standalone master's default is 7077).");
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "no answer in " + CONNECT_TIMEOUT_MILLIS / 1000 + " s";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
