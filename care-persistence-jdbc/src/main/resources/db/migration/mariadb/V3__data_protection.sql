-- care-persistence-jdbc schema, version 3: data protection (issue 13).
-- Audit chain v2: each row hashes a SHA-256 digest of its detail (so an erased detail still verifies) and
-- names the key of its HMAC-SHA256 (NULL: plain SHA-256); rows of version 1 have no digest and verify as before.
ALTER TABLE care_audit ADD COLUMN detail_digest CHAR(64);
ALTER TABLE care_audit ADD COLUMN key_id VARCHAR(64);
-- the head's HMAC over (last_seq, last_hash) with the bank's key: a rewound or truncated head fails it
ALTER TABLE care_audit_head ADD COLUMN head_mac CHAR(64);
ALTER TABLE care_audit_head ADD COLUMN key_id VARCHAR(64);
-- the retention sweep: closed conversations, oldest resolution first, so it reads only what is due
CREATE INDEX care_conversation_retention_idx ON care_conversation (state, resolved_at);
