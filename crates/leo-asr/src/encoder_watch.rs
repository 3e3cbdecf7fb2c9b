//! Watching whisper.cpp's encoder during one `full` call: how many times it ran, and which
//! state it ran on. After a call that encoded exactly once, the state still holds the encoding
//! of the chunk's start, so the passage text can be scored against it (and its voice profile
//! read) without paying for a second encoder pass.

#![allow(unsafe_code)]

use std::ffi::c_void;
use std::sync::atomic::{AtomicPtr, AtomicU32, Ordering};

use whisper_rs::FullParams;
use whisper_rs::whisper_rs_sys::{whisper_context, whisper_state};

/// What the encoder callback records.
#[derive(Debug, Default)]
pub(crate) struct EncoderWatch {
    pub runs: AtomicU32,
    /// The raw state whisper.cpp encoded into; whisper-rs keeps it private, and reading the
    /// encoder output needs it.
    pub state: AtomicPtr<whisper_state>,
}

/// Called by whisper.cpp before each encoder run; returning true lets it proceed.
unsafe extern "C" fn on_encoder_begin(
    _ctx: *mut whisper_context,
    state: *mut whisper_state,
    user_data: *mut c_void,
) -> bool {
    if !user_data.is_null() {
        // SAFETY: `attach` passes a pointer to an EncoderWatch that outlives the `full` call
        // during which whisper.cpp invokes this callback; only atomic operations touch it.
        let watch = unsafe { &*(user_data as *const EncoderWatch) };
        watch.runs.fetch_add(1, Ordering::Relaxed);
        watch.state.store(state, Ordering::Relaxed);
    }
    true
}

/// Makes `params` report encoder runs into `watch`. The watch must outlive every `full` call
/// made with these parameters.
pub(crate) fn attach(params: &mut FullParams, watch: &EncoderWatch) {
    // SAFETY: the callback only writes atomics behind `user_data` and never touches the
    // whisper context or state; the caller keeps `watch` alive across the `full` call.
    unsafe {
        params.set_start_encoder_callback(Some(on_encoder_begin));
        params.set_start_encoder_callback_user_data(watch as *const EncoderWatch as *mut c_void);
    }
}
