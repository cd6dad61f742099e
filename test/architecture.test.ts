/**
 * The layering DEVELOPERS.md asks for, checked on every import in src/: one folder per framework, and a
 * domain that imports nothing with I/O and nothing from the layers around it (zod, pure validation, is allowed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every module each source file imports (static imports, re-exports and require calls). */
const imports = files(SRC).map((file) => {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return { file: path.relative(SRC, file), modules: found };
});

const importersOf = (module: RegExp) => imports.filter((f) => f.modules.some((m) => module.test(m))).map((f) => f.file);
const folderOf = (file: string) => file.split(path.sep)[0];

describe('architecture', () => {
  it.each([
    [/^botbuilder/, 'teams'],
    [/^restify/, 'http'],
    [/^kysely$|^better-sqlite3$|^pg$/, 'storage'],
    [/^jose$/, 'sso'],
    [/^croner$/, 'scheduler'],
    [/^exceljs$/, 'spreadsheet'],
  ])('%s is imported only in src/%s/', (module, folder) => {
    expect(importersOf(module).filter((f) => folderOf(f) !== folder)).toEqual([]);
    expect(importersOf(module).length).toBeGreaterThan(0);
  });

  it('keeps the domain free of I/O and of the layers around it', () => {
    const domain = imports.filter((f) => folderOf(f.file) === 'domain');
    expect(domain.length).toBeGreaterThan(10);
    const outward = domain.flatMap((f) => f.modules.filter((m) => m.startsWith('..') || /^(node:)?(fs|net|http|https|child_process|crypto)$/.test(m) || (!m.startsWith('.') && m !== 'zod')).map((m) => `${f.file} imports ${m}`));
    expect(outward).toEqual([]);
  });
});
