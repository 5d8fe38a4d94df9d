import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PhotoPicker, type PickedPhoto } from '../../src/shared-ui/photo-picker';
import { taroMock } from '../mocks/taro';

const tiles = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('.cx-photo'));

function picker(photos: PickedPhoto[], more: Partial<Parameters<typeof PhotoPicker>[0]> = {}) {
  const props = { onPick: vi.fn(), onFiles: vi.fn(), onRemove: vi.fn(), onRetry: vi.fn(), ...more };
  const view = render(<PhotoPicker photos={photos} max={3} tileClassName="cx-photo" inputClassName="cx-photo-input" {...props} />);
  return { ...view, ...props };
}

describe('PhotoPicker', () => {
  it('one tile per photo with its state; progress while uploading; the rest say what happened', () => {
    const { container } = picker([
      { id: 'a', src: 'tmp://a.jpg', state: 'uploaded' },
      { id: 'b', src: 'tmp://b.jpg', state: 'uploading', progress: 40 },
      { id: 'c', state: 'lost' },
    ]);
    expect(tiles(container).map((t) => t.getAttribute('data-state'))).toEqual(['uploaded', 'uploading', 'lost']);
    expect(tiles(container)[0].classList.contains('is-uploaded')).toBe(true);
    expect(tiles(container)[1].textContent).toContain('40%');
    expect(tiles(container)[2].textContent).toContain('已失效');
    expect(tiles(container)[2].querySelector('img')).toBeNull();
  });

  it('a failed photo retries on a tap; × removes a photo', () => {
    const { container, onRetry, onRemove } = picker([{ id: 'f', src: 'tmp://f.jpg', state: 'failed' }]);
    expect(tiles(container)[0].textContent).toContain('点击重试');
    fireEvent.click(container.querySelector('.photo-picker__overlay') as HTMLElement);
    expect(onRetry).toHaveBeenCalledWith('f');
    fireEvent.click(container.querySelector('.cx-photo-remove') as HTMLElement);
    expect(onRemove).toHaveBeenCalledWith('f');
  });

  it('without onRetry a failed photo only says so', () => {
    const { container } = picker([{ id: 'f', state: 'failed' }], { onRetry: undefined });
    expect(tiles(container)[0].textContent).toContain('上传失败');
    expect(tiles(container)[0].textContent).not.toContain('点击重试');
  });

  it('weapp: the add tile asks for as many photos as are left, and goes away at the limit', () => {
    const { container, onPick, rerender } = picker([{ id: 'a', src: 'tmp://a.jpg', state: 'uploaded' }]);
    fireEvent.click(container.querySelector('.cx-photo-input') as HTMLElement);
    expect(onPick).toHaveBeenCalledWith(2);
    const full: PickedPhoto[] = ['a', 'b', 'c'].map((id) => ({ id, src: `tmp://${id}.jpg`, state: 'uploaded' }));
    rerender(
      <PhotoPicker
        photos={full}
        max={3}
        tileClassName="cx-photo"
        inputClassName="cx-photo-input"
        onPick={onPick}
        onFiles={vi.fn()}
        onRemove={vi.fn()}
      />,
    );
    expect(container.querySelector('.cx-photo-input')).toBeNull();
  });

  it('H5: a real file input hands over at most the files that fit', () => {
    process.env.TARO_ENV = 'h5';
    const { container, onFiles } = picker([{ id: 'a', src: 'blob:a', state: 'uploaded' }]);
    const input = container.querySelector('input.cx-photo-input') as HTMLInputElement;
    expect(input.type).toBe('file');
    const files = ['1', '2', '3'].map((n) => new File(['x'], `${n}.jpg`, { type: 'image/jpeg' }));
    fireEvent.change(input, { target: { files } });
    expect(onFiles).toHaveBeenCalledWith(files.slice(0, 2));
  });

  it('no add tile when adding is not possible yet; the hint and the problem show below', () => {
    const { container } = picker([], { canAdd: false, hint: '先选择支部，再添加照片', error: '有照片没有上传成功' });
    expect(container.querySelector('.cx-photo-input')).toBeNull();
    expect(container.querySelector('.photo-picker__hint')?.textContent).toBe('先选择支部，再添加照片');
    expect(container.querySelector('.cx-field__error')?.textContent).toBe('有照片没有上传成功');
  });

  it('a tap on a photo previews all of them, the large picture where there is one', () => {
    const { container } = picker([
      { id: 'a', src: 'thumb://a', fullSrc: 'full://a', state: 'uploaded' },
      { id: 'b', src: 'thumb://b', state: 'uploaded' },
    ]);
    fireEvent.click(tiles(container)[1].querySelector('img') as HTMLElement);
    expect(taroMock.previewImage).toHaveBeenCalledWith({ urls: ['full://a', 'thumb://b'], current: 'thumb://b' });
  });
});
