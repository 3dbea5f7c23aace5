package kz.line102.callcenter.app;

/** Query parameters read as numbers, with the one problem answer every endpoint gives for a bad one. */
public final class RequestParams {

    private RequestParams() {
    }

    public static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("'" + name + "' must be a whole number " + min + ".." + max,
                "problem.invalid-request.whole-number", java.util.List.of(name, min, max));
    }
}
