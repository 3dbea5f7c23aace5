package kz.line102.callcenter.incident;

/**
 * Who asks for a change. {@code supervisor} may change any card and move it along
 * its lifecycle; an operator only their own drafts. Flows act as {@code system:<flow>}
 * with supervisor rights.
 */
public record Actor(String username, boolean supervisor) {

    public static Actor operator(String username) {
        return new Actor(username, false);
    }

    public static Actor supervisor(String username) {
        return new Actor(username, true);
    }

    public static Actor system(String flow) {
        return new Actor("system:" + flow, true);
    }
}
