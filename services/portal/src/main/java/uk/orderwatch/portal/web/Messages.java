package uk.orderwatch.portal.web;

/** Small helpers for the wording of messages shown to users. */
public final class Messages {

    private Messages() {
    }

    /** A reason as a sentence: capital first letter, full stop at the end. */
    public static String sentence(String reason) {
        if (reason == null || reason.isBlank()) {
            return reason;
        }
        String s = Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
