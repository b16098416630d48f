export { badgeVars, plainBadge, type PlainBadgeSpec } from './PlainBadge';
