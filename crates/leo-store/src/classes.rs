//! Classes and students.

use sqlx::FromRow;

use crate::error::{Result, StoreError, is_unique_violation};
use crate::{
    Class, ClassId, Languages, Store, Student, StudentId, StudentSettings, class_name, clean_name,
    from_ms, now, to_ms,
};

#[derive(FromRow)]
struct ClassRow {
    id: ClassId,
    name: String,
    created_at: i64,
}

impl ClassRow {
    fn into_class(self) -> Result<Class> {
        Ok(Class {
            id: self.id,
            name: self.name,
            created_at: from_ms(self.created_at)?,
        })
    }
}

#[derive(FromRow)]
pub(crate) struct StudentRow {
    id: StudentId,
    class_id: ClassId,
    name: String,
    grade: i64,
    languages: String,
    settings: String,
    created_at: i64,
}

pub(crate) const STUDENT_COLUMNS: &str =
    "id, class_id, name, grade, languages, settings, created_at";

impl StudentRow {
    pub(crate) fn into_student(self) -> Result<Student> {
        let languages = Languages::parse(&self.languages)
            .ok_or_else(|| StoreError::bad_data(format!("languages {:?}", self.languages)))?;
        let settings: StudentSettings = serde_json::from_str(&self.settings)
            .map_err(|e| StoreError::bad_data(format!("settings of student #{}: {e}", self.id)))?;
        Ok(Student {
            id: self.id,
            class_id: self.class_id,
            name: self.name,
            grade: u8::try_from(self.grade)
                .map_err(|_| StoreError::bad_data(format!("grade {}", self.grade)))?,
            languages,
            settings,
            created_at: from_ms(self.created_at)?,
        })
    }
}

fn check_grade(grade: u8) -> Result<()> {
    if (1..=6).contains(&grade) {
        Ok(())
    } else {
        Err(StoreError::InvalidGrade { grade })
    }
}

fn settings_json(settings: &StudentSettings) -> Result<String> {
    serde_json::to_string(settings).map_err(|e| StoreError::bad_data(format!("settings: {e}")))
}

impl Store {
    /// Adds a class; names are unique regardless of upper/lower case.
    pub async fn create_class(&self, name: &str) -> Result<Class> {
        let name = clean_name(name, "a class name")?;
        let created_at = now();
        let res = sqlx::query("INSERT INTO classes (name, created_at) VALUES (?, ?)")
            .bind(&name)
            .bind(to_ms(created_at))
            .execute(&self.write)
            .await;
        match res {
            Ok(done) => Ok(Class {
                id: ClassId(done.last_insert_rowid()),
                name,
                created_at,
            }),
            Err(e) if is_unique_violation(&e) => Err(StoreError::DuplicateClass { name }),
            Err(e) => Err(e.into()),
        }
    }

    /// All classes by name.
    pub async fn list_classes(&self) -> Result<Vec<Class>> {
        sqlx::query_as::<_, ClassRow>("SELECT id, name, created_at FROM classes ORDER BY name")
            .fetch_all(&self.read)
            .await?
            .into_iter()
            .map(ClassRow::into_class)
            .collect()
    }

    /// The class with this name (any case), or [`StoreError::UnknownClass`].
    pub async fn find_class(&self, name: &str) -> Result<Class> {
        sqlx::query_as::<_, ClassRow>("SELECT id, name, created_at FROM classes WHERE name = ?")
            .bind(name.trim())
            .fetch_optional(&self.read)
            .await?
            .ok_or_else(|| StoreError::UnknownClass {
                name: name.trim().to_owned(),
            })?
            .into_class()
    }

