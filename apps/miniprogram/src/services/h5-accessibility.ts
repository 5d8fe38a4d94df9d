/**
 * H5 only: what Taro's H5 runtime leaves out, added once at the root instead of on every page.
 * - Landmarks: the page area (#app, Taro's router) is `main`, the tab bar is `navigation`.
 * - One h1 per page: Taro shows no title bar in H5 (the title lives in document.title), so each page gets a
 *   visually hidden h1 with its title, for screen-reader users who jump by heading.
 * - Taro's <Button> renders a <taro-button-core> element without button semantics: it gets role=button, a tab stop,
 *   aria-disabled, and Enter/Space activation. Our own View-based controls use components/accessible-control.ts.
 */

const PAGE = 'taro_page';
const HEADING_CLASS = 'cx-page-heading';

/** The title a page shows: its config's navigationBarTitleText, which Taro puts into document.title. */
function pageTitle(): string {
  return document.title || '创星';
}

function markButton(el: Element): void {
  if (el.getAttribute('role') !== 'button') el.setAttribute('role', 'button');
  const disabled = el.hasAttribute('disabled');
  if (disabled) el.setAttribute('aria-disabled', 'true');
  else el.removeAttribute('aria-disabled');
  if (el.getAttribute('tabindex') !== '0') el.setAttribute('tabindex', '0');
}

function headPage(page: Element): void {
  if (page.querySelector(`:scope > h1.${HEADING_CLASS}`)) return;
  const h1 = document.createElement('h1');
  h1.className = `${HEADING_CLASS} cx-sr-only`;
  h1.textContent = pageTitle();
  page.insertBefore(h1, page.firstChild);
}

/** Taro sets the title after the page mounts: the shown page's heading follows it. */
function retitleShownPage(): void {
  const shown = document.querySelector(`.${PAGE}.taro_page_show:not([style*="display: none"]) > h1.${HEADING_CLASS}`);
  if (shown && shown.textContent !== pageTitle()) shown.textContent = pageTitle();
}

function sweep(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll('taro-button-core'))) markButton(el);
  for (const page of Array.from(root.querySelectorAll(`.${PAGE}`))) headPage(page);
}

function landmarks(): void {
  document.getElementById('app')?.setAttribute('role', 'main');
  const tabbar = document.querySelector('taro-tabbar');
  if (tabbar && !tabbar.getAttribute('role')) {
    tabbar.setAttribute('role', 'navigation');
    tabbar.setAttribute('aria-label', '主导航');
  }
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target as Element | null;
  if (target?.tagName !== 'TARO-BUTTON-CORE' || target.hasAttribute('disabled')) return;
  event.preventDefault();
  (target as HTMLElement).click();
}

let installed = false;

export function installH5Accessibility(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  document.addEventListener('keydown', onKeyDown);
  const observer = new MutationObserver((records) => {
    landmarks();
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element && r.target.tagName === 'TARO-BUTTON-CORE') markButton(r.target);
      for (const node of Array.from(r.addedNodes)) {
        if (!(node instanceof Element)) continue;
        if (node.tagName === 'TARO-BUTTON-CORE') markButton(node);
        if (node.classList.contains(PAGE)) headPage(node);
        sweep(node);
      }
    }
    retitleShownPage();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  const title = document.querySelector('title');
  if (title) new MutationObserver(retitleShownPage).observe(title, { childList: true, characterData: true, subtree: true });
  landmarks();
  sweep(document);
}
