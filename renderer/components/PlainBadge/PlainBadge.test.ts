// The plain badge must be Mantine's Badge, element for element: same classes, attributes and CSS variables, for every
// colour and variant the status, SLA and next-step badges use, under the app's theme (autoContrast, darker shades).
import { Badge, MantineProvider, useMantineTheme, type MantineTheme } from '@mantine/core';
import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { appTheme } from '../../app/theme';
import { plainBadge, type PlainBadgeSpec } from './PlainBadge';

const theme = appTheme((key) => key);
function render(node: (t: MantineTheme) => ReactNode): string {
  const Probe = () => node(useMantineTheme());
  // The badge only (the provider writes its CSS variables in a <style> first).
  return renderToStaticMarkup(h(MantineProvider, { theme }, h(Probe))).replace(/^[\s\S]*<\/style>/, '');
}
/** The markup with each style attribute's declarations sorted (React writes them in the order given). */
const normal = (html: string) =>
  html.replace(/style="([^"]*)"/g, (_m, css: string) => `style="${css.split(';').filter(Boolean).sort().join(';')}"`);

const specs: PlainBadgeSpec[] = [];
for (const color of ['blue', 'teal', 'green', 'gray', 'red', 'orange', 'indigo', 'cyan', 'grape'])
  for (const variant of ['light', 'filled'] as const) {
    specs.push({ color, variant, radius: 'sm' }, { color, variant, style: { flexShrink: 0 } });
  }

describe('plainBadge', () => {
  it.each(specs)('%o renders as Badge does', (spec) => {
    const mantine = render(() =>
      h(
        Badge as never,
        {
          color: spec.color,
          variant: spec.variant,
          radius: spec.radius,
          tt: 'none',
          style: spec.style,
          'data-kind': 'x',
        } as never,
        'Label ',
        '🔒',
      ),
    );
    const plain = render((t) => plainBadge(t, spec, ['Label ', '🔒'], { 'data-kind': 'x' }));
    expect(normal(plain)).toBe(normal(mantine));
  });
});
