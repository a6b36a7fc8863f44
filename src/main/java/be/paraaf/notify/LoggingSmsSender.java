package be.paraaf.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The SMS port without a provider: no SMS provider is configured, so it logs and sends nothing. */
@Component
class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public boolean send(String phone, String text) {
        log.info("no SMS provider configured: not sending an SMS to a number ending in {}",
                phone == null || phone.length() < 3 ? "?" : phone.substring(phone.length() - 3));
        return false;
    }
}
