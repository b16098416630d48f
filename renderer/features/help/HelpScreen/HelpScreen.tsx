// Help: the manual's process, the action buttons, the contact playbook, the SLAs, the statuses and
// the glossary — rendered generically from the `help` namespace, in the user's language.
import { Card, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Tree = string | { [k: string]: Tree } | Tree[];
const isObj = (v: unknown): v is Record<string, Tree> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One entry: a string, a {title, body}, a {term, definition}, or a nested group. */
function Entry({ k, v }: { k: string; v: Tree }): ReactNode {
  if (typeof v === 'string')
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {v}
      </Text>
    );
  if (Array.isArray(v))
    return (
      <List size="sm" spacing={4}>
        {v.map((x, i) => (
          <List.Item key={i}>
            <Entry k={`${k}.${i}`} v={x} />
          </List.Item>
        ))}
      </List>
    );
  const head = (v.title ?? v.term ?? v.label ?? v.name) as Tree | undefined;
  const body = (v.body ?? v.definition ?? v.text ?? v.description) as Tree | undefined;
  const rest = Object.entries(v).filter(
    ([key]) => !['title', 'term', 'label', 'name', 'body', 'definition', 'text', 'description', 'intro'].includes(key),
  );
  return (
    <Stack gap={4}>
      {typeof head === 'string' && (
        <Text fw={600} size="sm">
          {head}
        </Text>
      )}
      {typeof v.intro === 'string' && (
        <Text size="sm" c="dimmed">
          {v.intro}
        </Text>
      )}
      {body !== undefined && <Entry k={`${k}.body`} v={body} />}
      {rest.length > 0 && <Group entries={rest} parent={k} />}
    </Stack>
  );
}

function Group({ entries, parent }: { entries: [string, Tree][]; parent: string }) {
  const numbered = parent.endsWith('.steps') || entries.every(([k]) => /^\d+$/.test(k));
  return (
    <List type={numbered ? 'ordered' : 'unordered'} size="sm" spacing="xs">
      {entries.map(([k, v]) => (
        <List.Item key={k}>
          <Entry k={`${parent}.${k}`} v={v} />
        </List.Item>
      ))}
    </List>
  );
}

const PART_ORDER = ['process', 'buttons', 'playbook', 'sla', 'statuses', 'glossary'];

export function HelpScreen() {
  const { t, i18n } = useTranslation();
  // The help namespace, with or without a top-level "help" key; English where a language lacks it.
  const bundle = (i18n.getResourceBundle(i18n.language, 'help') ?? i18n.getResourceBundle('en', 'help')) as unknown;
  const root = isObj(bundle) && isObj(bundle.help) ? bundle.help : bundle;
  const tree: Record<string, Tree> = isObj(root) ? root : {};
  const parts = [
    ...PART_ORDER.filter((p) => p in tree),
    ...Object.keys(tree).filter((k) => !PART_ORDER.includes(k) && isObj(tree[k])),
  ];
  return (
    <>
      <Stack gap="md" maw={980} data-testid="help">
        <Title order={2}>{typeof tree.title === 'string' ? tree.title : t('app:nav.help')}</Title>
        {typeof tree.intro === 'string' && <Text>{tree.intro}</Text>}
        {parts.map((p) => {
          const node = tree[p];
          if (!isObj(node)) return null;
          const { title, intro, ...rest } = node;
          return (
            <Card withBorder key={p} id={`help-${p}`} data-testid={`help-${p}`}>
              <Title order={3} mb="xs">
                {typeof title === 'string' ? title : p}
              </Title>
              {typeof intro === 'string' && (
                <Text size="sm" c="dimmed" mb="xs">
                  {intro}
                </Text>
              )}
              <Stack gap="xs">
                {Object.entries(rest).map(([k, v]) =>
                  isObj(v) && !('title' in v) && !('term' in v) ? (
                    <Group key={k} entries={Object.entries(v)} parent={`${p}.${k}`} />
                  ) : (
                    <Entry key={k} k={`${p}.${k}`} v={v} />
                  ),
                )}
              </Stack>
            </Card>
          );
        })}
        {parts.length === 0 && (
          <Text c="dimmed" data-testid="help-missing">
            {t('desk:help.missing')}
          </Text>
        )}
      </Stack>
    </>
  );
}
