//! Counting how many times whisper.cpp ran its encoder during one `full` call. After a call
//! that encoded exactly once, the state still holds the encoding of the chunk's start, so the
//! passage text can be scored against it without paying for a second encoder pass.

#![allow(unsafe_code)]

use std::ffi::c_void;
use std::sync::atomic::{AtomicU32, Ordering};

use whisper_rs::FullParams;
use whisper_rs::whisper_rs_sys::{whisper_context, whisper_state};

/// Called by whisper.cpp before each encoder run; returning true lets it proceed.
unsafe extern "C" fn on_encoder_begin(
    _ctx: *mut whisper_context,
    _state: *mut whisper_state,
    user_data: *mut c_void,
) -> bool {
    if !user_data.is_null() {
        // SAFETY: `attach` passes a pointer to an AtomicU32 that outlives the `full` call during
        // which whisper.cpp invokes this callback; only atomic operations touch it.
        let counter = unsafe { &*(user_data as *const AtomicU32) };
        counter.fetch_add(1, Ordering::Relaxed);
    }
    true
}

/// Makes `params` count encoder runs into `counter`. The counter must outlive every `full`
/// call made with these parameters.
pub(crate) fn attach(params: &mut FullParams, counter: &AtomicU32) {
    // SAFETY: the callback only increments the atomic behind `user_data` and never touches the
    // whisper context or state; the caller keeps `counter` alive across the `full` call.
    unsafe {
        params.set_start_encoder_callback(Some(on_encoder_begin));
        params.set_start_encoder_callback_user_data(counter as *const AtomicU32 as *mut c_void);
    }
}