    pub async fn class(&self, id: ClassId) -> Result<Class> {
        sqlx::query_as::<_, ClassRow>("SELECT id, name, created_at FROM classes WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.read)
            .await?
            .ok_or(StoreError::ClassNotFound { id })?
            .into_class()
    }

    /// Deletes an empty class; one with students gives [`StoreError::ClassNotEmpty`].
    pub async fn delete_class(&self, id: ClassId) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let name = class_name(&mut tx, id).await?;
        let students: i64 = sqlx::query_scalar("SELECT count(*) FROM students WHERE class_id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if students > 0 {
            return Err(StoreError::ClassNotEmpty { name, students });
        }
        sqlx::query("DELETE FROM classes WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a student to a class; names are unique within the class regardless of case.
    pub async fn create_student(
        &self,
        class: ClassId,
        name: &str,
        grade: u8,
        languages: Languages,
    ) -> Result<Student> {
        let name = clean_name(name, "a student name")?;
        check_grade(grade)?;
        let mut tx = self.begin_write().await?;
        let class_name = class_name(&mut tx, class).await?;
        let created_at = now();
        let settings = StudentSettings::default();
        let res = sqlx::query(
            "INSERT INTO students (class_id, name, grade, languages, settings, created_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(class)
        .bind(&name)
        .bind(i64::from(grade))
        .bind(languages.as_str())
        .bind(settings_json(&settings)?)
        .bind(to_ms(created_at))
        .execute(&mut *tx)
        .await;
        let id = match res {
            Ok(done) => StudentId(done.last_insert_rowid()),
            Err(e) if is_unique_violation(&e) => {
                return Err(StoreError::DuplicateStudent {
                    class: class_name,
                    name,
                });
            }
            Err(e) => return Err(e.into()),
        };
        tx.commit().await?;
        Ok(Student {
            id,
            class_id: class,
            name,
            grade,
            languages,
            settings,
            created_at,
        })
    }

    /// The class's students by name.
    pub async fn list_students(&self, class: ClassId) -> Result<Vec<Student>> {
        self.class(class).await?;
        let sql =
            format!("SELECT {STUDENT_COLUMNS} FROM students WHERE class_id = ? ORDER BY name");
        sqlx::query_as::<_, StudentRow>(&sql)
            .bind(class)
            .fetch_all(&self.read)
            .await?
            .into_iter()
            .map(StudentRow::into_student)
            .collect()
    }

    /// The student with this name (any case) in the class, or [`StoreError::UnknownStudent`].
    pub async fn find_student(&self, class: ClassId, name: &str) -> Result<Student> {
        let sql = format!("SELECT {STUDENT_COLUMNS} FROM students WHERE class_id = ? AND name = ?");
        let row = sqlx::query_as::<_, StudentRow>(&sql)
            .bind(class)
            .bind(name.trim())
            .fetch_optional(&self.read)
            .await?;
        match row {
            Some(row) => row.into_student(),
            None => {
                let class = self.class(class).await?;
                Err(StoreError::UnknownStudent {
                    name: format!("{} (class {})", name.trim(), class.name),
                })
            }
        }
    }

    pub async fn student(&self, id: StudentId) -> Result<Student> {
        let sql = format!("SELECT {STUDENT_COLUMNS} FROM students WHERE id = ?");
        sqlx::query_as::<_, StudentRow>(&sql)
            .bind(id)
            .fetch_optional(&self.read)
            .await?
            .ok_or(StoreError::StudentNotFound { id })?
            .into_student()
    }

    /// Changes a student's name, class, grade or languages (e.g. at the start of a school year).
    pub async fn update_student(
        &self,
        id: StudentId,
        class: ClassId,
        name: &str,
        grade: u8,
        languages: Languages,
    ) -> Result<Student> {
        let name = clean_name(name, "a student name")?;
        check_grade(grade)?;
        let mut tx = self.begin_write().await?;
        let class_name = class_name(&mut tx, class).await?;
        let res = sqlx::query(
            "UPDATE students SET class_id = ?, name = ?, grade = ?, languages = ? WHERE id = ?",
        )
        .bind(class)
        .bind(&name)
        .bind(i64::from(grade))
        .bind(languages.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await;
        match res {
            Ok(done) if done.rows_affected() == 0 => {
                return Err(StoreError::StudentNotFound { id });
            }
            Ok(_) => {}
            Err(e) if is_unique_violation(&e) => {
                return Err(StoreError::DuplicateStudent {
                    class: class_name,
                    name,
                });
            }
            Err(e) => return Err(e.into()),
        }
        tx.commit().await?;
        self.student(id).await
    }

    pub async fn set_student_settings(
        &self,
        id: StudentId,
        settings: &StudentSettings,
    ) -> Result<()> {
        let done = sqlx::query("UPDATE students SET settings = ? WHERE id = ?")
            .bind(settings_json(settings)?)
            .bind(id)
            .execute(&self.write)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::StudentNotFound { id });
        }
        Ok(())
    }
}
