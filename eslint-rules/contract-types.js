import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The server's contract types: every type exported by a module's schemas.ts or *.rules.ts, the stored JSON
 * shapes and the shared answers, with the names of their fields. Read once per process with the TypeScript
 * compiler, so a z.output<…> type counts with the fields zod gives it.
 */
const ROOT = resolve(import.meta.dirname, '..');

function contractFiles() {
  const modules = join(ROOT, 'src', 'modules');
  const files = [join(ROOT, 'src', 'db', 'schema', 'stored-json.ts'), join(ROOT, 'src', 'lib', 'responses.ts')];
  for (const module of readdirSync(modules)) {
    const dir = join(modules, module);
    if (existsSync(join(dir, 'schemas.ts'))) files.push(join(dir, 'schemas.ts'));
    for (const file of readdirSync(dir)) if (file.endsWith('.rules.ts')) files.push(join(dir, file));
  }
  return files;
}

/** @typedef {{ name: string, file: string, fields: string[] }} ContractType */

/** @returns {ContractType[]} */
function readContract() {
  const files = contractFiles();
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  const checker = program.getTypeChecker();
  const types = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) continue;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!(symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) continue;
      const type = checker.getNonNullableType(checker.getDeclaredTypeOfSymbol(symbol));
      const fields = type.isUnion() ? [] : type.getProperties().map((p) => p.getName());
      types.push({ name: exported.getName(), file: relative(ROOT, file), fields });
    }
  }
  return types;
}

/** @type {ContractType[] | undefined} */
let contract;
export const contractTypes = () => (contract ??= readContract());
