import type { Page } from 'playwright-core';

/** The value, or a failed journey saying what was missing. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

/** The parts of a browser canvas these drawings use (this project's Node typings have no DOM). */
interface Canvas2D {
  fillStyle: string;
  font: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
}
interface CanvasElement {
  width: number;
  height: number;
  getContext(kind: '2d'): Canvas2D | null;
  toDataURL(type: string, quality: number): string;
}

export interface Card {
  width: number;
  height: number;
  fill: string;
  /** White text on the card, e.g. what the photo shows. */
  caption?: { text: string; size: number; x: number; y: number };
}

/** A real JPEG, drawn by the browser itself: a coloured card, as the bytes of a file. */
export async function drawJpeg(page: Page, card: Card): Promise<Buffer> {
  const dataUrl = await page.evaluate((c: Card) => {
    const doc = (globalThis as unknown as { document: { createElement(tag: 'canvas'): CanvasElement } }).document;
    const canvas = doc.createElement('canvas');
    canvas.width = c.width;
    canvas.height = c.height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('the browser has no 2D canvas');
    g.fillStyle = c.fill;
    g.fillRect(0, 0, c.width, c.height);
    if (c.caption) {
      g.fillStyle = '#fff';
      g.font = `${c.caption.size}px sans-serif`;
      g.fillText(c.caption.text, c.caption.x, c.caption.y);
    }
    return canvas.toDataURL('image/jpeg', 0.9);
  }, card);
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}
