-- V6: dead letters an operator had reprocessed (Operations.reprocessDeadLetter). NULL while the dead letter is open;
-- marking it is a conditional UPDATE ... WHERE reprocessed_at IS NULL, so exactly one desk marks it.
ALTER TABLE care_dead_letter ADD COLUMN reprocessed_at DATETIME(6) NULL;
