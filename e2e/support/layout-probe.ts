import type { Page } from 'playwright-core';

export interface LayoutFinding {
  kind: 'page-scrolls-sideways' | 'past-right-edge' | 'clipped-text' | 'small-text' | 'small-target';
  what: string;
  detail: string;
}

/**
 * Measures the page Taro shows now, in the browser (a script: this project's Node typings have no DOM).
 * - the document and the page never scroll sideways (scrollWidth ≤ clientWidth);
 * - no visible element reaches past the right edge of the screen, unless inside a sideways-scrolling box;
 * - no text is cut off by `overflow: hidden` (or clip / ellipsis) in its own box;
 * - with `large`: every text is at least 18 px and every control (a role or a Taro button) at least 48 px high.
 */
const PROBE = `(large) => {
  const out = [];
  const doc = document.scrollingElement || document.documentElement;
  const width = doc.clientWidth;
  const page = Array.from(document.querySelectorAll('.taro_page')).find((p) => getComputedStyle(p).display !== 'none');
  if (!page) return [{ kind: 'page-scrolls-sideways', what: 'no page', detail: 'no .taro_page shown' }];
  const name = (el) => {
    const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean).slice(0, 3).join('.') : '';
    const text = (el.textContent || '').trim().slice(0, 20);
    return el.tagName.toLowerCase() + (cls ? '.' + cls : '') + (text ? ' "' + text + '"' : '');
  };
  if (doc.scrollWidth > doc.clientWidth) out.push({ kind: 'page-scrolls-sideways', what: 'document', detail: doc.scrollWidth + ' > ' + doc.clientWidth });
  if (page.scrollWidth > page.clientWidth) out.push({ kind: 'page-scrolls-sideways', what: name(page), detail: page.scrollWidth + ' > ' + page.clientWidth });
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('.cx-sr-only');
  };
  const scrollsSideways = (el) => {
    for (let p = el.parentElement; p && p !== page; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  for (const el of page.querySelectorAll('*')) {
    if (!visible(el) || el.tagName === 'INPUT' && el.type === 'file') continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && !scrollsSideways(el)) out.push({ kind: 'past-right-edge', what: name(el), detail: 'right ' + Math.round(r.right) + ' > ' + width });
    const s = getComputedStyle(el);
    const hasText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if (hasText && (s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1) {
      out.push({ kind: 'clipped-text', what: name(el), detail: el.scrollWidth + ' > ' + el.clientWidth });
    }
    if (large && hasText && parseFloat(s.fontSize) < 17.95) out.push({ kind: 'small-text', what: name(el), detail: s.fontSize });
  }
  if (large) {
    const controls = page.querySelectorAll('[role="button"], [role="checkbox"], [role="switch"], [role="link"], [role="tab"], taro-button-core');
    for (const el of controls) {
      if (!visible(el)) continue;
      const h = el.getBoundingClientRect().height;
      if (h < 47.5) out.push({ kind: 'small-target', what: name(el), detail: h.toFixed(1) + ' px high' });
    }
  }
  return out;
}`;

export async function probeLayout(page: Page, large: boolean): Promise<LayoutFinding[]> {
  return page.evaluate(`(${PROBE})(${JSON.stringify(large)})`) as Promise<LayoutFinding[]>;
}
