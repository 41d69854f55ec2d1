import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cycles, FORBIDDEN_PACKAGES, readSources, refusal } from './layers.ts';

const files = readSources();

describe('layers', () => {
  it('finds the source files of every layer', () => {
    const layers = new Set(files.map((file) => file.layer));
    for (const layer of ['core', 'engine', 'feature', 'platform', 'web']) expect(layers).toContain(layer);
  });

  it('every import points at a file that exists', () => {
    const missing = files.flatMap((file) => file.imports.filter((to) => !existsSync(to)).map((to) => `${file.path} -> ${to}`));
    expect(missing).toEqual([]);
  });

  it('no file imports against the layer rules', () => {
    const wrong = files.flatMap((file) =>
      file.imports.flatMap((to) => {
        const why = refusal(file, to);
        return why ? [`${file.path} -> ${to}: ${why}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('the engine and core use no framework, the web layer no server framework', () => {
    const wrong = files.flatMap((file) => file.packages.filter((name) => FORBIDDEN_PACKAGES[file.layer]?.includes(name)).map((name) => `${file.path} uses ${name}`));
    expect(wrong).toEqual([]);
  });

  it('there are no import cycles, type-only imports included', () => {
    expect(cycles(files).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});

describe('the rules themselves', () => {
  const file = (path: string, layer: Parameters<typeof refusal>[0]['layer'], feature?: string) => ({ path, layer, feature, imports: [], packages: [] });
  it('refuse web importing storage and a feature reaching into another', () => {
    expect(refusal(file('web/staff/x.tsx', 'web'), 'worker/platform/storage/store.ts')).toBeDefined();
    expect(refusal(file('worker/features/links/a.ts', 'feature', 'links'), 'worker/features/respond/routes.tsx')).toBeDefined();
    expect(refusal(file('worker/features/links/a.ts', 'feature', 'links'), 'worker/features/respond/index.ts')).toBeUndefined();
    expect(refusal(file('worker/engine/a.ts', 'engine'), 'worker/platform/env.ts')).toBeDefined();
  });
  it('find a cycle through a type-only import', () => {
    expect(cycles([
      { path: 'a.ts', layer: 'core', imports: ['b.ts'], packages: [] },
      { path: 'b.ts', layer: 'core', imports: ['a.ts'], packages: [] },
    ])).toHaveLength(1);
  });
});
