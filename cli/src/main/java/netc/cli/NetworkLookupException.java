package netc.cli;

/** A network named on the command line could not be found or has no generated model. */
final class NetworkLookupException extends RuntimeException {
    NetworkLookupException(String message) {
        super(message);
    }
}
