import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_DIR } from '../../src/package-app';
import { readPng } from './png';

/** Pixels as [r, g, b, a]. */
function pixelsOf(file: string): number[][] {
  const png = readPng(path.join(MANIFEST_DIR, file));
  return Array.from({ length: png.width * png.height }, (_, i) => Array.from(png.pixels.subarray(i * 4, i * 4 + 4)));
}

describe('the app icons', () => {
  it('the colour icon is 192×192, fully opaque, with a white symbol on the accent colour', () => {
    const png = readPng(path.join(MANIFEST_DIR, 'color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    const pixels = pixelsOf('color.png');
    expect(pixels.every((p) => p[3] === 255)).toBe(true);
    const accent = (JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as { accentColor: string }).accentColor;
    const rgb = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
    expect(pixels[0].slice(0, 3)).toEqual(rgb);
    expect(pixels.filter((p) => p[0] === 255 && p[1] === 255 && p[2] === 255).length).toBeGreaterThan(192 * 192 * 0.1);
  });

  it('the outline icon is 32×32, white only, on a transparent background', () => {
    const png = readPng(path.join(MANIFEST_DIR, 'outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    const pixels = pixelsOf('outline.png');
    const visible = pixels.filter((p) => p[3] > 0);
    expect(visible.filter((p) => p[0] !== 255 || p[1] !== 255 || p[2] !== 255)).toEqual([]);
    expect(pixels[0][3]).toBe(0);
    expect(pixels.filter((p) => p[3] === 0).length).toBeGreaterThan(32 * 32 * 0.3);
    expect(visible.length).toBeGreaterThan(32 * 32 * 0.1);
  });
});
