import { afterEach, describe, expect, it } from 'vitest';
import { previewImages } from '../../src/services/image-preview';
import { taroMock } from '../mocks/taro';

const viewer = () => document.querySelector<HTMLElement>('.cx-image-viewer');
const image = () => document.querySelector<HTMLImageElement>('.cx-image-viewer__image')!;
const counter = () => document.querySelector('.cx-image-viewer__counter')!.textContent;
const button = (name: 'prev' | 'next' | 'close') => document.querySelector<HTMLButtonElement>(`.cx-image-viewer__${name}`)!;
const key = (k: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

describe('previewImages', () => {
  afterEach(() => {
    viewer()?.remove();
  });

  it('uses WeChat’s viewer in the weapp', async () => {
    await previewImages(['a.jpg', 'b.jpg'], 'b.jpg');
    expect(taroMock.previewImage).toHaveBeenCalledWith({ urls: ['a.jpg', 'b.jpg'], current: 'b.jpg' });
    expect(viewer()).toBeNull();
  });

  it('opens its own viewer in H5 at the tapped picture, never Taro’s (which brings Swiper)', async () => {
    process.env.TARO_ENV = 'h5';
    await previewImages(['a.jpg', 'b.jpg', 'c.jpg'], 'b.jpg');
    expect(taroMock.previewImage).not.toHaveBeenCalled();
    const dialog = viewer()!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(image().getAttribute('src')).toBe('b.jpg');
    expect(image().alt).toBe('第 2 张，共 3 张');
    expect(counter()).toBe('2 / 3');
    expect(document.activeElement).toBe(button('close'));
  });

  it('moves with the buttons and arrow keys, and stops at either end', async () => {
    process.env.TARO_ENV = 'h5';
    await previewImages(['a.jpg', 'b.jpg', 'c.jpg'], 'a.jpg');
    expect(button('prev').style.display).toBe('none');
    button('next').click();
    expect(image().getAttribute('src')).toBe('b.jpg');
    key('ArrowRight');
    expect(counter()).toBe('3 / 3');
    expect(button('next').style.display).toBe('none');
    key('ArrowRight');
    expect(counter()).toBe('3 / 3');
    key('ArrowLeft');
    button('prev').click();
    expect(image().getAttribute('src')).toBe('a.jpg');
    expect(viewer()).not.toBeNull();
  });

  it('closes with 关闭, Escape or a tap beside the picture, and gives focus back', async () => {
    process.env.TARO_ENV = 'h5';
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    opener.focus();
    await previewImages(['a.jpg'], 'a.jpg');
    expect(button('next').style.display).toBe('none');
    button('close').click();
    expect(viewer()).toBeNull();
    expect(document.activeElement).toBe(opener);

    await previewImages(['a.jpg'], 'a.jpg');
    key('Escape');
    expect(viewer()).toBeNull();

    await previewImages(['a.jpg'], 'a.jpg');
    image().click();
    expect(viewer()).not.toBeNull();
    viewer()!.click();
    expect(viewer()).toBeNull();
    opener.remove();
  });
});
