-- Whether a reading's recording ended properly. A reading recorded live is 'recording' until
-- the recorder stops ('complete'); one still 'recording' when the app starts again was cut
-- short by a crash or a power cut and becomes 'interrupted'. NULL: the recording was brought
-- in from a finished file (or predates this column).
ALTER TABLE readings ADD COLUMN recording TEXT
    CHECK (recording IS NULL OR recording IN ('recording', 'complete', 'interrupted'));
