//! The teacher's PIN, which guards the teacher screens from curious students.
//!
//! Only an Argon2id hash is stored. With 4–8 digits there are few possible PINs, so the hash
//! does not stop someone who has the database file and time: it keeps the PIN from being
//! read off the file, and the file itself is protected by the computer's user accounts.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::error::{Result, StoreError};
use crate::{Store, now, to_ms};

fn check_pin(pin: &str) -> Result<()> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(StoreError::InvalidPin)
    }
}

/// Argon2 is deliberately slow (tens of milliseconds), so it runs off the async threads.
async fn hash_pin(pin: &str) -> Result<String> {
    let pin = pin.to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(pin.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| StoreError::bad_data(format!("PIN hash: {e}")))
    })
    .await
    .map_err(|e| StoreError::bad_data(format!("PIN hash task: {e}")))?
}

async fn pin_matches(pin: &str, stored: String) -> Result<bool> {
    let pin = pin.to_owned();
    tokio::task::spawn_blocking(move || {
        let hash = PasswordHash::new(&stored)
            .map_err(|e| StoreError::bad_data(format!("stored PIN hash: {e}")))?;
        Ok(Argon2::default()
            .verify_password(pin.as_bytes(), &hash)
            .is_ok())
    })
    .await
    .map_err(|e| StoreError::bad_data(format!("PIN check task: {e}")))?
}

impl Store {
    pub async fn has_pin(&self) -> Result<bool> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM teacher")
            .fetch_one(&self.read)
            .await?;
        Ok(n > 0)
    }

    /// Sets the first PIN; once one is set, use [`Store::change_pin`].
    pub async fn set_pin(&self, pin: &str) -> Result<()> {
        check_pin(pin)?;
        let hash = hash_pin(pin).await?;
        let done = sqlx::query(
            "INSERT INTO teacher (id, pin_hash, updated_at) VALUES (1, ?, ?) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(hash)
        .bind(to_ms(now()))
        .execute(&self.write)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::PinAlreadySet);
        }
        Ok(())
    }

    /// Whether `pin` is the teacher's PIN. Errors only if none is set or the store fails.
    pub async fn verify_pin(&self, pin: &str) -> Result<bool> {
        let stored: Option<String> = sqlx::query_scalar("SELECT pin_hash FROM teacher")
            .fetch_optional(&self.read)
            .await?;
        let stored = stored.ok_or(StoreError::PinNotSet)?;
        pin_matches(pin, stored).await
    }

    /// Replaces the PIN after checking the current one ([`StoreError::WrongPin`] if it is not).
    pub async fn change_pin(&self, current: &str, new: &str) -> Result<()> {
        check_pin(new)?;
        if !self.verify_pin(current).await? {
            return Err(StoreError::WrongPin);
        }
        let hash = hash_pin(new).await?;
        sqlx::query("UPDATE teacher SET pin_hash = ?, updated_at = ? WHERE id = 1")
            .bind(hash)
            .bind(to_ms(now()))
            .execute(&self.write)
            .await?;
        Ok(())
    }
}
