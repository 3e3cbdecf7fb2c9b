-- Leo's schema. Applied migrations are never edited: a change is a new, higher-numbered file.
-- Times are Unix milliseconds, UTC. Languages are 'en' or 'es'.

CREATE TABLE classes (
    id         INTEGER PRIMARY KEY,
    -- NOCASE: "3b" and "3B" are the same class to a teacher.
    name       TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
    created_at INTEGER NOT NULL
);

CREATE TABLE students (
    id         INTEGER PRIMARY KEY,
    class_id   INTEGER NOT NULL REFERENCES classes (id) ON DELETE RESTRICT,
    name       TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
    grade      INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 6),
    languages  TEXT NOT NULL CHECK (languages IN ('en', 'es', 'both')),
    -- Per-student overrides as JSON, so adding a setting needs no migration.
    settings   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
    created_at INTEGER NOT NULL,
    -- Also serves as the index of students by class.
    UNIQUE (class_id, name)
);

-- One row at most: the teacher's PIN as an Argon2id PHC string (never the PIN itself).
CREATE TABLE teacher (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    pin_hash   TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE passages (
    id          TEXT PRIMARY KEY,
    lang        TEXT NOT NULL CHECK (lang IN ('en', 'es')),
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 12),
    title       TEXT NOT NULL,
    topic       TEXT NOT NULL,
    text        TEXT NOT NULL,
    word_count  INTEGER NOT NULL CHECK (word_count >= 0),
    readability REAL,
    source      TEXT NOT NULL CHECK (source IN ('builtin', 'teacher')),
    -- A built-in passage no longer shipped but still referred to by readings.
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at  INTEGER NOT NULL
);
CREATE INDEX passages_lang_level ON passages (lang, level);

CREATE TABLE readings (
    id              INTEGER PRIMARY KEY,
    student_id      INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    passage_id      TEXT NOT NULL REFERENCES passages (id) ON DELETE RESTRICT,
    -- The passage's language, copied so per-language queries use one index.
    lang            TEXT NOT NULL CHECK (lang IN ('en', 'es')),
    started_at      INTEGER NOT NULL,
    -- Relative to the data folder, '/'-separated; NULL once audio retention removed the file.
    audio_path      TEXT,
    status          TEXT NOT NULL CHECK (status IN ('recorded', 'scored', 'failed')),
    error           TEXT,
    duration_s      REAL,
    reading_time_s  REAL,
    wcpm            REAL,
    accuracy        REAL,
    words_attempted INTEGER,
    words_correct   INTEGER,
    score_accuracy     REAL,
    score_fluency      REAL,
    score_prosody      REAL,
    score_completeness REAL,
    score_total        REAL,
    -- Always read and written whole with the reading, never queried inside: JSON.
    prosody         TEXT CHECK (prosody IS NULL OR json_valid(prosody)),
    insertions      TEXT CHECK (insertions IS NULL OR json_valid(insertions)),
    repetitions     TEXT CHECK (repetitions IS NULL OR json_valid(repetitions)),
    engine_version  TEXT,
    model           TEXT,
    scored_at       INTEGER
);
-- Student history per language and status, in time order: the class overview and the trend
-- find a student's latest scored readings, and count them, from this index alone.
CREATE INDEX readings_student_lang_status_time ON readings (student_id, lang, status, started_at);
-- The retry queue at start-up is small; a partial index keeps it off the big scored set.
CREATE INDEX readings_unscored ON readings (started_at)
    WHERE status <> 'scored' AND audio_path IS NOT NULL;
-- Audio retention: only readings that still have a file.
CREATE INDEX readings_audio_time ON readings (started_at) WHERE audio_path IS NOT NULL;
-- Foreign-key lookups when a passage is retired or removed.
CREATE INDEX readings_passage ON readings (passage_id);

-- One row per passage word; clustered by reading so a reading's words are one range read.
CREATE TABLE word_results (
    reading_id    INTEGER NOT NULL REFERENCES readings (id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL CHECK (idx >= 0),
    text          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('correct', 'substitution', 'omission',
                      'hesitation', 'self_correction', 'not_reached')),
    heard         TEXT,
    start_s       REAL,
    end_s         REAL,
    pronunciation REAL,
    PRIMARY KEY (reading_id, idx)
) WITHOUT ROWID;
-- Error words only (a small share of all words): the trend's error counts read just these.
CREATE INDEX word_results_errors ON word_results (reading_id, status)
    WHERE status IN ('substitution', 'omission', 'hesitation', 'self_correction');

-- Audit trail of teacher corrections: never updated, deleted only with the reading.
CREATE TABLE word_overrides (
    id         INTEGER PRIMARY KEY,
    reading_id INTEGER NOT NULL REFERENCES readings (id) ON DELETE CASCADE,
    word_index INTEGER NOT NULL,
    old_status TEXT NOT NULL CHECK (old_status IN ('correct', 'substitution', 'omission',
                   'hesitation', 'self_correction', 'not_reached')),
    new_status TEXT NOT NULL CHECK (new_status IN ('correct', 'substitution', 'omission',
                   'hesitation', 'self_correction', 'not_reached')),
    changed_by TEXT NOT NULL,
    changed_at INTEGER NOT NULL
);
CREATE INDEX word_overrides_reading ON word_overrides (reading_id);

CREATE TABLE student_levels (
    student_id INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL CHECK (lang IN ('en', 'es')),
    level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 12),
    streak     INTEGER NOT NULL DEFAULT 0 CHECK (streak >= 0),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (student_id, lang)
) WITHOUT ROWID;

CREATE TABLE level_history (
    id         INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL CHECK (lang IN ('en', 'es')),
    from_level INTEGER CHECK (from_level IS NULL OR from_level BETWEEN 1 AND 12),
    to_level   INTEGER NOT NULL CHECK (to_level BETWEEN 1 AND 12),
    reason_en  TEXT NOT NULL,
    reason_es  TEXT NOT NULL,
    reading_id INTEGER REFERENCES readings (id) ON DELETE SET NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX level_history_student ON level_history (student_id, lang, at);
CREATE INDEX level_history_reading ON level_history (reading_id);
