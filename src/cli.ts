import { ConfigError } from './config';

/**
 * Runs a command line's `main` and exits with its code; a failure exits with 1 and says what went wrong: a
 * configuration problem as its message (no stack), anything `describe` knows how to say, else the error itself.
 */
export function runCli(main: () => Promise<number>, describe: (error: unknown) => string | undefined = () => undefined): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(describe(error) ?? (error instanceof ConfigError ? error.message : error));
      process.exitCode = 1;
    },
  );
}
