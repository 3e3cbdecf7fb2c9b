//! From the engine's types to the screens' (views.rs). Ids become plain numbers, times Unix
//! milliseconds.

use chrono::{DateTime, Utc};
use leo_store::{Class, ReadingId, StoredPassage, Student, StudentId};

use crate::views::{
    ClassInfo, Lang, Languages, NextPassage, OverrideView, PassageSource, PassageView,
    ReadingStatus, StudentInfo, WordStatus, WordView,
};

pub fn ms(t: DateTime<Utc>) -> f64 {
    t.timestamp_millis() as f64
}

pub fn student_id(id: u32) -> StudentId {
    StudentId(i64::from(id))
}

pub fn reading_id(id: u32) -> ReadingId {
    ReadingId(i64::from(id))
}

pub fn class_id(id: u32) -> leo_store::ClassId {
    leo_store::ClassId(i64::from(id))
}

impl From<leo_text::Lang> for Lang {
    fn from(l: leo_text::Lang) -> Lang {
        match l {
            leo_text::Lang::En => Lang::En,
            leo_text::Lang::Es => Lang::Es,
        }
    }
}

impl From<Lang> for leo_text::Lang {
    fn from(l: Lang) -> leo_text::Lang {
        match l {
            Lang::En => leo_text::Lang::En,
            Lang::Es => leo_text::Lang::Es,
        }
    }
}

impl From<leo_store::Languages> for Languages {
    fn from(l: leo_store::Languages) -> Languages {
        match l {
            leo_store::Languages::En => Languages::En,
            leo_store::Languages::Es => Languages::Es,
            leo_store::Languages::Both => Languages::Both,
        }
    }
}

impl From<Languages> for leo_store::Languages {
    fn from(l: Languages) -> leo_store::Languages {
        match l {
            Languages::En => leo_store::Languages::En,
            Languages::Es => leo_store::Languages::Es,
            Languages::Both => leo_store::Languages::Both,
        }
    }
}

impl From<leo_scoring::WordStatus> for WordStatus {
    fn from(s: leo_scoring::WordStatus) -> WordStatus {
        use leo_scoring::WordStatus as W;
        match s {
            W::Correct => WordStatus::Correct,
            W::Substitution => WordStatus::Substitution,
            W::Omission => WordStatus::Omission,
            W::Hesitation => WordStatus::Hesitation,
            W::SelfCorrection => WordStatus::SelfCorrection,
            W::NotReached => WordStatus::NotReached,
        }
    }
}

impl From<WordStatus> for leo_scoring::WordStatus {
    fn from(s: WordStatus) -> leo_scoring::WordStatus {
        use leo_scoring::WordStatus as W;
        match s {
            WordStatus::Correct => W::Correct,
            WordStatus::Substitution => W::Substitution,
            WordStatus::Omission => W::Omission,
            WordStatus::Hesitation => W::Hesitation,
            WordStatus::SelfCorrection => W::SelfCorrection,
            WordStatus::NotReached => W::NotReached,
        }
    }
}

impl From<leo_store::ReadingStatus> for ReadingStatus {
    fn from(s: leo_store::ReadingStatus) -> ReadingStatus {
        match s {
            leo_store::ReadingStatus::Recorded => ReadingStatus::Recorded,
            leo_store::ReadingStatus::Scored => ReadingStatus::Scored,
            leo_store::ReadingStatus::Failed => ReadingStatus::Failed,
        }
    }
}

/// Up to two letters for the avatar: "Ana María" → "AM", "Luis" → "LU".
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters: String = match words.as_slice() {
        [] => String::new(),
        [one] => one.chars().take(2).collect(),
        [first, .., last] => first.chars().take(1).chain(last.chars().take(1)).collect(),
    };
    letters.to_uppercase()
}

pub fn class_info(c: &Class, student_count: usize) -> ClassInfo {
    ClassInfo {
        id: c.id.0 as u32,
        name: c.name.clone(),
        student_count: student_count as u32,
    }
}

pub fn student_info(s: &Student) -> StudentInfo {
    StudentInfo {
        id: s.id.0 as u32,
        name: s.name.clone(),
        grade: s.grade,
        languages: s.languages.into(),
        initials: initials(&s.name),
    }
}

pub fn passage_view(p: &StoredPassage) -> PassageView {
    PassageView {
        id: p.passage.id.clone(),
        lang: p.passage.lang.into(),
        level: p.passage.level,
        title: p.passage.title.clone(),
        topic: p.passage.topic.clone(),
        text: p.passage.text.clone(),
        word_count: p.word_count as u32,
        source: match p.source {
            leo_store::PassageSource::Builtin => PassageSource::Builtin,
            leo_store::PassageSource::Teacher => PassageSource::Teacher,
        },
    }
}

pub fn next_passage_view(n: &leo_classroom::NextPassage) -> NextPassage {
    NextPassage {
        passage: passage_view(&n.passage),
        level: n.level,
        reread: n.reread,
        reason_en: n.reason_en.clone(),
        reason_es: n.reason_es.clone(),
        practice_words: n.practice_words.clone(),
    }
}

pub fn word_view(w: &leo_scoring::WordResult) -> WordView {
    WordView {
        index: w.index as u32,
        text: w.text.clone(),
        status: w.status.into(),
        heard: w.heard.clone(),
        start_s: w.start,
        end_s: w.end,
    }
}

pub fn override_view(o: &leo_store::WordOverride) -> OverrideView {
    OverrideView {
        word_index: o.word_index as u32,
        old_status: o.old_status.into(),
        new_status: o.new_status.into(),
        changed_by: o.changed_by.clone(),
        changed_at: ms(o.changed_at),
    }
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_first_and_last_names_or_two_letters() {
        assert_eq!(initials("Ana María López"), "AL");
        assert_eq!(initials("luis"), "LU");
        assert_eq!(initials("Ñoño"), "ÑO");
        assert_eq!(initials("  "), "");
    }
}
