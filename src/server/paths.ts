import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json: the checkout when run from src/ with tsx, or the deployed copy when run from
 * the compiled dist/server/. Paths derived from it hold in both layouts.
 */
export function packageRoot(from: string = import.meta.url): string {
  for (let dir = dirname(fileURLToPath(from)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('package.json not found above the server code');
  }
}

/** The built React app. */
export const defaultWebRoot = () => join(packageRoot(), 'dist', 'web');
