package uk.orderwatch.notification.alerts;

/** The ways an alert reaches a person. INBOX always; the others when the directory has an address for them. */
public enum ChannelType {
    INBOX,
    EMAIL,
    SMS,
    WEBHOOK
}
