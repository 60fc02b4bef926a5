// The project's one convention for a failure a user must read: the message is already a Vietnamese sentence
// saying what happened and what to do, so a command prints it as it is; whatever a library or the system said
// underneath is kept as `cause`, for the log file, never for the screen. It lives in the engine, the lowest
// layer, so every layer (the pure ones included) throws the same type and the command runner
// (node/cli.ts) needs one `instanceof`. Anything thrown that is not a ToldError is, by this convention,
// unexpected: the runner says so in Vietnamese and writes its details to a log.

/** A failure already told in Vietnamese; `cause` holds the underlying error for the log. */
export class ToldError extends Error {
  override name = 'ToldError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
