// The CLI's documented limits (README, --help), in one place.
import { DEFAULT_LIMITS } from '../formats/types';

/** Largest file the CLI reads, in bytes: the same limit as the format readers'. */
export const MAX_INPUT_BYTES = DEFAULT_LIMITS.maxInputBytes;
/** Time budget per file (reading, linting, writing fixes), in seconds; GOV_REPORT_LINT_TIMEOUT overrides it. */
export const DEFAULT_FILE_SECONDS = 60;
/** Heap limit of each worker thread: a file that needs more ends its worker only, and is reported as failed. */
export const WORKER_HEAP_MB = 2048;
