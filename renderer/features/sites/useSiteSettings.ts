// One settings card's values for the site in view (docs/rules.md §11.8), shared by the Dealership, Business rules and
// Workshop capacity cards. One site, or "All sites" in view: the group's values, read and saved through the card's
// own channels as always. One site in view (a group manager's choice, or a person's own site): that site's own values
// if it has them, else the group's shown as inherited; "Same as the group" on saves null (no own values), off saves
// the site's own (`sites.settings.save`). The header's choice reloads the page, so this reads once per mount.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelName } from '../../../shared/contract';
import type { Reply } from '../../../shared/contract/errors';
import type { SiteSettings } from '../../../shared/contract/sites';
import type { ReadOnlyReason } from '../../components/ReadOnlyNote';
import { invoke } from '../../platform';
import { useCan } from '../people/useCan';
import { useSettingsSave } from '../settings/useSettingsSave';
import { useSites } from './useSites';

export type SiteSettingKey = keyof SiteSettings;
export type SiteValue<K extends SiteSettingKey> = NonNullable<SiteSettings[K]>;

export interface SiteSettingsOptions<K extends SiteSettingKey> {
  /** The card's own channel saving the group's value (`group`); a site's own go through `sites.settings.save`. */
  groupChannel: ChannelName;
  /** The group's value through the card's own channel (one site, or "All sites" in view). */
  readGroup(): Promise<SiteValue<K> | null>;
  /** Saves the group's value through the card's own channel; answers the value saved. */
  saveGroup(value: SiteValue<K>): Promise<Reply<SiteValue<K>>>;
  /** What a site keeps of a value it saves as its own (default: all of it). */
  toSite?(value: SiteValue<K>, group: SiteValue<K>): SiteValue<K>;
}

export interface SiteSettingsState<K extends SiteSettingKey> {
  /** Several sites (the notes and the switch are shown only then). */
  multi: boolean;
  /** The site in view (its values are shown), null = the group's. */
  site: { id: number; name: string } | null;
  /** The person works at one site (never sees the group's view). */
  fixed: boolean;
  /** The names of the sites with their own value (the group's view, for a group-wide person). */
  ownSites: string[];
  /** What the card shows and edits (null until read). */
  value: SiteValue<K> | null;
  /** The group's value (what a site without its own uses). */
  group: SiteValue<K> | null;
  setValue(value: SiteValue<K>): void;
  /** The site in view uses the group's value ("Same as the group"). */
  same: boolean;
  setSame(same: boolean): void;
  /** The person may save what is in view (the group's through `groupChannel`, a site's through sites.settings.save). */
  can: boolean;
  /** Why not (ReadOnlyNote), once known. */
  why: ReadOnlyReason | null;
  /** The fields may be edited (may save, and the group's, or the site's own). */
  editable: boolean;
  save(): Promise<boolean>;
  busy: boolean;
  /** A refusal not tied to one of the card's fields. */
  general(known: readonly string[]): string | null;
  fieldError(field: string): string | undefined;
}

export function useSiteSettings<K extends SiteSettingKey>(key: K, opts: SiteSettingsOptions<K>): SiteSettingsState<K> {
  const { info } = useSites();
  const { run, error, fieldError, busy } = useSettingsSave();
  const [group, setGroup] = useState<SiteValue<K> | null>(null);
  const [own, setOwn] = useState<SiteValue<K> | null>(null);
  const [value, setValue] = useState<SiteValue<K> | null>(null);
  const [same, setSameState] = useState(false);
  const [ownSites, setOwnSites] = useState<string[]>([]);
  const multi = info?.multi ?? false;
  const siteId = multi ? (info?.scope.siteId ?? null) : null;
  const site = siteId === null ? null : { id: siteId, name: info?.sites.find((s) => s.id === siteId)?.name ?? '' };
  const { readGroup } = opts;
  const groupCan = useCan(opts.groupChannel);
  const siteCan = useCan('sites.settings.save');
  const { can, why } = siteId === null ? groupCan : siteCan;

  useEffect(() => {
    if (!info) return;
    let live = true;
    void (async () => {
      if (siteId !== null) {
        const r = await invoke('sites.settings.get', { siteId });
        if (!live || !r.ok) return;
        const g = r.value.group[key] as SiteValue<K>;
        const mine = r.value[key] as SiteValue<K> | null;
        setGroup(g);
        setOwn(mine);
        setValue(mine ?? g);
        setSameState(mine === null);
        return;
      }
      const g = await readGroup();
      if (!live) return;
      setGroup(g);
      setValue(g);
      // Which sites have their own (a group-wide person reads every site's; a few sites, one call each).
      if (multi && !info.scope.fixed) {
        const names: string[] = [];
        for (const s of info.sites) {
          const r = await invoke('sites.settings.get', { siteId: s.id });
          if (r.ok && r.value[key] !== null) names.push(s.name);
        }
        if (live) setOwnSites(names);
      }
    })();
    return () => {
      live = false;
    };
    // readGroup is the card's: read once per site in view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [info, siteId, key, multi]);

  const setSame = useCallback(
    (on: boolean) => {
      setSameState(on);
      // On: the group's is shown; off: the site's own to edit, starting from what it uses now.
      setValue(on ? group : (own ?? group));
    },
    [group, own],
  );

  const save = async (): Promise<boolean> => {
    if (value === null || group === null) return false;
    if (siteId === null)
      return run(async () => {
        const r = await opts.saveGroup(value);
        if (r.ok) {
          setGroup(r.value);
          setValue(r.value);
        }
        return r;
      });
    const mine = same ? null : opts.toSite ? opts.toSite(value, group) : value;
    // Already the group's: nothing to clear (a site's figures cleared again would rewrite its leads' deadlines).
    if (mine === null && own === null) return run(async () => ({ ok: true }));
    return run(async () => {
      const r = await invoke('sites.settings.save', { siteId, [key]: mine });
      if (!r.ok) {
        // The site's fields are named under the key (`rules.sla1Hours`): the card's fields are not.
        const field = r.error.field?.startsWith(`${key}.`) ? r.error.field.slice(key.length + 1) : r.error.field;
        return { ok: false, error: { ...r.error, ...(field ? { field } : {}) } };
      }
      const saved = r.value[key] as SiteValue<K> | null;
      setOwn(saved);
      setValue(saved ?? group);
      setSameState(saved === null);
      return r;
    });
  };

  const general = (known: readonly string[]) =>
    error && !known.some((k) => error.field === k || error.field?.startsWith(`${k}.`)) ? error.message : null;

  return {
    multi,
    site,
    fixed: info?.scope.fixed ?? false,
    ownSites,
    value,
    group,
    setValue,
    same: site !== null && same,
    setSame,
    can,
    why,
    editable: can && (site === null || !same),
    save,
    busy,
    general,
    fieldError,
  };
}
