-- TOTP keys are kept encrypted (AES-256-GCM, key file in the data folder); the sealed form is longer.
-- No release carried the plain column, so there is nothing to carry over.
ALTER TABLE account_security ADD COLUMN totp_key_sealed VARCHAR(200);
ALTER TABLE account_security DROP COLUMN totp_secret;
