/**
 * Docker cannot run on the test machines, so the container files are read, not run: the Dockerfile with the
 * dockerfile-ast parser (the one behind the Docker language server) and compose.yaml with the yaml parser.
 * These are the essentials a change could quietly break; building and running the image is for README's steps.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');
const dockerfile = DockerfileParser.parse(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
const instructions = dockerfile.getInstructions();
/** The instructions of the last stage: what the image runs. */
const lastFrom = instructions.map((i) => i.getKeyword()).lastIndexOf('FROM');
const runtime = instructions.slice(lastFrom);
const args = (i: Instruction) => i.getArgumentsContent() ?? '';
/** The instruction as written, flags included. */
const text = (i: Instruction) => i.getTextContent();
const fromStage = (i: Instruction) => (i.getKeyword() === 'COPY' ? ((i as Copy).getFromFlag()?.getValue() ?? null) : null);

describe('Dockerfile', () => {
  it('builds in one stage and runs in another, both on node:20-slim', () => {
    const froms = dockerfile.getFROMs();
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(`${from.getImageName()}:${from.getImageTag()}`).toBe('node:20-slim');
    const build = froms[0].getBuildStage();
    expect(runtime.filter((i) => fromStage(i) === build).length).toBeGreaterThan(0);
  });

  it('runs as a user that is not root', () => {
    const users = runtime.filter((i) => i.getKeyword() === 'USER').map(args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('checks its health on /readyz and starts the built bot', () => {
    const checks = dockerfile.getHEALTHCHECKs();
    expect(checks).toHaveLength(1);
    expect(args(checks[0])).toContain('/readyz');
    expect(text(checks[0])).toMatch(/--interval=\d+s/);
    const cmd = runtime.filter((i) => i.getKeyword() === 'CMD').map(args).at(-1);
    expect(cmd).toContain('dist/main.js');
    expect(runtime.some((i) => i.getKeyword() === 'EXPOSE' && args(i) === '3978')).toBe(true);
  });

  it('copies only files that exist, and never the local .env or data', () => {
    const copied = dockerfile
      .getCOPYs()
      .filter((c) => fromStage(c) === null)
      .flatMap((c) => c.getArguments().slice(0, -1).map((a) => a.getValue()));
    expect(copied.length).toBeGreaterThan(3);
    for (const source of copied) expect(existsSync(path.join(ROOT, source))).toBe(true);
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const secret of ['.env', 'node_modules', 'data']) expect(ignored).toContain(secret);
  });
});

describe('compose.yaml', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8')) as {
    services: Record<string, { build?: unknown; image?: string; environment?: Record<string, string>; ports?: string[]; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] } }>;
  };

  it('runs the bot, built from this Dockerfile, beside PostgreSQL', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['bot', 'db']);
    expect(compose.services.bot.build).toBe('.');
    expect(compose.services.db.image).toMatch(/^postgres:\d+/);
  });

  it('points the bot at that PostgreSQL with DATABASE_URL and waits until it is healthy', () => {
    const bot = compose.services.bot;
    const url = bot.environment?.DATABASE_URL ?? '';
    expect(url).toMatch(/^postgres:\/\/dsg:\$\{POSTGRES_PASSWORD:\?[^}]+\}@db:5432\/dsg$/);
    expect(bot.depends_on?.db.condition).toBe('service_healthy');
    expect(compose.services.db.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it('publishes the bot on this machine only (a TLS proxy stands in front)', () => {
    expect(compose.services.bot.ports).toEqual(['127.0.0.1:3978:3978']);
  });
});
