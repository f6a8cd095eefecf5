package com.procura.security.secondfactor;

/** Sends a short text to a phone number; throws {@link SmsException} when it could not. */
public interface SmsGateway {
    void send(String phone, String text);

    /** False when no gateway is configured: then SMS TANs cannot be enabled. */
    default boolean available() {
        return true;
    }

    final class SmsException extends RuntimeException {
        public SmsException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static SmsGateway none() {
        return new SmsGateway() {
            @Override
            public void send(String phone, String text) {
                throw new SmsException("No SMS gateway is configured (sms.gateway=none)", null);
            }

            @Override
            public boolean available() {
                return false;
            }
        };
    }
}
