/**
 * The server's log: one line per event, with a timestamp. Never given a
 * secret, a token or document text: callers pass only what happened.
 */
export type Logger = (line: string) => void;

export function consoleLogger(name: string | null): Logger {
  const prefix = name ? `[${name}] ` : '';
  return (line) => console.log(`${new Date().toISOString()} ${prefix}${line}`);
}

export const silentLogger: Logger = () => {};
