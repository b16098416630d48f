// The Mantine theme, with what accessibility needs (axe-core in test/e2e/a11y.e2e.ts: no serious violation):
//  - text contrast ≥ 4.5:1: filled colours one shade darker (indigo 8 with white text), black text on light fills
//    (autoContrast), "dimmed" text in gray 7 instead of gray 6 (3.3:1 on white);
//  - a translated name on the icon-only buttons Mantine draws itself (close ×, clear ×).
import {
  createTheme,
  defaultVariantColorsResolver,
  MantineProvider,
  type CSSVariablesResolver,
  type MantineColorSchemeManager,
  type VariantColorsResolver,
} from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './theme.css';

/** Text in a colour (c="green", light badges and buttons): a shade dark enough for 4.8:1 on white and on the colour's shade 2. */
const DARK_TEXT: Record<string, string> = {
  green: '#226d31',
  teal: '#076c4d',
  orange: '#a5370b',
  yellow: '#9a5000',
  lime: '#46700a',
  cyan: '#0a6475',
  blue: '#155896',
  indigo: '#3046af',
  grape: '#822d97',
  violet: '#5638b2',
  pink: '#a11d4b',
  red: '#ab2424',
};
const light: Record<string, string> = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  '--mantine-primary-color-light-color': DARK_TEXT.indigo!,
  // A field's error text (red 6 is 3.6:1 on white).
  '--mantine-color-error': DARK_TEXT.red!,
};
for (const [c, hex] of Object.entries(DARK_TEXT)) {
  light[`--mantine-color-${c}-text`] = hex;
  light[`--mantine-color-${c}-light-color`] = hex;
}

const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light,
  dark: {},
});

/**
 * Mantine works out a coloured component's colours (with autoContrast: two luminance computations) on every render of
 * every badge and button — 150 badges on a list page. The answer depends only on these inputs and the theme's colours.
 */
const variantColors = new WeakMap<object, Map<string, ReturnType<VariantColorsResolver>>>();
const memoVariantColors: VariantColorsResolver = (input) => {
  let byTheme = variantColors.get(input.theme);
  if (!byTheme) variantColors.set(input.theme, (byTheme = new Map()));
  const key = JSON.stringify([input.color, input.variant, input.gradient, input.autoContrast]);
  let out = byTheme.get(key);
  if (!out) byTheme.set(key, (out = defaultVariantColorsResolver(input)));
  return out;
};

/** The app's theme, its accessible names in the user's language. */
export function appTheme(t: (key: string) => string) {
  const close = t('a11y:close');
  const clear = t('a11y:clear');
  return createTheme({
    primaryColor: 'indigo',
    defaultRadius: 'sm',
    primaryShade: 8,
    autoContrast: true,
    luminanceThreshold: 0.18,
    variantColorResolver: memoVariantColors,
    // Plain objects, not `Badge.extend(…)`: importing a component to extend it put it in the start-up chunk (MultiSelect,
    // Drawer… are only used on later screens). The keys are Mantine's component names.
    components: {
      // Badges never cut their text ("ASSIG…"): a label too long for its column wraps onto a second line
      // (theme.css: classes, not inline styles on each of a list's 150 badges).
      Badge: { classNames: { root: 'aslm-badge', label: 'aslm-badge-label' } },
      // Pagination's arrows are icons only: each gets its name.
      Pagination: {
        defaultProps: {
          getControlProps: (control: 'first' | 'previous' | 'last' | 'next') => ({
            'aria-label': t(`a11y:pagination.${control}`),
          }),
        },
      },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
      // Every × Mantine draws (notifications, pills, …) is a CloseButton.
      CloseButton: { defaultProps: { 'aria-label': close } },
      Select: { defaultProps: { clearButtonProps: { 'aria-label': clear } } },
      MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': clear } } },
    },
  });
}

/** The app is light only: no colour scheme kept in localStorage (a page's first storage read costs ~5–10 ms). */
const lightOnly: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => undefined,
  subscribe: () => undefined,
  unsubscribe: () => undefined,
  clear: () => undefined,
};

export function ThemeProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => {
    return appTheme(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={resolver} colorSchemeManager={lightOnly}>
      {children}
    </MantineProvider>
  );
}
