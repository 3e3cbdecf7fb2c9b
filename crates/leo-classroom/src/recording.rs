//! Registering readings. A reading is made safe before it is scored: its recording is in the
//! data folder and registered first, so a crash, a missing model or a scoring error never
//! loses what the child read, and the unscored queue picks it up later.
//!
//! Two ways in: the desktop app registers the reading *before* recording
//! ([`Classroom::begin_recording`]) and the recorder writes the WAV into the file as it goes;
//! the command line copies a finished WAV in ([`Classroom::import_recording`]).

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use chrono::Utc;
use leo_passages::Passage;
use leo_store::{RECORDINGS_DIR, ReadingId, ReadingStatus, Student, StudentId};

use crate::Classroom;
use crate::error::{ClassroomError, Result};

/// A registered reading and where its recording goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingReading {
    pub reading_id: ReadingId,
    /// Absolute path of the WAV file.
    pub wav_path: PathBuf,
    /// The same path relative to the data folder, as stored with the reading.
    pub audio_rel: String,
}

/// Refuses a passage in a language the student does not practise.
pub fn check_reads(student: &Student, passage: &Passage) -> Result<()> {
    if student.languages.includes(passage.lang) {
        return Ok(());
    }
    Err(ClassroomError::LanguageNotRead {
        student: student.name.clone(),
        reads: student.languages,
        passage: passage.id.clone(),
        lang: passage.lang,
    })
}

/// Creates a new, empty recording file under `recordings/student-ID/`, named by the time and
/// the passage, and returns its path relative to the data folder. `create_new` makes the name
/// ours even if two readings start in the same millisecond.
fn create_recording_file(data_dir: &Path, student: StudentId, passage_id: &str) -> Result<PathBuf> {
    let dir_rel = Path::new(RECORDINGS_DIR).join(format!("student-{student}"));
    let dir = data_dir.join(&dir_rel);
    std::fs::create_dir_all(&dir).map_err(|source| ClassroomError::Recording {
        path: dir.clone(),
        source,
    })?;
    let stamp = Utc::now().format("%Y%m%d-%H%M%S-%3f");
    let safe_id: String = passage_id
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
        .collect();
    let mut name = format!("{stamp}-{safe_id}.wav");
    for n in 2.. {
        let path = dir.join(&name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(_) => break,
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                name = format!("{stamp}-{safe_id}-{n}.wav");
            }
            Err(source) => return Err(ClassroomError::Recording { path, source }),
        }
    }
    Ok(dir_rel.join(name))
}

/// The stored form of a relative recording path ('/'-separated, as the store keeps it).
fn stored_form(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl Classroom {
    /// Registers a reading of `passage_id` by the student as `recorded`, with an empty WAV
    /// file in the data folder for the recorder to write into. Called before the first
    /// sample, so a reading interrupted by a crash is still listed (and its partial WAV
    /// scorable). The recorder may overwrite the file from the start.
    pub async fn begin_recording(
        &self,
        student_id: StudentId,
        passage_id: &str,
    ) -> Result<PendingReading> {
        let store = self.store();
        let student = store.student(student_id).await?;
        let passage = store.passage(passage_id.trim()).await?.passage;
        check_reads(&student, &passage)?;
        let rel = create_recording_file(store.data_dir(), student.id, &passage.id)?;
        self.register(&student, &passage, rel, true).await
    }

    /// The live recording of the reading ended properly (see [`Classroom::begin_recording`]).
    pub async fn finish_recording(&self, id: ReadingId) -> Result<()> {
        Ok(self.store().finish_recording(id).await?)
    }

    /// Marks readings whose live recording was cut short by a crash as interrupted; returns
    /// how many. For the recording app's start, before it records anything.
    pub async fn mark_interrupted_recordings(&self) -> Result<u64> {
        Ok(self.store().mark_interrupted_recordings().await?)
    }

    /// Copies a finished WAV file (any format Leo reads) into the data folder as 16 kHz mono
    /// and registers it as a `recorded` reading. A file that is not usable audio is refused
    /// before anything is saved.
    pub async fn import_recording(
        &self,
        student_id: StudentId,
        passage_id: &str,
        source: &Path,
    ) -> Result<PendingReading> {
        let store = self.store();
        let student = store.student(student_id).await?;
        let passage = store.passage(passage_id.trim()).await?.passage;
        check_reads(&student, &passage)?;
        let source = source.to_path_buf();
        let data_dir = store.data_dir().to_path_buf();
        let (student_id, passage_id) = (student.id, passage.id.clone());
        // Decoding, resampling and writing a long recording takes a moment: off the runtime.
        let rel = tokio::task::spawn_blocking(move || {
            let audio = leo_audio::load_wav(&source)?;
            let rel = create_recording_file(&data_dir, student_id, &passage_id)?;
            write_complete(&data_dir.join(&rel), &audio.samples).inspect_err(|_| {
                let _ = std::fs::remove_file(data_dir.join(&rel));
            })?;
            Ok::<_, ClassroomError>(rel)
        })
        .await
        .map_err(|e| ClassroomError::Recording {
            path: store.recordings_dir(),
            source: std::io::Error::other(e.to_string()),
        })??;
        self.register(&student, &passage, rel, false).await
    }

    /// Registers the reading; `live` when the recording is yet to be made into the file.
    async fn register(
        &self,
        student: &Student,
        passage: &Passage,
        rel: PathBuf,
        live: bool,
    ) -> Result<PendingReading> {
        let store = self.store();
        let wav_path = store.data_dir().join(&rel);
        let registered = if live {
            store
                .begin_live_reading(student.id, &passage.id, &rel)
                .await
        } else {
            store.begin_reading(student.id, &passage.id, &rel).await
        };
        match registered {
            Ok(reading_id) => Ok(PendingReading {
                reading_id,
                wav_path,
                audio_rel: stored_form(&rel),
            }),
            Err(e) => {
                // Unregistered, the file would be a recording nobody can find or delete.
                let _ = std::fs::remove_file(&wav_path);
                Err(e.into())
            }
        }
    }

    /// Deletes a reading that was being recorded, and its file (the recording was
    /// cancelled). A scored reading is refused: its result belongs to the student's record.
    pub async fn discard_reading(&self, id: ReadingId) -> Result<()> {
        let store = self.store();
        if store.load_reading(id).await?.status == ReadingStatus::Scored {
            return Err(ClassroomError::AlreadyScored { reading: id });
        }
        store.delete_reading(id).await?;
        Ok(())
    }
}

/// Writes 16 kHz mono samples over the (new, empty) file at `path`, through a temporary file
/// renamed into place once complete and on disk, so a crash leaves the whole recording or an
/// empty file, never half of one.
fn write_complete(path: &Path, samples: &[f32]) -> Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let partial = path.with_file_name(format!(".{name}.partial"));
    let saved = leo_audio::write_wav_16k(&partial, samples)
        .map_err(ClassroomError::from)
        .and_then(|()| {
            File::open(&partial)
                .and_then(|f| f.sync_all())
                .and_then(|()| std::fs::rename(&partial, path))
                .map_err(|source| ClassroomError::Recording {
                    path: path.to_path_buf(),
                    source,
                })
        });
    if saved.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    saved
}
