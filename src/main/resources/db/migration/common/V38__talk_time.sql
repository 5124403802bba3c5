-- Talk time (v1.1): how long each person was heard in each stint, from their browser's voice
-- activity. Rows written before it was counted say 0.
ALTER TABLE attendance_stint ADD COLUMN speaking_seconds BIGINT NOT NULL DEFAULT 0;
