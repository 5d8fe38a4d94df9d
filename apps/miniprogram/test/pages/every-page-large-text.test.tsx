import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from '@testing-library/react';
import type { ComponentType } from 'react';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import { textSize } from '../../src/services/text-size';
import { taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { fakeApi } from '../support/fake-api';

/**
 * 大字 on every page of app.config: the weapp has no shared root, so a page that does not render its root through
 * PageRoot (components/page-root.tsx) stays in standard text however large WeChat's font is.
 */
// happy-dom replaces URL, so the path is built from the file's own path.
const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src/');

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
}

let pages: string[] = [];

beforeAll(async () => {
  vi.stubGlobal('defineAppConfig', (config: AppConfig) => config);
  const config = (await import('../../src/app.config')).default as unknown as AppConfig;
  pages = [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
});

/** Every JSX element whose className names `cx-page`: its tag, and the class text as written. */
function pageRootsIn(file: string): { tag: string; className: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const roots: { tag: string; className: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText();
      for (const attr of node.attributes.properties) {
        if (!ts.isJsxAttribute(attr) || attr.name.getText() !== 'className' || !attr.initializer) continue;
        const text = attr.initializer.getText();
        if (tag === 'PageRoot' || /(^|[\s"'`{])cx-page([\s"'`}$]|$)/.test(text)) roots.push({ tag, className: text });
      }
      if (tag === 'PageRoot' && !roots.some((r) => r.tag === 'PageRoot')) roots.push({ tag, className: '' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return roots;
}

describe('大字 on every page of app.config', () => {
  it('lists the tab pages and every subpackage page', () => {
    expect(pages).toContain('pages/me/index');
    expect(pages).toContain('subpackages/reports/pages/edit/index');
    expect(pages.length).toBeGreaterThan(60);
  });

  it('every page renders its roots through PageRoot, never a bare .cx-page', () => {
    const bare: string[] = [];
    const without: string[] = [];
    for (const page of pages) {
      const roots = pageRootsIn(`${SRC}${page}.tsx`);
      if (!roots.some((r) => r.tag === 'PageRoot')) without.push(page);
      for (const r of roots) if (r.tag !== 'PageRoot') bare.push(`${page}: <${r.tag} className=${r.className}>`);
    }
    expect(without).toEqual([]);
    expect(bare).toEqual([]);
  });

  it('every page, signed out and signed in, shows its root in 大字 when WeChat’s font is large, and not otherwise', async () => {
    const me = makeMe({
      bindings: [
        makeBinding({ role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnan' } }),
        makeBinding({ bindingId: 'bind-2', role: 'district_admin', scope: { level: 'district', districtId: 'erqi' } }),
      ],
    });
    const failures: string[] = [];
    for (const page of pages) {
      const Page = (await import(/* @vite-ignore */ `${SRC}${page}.tsx`)).default as ComponentType;
      for (const signedIn of [false, true]) {
        for (const fontSizeSetting of [22, 17]) {
          sessionStore.clear();
          if (signedIn) sessionStore.setSession(makeSession({ me }));
          fakeApi({});
          taroMock.getAppBaseInfo.mockReturnValue({ fontSizeSetting });
          textSize.reset();
          textSize.install();
          const view = render(<Page />);
          const root = view.container.querySelector('.cx-page');
          const large = root?.classList.contains('cx-large');
          if (!root || large !== fontSizeSetting > 17)
            failures.push(
              `${page} (${signedIn ? 'signed in' : 'signed out'}, font ${fontSizeSetting}): ${root?.className ?? 'no .cx-page'}`,
            );
          view.unmount();
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
