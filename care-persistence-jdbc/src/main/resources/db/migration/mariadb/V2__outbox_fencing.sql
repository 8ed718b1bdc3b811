-- fencing of outbox claims (JdbcOutbox): every claim and every unfenced update adds one to claim_token; a
-- dispatcher writes its claimed entry only with UPDATE ... WHERE id = ? AND claim_token = <its token>, so a desk
-- whose lease ran out and whose entry was claimed again writes (and publishes) nothing.
ALTER TABLE care_outbox ADD COLUMN claim_token BIGINT DEFAULT 0 NOT NULL;
