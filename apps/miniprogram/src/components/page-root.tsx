import { View, type ViewProps } from '@tarojs/components';
import { useLargeTextClass } from '../services/text-size';

/**
 * Every page's root (`.cx-page`). In the weapp each page is its own document with no shared root, so 大字 reaches a
 * page only through its root's class; H5 also styles <html> (services/text-size.ts). app.config's pages all use it
 * (test/pages/every-page-large-text.test.tsx).
 */
export function PageRoot({ className, ...props }: ViewProps) {
  const largeClass = useLargeTextClass();
  return <View {...props} className={`cx-page${className ? ` ${className}` : ''}${largeClass}`} />;
}
