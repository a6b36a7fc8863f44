package be.paraaf.request;

import be.paraaf.notify.MailComposer.Kind;

/**
 * Published in the transaction of a change people are told about by mail (a signer invited or reminded, the
 * request declined, expired or completed); {@link RequestNotifications} sends the mails after the commit, through
 * Spring Modulith's event publication registry like the archive hand-off, so a crash loses no mail.
 *
 * @param position the signer concerned (invited, reminded, declined), 0 when none
 * @param sequence the reminder's number, else 0: tells one reminder from the next
 */
public record RequestNotice(String requestId, Kind kind, int position, int sequence) {
}
