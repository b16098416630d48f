// Extension points of the frame, so that each feature adds itself in one line here:
// header widgets (e.g. notification bell, who-is-at-the-desk) and navigation entries (e.g. My day, Import).
import type { ComponentType } from 'react';
import { ImportNav, MyDayNav } from '../features/playbook/nav';
import { NewLeadButton } from '../features/newLead/NewLeadButton';
import { HelpButton } from '../features/help/HelpButton';
import { UserSwitch } from '../features/people/UserSwitch';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { SiteSwitch } from '../features/sites/SiteSwitch';
import { DeskShortcuts } from './DeskShortcuts';

export const headerSlots: ComponentType[] = [
  DeskShortcuts,
  SiteSwitch,
  GlobalSearch,
  NewLeadButton,
  NotificationBell,
  UserSwitch,
  HelpButton,
];
export const navSlots: ComponentType<{ here: string }>[] = [MyDayNav, ImportNav];
