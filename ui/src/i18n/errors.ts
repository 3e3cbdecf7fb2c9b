// A failed command as a sentence in the UI language. The shell's English `message` is for
// logs only; the user sees the translation of its code.

import { ApiError, toApiError, type ErrorCode } from "../api";
import { t, type MessageKey } from "./i18n.svelte";

const KEYS: Record<ErrorCode, MessageKey> = {
  noMicrophone: "error.noMicrophone",
  microphoneDenied: "error.microphoneDenied",
  microphoneLost: "error.microphoneLost",
  microphoneFormat: "error.microphoneFormat",
  noAudio: "error.noAudio",
  notFound: "error.notFound",
  invalid: "error.invalid",
  locked: "error.locked",
  wrongPin: "error.wrongPin",
  diskFull: "error.diskFull",
  modelMissing: "error.modelMissing",
  scoringFailed: "error.scoringFailed",
  busy: "error.busy",
  internal: "error.internal",
};

export function errorMessage(error: unknown): string {
  const apiError = error instanceof ApiError ? error : toApiError(error);
  return t(KEYS[apiError.code]);
}

export function errorCode(error: unknown): ErrorCode {
  return (error instanceof ApiError ? error : toApiError(error)).code;
}
