/**
 * H5 only: a full-screen look at one of several pictures, drawn straight into the DOM. Taro's H5 previewImage
 * would do the same through the Swiper carousel (about 160 KB of script) on every page that shows a photo.
 * Tap the picture's background or 关闭 (or Escape) to close; ‹ › buttons, arrow keys or a swipe move between pictures.
 */

const SWIPE_PX = 40;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, css: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.style.cssText = css;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

const BUTTON_CSS =
  'position:absolute;min-width:48px;min-height:48px;padding:0 12px;border:0;border-radius:24px;' +
  'background:rgba(0,0,0,.55);color:#fff;font-size:20px;line-height:48px;cursor:pointer;';

export function openImageViewer(urls: readonly string[], current: string): void {
  if (!urls.length || typeof document === 'undefined') return;
  let index = Math.max(0, urls.indexOf(current));
  const opener = document.activeElement as HTMLElement | null;

  const overlay = el(
    'div',
    'position:fixed;inset:0;z-index:10000;background:#000;display:flex;align-items:center;justify-content:center;touch-action:pan-y pinch-zoom;',
    { role: 'dialog', 'aria-modal': 'true', 'aria-label': '图片预览', class: 'cx-image-viewer' },
  );
  const img = el('img', 'max-width:100%;max-height:100%;object-fit:contain;user-select:none;', { class: 'cx-image-viewer__image' });
  const counter = el('div', 'position:absolute;top:12px;left:0;right:0;text-align:center;color:#fff;font-size:16px;', {
    class: 'cx-image-viewer__counter',
    'aria-live': 'polite',
  });
  const close = el('button', `${BUTTON_CSS}top:8px;right:8px;`, { type: 'button', class: 'cx-image-viewer__close' });
  close.textContent = '关闭';
  const prev = el('button', `${BUTTON_CSS}left:8px;top:50%;transform:translateY(-50%);`, {
    type: 'button',
    class: 'cx-image-viewer__prev',
    'aria-label': '上一张',
  });
  prev.textContent = '‹';
  const next = el('button', `${BUTTON_CSS}right:8px;top:50%;transform:translateY(-50%);`, {
    type: 'button',
    class: 'cx-image-viewer__next',
    'aria-label': '下一张',
  });
  next.textContent = '›';

  const show = () => {
    img.src = urls[index];
    img.alt = `第 ${index + 1} 张，共 ${urls.length} 张`;
    counter.textContent = `${index + 1} / ${urls.length}`;
    prev.style.display = index > 0 ? '' : 'none';
    next.style.display = index < urls.length - 1 ? '' : 'none';
  };
  const go = (step: number) => {
    const to = index + step;
    if (to < 0 || to >= urls.length) return;
    index = to;
    show();
  };
  const shut = () => {
    document.removeEventListener('keydown', onKey, true);
    overlay.remove();
    opener?.focus?.();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') shut();
    else if (e.key === 'ArrowLeft') go(-1);
    else if (e.key === 'ArrowRight') go(1);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  close.addEventListener('click', (e) => {
    e.stopPropagation();
    shut();
  });
  prev.addEventListener('click', (e) => {
    e.stopPropagation();
    go(-1);
  });
  next.addEventListener('click', (e) => {
    e.stopPropagation();
    go(1);
  });
  overlay.addEventListener('click', (e) => {
    if (e.target === overlay) shut();
  });
  let startX: number | undefined;
  overlay.addEventListener('touchstart', (e) => {
    startX = e.touches.length === 1 ? e.touches[0].clientX : undefined;
  });
  overlay.addEventListener('touchend', (e) => {
    if (startX === undefined || e.changedTouches.length !== 1) return;
    const dx = e.changedTouches[0].clientX - startX;
    startX = undefined;
    if (Math.abs(dx) >= SWIPE_PX) go(dx < 0 ? 1 : -1);
  });
  document.addEventListener('keydown', onKey, true);

  overlay.append(img, counter, prev, next, close);
  show();
  document.body.appendChild(overlay);
  close.focus();
}
