/**
 * A short error taxonomy. The CLI maps every OitError to exit code 1 with its Thai and English
 * message; anything else is an unexpected tool error (also exit 1, with a stack under --debug).
 */
export class OitError extends Error {
  constructor(
    readonly th: string,
    readonly en: string,
    readonly hint?: string,
  ) {
    super(`${th} / ${en}`);
    this.name = new.target.name;
  }
}

/** Bad input from the user: flags, config file, URL, year. */
export class ConfigError extends OitError {}

/** A checklist data file that does not satisfy the schema. */
export class ChecklistError extends OitError {}

/** The database cannot be opened, migrated or written. */
export class StoreError extends OitError {}

/** A fetch that may succeed if tried again later (timeouts, 429, 503, resets). */
export class FetchError extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'FetchError';
  }
}

/** A fetch that will fail the same way every time (blocked address, 404, too large). */
export class NonRetryableFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableFetchError';
  }
}
