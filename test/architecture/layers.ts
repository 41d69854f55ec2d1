/**
 * The layers of the code and what each may import, read from the source files themselves.
 * `test/architecture/imports.test.ts` fails on any import against these rules and on any cycle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

export type Layer = 'core' | 'engine' | 'feature' | 'platform' | 'generated' | 'entry' | 'web' | 'locale';

export interface SourceFile {
  path: string;
  layer: Layer;
  /** The feature's name, for files under worker/features/<name>/. */
  feature?: string;
  /** Project files it imports (resolved paths) and the packages it names. */
  imports: string[];
  packages: string[];
}

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), '../..'));

export function layerOf(path: string): { layer: Layer; feature?: string } | undefined {
  if (path === 'worker/index.ts') return { layer: 'entry' };
  const feature = /^worker\/features\/([^/]+)\//.exec(path);
  if (feature) return { layer: 'feature', feature: feature[1] };
  for (const layer of ['core', 'engine', 'platform', 'generated'] as const) if (path.startsWith(`worker/${layer}/`)) return { layer };
  if (path.startsWith('web/locales/')) return { layer: 'locale' };
  if (path.startsWith('web/')) return { layer: 'web' };
  return undefined;
}

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return walk(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every source file of the Worker and the web layer with what it imports, type-only imports included. */
export function readSources(): SourceFile[] {
  return [...walk('worker'), ...walk('web')].map((path) => {
    const { layer, feature } = layerOf(path)!;
    const specifiers = ts.preProcessFile(readFileSync(join(ROOT, path), 'utf8'), true, true).importedFiles.map((file) => file.fileName);
    const imports = specifiers.filter((spec) => spec.startsWith('.')).map((spec) => relative(ROOT, join(ROOT, dirname(path), spec)));
    const packages = specifiers.filter((spec) => !spec.startsWith('.')).map((spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!));
    return { path, layer, feature, imports, packages };
  });
}

/** Packages a layer must never use: the engine stays pure, the web layer stays presentation. */
export const FORBIDDEN_PACKAGES: Partial<Record<Layer, string[]>> = {
  core: ['hono', 'drizzle-orm', 'preact', 'preact-render-to-string', 'cloudflare:workers'],
  engine: ['hono', 'drizzle-orm', 'preact', 'preact-render-to-string', 'cloudflare:workers'],
  web: ['hono', 'drizzle-orm', 'cloudflare:workers'],
};

/** Why `from` may not import `to`, or undefined when it may. */
export function refusal(from: SourceFile, to: string): string | undefined {
  const target = layerOf(to);
  if (!target) return `imports ${to}, which is outside worker/ and web/`;
  const viaIndex = (feature: string) => to === `worker/features/${feature}/index.ts`;
  // What the app mounts: a feature's routes module (it imports other features, so no index re-exports it).
  const isRoutes = (feature: string) => /^routes\.tsx?$/.test(to.slice(`worker/features/${feature}/`.length));
  switch (from.layer) {
    case 'core':
      return target.layer === 'core' || target.layer === 'locale' ? undefined : 'core imports only core (and the locale files)';
    case 'engine':
      return target.layer === 'core' || target.layer === 'engine' || target.layer === 'locale' ? undefined : 'the engine imports only core and engine';
    case 'web':
      return ['core', 'engine', 'web', 'locale'].includes(target.layer) ? undefined : 'web imports nothing from worker/ but core and engine';
    case 'generated':
      return target.layer === 'engine' || target.layer === 'core' ? undefined : 'generated modules import only engine types';
    case 'feature':
      if (target.layer === 'feature') {
        if (target.feature === from.feature || viaIndex(target.feature!)) return undefined;
        return `a feature uses another only through its index.ts (worker/features/${target.feature}/index.ts)`;
      }
      if (to === 'worker/platform/app.tsx') return 'a feature does not import the app that mounts it';
      return target.layer === 'entry' ? 'a feature does not import the entry point' : undefined;
    case 'platform':
      if (target.layer === 'feature') return viaIndex(target.feature!) || (from.path === 'worker/platform/app.tsx' && isRoutes(target.feature!)) ? undefined : 'the platform uses a feature only through its index.ts (the app also mounts its routes module)';
      return target.layer === 'entry' ? 'the platform does not import the entry point' : undefined;
    case 'entry':
      return target.layer === 'platform' ? undefined : 'the entry point imports only the platform';
    case 'locale':
      return 'locale files import nothing';
  }
}

/** Every cycle in the import graph, each as the list of files around it. */
export function cycles(files: SourceFile[]): string[][] {
  const graph = new Map(files.map((file) => [file.path, file.imports.filter((to) => to.endsWith('.ts') || to.endsWith('.tsx'))]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}
