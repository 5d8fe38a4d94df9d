import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The weapp main package (app.ts, the tab pages and what they import) takes only zod-free values from the contract
 * package. One value from a schema module (a label beside a z.enum, a constant in a contract file) brings zod and
 * that contract into the main package: about 50 KB, as DEFAULT_DISPLAY_NAME and NOTICE_KIND_LABELS once did.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(HERE, '../../src');
const SHARED = resolve(HERE, '../../../../packages/shared/src');
/** The shared modules written without zod, for the main package and the H5 entry. */
const ZOD_FREE = ['enum-values.ts', 'notice-kind-values.ts', 'shanghai-time.ts', 'client.ts', 'client-routes.ts'];

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => existsSync(f));
}

/** Every source file of the main package, and each value it imports from @chuangxing/shared. */
function mainPackage(): { files: string[]; sharedValues: { file: string; name: string }[] } {
  const tabPages = readdirSync(join(SRC, 'pages')).map((p) => join(SRC, 'pages', p, 'index.tsx'));
  const queue = [join(SRC, 'app.ts'), ...tabPages];
  const seen = new Set<string>();
  const sharedValues: { file: string; name: string }[] = [];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const statement of parse(file).statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const spec = statement.moduleSpecifier;
      if (!spec || !ts.isStringLiteral(spec)) continue;
      const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly : statement.isTypeOnly;
      if (spec.text === '@chuangxing/shared' && !typeOnly && ts.isImportDeclaration(statement)) {
        const bindings = statement.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings))
          for (const el of bindings.elements) if (!el.isTypeOnly) sharedValues.push({ file: relative(SRC, file), name: el.name.text });
      }
      if (spec.text.startsWith('.') && !typeOnly) {
        const target = resolveLocal(file, spec.text);
        if (target) queue.push(target);
      }
    }
  }
  return { files: [...seen].map((f) => relative(SRC, f)), sharedValues };
}

function exportedNames(file: string): string[] {
  const names: string[] = [];
  for (const s of parse(file).statements) {
    const exported = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) names.push(d.name.getText());
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) names.push(s.name.text);
  }
  return names;
}

describe('the weapp main package and the contract', () => {
  it('reaches the tab pages and the services they share, and no subpackage', () => {
    const { files } = mainPackage();
    expect(files).toEqual(expect.arrayContaining(['app.ts', 'pages/me/index.tsx', 'pages/inbox/index.tsx', 'services/api.ts']));
    expect(files.filter((f) => f.startsWith('subpackages/'))).toEqual([]);
  });

  it('takes from @chuangxing/shared only values of its zod-free modules', () => {
    for (const module of ZOD_FREE) expect(readFileSync(join(SHARED, module), 'utf8'), module).not.toMatch(/from 'zod|zod-config/);
    const zodFree = new Set(ZOD_FREE.flatMap((m) => exportedNames(join(SHARED, m))));
    expect(zodFree.has('ROLE_LABELS')).toBe(true);
    const { sharedValues } = mainPackage();
    expect(sharedValues.length).toBeGreaterThan(3);
    expect(sharedValues.filter((v) => !zodFree.has(v.name)).map((v) => `${v.file}: ${v.name}`)).toEqual([]);
  });
});
