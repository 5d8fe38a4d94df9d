import { Canvas, Image, View } from '@tarojs/components';
import { type ReactNode, useEffect, useState } from 'react';
import { isH5 } from '../../../config/runtime-config';
import { drawChart, type Painter } from '../charts/render-chart';

/**
 * A Canvas 2D chart. weapp: a `<Canvas type="2d">` drawn once it is laid out; H5: an offscreen canvas shown as
 * an image. `summary` says the same in words (screen readers, and whenever a canvas is not available).
 * It is drawn again whenever `paint` changes: callers keep it stable (useCallback) for the same data.
 */
export function ChartView({
  id,
  size,
  paint,
  className,
  summary,
}: {
  id: string;
  size: { width: number; height: number };
  paint: Painter;
  className: string;
  summary: ReactNode;
}) {
  const [src, setSrc] = useState('');
  const [failed, setFailed] = useState(false);
  const { width, height } = size;
  useEffect(() => {
    let live = true;
    // weapp lays the canvas out after this render; draw on the next tick.
    const timer = setTimeout(() => {
      drawChart(id, { width, height }, paint).then(
        (url) => live && setSrc(url),
        () => live && setFailed(true),
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, width, height, paint]);
  const ratio = `${(height / width) * 100}%`;
  return (
    <View className={`ranking-chart ${className}${failed ? ' is-failed' : ''}`}>
      {isH5() ? (
        <View className="ranking-chart__frame" style={{ paddingTop: ratio }}>
          {src ? <Image className="ranking-chart__image" src={src} mode="scaleToFill" /> : null}
        </View>
      ) : (
        <Canvas type="2d" id={id} className={`ranking-chart__canvas ranking-chart__canvas--${height > 400 ? 'tall' : 'short'}`} />
      )}
      <View className="ranking-chart__summary">{summary}</View>
    </View>
  );
}
