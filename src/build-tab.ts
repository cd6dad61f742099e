/**
 * Builds the Programme tab (src/tab) into static files: the two pages, one JS bundle and one CSS file,
 * with content hashes in the asset names so they can be cached for good. Used by `npm run build` (so
 * `npm start` serves a fresh tab) and by the browser tests. The bot serves the result at /tab.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { TAB_DIR } from './http/tab-files';

const SOURCE = path.resolve(__dirname, '..', 'src', 'tab');
/** The pages, as written in src/tab with `{{head}}` where the shared head (and the hashed asset names) go. */
export const TAB_PAGES = ['index.html', 'config.html'] as const;

const head = (js: string, css: string): string =>
  [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="${css}">`,
    `<script type="module" src="${js}"></script>`,
  ].join('\n  ');

export async function buildTab(outDir: string = TAB_DIR): Promise<{ files: string[] }> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: { tab: path.join(SOURCE, 'main.ts'), styles: path.join(SOURCE, 'styles.css') },
    outdir: outDir,
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'edge109', 'firefox115', 'safari15'],
    minify: true,
    legalComments: 'eof',
    metafile: true,
    logLevel: 'silent',
  });
  const built = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  const asset = (ext: string): string => {
    const found = built.find((file) => file.endsWith(ext));
    if (!found) throw new Error(`The tab build made no ${ext} file`);
    return `/tab/${found}`;
  };
  for (const page of TAB_PAGES) {
    const template = await readFile(path.join(SOURCE, page), 'utf8');
    await writeFile(path.join(outDir, page), template.replace('{{head}}', head(asset('.js'), asset('.css'))));
  }
  return { files: [...TAB_PAGES, ...built].sort() };
}

if (require.main === module) {
  buildTab().then(
    ({ files }) => console.log(`Programme tab built in ${path.relative(process.cwd(), TAB_DIR) || '.'}: ${files.join(', ')}`),
    (error: unknown) => {
      console.error('The Programme tab did not build:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
