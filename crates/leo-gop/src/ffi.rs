//! The few PocketSphinx 5.1 functions Leo calls (declarations from `pocketsphinx.h`).

use std::ffi::{c_char, c_int, c_void};

#[repr(C)]
pub struct Decoder {
    _private: [u8; 0],
}
#[repr(C)]
pub struct Config {
    _private: [u8; 0],
}
#[repr(C)]
pub struct Segment {
    _private: [u8; 0],
}
#[repr(C)]
pub struct LogMath {
    _private: [u8; 0],
}

unsafe extern "C" {
    pub fn ps_config_init(defn: *const c_void) -> *mut Config;
    pub fn ps_config_free(config: *mut Config) -> c_int;
    pub fn ps_config_set_str(
        config: *mut Config,
        name: *const c_char,
        val: *const c_char,
    ) -> *const c_void;
    pub fn ps_init(config: *mut Config) -> *mut Decoder;
    pub fn ps_free(ps: *mut Decoder) -> c_int;
    pub fn ps_get_logmath(ps: *mut Decoder) -> *mut LogMath;
    pub fn logmath_log_to_ln(lmath: *mut LogMath, logb: c_int) -> f64;
    pub fn ps_lookup_word(ps: *mut Decoder, word: *const c_char) -> *mut c_char;
    pub fn ckd_free(ptr: *mut c_void);
    pub fn ps_set_align_text(ps: *mut Decoder, words: *const c_char) -> c_int;
    pub fn ps_start_utt(ps: *mut Decoder) -> c_int;
    pub fn ps_process_raw(
        ps: *mut Decoder,
        data: *const i16,
        n_samples: usize,
        no_search: c_int,
        full_utt: c_int,
    ) -> c_int;
    pub fn ps_end_utt(ps: *mut Decoder) -> c_int;
    pub fn ps_seg_iter(ps: *mut Decoder) -> *mut Segment;
    pub fn ps_seg_next(seg: *mut Segment) -> *mut Segment;
    pub fn ps_seg_word(seg: *mut Segment) -> *const c_char;
    pub fn ps_seg_frames(seg: *mut Segment, start: *mut c_int, end: *mut c_int);
    pub fn ps_seg_prob(seg: *mut Segment, ascr: *mut i32, lscr: *mut i32, lback: *mut i32) -> i32;
}
