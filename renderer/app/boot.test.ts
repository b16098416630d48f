// The start-up reads are only useful if they are exactly the calls the screens make: same list view for an address
// as routes.tsx, and the same key for the same input whatever the order of its fields or its undefined ones.
import { describe, expect, it } from 'vitest';
import { listInput } from '../features/lists/LeadList/listQuery';
import { callKey, listViewOf } from './boot';

describe('start-up reads', () => {
  it('a list address gives its view; the bare address and unknown ones the Assigned list; other screens none', () => {
    expect(listViewOf([])).toBe('assigned');
    expect(listViewOf(['list', 'lost'])).toBe('lost');
    expect(listViewOf(['list', 'nonsense'])).toBe('assigned');
    expect(listViewOf(['whatever'])).toBe('assigned');
    for (const head of ['lead', 'new', 'kpi', 'help', 'my-day', 'import', 'settings', 'setup'])
      expect(listViewOf([head, '12'])).toBeNull();
  });

  it('the key of a call ignores the order of the fields and the undefined ones, not their values', () => {
    const state = { search: '', sort: 'default', dir: 'asc', page: 0, pageSize: 50 } as const;
    const a = listInput('assigned', state);
    expect(a.search).toBeUndefined();
    expect(callKey('leads.list', a)).toBe(
      callKey('leads.list', { pageSize: 50, page: 0, dir: 'asc', sort: 'default', view: 'assigned' }),
    );
    expect(callKey('leads.list', a)).not.toBe(callKey('leads.list', { ...a, page: 1 }));
    expect(callKey('leads.list', a)).not.toBe(callKey('leads.list', listInput('assigned', { ...state, search: 'x' })));
    expect(callKey('settings.get', {})).not.toBe(callKey('app.info', {}));
    expect(callKey('playbook.steps', { ids: [3, 1] })).not.toBe(callKey('playbook.steps', { ids: [1, 3] }));
  });
});
